package workerdeferclose

import "testing"

type staticSite map[string]string

func (s staticSite) Fetch(url string) (string, error) {
	return s[url], nil
}

func TestCrawlCountsLinks(t *testing.T) {
	site := staticSite{
		"/":      `<a href="/docs">docs</a> <a href="/blog">blog</a>`,
		"/docs":  `<a href="/">home</a>`,
		"/blog":  `no links`,
		"/about": `<a href="/">home</a>`,
	}
	pages := Crawl(site, []string{"/", "/docs", "/blog", "/about"}, 2)
	if len(pages) != 4 {
		t.Fatalf("pages = %d", len(pages))
	}
}
