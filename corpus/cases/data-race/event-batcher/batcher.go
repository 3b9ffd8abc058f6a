package eventbatcher

import "sync"

// Event is one audit record.
type Event struct {
	Actor  string
	Action string
}

// Batcher collects events and hands them to a sink in batches.
type Batcher struct {
	mu      sync.Mutex
	pending []Event
	sink    func([]Event)
}

func NewBatcher(sink func([]Event)) *Batcher {
	return &Batcher{sink: sink}
}

func (b *Batcher) Add(e Event) {
	b.mu.Lock()
	b.pending = append(b.pending, e)
	b.mu.Unlock()
}

// Flush sends everything collected so far to the sink.
func (b *Batcher) Flush() int {
	b.mu.Lock()
	n := len(b.pending)
	b.mu.Unlock()
	if n == 0 {
		return 0
	}
	b.sink(b.pending[:n])
	b.pending = b.pending[n:]
	return n
}
