package embeddedemitterfixed

import "time"

type Event struct {
	Job     string
	Kind    string
	Elapsed time.Duration
}

type emitter struct {
	events chan Event
}

func (e *emitter) emit(ev Event) { e.events <- ev }
func (e *emitter) shutdown()     { close(e.events) }

type Job struct {
	emitter
	Name    string
	started time.Time
}

func NewJob(name string) *Job {
	return &Job{emitter: emitter{events: make(chan Event, 8)}, Name: name}
}

func (j *Job) Events() <-chan Event {
	return j.events
}

func (j *Job) Start() {
	j.started = time.Now()
	j.emit(Event{Job: j.Name, Kind: "started"})
}

func (j *Job) Finish(err error) {
	kind := "succeeded"
	if err != nil {
		kind = "failed"
	}
	j.emit(Event{Job: j.Name, Kind: kind, Elapsed: time.Since(j.started)})
	j.shutdown()
}
