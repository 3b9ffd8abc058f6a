package crawlcounterfixed

import (
	"sync"
	"sync/atomic"
)

// Crawler fetches pages with a bounded pool of workers.
type Crawler struct {
	fetched int64
	failed  int64
	fetch   func(url string) error
	wg      sync.WaitGroup
}

func NewCrawler(fetch func(url string) error) *Crawler {
	return &Crawler{fetch: fetch}
}

// Start begins fetching urls with the given number of workers and returns at once.
func (c *Crawler) Start(urls []string, workers int) {
	queue := make(chan string, len(urls))
	for _, u := range urls {
		queue <- u
	}
	close(queue)
	for i := 0; i < workers; i++ {
		c.wg.Add(1)
		go func() {
			defer c.wg.Done()
			for u := range queue {
				if err := c.fetch(u); err != nil {
					atomic.AddInt64(&c.failed, 1)
					continue
				}
				atomic.AddInt64(&c.fetched, 1)
			}
		}()
	}
}

// Progress reports how many pages were fetched and how many failed so far.
func (c *Crawler) Progress() (fetched, failed int64) {
	return atomic.LoadInt64(&c.fetched), atomic.LoadInt64(&c.failed)
}

func (c *Crawler) Wait() {
	c.wg.Wait()
}
