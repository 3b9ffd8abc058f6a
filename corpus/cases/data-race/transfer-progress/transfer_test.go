package transferprogress

import (
	"bytes"
	"strings"
	"testing"
)

func TestProgressWhileCopying(t *testing.T) {
	var dst bytes.Buffer
	tr := Start(&dst, strings.NewReader(strings.Repeat("payload ", 64)))
	var seen []int64
	for i := 0; i < 3; i++ {
		seen = append(seen, tr.Copied())
	}
	if err := tr.Wait(); err != nil {
		t.Fatal(err)
	}
	if tr.Copied() != 512 || dst.Len() != 512 {
		t.Fatalf("copied %d, buffer %d", tr.Copied(), dst.Len())
	}
	for _, n := range seen {
		if n < 0 || n > 512 {
			t.Errorf("progress out of range: %d", n)
		}
	}
}
