package configreloadinterfacefixed

import "testing"

func TestReloadSwitchesSource(t *testing.T) {
	files := map[string]map[string]string{"/etc/app.conf": {"listen": ":8080"}}
	environ := []string{"APP_LISTEN=:9090"}

	var c Config
	c.Use(Open("/etc/app.conf", environ, files))
	if got := c.Get("listen", ""); got != ":8080" {
		t.Fatalf("listen = %q", got)
	}
	c.Use(Open("env:APP_", environ, files))
	if got := c.Get("listen", ""); got != ":9090" {
		t.Fatalf("listen = %q", got)
	}
}
