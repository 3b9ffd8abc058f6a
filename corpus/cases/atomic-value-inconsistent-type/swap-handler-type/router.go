package swaphandlertype

import (
	"net/http"
	"sync/atomic"
)

type Router struct {
	active atomic.Value
}

func NewRouter() *Router {
	r := &Router{}
	r.active.Store(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, "starting up", http.StatusServiceUnavailable)
	}))
	return r
}

func (r *Router) Replace(next http.Handler) http.Handler {
	prev, _ := r.active.Swap(next).(http.Handler)
	return prev
}

func (r *Router) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	h, _ := r.active.Load().(http.Handler)
	h.ServeHTTP(w, req)
}
