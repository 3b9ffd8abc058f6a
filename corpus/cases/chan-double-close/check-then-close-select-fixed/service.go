package checkthencloseselectfixed

import (
	"context"
	"sync"
)

type Service struct {
	name       string
	quit       chan struct{}
	stopOnce   sync.Once
	mu         sync.Mutex
	onShutdown []func()
}

func NewService(name string) *Service {
	return &Service{name: name, quit: make(chan struct{})}
}

func (s *Service) RegisterOnShutdown(f func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.onShutdown = append(s.onShutdown, f)
}

func (s *Service) hooks() []func() {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]func(){}, s.onShutdown...)
}

func (s *Service) Stop() {
	s.stopOnce.Do(func() {
		for _, f := range s.hooks() {
			f()
		}
		close(s.quit)
	})
}

func (s *Service) Serve(ctx context.Context, work func()) {
	for {
		select {
		case <-ctx.Done():
			s.Stop()
			return
		case <-s.quit:
			return
		default:
			work()
		}
	}
}
