package counterafterflagfixed

import (
	"sync"
	"testing"
)

func TestAllowUnderLoad(t *testing.T) {
	l := NewLimiter(2)
	var wg sync.WaitGroup
	var mu sync.Mutex
	granted := 0
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if l.Allow() {
				mu.Lock()
				granted++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if granted != 2 || l.Denied() != 2 {
		t.Fatalf("granted %d, denied %d", granted, l.Denied())
	}
}
