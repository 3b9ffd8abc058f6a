package registrysnapshotfixed

import (
	"sync"
	"time"
)

// Endpoint is one reachable instance of a service.
type Endpoint struct {
	Addr    string
	Healthy bool
}

// Registry keeps the endpoints this process knows about.
type Registry struct {
	mu       sync.RWMutex
	services map[string]Endpoint
}

func NewRegistry() *Registry {
	return &Registry{services: make(map[string]Endpoint)}
}

func (r *Registry) Register(name string, e Endpoint) {
	r.mu.Lock()
	r.services[name] = e
	r.mu.Unlock()
}

func (r *Registry) Snapshot() map[string]Endpoint {
	r.mu.RLock()
	defer r.mu.RUnlock()
	out := make(map[string]Endpoint, len(r.services))
	for name, e := range r.services {
		out[name] = e
	}
	return out
}

// Publish sends a snapshot of the registry every interval until stop is closed.
func (r *Registry) Publish(interval time.Duration, stop <-chan struct{}) <-chan map[string]Endpoint {
	out := make(chan map[string]Endpoint)
	go func() {
		defer close(out)
		ticker := time.NewTicker(interval)
		defer ticker.Stop()
		for {
			select {
			case out <- r.Snapshot():
			case <-stop:
				return
			}
			select {
			case <-ticker.C:
			case <-stop:
				return
			}
		}
	}()
	return out
}
