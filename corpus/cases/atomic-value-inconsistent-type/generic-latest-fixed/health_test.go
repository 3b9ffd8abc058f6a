package genericlatestfixed

import (
	"context"
	"errors"
	"fmt"
	"testing"
)

type ProbeError struct {
	Target string
}

func (e *ProbeError) Error() string { return fmt.Sprintf("probe %s failed", e.Target) }

func TestRunOnceReportsFailure(t *testing.T) {
	c := &Checker{Probes: map[string]Probe{
		"db":    func(context.Context) error { return &ProbeError{Target: "db"} },
		"cache": func(context.Context) error { return errors.New("cache: connection refused") },
	}}
	if c.RunOnce(context.Background()) {
		t.Fatal("expected failure")
	}
	if c.LastError() == nil {
		t.Fatal("expected last error")
	}
}
