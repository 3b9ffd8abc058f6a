package connstatstyped

import "testing"

func TestPumpTotals(t *testing.T) {
	s := NewConnStats(7, "edge")
	Pump(s, []int{10, 20, 30})
	if in, out := s.Totals(); in != 60 || out != 120 {
		t.Fatalf("in %d out %d", in, out)
	}
}
