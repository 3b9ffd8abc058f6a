package templatecache

import (
	"sync"
	"text/template"
)

// Templates parses each named template once and reuses it from any goroutine.
type Templates struct {
	sources map[string]string
	parsed  sync.Map
}

func NewTemplates(sources map[string]string) *Templates {
	return &Templates{sources: sources}
}

func (t *Templates) Get(name string) (*template.Template, error) {
	if v, ok := t.parsed.Load(name); ok {
		return v.(*template.Template), nil
	}
	tmpl, err := template.New(name).Parse(t.sources[name])
	if err != nil {
		return nil, err
	}
	v, _ := t.parsed.LoadOrStore(name, tmpl)
	return v.(*template.Template), nil
}
