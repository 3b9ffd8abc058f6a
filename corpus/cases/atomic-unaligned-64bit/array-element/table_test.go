package arrayelement

import (
	"fmt"
	"sync"
	"testing"
)

func TestHitsAcrossShards(t *testing.T) {
	tbl := NewTable([shardCount]string{"a", "b", "c", "d"})
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 16; i++ {
				tbl.Hit(fmt.Sprintf("user-%d-%d", w, i))
			}
		}(w)
	}
	wg.Wait()
	var total uint64
	for _, n := range tbl.Hits() {
		total += n
	}
	if total != 64 {
		t.Fatalf("total = %d", total)
	}
}
