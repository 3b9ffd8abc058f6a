package sessionresumefixed

import (
	"sync"
	"time"
)

// SessionState is what a server gave us to resume a session later.
type SessionState struct {
	Ticket   []byte
	IssuedAt time.Time
	RTT      time.Duration
}

// SessionCache is supplied by the application and shared by every connection.
type SessionCache interface {
	Get(key string) (*SessionState, bool)
	Put(key string, s *SessionState)
}

// clientSessionCache adapts the application's cache for one connection and
// stamps each state it hands out with that connection's round-trip time. The state
// behind the pointer is shared with every other connection, so it stamps a copy.
type clientSessionCache struct {
	mu    sync.Mutex
	inner SessionCache
	rtt   time.Duration
}

func (c *clientSessionCache) Get(key string) (*SessionState, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, ok := c.inner.Get(key)
	if !ok {
		return nil, false
	}
	own := *s
	own.RTT = c.rtt
	return &own, true
}

func (c *clientSessionCache) Put(key string, s *SessionState) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.inner.Put(key, s)
}

// Conn is one client connection.
type Conn struct {
	server   string
	sessions *clientSessionCache
}

func Dial(server string, shared SessionCache, rtt time.Duration) *Conn {
	return &Conn{server: server, sessions: &clientSessionCache{inner: shared, rtt: rtt}}
}

// Handshake resumes a cached session when there is one and reports whether it did,
// together with the 0-RTT budget derived from the cached round-trip time.
func (c *Conn) Handshake() (resumed bool, earlyDataBudget time.Duration) {
	if s, ok := c.sessions.Get(c.server); ok && len(s.Ticket) > 0 {
		return true, 2 * s.RTT
	}
	c.sessions.Put(c.server, &SessionState{Ticket: []byte("new"), IssuedAt: time.Now()})
	return false, 0
}
