package afterfuncdebouncefixed

import (
	"sync"
	"time"
)

type Debouncer struct {
	delay   time.Duration
	mu      sync.Mutex
	timer   *time.Timer
	pending []string
	stopped bool
	out     chan []string
}

func NewDebouncer(delay time.Duration) *Debouncer {
	return &Debouncer{delay: delay, out: make(chan []string, 4)}
}

func (d *Debouncer) Batches() <-chan []string {
	return d.out
}

func (d *Debouncer) Add(key string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.pending = append(d.pending, key)
	if d.timer == nil && !d.stopped {
		d.timer = time.AfterFunc(d.delay, d.flush)
	}
}

func (d *Debouncer) flush() {
	d.mu.Lock()
	defer d.mu.Unlock()
	batch := d.pending
	d.pending = nil
	d.timer = nil
	if !d.stopped {
		d.out <- batch
	}
}

func (d *Debouncer) Stop() {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.stopped {
		return
	}
	d.stopped = true
	if d.timer != nil {
		d.timer.Stop()
	}
	close(d.out)
}
