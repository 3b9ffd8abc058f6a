package limiterfirstword

import (
	"sync"
	"sync/atomic"
)

// Limiter admits at most max concurrent requests.
type Limiter struct {
	// Accessed with sync/atomic 64-bit functions; kept first so it is 8-byte
	// aligned on 32-bit platforms too.
	inFlight int64
	rejected int64

	name string
	max  int64
	mu   sync.Mutex
}

func NewLimiter(name string, max int64) *Limiter {
	return &Limiter{name: name, max: max}
}

func (l *Limiter) Acquire() bool {
	if atomic.AddInt64(&l.inFlight, 1) > l.max {
		atomic.AddInt64(&l.inFlight, -1)
		atomic.AddInt64(&l.rejected, 1)
		return false
	}
	return true
}

func (l *Limiter) Release() {
	atomic.AddInt64(&l.inFlight, -1)
}

func (l *Limiter) Rejected() int64 {
	return atomic.LoadInt64(&l.rejected)
}
