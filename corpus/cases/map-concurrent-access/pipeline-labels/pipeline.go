package pipelinelabels

import (
	"sync"
	"time"
)

type labelSet struct {
	labels map[string]string
}

func (l *labelSet) SetLabel(key, value string) {
	l.labels[key] = value
}

func (l *labelSet) Label(key string) string {
	return l.labels[key]
}

// Stage is one independent step of a pipeline.
type Stage struct {
	Name string
	Run  func() error
}

// Pipeline runs its stages in parallel and records how each one went.
type Pipeline struct {
	labelSet
	Name   string
	stages []Stage
}

func NewPipeline(name string, stages ...Stage) *Pipeline {
	return &Pipeline{labelSet: labelSet{labels: map[string]string{}}, Name: name, stages: stages}
}

func (p *Pipeline) Run() {
	var wg sync.WaitGroup
	for _, st := range p.stages {
		wg.Add(1)
		go func(st Stage) {
			defer wg.Done()
			began := time.Now()
			status := "ok"
			if err := st.Run(); err != nil {
				status = "failed: " + err.Error()
			}
			p.SetLabel("stage/"+st.Name, status)
			p.SetLabel("took/"+st.Name, time.Since(began).String())
		}(st)
	}
	wg.Wait()
}
