package fatalerrorcontinuefixed

import (
	"errors"
	"fmt"
)

var ErrAuth = errors.New("authentication failed")

type Change struct {
	Path string
	Err  error
}

type Remote interface {
	Upload(path string) error
}

func Push(r Remote, paths []string, changes chan<- Change) {
	for _, p := range paths {
		err := r.Upload(p)
		switch {
		case errors.Is(err, ErrAuth):
			changes <- Change{Path: p, Err: fmt.Errorf("push stopped: %w", err)}
			close(changes)
			return
		case err != nil:
			changes <- Change{Path: p, Err: err}
		default:
			changes <- Change{Path: p}
		}
	}
	close(changes)
}
