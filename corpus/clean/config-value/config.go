package configvalue

import (
	"sync/atomic"
	"time"
)

// Config is the live configuration; readers never see a half-updated one.
type Config struct {
	Endpoint string
	Timeout  time.Duration
	Retries  int
}

// Holder publishes configuration updates to concurrent readers.
type Holder struct {
	v atomic.Value
}

func NewHolder(initial Config) *Holder {
	h := &Holder{}
	h.v.Store(&initial)
	return h
}

func (h *Holder) Load() *Config {
	return h.v.Load().(*Config)
}

// Update applies change to a copy of the current configuration and publishes it.
func (h *Holder) Update(change func(*Config)) {
	next := *h.Load()
	change(&next)
	h.v.Store(&next)
}
