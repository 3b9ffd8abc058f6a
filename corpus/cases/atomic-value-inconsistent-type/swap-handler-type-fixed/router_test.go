package swaphandlertypefixed

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func status(t *testing.T, url string) int {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func TestReplaceAfterStartup(t *testing.T) {
	router := NewRouter()
	srv := httptest.NewServer(router)
	defer srv.Close()

	if got := status(t, srv.URL+"/healthz"); got != http.StatusServiceUnavailable {
		t.Fatalf("before ready: %d", got)
	}

	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusOK)
	})
	router.Replace(mux)

	if got := status(t, srv.URL+"/healthz"); got != http.StatusOK {
		t.Fatalf("after ready: %d", got)
	}
}
