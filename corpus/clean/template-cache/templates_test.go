package templatecache

import (
	"strings"
	"sync"
	"testing"
)

func TestTemplatesFromManyGoroutines(t *testing.T) {
	ts := NewTemplates(map[string]string{"hello": "hi {{.}}", "bye": "bye {{.}}"})
	var wg sync.WaitGroup
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			name := []string{"hello", "bye"}[i%2]
			tmpl, err := ts.Get(name)
			if err != nil {
				t.Error(err)
				return
			}
			var sb strings.Builder
			if err := tmpl.Execute(&sb, "ana"); err != nil || !strings.HasSuffix(sb.String(), "ana") {
				t.Errorf("%s: %q %v", name, sb.String(), err)
			}
		}(i)
	}
	wg.Wait()
}
