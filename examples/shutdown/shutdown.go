// Package shutdown runs a background flusher that callers stop with Close.
//
// Bug (chan-double-close, rule to come): Close checks whether done is already closed and
// closes it otherwise, but the check and the close are not atomic. Two goroutines
// calling Close at once (a signal handler and a deferred Close, say) both see the
// channel open and the second close panics with "close of closed channel".
package shutdown

import "time"

// Flusher calls flush every interval until closed.
type Flusher struct {
	done chan struct{}
}

// Start runs flush every interval on its own goroutine.
func Start(flush func(), interval time.Duration) *Flusher {
	f := &Flusher{done: make(chan struct{})}
	go func() {
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-f.done:
				return
			case <-t.C:
				flush()
			}
		}
	}()
	return f
}

// CloseOnSignal closes the flusher when stop fires, from a goroutine of its own, while
// the owner may also call Close (a deferred Close in main, say).
func (f *Flusher) CloseOnSignal(stop <-chan struct{}) {
	go func() {
		<-stop
		f.Close()
	}()
}

// Close stops the flusher. It is meant to be safe to call more than once; it is not
// safe to call concurrently.
func (f *Flusher) Close() {
	select {
	case <-f.done:
	default:
		close(f.done)
	}
}
