package genericqueuedrainfixed

import "testing"

func TestShutdownDrainsRemainingJobs(t *testing.T) {
	q := NewQueue[Job](2)
	dropped := Requeue(q, []Job{{Name: "resize"}, {Name: "thumb"}, {Name: "email"}})
	if len(dropped) != 1 {
		t.Fatalf("dropped %d", len(dropped))
	}
	if j, ok := q.Pop(); !ok || j.Name != "resize" {
		t.Fatalf("pop %v %v", j, ok)
	}
	q.Close()
	rest := q.Drain()
	if len(rest) != 1 || rest[0].Attempts != 1 {
		t.Fatalf("rest %v", rest)
	}
}
