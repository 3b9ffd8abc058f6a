// Package stats counts traffic through a proxy.
//
// Bug (atomic-unaligned-64bit): bytesIn follows a bool, so on 386, arm and mips it sits
// at offset 4 of Counters and the first atomic.AddInt64 panics with "unaligned 64-bit
// atomic operation". On amd64 and arm64 it works, which is why it ships.
package stats

import "sync/atomic"

// Counters is shared by every connection of the proxy.
type Counters struct {
	enabled  bool
	bytesIn  int64 // offset 4 on 32-bit targets
	bytesOut int64 // offset 12
}

// NewCounters returns enabled counters.
func NewCounters() *Counters { return &Counters{enabled: true} }

// In records n bytes read from a client.
func (c *Counters) In(n int) {
	if c.enabled {
		atomic.AddInt64(&c.bytesIn, int64(n))
	}
}

// Out records n bytes written to a client.
func (c *Counters) Out(n int) {
	if c.enabled {
		atomic.AddInt64(&c.bytesOut, int64(n))
	}
}

// Totals reads both counters.
func (c *Counters) Totals() (in, out int64) {
	return atomic.LoadInt64(&c.bytesIn), atomic.LoadInt64(&c.bytesOut)
}
