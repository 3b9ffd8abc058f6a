package closetwiceonerror

import "testing"

func TestRunAllRejectsNilTask(t *testing.T) {
	ok := func() error { return nil }
	if err := RunAll([]Task{ok, nil, ok}, 2); err == nil {
		t.Fatal("expected an error")
	}
}
