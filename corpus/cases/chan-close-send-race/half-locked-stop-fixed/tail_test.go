package halflockedstopfixed

import (
	"io"
	"testing"
	"time"
)

func TestFollowThenStop(t *testing.T) {
	pr, pw := io.Pipe()
	tail := Follow(pr)
	io.WriteString(pw, "starting\n")
	time.Sleep(10 * time.Millisecond)
	tail.Stop()
	tail.Stop()
	pw.Close()

	var got []string
	for line := range tail.Lines() {
		got = append(got, line)
	}
	if len(got) > 1 {
		t.Fatalf("lines %q", got)
	}
}
