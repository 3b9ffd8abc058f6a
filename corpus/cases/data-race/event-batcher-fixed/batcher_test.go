package eventbatcherfixed

import (
	"sync/atomic"
	"testing"
	"time"
)

func TestFlushWhileAdding(t *testing.T) {
	var delivered int
	b := NewBatcher(func(batch []Event) {
		for _, e := range batch {
			if e.Action == "" {
				t.Error("empty action")
			}
		}
		delivered += len(batch)
		time.Sleep(100 * time.Microsecond)
	})
	const total = 100
	var finished atomic.Bool
	go func() {
		for i := 0; i < total; i++ {
			b.Add(Event{Actor: "svc", Action: "login"})
			time.Sleep(20 * time.Microsecond)
		}
		finished.Store(true)
	}()
	for !finished.Load() {
		b.Flush()
	}
	b.Flush()
	if delivered != total {
		t.Errorf("delivered %d of %d", delivered, total)
	}
}
