package connstatstyped

import (
	"sync"
	"sync/atomic"
)

// ConnStats counts traffic on one connection; it is updated by the reader and the
// writer goroutines and read by the metrics exporter.
type ConnStats struct {
	open      bool
	id        uint32
	bytesIn   atomic.Int64
	label     string
	bytesOut  atomic.Uint64
	lastError atomic.Value
}

func NewConnStats(id uint32, label string) *ConnStats {
	return &ConnStats{open: true, id: id, label: label}
}

func (s *ConnStats) Received(n int) { s.bytesIn.Add(int64(n)) }
func (s *ConnStats) Sent(n int)     { s.bytesOut.Add(uint64(n)) }

func (s *ConnStats) Totals() (in int64, out uint64) {
	return s.bytesIn.Load(), s.bytesOut.Load()
}

// Pump simulates the reader and writer goroutines of a connection.
func Pump(s *ConnStats, chunks []int) {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for _, n := range chunks {
			s.Received(n)
		}
	}()
	go func() {
		defer wg.Done()
		for _, n := range chunks {
			s.Sent(2 * n)
		}
	}()
	wg.Wait()
}
