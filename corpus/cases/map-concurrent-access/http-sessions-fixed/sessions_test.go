package httpsessionsfixed

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"
)

func TestConcurrentLogins(t *testing.T) {
	users := []string{"ana", "bo", "cy"}
	var arrived sync.WaitGroup
	arrived.Add(len(users))
	mux := NewMux()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/login" {
			arrived.Done()
			arrived.Wait()
		}
		mux.ServeHTTP(w, r)
	}))
	defer srv.Close()

	var clients sync.WaitGroup
	for _, u := range users {
		clients.Add(1)
		go func(u string) {
			defer clients.Done()
			resp, err := http.PostForm(srv.URL+"/login", url.Values{"user": {u}})
			if err != nil {
				t.Error(err)
				return
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusNoContent {
				t.Errorf("login %s: status %d", u, resp.StatusCode)
			}
		}(u)
	}
	clients.Wait()

	resp, err := http.Get(srv.URL + "/last-seen?user=bo")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("last-seen: status %d", resp.StatusCode)
	}
}
