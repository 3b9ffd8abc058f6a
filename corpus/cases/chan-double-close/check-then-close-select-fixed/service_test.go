package checkthencloseselectfixed

import (
	"context"
	"sync/atomic"
	"testing"
	"time"
)

func TestStopFromSignalAndContext(t *testing.T) {
	s := NewService("indexer")
	var stopping atomic.Int32
	bothStopping := make(chan struct{})
	s.RegisterOnShutdown(func() {
		if stopping.Add(1) == 2 {
			close(bothStopping)
		}
		select {
		case <-bothStopping:
		case <-time.After(50 * time.Millisecond):
		}
	})

	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan struct{})
	go func() {
		defer close(served)
		s.Serve(ctx, func() { time.Sleep(time.Millisecond) })
	}()

	time.Sleep(5 * time.Millisecond)
	cancel()
	s.Stop()
	<-served
}
