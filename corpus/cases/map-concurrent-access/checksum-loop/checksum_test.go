package checksumloop

import (
	"errors"
	"testing"
)

func TestChecksumAll(t *testing.T) {
	files := map[string]string{"a.txt": "alpha", "b.txt": "beta", "c.txt": "gamma", "d.txt": "delta"}
	read := func(path string) ([]byte, error) {
		s, ok := files[path]
		if !ok {
			return nil, errors.New("not found")
		}
		return []byte(s), nil
	}
	sums := ChecksumAll([]string{"a.txt", "b.txt", "c.txt", "d.txt", "missing"}, read)
	if len(sums) != 4 {
		t.Fatalf("got %d sums, want 4", len(sums))
	}
	if _, ok := sums["missing"]; ok {
		t.Error("unreadable file has a checksum")
	}
}
