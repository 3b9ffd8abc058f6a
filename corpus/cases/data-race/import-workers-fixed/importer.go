package importworkersfixed

import (
	"sync"
	"sync/atomic"
)

// Summary counts the outcome of an import.
type Summary struct {
	Imported int
	Skipped  int
}

// ImportAll feeds records to a pool of workers that store them with save.
func ImportAll(records []string, workers int, save func(string) error) Summary {
	var imported, skipped atomic.Int64
	jobs := make(chan string)
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for rec := range jobs {
				if err := save(rec); err != nil {
					skipped.Add(1)
					continue
				}
				imported.Add(1)
			}
		}()
	}
	for _, rec := range records {
		jobs <- rec
	}
	close(jobs)
	wg.Wait()
	return Summary{Imported: int(imported.Load()), Skipped: int(skipped.Load())}
}
