package genericstreamfixed

import (
	"testing"
	"time"
)

func TestTakeFirstResults(t *testing.T) {
	s := NewStream[string](16)
	wg := Produce(s, [][]string{{"a1", "a2"}, {"b1", "b2"}})
	time.Sleep(10 * time.Millisecond)
	got := s.Take(2)
	wg.Wait()
	if len(got) != 2 {
		t.Fatalf("got %v", got)
	}
}
