package reporterprefix

import (
	"os"
	"time"
)

// Reporter emits heartbeat lines to a sink until it is closed.
type Reporter struct {
	sink   func(line string)
	prefix string
	stop   chan struct{}
	done   chan struct{}
}

func NewReporter(sink func(line string), every time.Duration) *Reporter {
	r := &Reporter{sink: sink, stop: make(chan struct{}), done: make(chan struct{})}
	go r.loop(every)
	r.prefix = hostPrefix()
	return r
}

func hostPrefix() string {
	name, err := os.Hostname()
	if err != nil || name == "" {
		name = "unknown"
	}
	return name + ": "
}

func (r *Reporter) loop(every time.Duration) {
	defer close(r.done)
	r.sink(r.prefix + "up")
	ticker := time.NewTicker(every)
	defer ticker.Stop()
	for {
		select {
		case <-ticker.C:
			r.sink(r.prefix + "alive")
		case <-r.stop:
			r.sink(r.prefix + "down")
			return
		}
	}
}

func (r *Reporter) Close() {
	close(r.stop)
	<-r.done
}
