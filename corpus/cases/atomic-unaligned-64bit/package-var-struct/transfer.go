package packagevarstruct

import (
	"io"
	"sync"
	"sync/atomic"
)

var stats struct {
	started  bool
	bytesIn  int64
	bytesOut int64
	peak     int64
}

func recordPeak(n int64) {
	for {
		cur := atomic.LoadInt64(&stats.peak)
		if n <= cur || atomic.CompareAndSwapInt64(&stats.peak, cur, n) {
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
			atomic.AddInt64(&stats.bytesIn, int64(len(buf)))
			recordPeak(int64(len(buf)))
			if err == nil {
				mu.Lock()
				_, err = dst.Write(buf)
				mu.Unlock()
				atomic.AddInt64(&stats.bytesOut, int64(len(buf)))
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
	return atomic.LoadInt64(&stats.bytesIn), atomic.LoadInt64(&stats.bytesOut)
}
