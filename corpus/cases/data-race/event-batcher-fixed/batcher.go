package eventbatcherfixed

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
	batch := b.pending
	b.pending = nil
	b.mu.Unlock()
	if len(batch) == 0 {
		return 0
	}
	b.sink(batch)
	return len(batch)
}
