package localaddressfixed

import (
	"sync/atomic"
	"time"
)

type Meter struct {
	total   int64 // first, so 64-bit atomic access is aligned on 32-bit platforms
	label   string
	enabled bool
	window  time.Duration
	since   time.Time
}

func NewMeter(label string, window time.Duration) *Meter {
	return &Meter{label: label, enabled: true, window: window, since: time.Now()}
}

func add(counter *int64, n int64) int64 {
	return atomic.AddInt64(counter, n)
}

func (m *Meter) Record(n int64) int64 {
	if !m.enabled {
		return 0
	}
	counter := &m.total
	return add(counter, n)
}

func (m *Meter) Rate() float64 {
	elapsed := time.Since(m.since)
	if elapsed <= 0 {
		return 0
	}
	return float64(atomic.LoadInt64(&m.total)) / elapsed.Seconds()
}
