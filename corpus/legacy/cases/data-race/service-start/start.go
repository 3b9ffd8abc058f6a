package servicestart

import (
	"fmt"
	"sync"
)

// Service is a component that must be started before the process serves traffic.
type Service interface {
	Name() string
	Start() error
}

// StartAll starts every service in parallel and returns the first failure.
func StartAll(services []Service) error {
	errs := make(chan error, len(services))
	var wg sync.WaitGroup
	for _, svc := range services {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := svc.Start(); err != nil {
				errs <- fmt.Errorf("start %s: %w", svc.Name(), err)
			}
		}()
	}
	wg.Wait()
	close(errs)
	return <-errs
}
