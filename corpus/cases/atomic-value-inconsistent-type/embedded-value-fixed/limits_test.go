package embeddedvaluefixed

import "testing"

func TestWatchAppliesOverrides(t *testing.T) {
	l := NewLimits("api", map[string]int{"rps": 100, "burst": 20})
	updates := make(chan Overrides)
	done := make(chan struct{})
	l.Watch(updates, done)
	updates <- Overrides{"rps": 250}
	close(updates)
	<-done
	if got := l.Get("rps"); got != 250 {
		t.Fatalf("rps = %d", got)
	}
	if got := l.Get("burst"); got != 20 {
		t.Fatalf("burst = %d", got)
	}
}
