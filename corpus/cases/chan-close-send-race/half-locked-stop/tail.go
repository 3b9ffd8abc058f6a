package halflockedstop

import (
	"bufio"
	"io"
	"sync"
)

type Tail struct {
	mu      sync.Mutex
	stopped bool
	lines   chan string
}

func Follow(r io.Reader) *Tail {
	t := &Tail{lines: make(chan string, 64)}
	go t.scan(r)
	return t
}

func (t *Tail) Lines() <-chan string {
	return t.lines
}

func (t *Tail) scan(r io.Reader) {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		select {
		case t.lines <- sc.Text():
		default:
		}
	}
}

func (t *Tail) Stop() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.stopped {
		return
	}
	t.stopped = true
	close(t.lines)
}
