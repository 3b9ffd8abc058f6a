package deferredandexplicitclosefixed

import "testing"

func TestCollectStopsAtInvalidRow(t *testing.T) {
	rows := []Row{{ID: 1, Email: "a@example.com"}, {ID: 2, Email: "nobody"}, {ID: 3, Email: "c@example.com"}}
	got, err := Collect(rows)
	if err == nil || len(got) != 1 {
		t.Fatalf("got %v, %v", got, err)
	}
}
