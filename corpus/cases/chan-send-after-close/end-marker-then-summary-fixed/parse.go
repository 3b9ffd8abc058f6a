package endmarkerthensummaryfixed

import (
	"strconv"
	"strings"
)

type Record struct {
	Key   string
	Value int
	Total bool
}

func Parse(lines []string, out chan<- Record) {
	sum := 0
	for _, line := range lines {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if line == "END" {
			break
		}
		key, raw, ok := strings.Cut(line, "=")
		if !ok {
			continue
		}
		n, err := strconv.Atoi(raw)
		if err != nil {
			continue
		}
		sum += n
		out <- Record{Key: key, Value: n}
	}
	out <- Record{Key: "total", Value: sum, Total: true}
	close(out)
}
