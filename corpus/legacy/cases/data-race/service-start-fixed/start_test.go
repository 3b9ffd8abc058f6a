package servicestartfixed

import (
	"sync/atomic"
	"testing"
)

type fakeService struct {
	name    string
	started atomic.Int32
}

func (f *fakeService) Name() string { return f.name }

func (f *fakeService) Start() error {
	f.started.Add(1)
	return nil
}

func TestStartAllStartsEachServiceOnce(t *testing.T) {
	fakes := []*fakeService{{name: "db"}, {name: "cache"}, {name: "queue"}}
	services := make([]Service, len(fakes))
	for i, f := range fakes {
		services[i] = f
	}
	if err := StartAll(services); err != nil {
		t.Fatal(err)
	}
	for _, f := range fakes {
		if n := f.started.Load(); n != 1 {
			t.Errorf("%s started %d times", f.name, n)
		}
	}
}
