package routetable

import (
	"strings"
	"sync"
)

// Router maps path prefixes to backend names. The table is built once and never
// changes afterwards.
type Router struct {
	routes map[string]string
}

func NewRouter(config map[string]string) *Router {
	r := &Router{routes: make(map[string]string, len(config))}
	for prefix, backend := range config {
		r.routes[strings.TrimSuffix(prefix, "/")] = backend
	}
	return r
}

func (r *Router) Backend(path string) (string, bool) {
	for p := path; p != ""; p = p[:strings.LastIndex(p, "/")] {
		if b, ok := r.routes[p]; ok {
			return b, true
		}
		if !strings.Contains(p, "/") {
			break
		}
	}
	return "", false
}

// RouteAll resolves many paths in parallel.
func RouteAll(r *Router, paths []string) []string {
	out := make([]string, len(paths))
	var wg sync.WaitGroup
	for i, p := range paths {
		wg.Add(1)
		go func(i int, p string) {
			defer wg.Done()
			out[i], _ = r.Backend(p)
		}(i, p)
	}
	wg.Wait()
	return out
}
