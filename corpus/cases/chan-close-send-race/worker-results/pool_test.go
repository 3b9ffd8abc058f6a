package workerresults

import (
	"testing"
	"time"
)

func TestPoolCountsWords(t *testing.T) {
	p := NewPool(2, 8)
	p.Submit(Job{ID: 1, Text: "one two"})
	p.Submit(Job{ID: 2, Text: "three"})
	time.Sleep(10 * time.Millisecond)
	p.Close()
	total := 0
	for r := range p.Results() {
		total += r.Words
	}
	if total != 3 {
		t.Fatalf("total = %d", total)
	}
}
