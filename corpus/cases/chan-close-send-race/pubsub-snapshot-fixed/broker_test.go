package pubsubsnapshotfixed

import (
	"testing"
	"time"
)

func TestPublishWhileUnsubscribing(t *testing.T) {
	b := NewBroker()
	id, ch := b.Subscribe(4)
	done := make(chan int)
	go func() {
		done <- b.Publish(Message{Topic: "orders", Body: []byte(`{"id":1}`)})
	}()
	time.Sleep(10 * time.Millisecond)
	b.Unsubscribe(id)
	if n := <-done; n > 1 {
		t.Fatalf("delivered %d", n)
	}
	for range ch {
	}
}
