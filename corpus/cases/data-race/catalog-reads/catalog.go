package catalogreads

import "sync"

// Item is one product of the catalog.
type Item struct {
	SKU   string
	Price int
}

// Catalog serves product lookups and counts how many were answered.
type Catalog struct {
	mu      sync.RWMutex
	items   map[string]Item
	lookups int
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
	c.lookups++
	return it, ok
}

func (c *Catalog) Update(it Item) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items[it.SKU] = it
}

func (c *Catalog) Lookups() int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.lookups
}
