package afterfuncdebounce

import (
	"testing"
	"time"
)

func TestBatchesThenStop(t *testing.T) {
	d := NewDebouncer(time.Millisecond)
	d.Add("user:1")
	d.Add("user:2")
	time.Sleep(20 * time.Millisecond)
	d.Stop()
	var keys int
	for b := range d.Batches() {
		keys += len(b)
	}
	if keys != 2 {
		t.Fatalf("keys = %d", keys)
	}
}
