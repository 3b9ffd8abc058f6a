package crawlcounterfixed

import (
	"errors"
	"strings"
	"testing"
)

func TestProgressDuringCrawl(t *testing.T) {
	fetch := func(url string) error {
		if strings.HasSuffix(url, "/404") {
			return errors.New("not found")
		}
		return nil
	}
	c := NewCrawler(fetch)
	c.Start([]string{"/a", "/b", "/404", "/c", "/d", "/e"}, 3)
	var peak int64
	for i := 0; i < 100; i++ {
		if n, _ := c.Progress(); n > peak {
			peak = n
		}
	}
	c.Wait()
	if fetched, failed := c.Progress(); fetched != 5 || failed != 1 {
		t.Fatalf("fetched %d failed %d", fetched, failed)
	}
	if peak > 5 {
		t.Errorf("progress went past the total: %d", peak)
	}
}
