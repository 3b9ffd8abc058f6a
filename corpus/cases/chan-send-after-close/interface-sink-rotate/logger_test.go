package interfacesinkrotate

import "testing"

func TestRotateKeepsPendingLines(t *testing.T) {
	first, firstLines := NewChanSink(8)
	second, _ := NewChanSink(8)
	l := NewLogger(first, "api: ")
	l.Printf("listening on %s", ":8080")
	l.Printf("ready")
	l.Rotate(second)
	n := 0
	for range firstLines {
		n++
	}
	if n != 2 {
		t.Fatalf("first sink got %d lines", n)
	}
}
