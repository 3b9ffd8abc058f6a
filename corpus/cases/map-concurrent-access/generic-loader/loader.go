package genericloader

import "sync"

// Loader caches the values produced by a load function, keyed by K.
type Loader[K comparable, V any] struct {
	load  func(K) (V, error)
	items map[K]V
}

func NewLoader[K comparable, V any](load func(K) (V, error)) *Loader[K, V] {
	return &Loader[K, V]{load: load, items: make(map[K]V)}
}

func (l *Loader[K, V]) Get(key K) (V, error) {
	if v, ok := l.items[key]; ok {
		return v, nil
	}
	v, err := l.load(key)
	if err != nil {
		var zero V
		return zero, err
	}
	l.items[key] = v
	return v, nil
}

// ResolveAll resolves every host concurrently through the shared loader.
func ResolveAll(hosts []string, loader *Loader[string, []string]) map[string]int {
	counts := make([]int, len(hosts))
	var wg sync.WaitGroup
	for i, h := range hosts {
		wg.Add(1)
		go func(i int, h string) {
			defer wg.Done()
			if addrs, err := loader.Get(h); err == nil {
				counts[i] = len(addrs)
			}
		}(i, h)
	}
	wg.Wait()
	out := make(map[string]int, len(hosts))
	for i, h := range hosts {
		out[h] = counts[i]
	}
	return out
}
