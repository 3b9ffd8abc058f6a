package pollintervalfixed

import (
	"sync/atomic"
	"testing"
	"time"
)

func TestWatchReportsChanges(t *testing.T) {
	var version atomic.Int32
	var seen int32
	changed := func() bool {
		v := version.Load()
		if v != seen {
			seen = v
			return true
		}
		return false
	}
	stop := make(chan struct{})
	events := Watch(changed, stop)
	SetPollInterval(time.Millisecond)
	version.Store(1)
	select {
	case <-events:
	case <-time.After(2 * time.Second):
		t.Error("change not reported")
	}
	close(stop)
	for range events {
	}
}
