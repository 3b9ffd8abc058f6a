package firsterrorcollectorfixed

import (
	"context"
	"fmt"
	"net/url"
	"sync"
	"sync/atomic"
)

type StatusError struct {
	Code int
	Blob string
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("upload %s: status %d", e.Blob, e.Code)
}

type Transport interface {
	Put(ctx context.Context, blob string) error
}

type Uploader struct {
	Registry  string
	Transport Transport
}

type errBox struct{ err error }

func (u *Uploader) PushAll(ctx context.Context, blobs []string) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	var firstErr atomic.Value
	var wg sync.WaitGroup
	for _, blob := range blobs {
		wg.Add(1)
		go func(blob string) {
			defer wg.Done()
			if err := u.Transport.Put(ctx, blob); err != nil {
				if ctx.Err() != nil {
					err = &url.Error{Op: "PUT", URL: u.Registry + "/" + blob, Err: ctx.Err()}
				}
				if firstErr.CompareAndSwap(nil, errBox{err}) {
					cancel()
				}
			}
		}(blob)
	}
	wg.Wait()

	if box, ok := firstErr.Load().(errBox); ok {
		return box.err
	}
	return nil
}
