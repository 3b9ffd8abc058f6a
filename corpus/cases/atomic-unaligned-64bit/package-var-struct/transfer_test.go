package packagevarstruct

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

func TestCopyAllCounts(t *testing.T) {
	var dst bytes.Buffer
	in0, out0 := Totals()
	srcs := []io.Reader{strings.NewReader("alpha"), strings.NewReader("beta")}
	if err := CopyAll(&dst, srcs); err != nil {
		t.Fatal(err)
	}
	if in, out := Totals(); in-in0 != 9 || out-out0 != 9 {
		t.Fatalf("in %d out %d", in-in0, out-out0)
	}
}
