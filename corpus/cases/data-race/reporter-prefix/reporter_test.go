package reporterprefix

import (
	"strings"
	"sync"
	"testing"
	"time"
)

func TestHeartbeatLines(t *testing.T) {
	var mu sync.Mutex
	var lines []string
	r := NewReporter(func(line string) {
		mu.Lock()
		lines = append(lines, line)
		mu.Unlock()
	}, time.Hour)
	r.Close()
	mu.Lock()
	defer mu.Unlock()
	if len(lines) != 2 || !strings.HasSuffix(lines[1], ": down") {
		t.Fatalf("lines: %q", lines)
	}
}
