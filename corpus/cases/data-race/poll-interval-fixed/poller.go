package pollintervalfixed

import (
	"sync/atomic"
	"time"
)

var pollInterval atomic.Int64

func init() {
	pollInterval.Store(int64(250 * time.Millisecond))
}

// SetPollInterval changes how often watchers look for changes.
func SetPollInterval(d time.Duration) {
	pollInterval.Store(int64(d))
}

// Watch calls changed every poll interval and sends a value each time it reports true.
// The watcher stops when stop is closed; the returned channel is closed after that.
func Watch(changed func() bool, stop <-chan struct{}) <-chan struct{} {
	events := make(chan struct{}, 1)
	go func() {
		defer close(events)
		for {
			select {
			case <-stop:
				return
			case <-time.After(time.Duration(pollInterval.Load())):
				if changed() {
					select {
					case events <- struct{}{}:
					default:
					}
				}
			}
		}
	}()
	return events
}
