package catalogreads

import (
	"sync"
	"testing"
)

func TestParallelLookups(t *testing.T) {
	c := NewCatalog([]Item{{SKU: "a1", Price: 10}, {SKU: "b2", Price: 25}})
	var wg sync.WaitGroup
	for _, sku := range []string{"a1", "b2", "a1", "zz"} {
		wg.Add(1)
		go func(sku string) {
			defer wg.Done()
			if it, ok := c.Lookup(sku); ok && it.SKU != sku {
				t.Errorf("lookup %s returned %s", sku, it.SKU)
			}
		}(sku)
	}
	wg.Wait()
	if c.Lookups() == 0 {
		t.Error("no lookups counted")
	}
}
