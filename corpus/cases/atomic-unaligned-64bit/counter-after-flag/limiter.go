package counterafterflag

import (
	"sync/atomic"
	"time"
)

type Limiter struct {
	closed  bool
	allowed int64
	denied  int64
	max     int64
	started time.Time
}

func NewLimiter(max int64) *Limiter {
	return &Limiter{max: max, started: time.Now()}
}

func (l *Limiter) Allow() bool {
	if atomic.AddInt64(&l.allowed, 1) <= l.max {
		return true
	}
	atomic.AddInt64(&l.allowed, -1)
	atomic.AddInt64(&l.denied, 1)
	return false
}

func (l *Limiter) Release() {
	atomic.AddInt64(&l.allowed, -1)
}

func (l *Limiter) Denied() int64 {
	return atomic.LoadInt64(&l.denied)
}
