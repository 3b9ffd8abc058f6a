package httpeventhubfixed

import (
	"encoding/json"
	"net/http"
	"sync"
)

type Event struct {
	Kind    string `json:"kind"`
	Subject string `json:"subject"`
}

type Hub struct {
	mu     sync.Mutex
	closed bool
	events chan Event
	stored []Event
	done   chan struct{}
}

func NewHub() *Hub {
	h := &Hub{events: make(chan Event, 32), done: make(chan struct{})}
	go h.drain()
	return h
}

func (h *Hub) drain() {
	defer close(h.done)
	for ev := range h.events {
		h.stored = append(h.stored, ev)
	}
}

func (h *Hub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var ev Event
	if err := json.NewDecoder(r.Body).Decode(&ev); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	h.events <- ev
	w.WriteHeader(http.StatusAccepted)
}

func (h *Hub) Shutdown() []Event {
	h.mu.Lock()
	if !h.closed {
		h.closed = true
		close(h.events)
	}
	h.mu.Unlock()
	<-h.done
	return h.stored
}
