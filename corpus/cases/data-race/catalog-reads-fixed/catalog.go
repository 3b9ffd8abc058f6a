package catalogreadsfixed

import (
	"sync"
	"sync/atomic"
)

// Item is one product of the catalog.
type Item struct {
	SKU   string
	Price int
}

// Catalog serves product lookups and counts how many were answered.
type Catalog struct {
	mu      sync.RWMutex
	items   map[string]Item
	lookups atomic.Int64
}

func NewCatalog(items []Item) *Catalog {
	c := &Catalog{items: make(map[string]Item, len(items))}
	for _, it := range items {
		c.items[it.SKU] = it
	}
	return c
}

func (c *Catalog) Lookup(sku string) (Item, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	it, ok := c.items[sku]
	c.lookups.Add(1)
	return it, ok
}

func (c *Catalog) Update(it Item) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items[it.SKU] = it
}

func (c *Catalog) Lookups() int {
	return int(c.lookups.Load())
}
