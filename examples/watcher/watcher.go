// Package watcher polls a config source and publishes updates on a channel.
//
// Bug (chan-close-send-race, rule to come): Stop closes updates while the poll goroutine
// may be sending on it. The select with a default case does not help: a closed channel
// is always ready, so a late send panics with "send on closed channel". The mutex in Stop
// does not help either: the sender never takes it.
package watcher

import (
	"sync"
	"time"
)

// Watcher delivers the latest config on Updates.
type Watcher struct {
	mu      sync.Mutex
	updates chan string
	stop    chan struct{}
	load    func() string
}

// Start begins polling every interval.
func Start(load func() string, interval time.Duration) *Watcher {
	w := &Watcher{updates: make(chan string, 1), stop: make(chan struct{}), load: load}
	go w.poll(interval)
	return w
}

// Updates returns the channel of new configs.
func (w *Watcher) Updates() <-chan string { return w.updates }

func (w *Watcher) poll(interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-w.stop:
			return
		case <-t.C:
		}
		v := w.load()
		select {
		case w.updates <- v: // may run after Stop closed updates
		default: // a reader is behind: drop the update
		}
	}
}

// Stop ends polling and closes Updates.
func (w *Watcher) Stop() {
	w.mu.Lock()
	defer w.mu.Unlock()
	close(w.stop)
	close(w.updates) // races with the send in poll
}
