package gaugeprobe

import "sync"

// Probe embeds the gauge first: its 64-bit counters start at the Probe's own 8-aligned
// first word.
type Probe struct {
	gauge
	healthy bool
}

func NewProbe() *Probe { return &Probe{healthy: true} }

// Check runs fn as one in-flight health check.
func (p *Probe) Check(fn func() bool) bool {
	p.enter()
	defer p.leave()
	return fn()
}

// CheckAll runs the checks in parallel.
func (p *Probe) CheckAll(checks []func() bool) int {
	var wg sync.WaitGroup
	var mu sync.Mutex
	ok := 0
	for _, c := range checks {
		wg.Add(1)
		go func(c func() bool) {
			defer wg.Done()
			if p.Check(c) {
				mu.Lock()
				ok++
				mu.Unlock()
			}
		}(c)
	}
	wg.Wait()
	return ok
}
