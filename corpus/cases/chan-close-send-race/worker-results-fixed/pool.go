package workerresultsfixed

import (
	"strings"
	"sync"
)

type Job struct {
	ID   int
	Text string
}

type Result struct {
	ID    int
	Words int
}

type Pool struct {
	jobs    chan Job
	results chan Result
	wg      sync.WaitGroup
}

func NewPool(workers, queue int) *Pool {
	p := &Pool{jobs: make(chan Job, queue), results: make(chan Result, queue)}
	for i := 0; i < workers; i++ {
		p.wg.Add(1)
		go p.work()
	}
	return p
}

func (p *Pool) work() {
	defer p.wg.Done()
	for j := range p.jobs {
		p.results <- Result{ID: j.ID, Words: len(strings.Fields(j.Text))}
	}
}

func (p *Pool) Submit(j Job) {
	p.jobs <- j
}

func (p *Pool) Results() <-chan Result {
	return p.results
}

func (p *Pool) Close() {
	close(p.jobs)
	p.wg.Wait()
	close(p.results)
}
