package selectdefaultstop

import "context"

type Config struct {
	Version int
	Values  map[string]string
}

type Watcher struct {
	updates chan Config
}

func NewWatcher() *Watcher {
	return &Watcher{updates: make(chan Config, 1)}
}

func (w *Watcher) Updates() <-chan Config {
	return w.updates
}

func (w *Watcher) notify(c Config) {
	select {
	case w.updates <- c:
	default:
	}
}

func (w *Watcher) Stop() {
	close(w.updates)
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
