package webhookclientfixed

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"sync"
	"time"
)

// Notifier posts JSON messages to a webhook endpoint.
type Notifier struct {
	Endpoint string
	initOnce sync.Once
	client   *http.Client
}

func (n *Notifier) httpClient() *http.Client {
	n.initOnce.Do(func() {
		n.client = &http.Client{Timeout: 5 * time.Second}
	})
	return n.client
}

func (n *Notifier) Notify(ctx context.Context, payload []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, n.Endpoint, bytes.NewReader(payload))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := n.httpClient().Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("webhook: %s", resp.Status)
	}
	return nil
}
