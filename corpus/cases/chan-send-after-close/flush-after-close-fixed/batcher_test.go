package flushafterclosefixed

import "testing"

func TestCloseFlushesPartialBatch(t *testing.T) {
	out := make(chan []string, 4)
	b := NewBatcher(2, out)
	for _, id := range []string{"a", "b", "c"} {
		b.Add(id)
	}
	b.Close()
	var sizes []int
	for batch := range out {
		sizes = append(sizes, len(batch))
	}
	if len(sizes) != 2 || sizes[1] != 1 {
		t.Fatalf("sizes %v", sizes)
	}
}
