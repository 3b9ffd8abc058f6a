package sessionresumefixed

import (
	"sync"
	"testing"
	"time"
)

type memCache struct {
	mu sync.Mutex
	m  map[string]*SessionState
}

func (c *memCache) Get(key string) (*SessionState, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, ok := c.m[key]
	return s, ok
}

func (c *memCache) Put(key string, s *SessionState) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[key] = s
}

func TestConnectionsResumeSharedSession(t *testing.T) {
	shared := &memCache{m: map[string]*SessionState{
		"edge.example:443": {Ticket: []byte("t1"), IssuedAt: time.Now()},
	}}
	var wg sync.WaitGroup
	for _, rtt := range []time.Duration{10 * time.Millisecond, 40 * time.Millisecond} {
		wg.Add(1)
		go func(rtt time.Duration) {
			defer wg.Done()
			resumed, budget := Dial("edge.example:443", shared, rtt).Handshake()
			if !resumed || budget <= 0 {
				t.Errorf("rtt %v: resumed=%v budget=%v", rtt, resumed, budget)
			}
		}(rtt)
	}
	wg.Wait()
}
