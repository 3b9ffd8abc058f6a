package serverconstructor

import "testing"

func TestServeAll(t *testing.T) {
	s := NewServer("edge", "Mallory")
	got := s.ServeAll([]string{"ana", "mallory", "bo"})
	if got[0] != "hello from edge, ana" || got[1] != "go away" || got[2] != "hello from edge, bo" {
		t.Fatalf("got %q", got)
	}
}
