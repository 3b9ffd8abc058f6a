package firsterrorcollector

import (
	"context"
	"testing"
)

type unauthorized struct{}

func (unauthorized) Put(ctx context.Context, blob string) error {
	if blob == "layer-1" {
		return &StatusError{Code: 401, Blob: blob}
	}
	<-ctx.Done()
	return ctx.Err()
}

func TestPushAllUnauthorized(t *testing.T) {
	u := &Uploader{Registry: "https://registry.example", Transport: unauthorized{}}
	err := u.PushAll(context.Background(), []string{"layer-1", "layer-2", "layer-3"})
	if err == nil {
		t.Fatal("expected an error")
	}
}
