package lineproducer

import (
	"bufio"
	"io"
	"strings"
)

// Lines streams the non-empty, trimmed lines of r. The channel is closed after the
// last line has been sent.
func Lines(r io.Reader) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			line := strings.TrimSpace(sc.Text())
			if line == "" {
				continue
			}
			out <- line
		}
	}()
	return out
}
