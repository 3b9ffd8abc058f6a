package nestedstatsfixed

import (
	"fmt"
	"net/http"
	"sync/atomic"
)

type Stats struct {
	Requests int64
	Errors   int64
}

type Server struct {
	// stats holds 64-bit atomic counters and must stay the first field.
	stats Stats
	ready bool
	name  string
	mux   *http.ServeMux
}

func NewServer(name string) *Server {
	s := &Server{name: name, mux: http.NewServeMux(), ready: true}
	s.mux.HandleFunc("/stats", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "%s requests=%d errors=%d\n", s.name,
			atomic.LoadInt64(&s.stats.Requests), atomic.LoadInt64(&s.stats.Errors))
	})
	return s
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	atomic.AddInt64(&s.stats.Requests, 1)
	if !s.ready {
		atomic.AddInt64(&s.stats.Errors, 1)
		http.Error(w, "not ready", http.StatusServiceUnavailable)
		return
	}
	s.mux.ServeHTTP(w, r)
}
