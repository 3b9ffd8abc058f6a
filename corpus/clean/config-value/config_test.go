package configvalue

import (
	"sync"
	"testing"
	"time"
)

func TestReadersDuringUpdate(t *testing.T) {
	h := NewHolder(Config{Endpoint: "a", Timeout: time.Second, Retries: 1})
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				if c := h.Load(); c.Endpoint == "" {
					t.Error("empty endpoint")
				}
			}
		}()
	}
	h.Update(func(c *Config) { c.Endpoint = "b"; c.Retries = 3 })
	wg.Wait()
	if c := h.Load(); c.Endpoint != "b" || c.Retries != 3 {
		t.Fatalf("got %+v", c)
	}
}
