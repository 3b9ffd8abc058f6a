// Package pricecache serves prices over HTTP and caches slow lookups.
//
// Bug (map-concurrent-access, rule to come): net/http runs every request on its own
// goroutine, and the handler does check-then-insert on a plain map with no lock. Two
// requests at once end the process with "fatal error: concurrent map writes" (or
// "concurrent map read and map write"), which recover cannot catch.
package pricecache

import (
	"fmt"
	"net/http"
)

// Server answers /price?sku=... from a cache in front of a slow lookup.
type Server struct {
	lookup func(sku string) (int, error)
	cache  map[string]int
}

// New returns a Server around lookup.
func New(lookup func(sku string) (int, error)) *Server {
	return &Server{lookup: lookup, cache: make(map[string]int)}
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	sku := r.URL.Query().Get("sku")
	price, ok := s.cache[sku] // read, from many request goroutines
	if !ok {
		var err error
		price, err = s.lookup(sku)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		s.cache[sku] = price // write, no lock
	}
	fmt.Fprintf(w, "%d\n", price)
}
