package genericlatestfixed

import (
	"context"
	"sync"
	"sync/atomic"
)

type box[T any] struct{ x T }

type Latest[T any] struct {
	v atomic.Value
}

func (l *Latest[T]) Set(x T) {
	l.v.Store(box[T]{x})
}

func (l *Latest[T]) Get() (T, bool) {
	b, ok := l.v.Load().(box[T])
	return b.x, ok
}

type Probe func(ctx context.Context) error

type Checker struct {
	Probes  map[string]Probe
	lastErr Latest[error]
}

func (c *Checker) RunOnce(ctx context.Context) bool {
	var wg sync.WaitGroup
	var failed atomic.Int32
	for _, probe := range c.Probes {
		wg.Add(1)
		go func(p Probe) {
			defer wg.Done()
			if err := p(ctx); err != nil {
				failed.Add(1)
				c.lastErr.Set(err)
			}
		}(probe)
	}
	wg.Wait()
	return failed.Load() == 0
}

func (c *Checker) LastError() error {
	err, _ := c.lastErr.Get()
	return err
}
