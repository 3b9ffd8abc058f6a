package closerregisteredtwicefixed

import "testing"

func TestCloseAllReleasesSubscriptions(t *testing.T) {
	var r Registry
	sub := Setup(&r)
	if err := r.CloseAll(); err != nil {
		t.Fatal(err)
	}
	if _, open := <-sub.Events(); open {
		t.Fatal("events still open")
	}
}
