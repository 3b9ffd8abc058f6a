package closerregisteredtwicefixed

import (
	"errors"
	"io"
	"sync"
)

type Subscription struct {
	topic     string
	events    chan string
	closeOnce sync.Once
}

func NewSubscription(topic string) *Subscription {
	return &Subscription{topic: topic, events: make(chan string, 8)}
}

func (s *Subscription) Events() <-chan string {
	return s.events
}

func (s *Subscription) Close() error {
	s.closeOnce.Do(func() { close(s.events) })
	return nil
}

type Registry struct {
	names   []string
	closers []io.Closer
}

func (r *Registry) Add(name string, c io.Closer) {
	r.names = append(r.names, name)
	r.closers = append(r.closers, c)
}

func (r *Registry) CloseAll() error {
	var errs []error
	for i := len(r.closers) - 1; i >= 0; i-- {
		if err := r.closers[i].Close(); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

func Setup(r *Registry) *Subscription {
	sub := NewSubscription("billing")
	r.Add("billing-events", sub)
	r.Add("billing-audit", sub)
	return sub
}
