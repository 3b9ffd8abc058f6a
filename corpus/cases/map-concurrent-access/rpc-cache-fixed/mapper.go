package rpccachefixed

import (
	"strings"
	"sync"
)

// Mapping tells which provider package serves a resource name.
type Mapping struct {
	Provider string
	Module   string
}

// Lookup resolves a name the slow way (it reads schema files).
type Lookup func(name string) (Mapping, error)

// CachingMapper remembers the result of every lookup. The slow lookup runs with no
// lock held so that one cold name does not stall every other request.
type CachingMapper struct {
	inner Lookup
	mu    sync.RWMutex
	cache map[string]Mapping
}

func NewCachingMapper(inner Lookup) *CachingMapper {
	return &CachingMapper{inner: inner, cache: make(map[string]Mapping)}
}

func (c *CachingMapper) GetMapping(name string) (Mapping, error) {
	key := strings.ToLower(name)
	c.mu.RLock()
	m, ok := c.cache[key]
	c.mu.RUnlock()
	if ok {
		return m, nil
	}
	m, err := c.inner(key)
	if err != nil {
		return Mapping{}, err
	}
	c.mu.Lock()
	c.cache[key] = m
	c.mu.Unlock()
	return m, nil
}

// MapperService exposes a CachingMapper to plugins over net/rpc.
type MapperService struct {
	Mapper *CachingMapper
}

func (s *MapperService) GetMapping(name string, reply *Mapping) error {
	m, err := s.Mapper.GetMapping(name)
	if err != nil {
		return err
	}
	*reply = m
	return nil
}
