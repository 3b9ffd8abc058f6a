package tokenjanitor

import "time"

type grant struct {
	user    string
	expires time.Time
}

// Store keeps short-lived access tokens and drops them once they expire.
type Store struct {
	now    func() time.Time
	grants map[string]grant
}

func NewStore(now func() time.Time) *Store {
	return &Store{now: now, grants: make(map[string]grant)}
}

func (s *Store) Issue(token, user string, ttl time.Duration) {
	s.grants[token] = grant{user: user, expires: s.now().Add(ttl)}
}

// User returns who owns a token that has not expired yet.
func (s *Store) User(token string) (string, bool) {
	g, ok := s.grants[token]
	if !ok || s.now().After(g.expires) {
		return "", false
	}
	return g.user, true
}

func (s *Store) sweep() {
	now := s.now()
	for token, g := range s.grants {
		if now.After(g.expires) {
			delete(s.grants, token)
		}
	}
}

// StartJanitor sweeps expired tokens every interval until the returned stop is called.
func (s *Store) StartJanitor(interval time.Duration) (stop func()) {
	quit := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		ticker := time.NewTicker(interval)
		defer ticker.Stop()
		for {
			s.sweep()
			select {
			case <-ticker.C:
			case <-quit:
				return
			}
		}
	}()
	return func() {
		close(quit)
		<-done
	}
}
