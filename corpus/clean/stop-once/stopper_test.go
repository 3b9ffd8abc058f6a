package stoponce

import (
	"sync"
	"testing"
	"time"
)

func TestStopFromManyGoroutines(t *testing.T) {
	h := StartHeartbeat(time.Millisecond, func() {})
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			h.Stop()
		}()
	}
	wg.Wait()
	h.Stop()
}
