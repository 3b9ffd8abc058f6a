package localaddressfixed

import (
	"sync"
	"testing"
	"time"
)

func TestRecordFromWorkers(t *testing.T) {
	m := NewMeter("bytes_in", time.Minute)
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m.Record(512)
		}()
	}
	wg.Wait()
	if m.Rate() <= 0 {
		t.Fatal("rate should be positive")
	}
}
