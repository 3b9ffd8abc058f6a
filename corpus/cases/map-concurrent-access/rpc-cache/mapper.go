package rpccache

import "strings"

// Mapping tells which provider package serves a resource name.
type Mapping struct {
	Provider string
	Module   string
}

// Lookup resolves a name the slow way (it reads schema files).
type Lookup func(name string) (Mapping, error)

// CachingMapper remembers the result of every lookup.
type CachingMapper struct {
	inner Lookup
	cache map[string]Mapping
}

func NewCachingMapper(inner Lookup) *CachingMapper {
	return &CachingMapper{inner: inner, cache: make(map[string]Mapping)}
}

func (c *CachingMapper) GetMapping(name string) (Mapping, error) {
	key := strings.ToLower(name)
	if m, ok := c.cache[key]; ok {
		return m, nil
	}
	m, err := c.inner(key)
	if err != nil {
		return Mapping{}, err
	}
	c.cache[key] = m
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
