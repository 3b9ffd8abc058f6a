package stoponce

import (
	"sync"
	"time"
)

// Heartbeat calls beat every interval until it is stopped.
type Heartbeat struct {
	quit     chan struct{}
	done     chan struct{}
	stopOnce sync.Once
}

func StartHeartbeat(interval time.Duration, beat func()) *Heartbeat {
	h := &Heartbeat{quit: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(h.done)
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				beat()
			case <-h.quit:
				return
			}
		}
	}()
	return h
}

// Stop may be called any number of times, from any goroutine.
func (h *Heartbeat) Stop() {
	h.stopOnce.Do(func() { close(h.quit) })
	<-h.done
}
