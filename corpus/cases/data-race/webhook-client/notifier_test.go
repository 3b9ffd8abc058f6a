package webhookclient

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
)

func TestConcurrentNotifications(t *testing.T) {
	var received atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		received.Add(1)
		w.WriteHeader(http.StatusAccepted)
	}))
	defer srv.Close()

	n := &Notifier{Endpoint: srv.URL}
	var wg sync.WaitGroup
	for _, msg := range []string{`{"a":1}`, `{"b":2}`, `{"c":3}`} {
		wg.Add(1)
		go func(msg string) {
			defer wg.Done()
			if err := n.Notify(context.Background(), []byte(msg)); err != nil {
				t.Error(err)
			}
		}(msg)
	}
	wg.Wait()
	if received.Load() != 3 {
		t.Errorf("server received %d notifications", received.Load())
	}
}
