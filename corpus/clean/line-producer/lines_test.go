package lineproducer

import (
	"strings"
	"testing"
)

func TestLines(t *testing.T) {
	var got []string
	for l := range Lines(strings.NewReader("a\n\n  b \nc\n")) {
		got = append(got, l)
	}
	if strings.Join(got, ",") != "a,b,c" {
		t.Fatalf("got %q", got)
	}
}
