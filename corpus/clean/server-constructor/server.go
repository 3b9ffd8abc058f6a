package serverconstructor

import (
	"strings"
	"sync"
	"time"
)

// Server answers greeting requests; its settings never change after NewServer.
type Server struct {
	name     string
	greeting string
	timeout  time.Duration
	banned   []string
}

func NewServer(name string, banned ...string) *Server {
	s := &Server{name: name}
	s.greeting = "hello from " + name
	s.timeout = 2 * time.Second
	for _, b := range banned {
		s.banned = append(s.banned, strings.ToLower(b))
	}
	return s
}

func (s *Server) Greet(user string) string {
	for _, b := range s.banned {
		if strings.EqualFold(b, user) {
			return "go away"
		}
	}
	return s.greeting + ", " + user
}

// ServeAll answers every request on its own goroutine.
func (s *Server) ServeAll(users []string) []string {
	out := make([]string, len(users))
	var wg sync.WaitGroup
	for i, u := range users {
		wg.Add(1)
		go func(i int, u string) {
			defer wg.Done()
			out[i] = s.Greet(u)
		}(i, u)
	}
	wg.Wait()
	return out
}
