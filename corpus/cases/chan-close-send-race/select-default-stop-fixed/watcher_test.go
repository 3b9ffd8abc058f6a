package selectdefaultstopfixed

import (
	"context"
	"testing"
	"time"
)

func TestStopAfterUpdate(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	source := make(chan map[string]string)
	w := NewWatcher()
	loader := &Loader{Source: source, Watcher: w}
	go loader.Run(ctx)

	source <- map[string]string{"log.level": "debug"}
	time.Sleep(10 * time.Millisecond)
	w.Stop()
	select {
	case c := <-w.Updates():
		if c.Version != 1 {
			t.Fatalf("version %d", c.Version)
		}
	case <-w.Done():
	}
}
