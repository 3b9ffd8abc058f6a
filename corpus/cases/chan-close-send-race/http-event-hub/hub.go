package httpeventhub

import (
	"encoding/json"
	"net/http"
)

type Event struct {
	Kind    string `json:"kind"`
	Subject string `json:"subject"`
}

type Hub struct {
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
	h.events <- ev
	w.WriteHeader(http.StatusAccepted)
}

func (h *Hub) Shutdown() []Event {
	close(h.events)
	<-h.done
	return h.stored
}
