package gaugeprobe

import "sync/atomic"

// gauge is aligned on its own: inflight is its first word.
type gauge struct {
	inflight int64
	peak     int64
}

func (g *gauge) enter() {
	n := atomic.AddInt64(&g.inflight, 1)
	for {
		p := atomic.LoadInt64(&g.peak)
		if n <= p || atomic.CompareAndSwapInt64(&g.peak, p, n) {
			return
		}
	}
}

func (g *gauge) leave() { atomic.AddInt64(&g.inflight, -1) }
