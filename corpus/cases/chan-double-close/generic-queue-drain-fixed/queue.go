package genericqueuedrainfixed

import "sync"

type Queue[T any] struct {
	items     chan T
	closeOnce sync.Once
}

func NewQueue[T any](capacity int) *Queue[T] {
	return &Queue[T]{items: make(chan T, capacity)}
}

func (q *Queue[T]) Push(v T) bool {
	select {
	case q.items <- v:
		return true
	default:
		return false
	}
}

func (q *Queue[T]) Pop() (T, bool) {
	v, ok := <-q.items
	return v, ok
}

func (q *Queue[T]) Close() {
	q.closeOnce.Do(func() { close(q.items) })
}

func (q *Queue[T]) Drain() []T {
	q.Close()
	var rest []T
	for v := range q.items {
		rest = append(rest, v)
	}
	return rest
}

type Job struct {
	Name     string
	Attempts int
}

func Requeue(q *Queue[Job], failed []Job) []Job {
	var dropped []Job
	for _, j := range failed {
		j.Attempts++
		if !q.Push(j) {
			dropped = append(dropped, j)
		}
	}
	return dropped
}
