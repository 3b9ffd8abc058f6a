package interfacesinkrotate

import "fmt"

type Sink interface {
	Write(line string)
	Close()
}

type chanSink struct {
	lines chan string
}

func NewChanSink(buffer int) (Sink, <-chan string) {
	s := &chanSink{lines: make(chan string, buffer)}
	return s, s.lines
}

func (s *chanSink) Write(line string) { s.lines <- line }
func (s *chanSink) Close()            { close(s.lines) }

type Logger struct {
	sink    Sink
	prefix  string
	pending []string
	written int
}

func NewLogger(sink Sink, prefix string) *Logger {
	return &Logger{sink: sink, prefix: prefix}
}

func (l *Logger) Printf(format string, args ...any) {
	l.pending = append(l.pending, l.prefix+fmt.Sprintf(format, args...))
	if len(l.pending) >= 4 {
		l.Flush()
	}
}

func (l *Logger) Flush() {
	for _, line := range l.pending {
		l.sink.Write(line)
		l.written++
	}
	l.pending = l.pending[:0]
}

func (l *Logger) Rotate(next Sink) {
	old := l.sink
	old.Close()
	l.Flush()
	l.sink = next
}
