package checksumloop

import (
	"hash/crc32"
	"sync"
)

// ReadFunc loads the contents of one file.
type ReadFunc func(path string) ([]byte, error)

// ChecksumAll reads every path in parallel and returns the CRC-32 of each file that
// could be read.
func ChecksumAll(paths []string, read ReadFunc) map[string]uint32 {
	sums := make(map[string]uint32, len(paths))
	var wg sync.WaitGroup
	for _, p := range paths {
		wg.Add(1)
		go func(path string) {
			defer wg.Done()
			data, err := read(path)
			if err != nil {
				return
			}
			sums[path] = crc32.ChecksumIEEE(data)
		}(p)
	}
	wg.Wait()
	return sums
}
