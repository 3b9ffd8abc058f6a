package pubsubsnapshot

import "sync"

type Message struct {
	Topic string
	Body  []byte
}

type Broker struct {
	mu   sync.RWMutex
	subs map[int]chan Message
	next int
}

func NewBroker() *Broker {
	return &Broker{subs: make(map[int]chan Message)}
}

func (b *Broker) Subscribe(buffer int) (int, <-chan Message) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.next++
	ch := make(chan Message, buffer)
	b.subs[b.next] = ch
	return b.next, ch
}

func (b *Broker) Unsubscribe(id int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if ch, ok := b.subs[id]; ok {
		delete(b.subs, id)
		close(ch)
	}
}

func (b *Broker) Publish(m Message) int {
	b.mu.RLock()
	targets := make([]chan Message, 0, len(b.subs))
	for _, ch := range b.subs {
		targets = append(targets, ch)
	}
	b.mu.RUnlock()

	delivered := 0
	for _, ch := range targets {
		select {
		case ch <- m:
			delivered++
		default:
		}
	}
	return delivered
}
