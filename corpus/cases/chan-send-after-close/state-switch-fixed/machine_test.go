package stateswitchfixed

import "testing"

func TestRunToCompletion(t *testing.T) {
	m := NewMachine(4)
	m.Move(Running, "started")
	m.Move(Done, "finished")
	var seen []State
	for tr := range m.Events() {
		seen = append(seen, tr.To)
	}
	if len(seen) != 2 || seen[1] != Done {
		t.Fatalf("seen %v", seen)
	}
}
