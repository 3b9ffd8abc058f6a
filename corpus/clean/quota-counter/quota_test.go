package quotacounter

import (
	"sync"
	"sync/atomic"
	"testing"
)

func TestQuotaUnderLoad(t *testing.T) {
	q := NewQuota(10)
	var allowed atomic.Int32
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 5; j++ {
				if q.Allow("acme") {
					allowed.Add(1)
				}
				q.Used("acme")
			}
		}()
	}
	wg.Wait()
	if allowed.Load() != 10 || q.Used("acme") != 10 {
		t.Fatalf("allowed %d, used %d", allowed.Load(), q.Used("acme"))
	}
	q.Reset("acme")
	if q.Used("acme") != 0 {
		t.Error("reset did not clear usage")
	}
}
