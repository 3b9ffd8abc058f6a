package genericloaderfixed

import (
	"fmt"
	"testing"
)

func TestResolveAll(t *testing.T) {
	lookup := func(host string) ([]string, error) {
		if host == "" {
			return nil, fmt.Errorf("empty host")
		}
		return []string{host + ".a", host + ".b"}, nil
	}
	loader := NewLoader(lookup)
	got := ResolveAll([]string{"db", "cache", "queue", "db"}, loader)
	for _, h := range []string{"db", "cache", "queue"} {
		if got[h] != 2 {
			t.Errorf("%s: %d addresses", h, got[h])
		}
	}
}
