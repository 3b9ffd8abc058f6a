package configreloadinterfacefixed

import (
	"strings"
	"sync/atomic"
)

type Source interface {
	Lookup(key string) (string, bool)
}

type fileSource struct {
	path   string
	values map[string]string
}

func (f *fileSource) Lookup(key string) (string, bool) {
	v, ok := f.values[key]
	return v, ok
}

type envSource struct {
	prefix  string
	environ []string
}

func (e envSource) Lookup(key string) (string, bool) {
	want := e.prefix + strings.ToUpper(key) + "="
	for _, kv := range e.environ {
		if strings.HasPrefix(kv, want) {
			return strings.TrimPrefix(kv, want), true
		}
	}
	return "", false
}

func Open(spec string, environ []string, files map[string]map[string]string) Source {
	if prefix, ok := strings.CutPrefix(spec, "env:"); ok {
		return envSource{prefix: prefix, environ: environ}
	}
	return &fileSource{path: spec, values: files[spec]}
}

type Config struct {
	current atomic.Pointer[Source]
}

func (c *Config) Use(src Source) {
	c.current.Store(&src)
}

func (c *Config) Get(key, fallback string) string {
	p := c.current.Load()
	if p == nil {
		return fallback
	}
	if v, found := (*p).Lookup(key); found {
		return v
	}
	return fallback
}
