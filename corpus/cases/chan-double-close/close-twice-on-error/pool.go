package closetwiceonerror

import (
	"errors"
	"sync"
)

type Task func() error

type Pool struct {
	tasks chan Task
	wg    sync.WaitGroup
	mu    sync.Mutex
	errs  []error
}

func NewPool(workers int) *Pool {
	p := &Pool{tasks: make(chan Task)}
	for i := 0; i < workers; i++ {
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			for task := range p.tasks {
				if err := task(); err != nil {
					p.mu.Lock()
					p.errs = append(p.errs, err)
					p.mu.Unlock()
				}
			}
		}()
	}
	return p
}

func (p *Pool) Close() error {
	close(p.tasks)
	p.wg.Wait()
	return errors.Join(p.errs...)
}

func RunAll(tasks []Task, workers int) error {
	p := NewPool(workers)
	defer p.Close()
	for _, t := range tasks {
		if t == nil {
			if err := p.Close(); err != nil {
				return err
			}
			return errors.New("nil task")
		}
		p.tasks <- t
	}
	return p.Close()
}
