package selectdefaultstopfixed

import "context"

type Config struct {
	Version int
	Values  map[string]string
}

type Watcher struct {
	updates chan Config
	done    chan struct{}
}

func NewWatcher() *Watcher {
	return &Watcher{updates: make(chan Config, 1), done: make(chan struct{})}
}

func (w *Watcher) Updates() <-chan Config {
	return w.updates
}

func (w *Watcher) Done() <-chan struct{} {
	return w.done
}

func (w *Watcher) notify(c Config) {
	select {
	case <-w.done:
	case w.updates <- c:
	default:
	}
}

func (w *Watcher) Stop() {
	close(w.done)
}

type Loader struct {
	Source  <-chan map[string]string
	Watcher *Watcher
	version int
}

func (l *Loader) Run(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case values := <-l.Source:
			l.version++
			l.Watcher.notify(Config{Version: l.version, Values: values})
		}
	}
}
