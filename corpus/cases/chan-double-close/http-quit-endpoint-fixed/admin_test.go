package httpquitendpointfixed

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestQuitIsRepeatable(t *testing.T) {
	admin := NewAdmin("1.4.2")
	srv := httptest.NewServer(admin.Handler())
	defer srv.Close()

	for i := 0; i < 2; i++ {
		resp, err := http.Post(srv.URL+"/quitquitquit", "text/plain", nil)
		if err != nil {
			t.Fatalf("request %d: %v", i+1, err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("request %d: status %d", i+1, resp.StatusCode)
		}
	}
	<-admin.Quit()
}
