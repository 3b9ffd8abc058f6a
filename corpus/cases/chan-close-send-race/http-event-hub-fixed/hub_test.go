package httpeventhubfixed

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestShutdownWithRequestInFlight(t *testing.T) {
	hub := NewHub()
	srv := httptest.NewServer(hub)
	defer srv.Close()

	statuses := make(chan int, 1)
	go func() {
		resp, err := http.Post(srv.URL, "application/json", strings.NewReader(`{"kind":"push","subject":"main"}`))
		if err != nil {
			statuses <- 0
			return
		}
		resp.Body.Close()
		statuses <- resp.StatusCode
	}()
	time.Sleep(20 * time.Millisecond)
	stored := hub.Shutdown()
	if status := <-statuses; status == http.StatusAccepted && len(stored) != 1 {
		t.Fatalf("accepted but stored %d events", len(stored))
	}
}
