package httpquitendpointfixed

import (
	"fmt"
	"net/http"
	"sync"
)

type Admin struct {
	quit     chan struct{}
	quitOnce sync.Once
	version  string
}

func NewAdmin(version string) *Admin {
	return &Admin{quit: make(chan struct{}), version: version}
}

func (a *Admin) Quit() <-chan struct{} {
	return a.quit
}

func (a *Admin) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/version", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, a.version)
	})
	mux.HandleFunc("/quitquitquit", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			http.Error(w, "POST only", http.StatusMethodNotAllowed)
			return
		}
		a.quitOnce.Do(func() { close(a.quit) })
		fmt.Fprintln(w, "shutting down")
	})
	return mux
}
