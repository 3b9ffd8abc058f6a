package gaugeprobe

import "testing"

func TestCheckAll(t *testing.T) {
	p := NewProbe()
	checks := []func() bool{func() bool { return true }, func() bool { return true }, func() bool { return false }}
	if got := p.CheckAll(checks); got != 2 {
		t.Fatalf("ok = %d, want 2", got)
	}
}
