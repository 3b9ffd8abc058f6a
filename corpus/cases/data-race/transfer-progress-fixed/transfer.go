package transferprogressfixed

import (
	"io"
	"sync/atomic"
)

// Transfer copies a source to a destination in the background.
type Transfer struct {
	src    io.Reader
	dst    io.Writer
	copied atomic.Int64
	err    error
	done   chan struct{}
}

func Start(dst io.Writer, src io.Reader) *Transfer {
	t := &Transfer{src: src, dst: dst, done: make(chan struct{})}
	go t.run()
	return t
}

func (t *Transfer) run() {
	defer close(t.done)
	buf := make([]byte, 4)
	for {
		n, err := t.src.Read(buf)
		if n > 0 {
			if _, werr := t.dst.Write(buf[:n]); werr != nil {
				t.err = werr
				return
			}
			t.copied.Add(int64(n))
		}
		if err == io.EOF {
			return
		}
		if err != nil {
			t.err = err
			return
		}
	}
}

// Copied reports how many bytes have been written so far.
func (t *Transfer) Copied() int64 {
	return t.copied.Load()
}

// Wait blocks until the transfer ends and returns its error.
func (t *Transfer) Wait() error {
	<-t.done
	return t.err
}
