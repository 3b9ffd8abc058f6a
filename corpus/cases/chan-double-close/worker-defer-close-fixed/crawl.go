package workerdeferclosefixed

import (
	"strings"
	"sync"
)

type Page struct {
	URL   string
	Links int
}

type Fetcher interface {
	Fetch(url string) (string, error)
}

func Crawl(f Fetcher, urls []string, workers int) []Page {
	queue := make(chan string, len(urls))
	for _, u := range urls {
		queue <- u
	}
	close(queue)

	pages := make(chan Page, len(urls))
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for u := range queue {
				body, err := f.Fetch(u)
				if err != nil {
					continue
				}
				pages <- Page{URL: u, Links: strings.Count(body, "<a ")}
			}
		}()
	}
	wg.Wait()
	close(pages)

	var out []Page
	for p := range pages {
		out = append(out, p)
	}
	return out
}
