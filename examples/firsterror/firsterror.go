// Package firsterror fetches many URLs at once and keeps the first failure.
//
// Bug (atomic-value-inconsistent-type): errors of different origins race for one
// atomic.Value. The first failure cancels the context; the requests still in flight then
// fail with a *url.Error, while the first one may have been a *statusError, and the
// second CompareAndSwap panics with "sync/atomic: compare and swap of inconsistently
// typed value into Value".
package firsterror

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
)

type statusError struct {
	url  string
	code int
}

func (e *statusError) Error() string { return fmt.Sprintf("%s: HTTP %d", e.url, e.code) }

// FetchAll GETs every URL concurrently and returns the first error.
func FetchAll(ctx context.Context, client *http.Client, urls []string) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	var first atomic.Value
	var wg sync.WaitGroup
	for _, u := range urls {
		wg.Add(1)
		go func(u string) {
			defer wg.Done()
			if err := fetch(ctx, client, u); err != nil {
				first.CompareAndSwap(nil, err) // error's dynamic type varies
				cancel()
			}
		}(u)
	}
	wg.Wait()
	err, _ := first.Load().(error)
	return err
}

func fetch(ctx context.Context, client *http.Client, u string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err // *url.Error
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 400 {
		return &statusError{url: u, code: resp.StatusCode}
	}
	return nil
}
