package faninwait

import "testing"

func source(vals ...int) <-chan int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for _, v := range vals {
			ch <- v
		}
	}()
	return ch
}

func TestMerge(t *testing.T) {
	sum, n := 0, 0
	for v := range Merge(source(1, 2, 3), source(10), source(), source(100, 200)) {
		sum += v
		n++
	}
	if n != 6 || sum != 316 {
		t.Fatalf("got %d values summing to %d", n, sum)
	}
}
