package httpsessions

import (
	"fmt"
	"net/http"
	"time"
)

var lastLogin = map[string]time.Time{}

func loginHandler(w http.ResponseWriter, r *http.Request) {
	user := r.FormValue("user")
	if user == "" {
		http.Error(w, "missing user", http.StatusBadRequest)
		return
	}
	lastLogin[user] = time.Now()
	w.WriteHeader(http.StatusNoContent)
}

func lastSeenHandler(w http.ResponseWriter, r *http.Request) {
	at, ok := lastLogin[r.FormValue("user")]
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
