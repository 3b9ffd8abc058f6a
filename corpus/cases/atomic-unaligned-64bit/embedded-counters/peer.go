package embeddedcounters

import (
	"sync"
	"sync/atomic"
)

type Counters struct {
	Sent     uint64
	Received uint64
}

type Peer struct {
	ID uint32
	Counters
	Addr   string
	outbox chan []byte
}

func NewPeer(id uint32, addr string) *Peer {
	return &Peer{ID: id, Addr: addr, outbox: make(chan []byte, 16)}
}

func (p *Peer) Send(msg []byte) {
	p.outbox <- msg
}

func (p *Peer) Pump(write func([]byte) error, wg *sync.WaitGroup) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		for msg := range p.outbox {
			if write(msg) == nil {
				atomic.AddUint64(&p.Sent, uint64(len(msg)))
			}
		}
	}()
}

func (p *Peer) OnReceive(msg []byte) {
	atomic.AddUint64(&p.Received, uint64(len(msg)))
}

func (p *Peer) Close() {
	close(p.outbox)
}
