package packagevarstructfixed

import (
	"io"
	"sync"
	"sync/atomic"
)

var stats struct {
	started  bool
	bytesIn  atomic.Int64
	bytesOut atomic.Int64
	peak     atomic.Int64
}

func recordPeak(n int64) {
	for {
		cur := stats.peak.Load()
		if n <= cur || stats.peak.CompareAndSwap(cur, n) {
			return
		}
	}
}

func CopyAll(dst io.Writer, srcs []io.Reader) error {
	var wg sync.WaitGroup
	var mu sync.Mutex
	errs := make([]error, len(srcs))
	for i, src := range srcs {
		wg.Add(1)
		go func(i int, src io.Reader) {
			defer wg.Done()
			buf, err := io.ReadAll(src)
			stats.bytesIn.Add(int64(len(buf)))
			recordPeak(int64(len(buf)))
			if err == nil {
				mu.Lock()
				_, err = dst.Write(buf)
				mu.Unlock()
				stats.bytesOut.Add(int64(len(buf)))
			}
			errs[i] = err
		}(i, src)
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func Totals() (in, out int64) {
	return stats.bytesIn.Load(), stats.bytesOut.Load()
}
