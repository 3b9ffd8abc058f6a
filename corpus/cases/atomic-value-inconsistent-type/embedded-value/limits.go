package embeddedvalue

import "sync/atomic"

type Overrides map[string]int

type Limits struct {
	atomic.Value
	name string
}

func NewLimits(name string, defaults map[string]int) *Limits {
	l := &Limits{name: name}
	l.Store(defaults)
	return l
}

func (l *Limits) table() map[string]int {
	switch m := l.Load().(type) {
	case map[string]int:
		return m
	case Overrides:
		return m
	}
	return nil
}

func (l *Limits) Get(key string) int {
	return l.table()[key]
}

func (l *Limits) Apply(o Overrides) {
	merged := make(Overrides, len(o))
	for k, v := range l.table() {
		merged[k] = v
	}
	for k, v := range o {
		merged[k] = v
	}
	l.Store(merged)
}

func (l *Limits) Watch(updates <-chan Overrides, done chan<- struct{}) {
	go func() {
		defer close(done)
		for o := range updates {
			l.Apply(o)
		}
	}()
}
