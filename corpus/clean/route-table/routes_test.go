package routetable

import "testing"

func TestRouteAll(t *testing.T) {
	r := NewRouter(map[string]string{"/api/": "api", "/static": "cdn"})
	got := RouteAll(r, []string{"/api/users", "/static/app.js", "/other"})
	want := []string{"api", "cdn", ""}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("path %d: got %q want %q", i, got[i], want[i])
		}
	}
}
