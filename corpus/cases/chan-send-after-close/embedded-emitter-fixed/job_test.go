package embeddedemitterfixed

import "testing"

func TestFinishReportsOutcome(t *testing.T) {
	j := NewJob("backup")
	j.Start()
	j.Finish(nil)
	var kinds []string
	for ev := range j.Events() {
		kinds = append(kinds, ev.Kind)
	}
	if len(kinds) != 2 || kinds[1] != "succeeded" {
		t.Fatalf("kinds %v", kinds)
	}
}
