package pointerhelper

import "testing"

func TestJoinPublishesNewVersion(t *testing.T) {
	c := &Cluster{name: "east"}
	c.Bootstrap([]string{"n1", "n2"})
	c.Join("n3")
	snap := c.Current()
	if snap.Version != 2 || len(snap.Nodes) != 3 {
		t.Fatalf("snapshot = %+v", snap)
	}
}
