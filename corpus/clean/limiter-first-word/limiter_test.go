package limiterfirstword

import (
	"sync"
	"testing"
)

func TestLimiterCounts(t *testing.T) {
	l := NewLimiter("api", 2)
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if l.Acquire() {
				l.Release()
			}
		}()
	}
	wg.Wait()
	if !l.Acquire() || !l.Acquire() || l.Acquire() {
		t.Fatal("limit of 2 not enforced")
	}
	if l.Rejected() < 1 {
		t.Errorf("rejected %d", l.Rejected())
	}
}
