package afterfuncdebounce

import (
	"sync"
	"time"
)

type Debouncer struct {
	delay   time.Duration
	mu      sync.Mutex
	timer   *time.Timer
	pending []string
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
	if d.timer == nil {
		d.timer = time.AfterFunc(d.delay, d.flush)
	}
}

func (d *Debouncer) flush() {
	d.mu.Lock()
	batch := d.pending
	d.pending = nil
	d.timer = nil
	d.mu.Unlock()
	d.out <- batch
}

func (d *Debouncer) Stop() {
	d.mu.Lock()
	if d.timer != nil {
		d.timer.Stop()
	}
	d.mu.Unlock()
	close(d.out)
}
