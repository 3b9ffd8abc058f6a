package flushafterclose

type Batcher struct {
	size    int
	pending []string
	out     chan []string
}

func NewBatcher(size int, out chan []string) *Batcher {
	return &Batcher{size: size, out: out}
}

func (b *Batcher) Add(item string) {
	b.pending = append(b.pending, item)
	if len(b.pending) >= b.size {
		b.flush()
	}
}

func (b *Batcher) flush() {
	if len(b.pending) == 0 {
		return
	}
	batch := b.pending
	b.pending = nil
	b.out <- batch
}

func (b *Batcher) Close() {
	close(b.out)
	b.flush()
}
