package shardtotals

import "sync"

// ShardStats is what one shard scan found.
type ShardStats struct {
	Rows  int
	Bytes int64
}

// ScanShards scans every shard in its own goroutine and sums the results once all
// of them are done.
func ScanShards(shards [][]string) ShardStats {
	results := make([]ShardStats, len(shards))
	var wg sync.WaitGroup
	for i := range shards {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for _, row := range shards[i] {
				results[i].Rows++
				results[i].Bytes += int64(len(row))
			}
		}(i)
	}
	wg.Wait()
	var total ShardStats
	for _, r := range results {
		total.Rows += r.Rows
		total.Bytes += r.Bytes
	}
	return total
}
