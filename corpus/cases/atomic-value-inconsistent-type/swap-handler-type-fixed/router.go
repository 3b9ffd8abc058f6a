package swaphandlertypefixed

import (
	"net/http"
	"sync/atomic"
)

type handlerBox struct {
	h http.Handler
}

type Router struct {
	active atomic.Value
}

func NewRouter() *Router {
	r := &Router{}
	r.active.Store(handlerBox{http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, "starting up", http.StatusServiceUnavailable)
	})})
	return r
}

func (r *Router) Replace(next http.Handler) http.Handler {
	prev, _ := r.active.Swap(handlerBox{next}).(handlerBox)
	return prev.h
}

func (r *Router) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	box, _ := r.active.Load().(handlerBox)
	box.h.ServeHTTP(w, req)
}
