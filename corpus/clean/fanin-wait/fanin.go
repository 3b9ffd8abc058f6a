package faninwait

import "sync"

// Merge forwards every value from the inputs to one output channel and closes the
// output once every input is drained.
func Merge(inputs ...<-chan int) <-chan int {
	out := make(chan int)
	var senders sync.WaitGroup
	for _, in := range inputs {
		senders.Add(1)
		go func(in <-chan int) {
			defer senders.Done()
			for v := range in {
				out <- v
			}
		}(in)
	}
	go func() {
		senders.Wait()
		close(out)
	}()
	return out
}
