package httpsessionsfixed

import (
	"fmt"
	"net/http"
	"sync"
	"time"
)

var (
	lastLoginMu sync.RWMutex
	lastLogin   = map[string]time.Time{}
)

func loginHandler(w http.ResponseWriter, r *http.Request) {
	user := r.FormValue("user")
	if user == "" {
		http.Error(w, "missing user", http.StatusBadRequest)
		return
	}
	lastLoginMu.Lock()
	lastLogin[user] = time.Now()
	lastLoginMu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}

func lastSeenHandler(w http.ResponseWriter, r *http.Request) {
	lastLoginMu.RLock()
	at, ok := lastLogin[r.FormValue("user")]
	lastLoginMu.RUnlock()
	if !ok {
		http.NotFound(w, r)
		return
	}
	fmt.Fprintln(w, at.Format(time.RFC3339))
}

// NewMux wires the login endpoints.
func NewMux() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("/login", loginHandler)
	mux.HandleFunc("/last-seen", lastSeenHandler)
	return mux
}
