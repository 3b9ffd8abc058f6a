package nilstoreresetfixed

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

func TestRevokedTokenIsRefreshed(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer fresh" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}))
	defer srv.Close()

	issued := []string{"revoked", "fresh"}
	transport := &AuthTransport{
		Base: http.DefaultTransport,
		Source: func() (*Token, error) {
			v := issued[0]
			issued = issued[1:]
			return &Token{Value: v, Expires: time.Now().Add(time.Hour)}, nil
		},
	}
	client := &http.Client{Transport: transport}
	for _, want := range []int{http.StatusUnauthorized, http.StatusNoContent} {
		resp, err := client.Get(srv.URL)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Fatalf("status %d, want %d", resp.StatusCode, want)
		}
	}
}
