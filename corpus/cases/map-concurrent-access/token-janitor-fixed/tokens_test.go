package tokenjanitorfixed

import (
	"testing"
	"time"
)

func TestExpiredTokensDisappear(t *testing.T) {
	start := time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)
	s := NewStore(func() time.Time { return start })
	s.Issue("old", "ana", -time.Minute)
	s.Issue("fresh", "bo", time.Hour)

	stop := s.StartJanitor(time.Millisecond)
	deadline := time.Now().Add(5 * time.Millisecond)
	for time.Now().Before(deadline) {
		if _, ok := s.User("old"); ok {
			t.Fatal("expired token accepted")
		}
		if u, ok := s.User("fresh"); !ok || u != "bo" {
			t.Fatalf("fresh token: %q %v", u, ok)
		}
		time.Sleep(200 * time.Microsecond)
	}
	stop()
}
