package genericstream

import "sync"

type Stream[T any] struct {
	items chan T
}

func NewStream[T any](buffer int) *Stream[T] {
	return &Stream[T]{items: make(chan T, buffer)}
}

func (s *Stream[T]) Emit(v T) {
	s.items <- v
}

func (s *Stream[T]) Take(n int) []T {
	out := make([]T, 0, n)
	for v := range s.items {
		out = append(out, v)
		if len(out) == n {
			break
		}
	}
	close(s.items)
	return out
}

func Produce[T any](s *Stream[T], sources [][]T) *sync.WaitGroup {
	var wg sync.WaitGroup
	for _, src := range sources {
		wg.Add(1)
		go func(src []T) {
			defer wg.Done()
			for _, v := range src {
				s.Emit(v)
			}
		}(src)
	}
	return &wg
}
