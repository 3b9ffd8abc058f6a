package pipelinelabelsfixed

import (
	"errors"
	"testing"
)

func TestStagesAreLabelled(t *testing.T) {
	p := NewPipeline("release",
		Stage{Name: "lint", Run: func() error { return nil }},
		Stage{Name: "unit", Run: func() error { return nil }},
		Stage{Name: "e2e", Run: func() error { return errors.New("timeout") }},
	)
	p.Run()
	if got := p.Label("stage/lint"); got != "ok" {
		t.Errorf("lint: %q", got)
	}
	if got := p.Label("stage/e2e"); got != "failed: timeout" {
		t.Errorf("e2e: %q", got)
	}
}
