package nestedstatsfixed

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestStatsEndpoint(t *testing.T) {
	var h http.Handler = NewServer("edge")
	for i := 0; i < 2; i++ {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/stats", nil))
		if i == 1 && !strings.Contains(rec.Body.String(), "requests=2") {
			t.Fatalf("body %q", rec.Body.String())
		}
	}
}
