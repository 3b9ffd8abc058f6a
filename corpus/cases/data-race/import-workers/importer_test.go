package importworkers

import (
	"errors"
	"sync"
	"sync/atomic"
	"testing"
)

func TestImportAll(t *testing.T) {
	var arrived sync.WaitGroup
	arrived.Add(2)
	var calls atomic.Int32
	save := func(rec string) error {
		if calls.Add(1) <= 2 {
			arrived.Done()
			arrived.Wait()
		}
		if rec == "" {
			return errors.New("empty record")
		}
		return nil
	}
	got := ImportAll([]string{"r1", "r2", "", "r4", "r5"}, 3, save)
	if got.Imported+got.Skipped != 5 {
		t.Errorf("summary %+v does not add up to 5", got)
	}
}
