package registrysnapshotfixed

import (
	"testing"
	"time"
)

func TestPublishSeesRegistrations(t *testing.T) {
	r := NewRegistry()
	stop := make(chan struct{})
	snapshots := r.Publish(time.Millisecond, stop)

	r.Register("billing", Endpoint{Addr: "10.0.0.1:80", Healthy: true})
	<-snapshots
	r.Register("search", Endpoint{Addr: "10.0.0.2:80", Healthy: true})
	var last map[string]Endpoint
	for len(last) < 2 {
		last = <-snapshots
	}
	close(stop)
	for range snapshots {
	}
	if last["search"].Addr != "10.0.0.2:80" {
		t.Errorf("search endpoint: %+v", last["search"])
	}
}
