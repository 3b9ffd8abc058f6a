package parseconfined

import (
	"strconv"
	"strings"
)

// Totals is the sum of the numeric columns of a CSV-like document.
type Totals struct {
	Lines  int
	Values map[string]float64
}

// SumColumns parses each document in its own goroutine. Every goroutine builds its
// own Totals and hands it back over the channel; nothing else touches it.
func SumColumns(docs []string) []Totals {
	results := make(chan struct {
		i int
		t Totals
	}, len(docs))
	for i, doc := range docs {
		go func(i int, doc string) {
			t := Totals{Values: make(map[string]float64)}
			for _, line := range strings.Split(strings.TrimSpace(doc), "\n") {
				key, num, ok := strings.Cut(line, "=")
				if !ok {
					continue
				}
				if f, err := strconv.ParseFloat(num, 64); err == nil {
					t.Values[key] += f
					t.Lines++
				}
			}
			results <- struct {
				i int
				t Totals
			}{i, t}
		}(i, doc)
	}
	out := make([]Totals, len(docs))
	for range docs {
		r := <-results
		out[r.i] = r.t
	}
	return out
}
