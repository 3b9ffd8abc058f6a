package fatalerrorcontinuefixed

import (
	"errors"
	"testing"
)

type expiringRemote struct{ uploads int }

func (r *expiringRemote) Upload(path string) error {
	r.uploads++
	if r.uploads == 2 {
		return ErrAuth
	}
	return nil
}

func TestPushStopsOnAuthError(t *testing.T) {
	changes := make(chan Change, 8)
	Push(&expiringRemote{}, []string{"a.txt", "b.txt", "c.txt"}, changes)
	var last Change
	for c := range changes {
		last = c
	}
	if !errors.Is(last.Err, ErrAuth) {
		t.Fatalf("last change %+v", last)
	}
}
