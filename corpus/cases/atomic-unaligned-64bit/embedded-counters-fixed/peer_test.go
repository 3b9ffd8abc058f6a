package embeddedcountersfixed

import (
	"sync"
	"sync/atomic"
	"testing"
)

func TestPumpCountsBytes(t *testing.T) {
	p := NewPeer(7, "10.0.0.7:4000")
	var wg sync.WaitGroup
	p.Pump(func([]byte) error { return nil }, &wg)
	p.Send([]byte("hello"))
	p.Send([]byte("world!"))
	p.Close()
	wg.Wait()
	p.OnReceive([]byte("ack"))
	if sent := atomic.LoadUint64(&p.Sent); sent != 11 {
		t.Fatalf("sent = %d", sent)
	}
}
