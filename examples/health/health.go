// Package health reports the result of a background probe over HTTP.
//
// Bug (data-race, rule to come): the probe goroutine writes lastErr and lastCheck while
// request goroutines read them in ServeHTTP, with no lock or atomic in common. The race
// detector reports it; without it, a handler can print a time that does not match the
// error, or a torn string on 32-bit targets.
package health

import (
	"fmt"
	"net/http"
	"time"
)

// Checker probes a dependency every interval.
type Checker struct {
	probe     func() error
	lastErr   error
	lastCheck time.Time
}

// Start probes every interval on a goroutine of its own.
func Start(probe func() error, interval time.Duration) *Checker {
	c := &Checker{probe: probe}
	go func() {
		for range time.Tick(interval) {
			err := c.probe()
			c.lastErr = err          // written by the probe goroutine
			c.lastCheck = time.Now() // ...
		}
	}()
	return c
}

func (c *Checker) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if c.lastErr != nil { // read by request goroutines, no lock
		http.Error(w, fmt.Sprintf("unhealthy since %s: %v", c.lastCheck.Format(time.RFC3339), c.lastErr), http.StatusServiceUnavailable)
		return
	}
	fmt.Fprintln(w, "ok")
}
