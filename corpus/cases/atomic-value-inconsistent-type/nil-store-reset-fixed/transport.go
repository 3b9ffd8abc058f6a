package nilstoreresetfixed

import (
	"net/http"
	"sync/atomic"
	"time"
)

type Token struct {
	Value   string
	Expires time.Time
}

type TokenSource func() (*Token, error)

type AuthTransport struct {
	Base   http.RoundTripper
	Source TokenSource
	cached atomic.Pointer[Token]
}

func (t *AuthTransport) token() (*Token, error) {
	if tok := t.cached.Load(); tok != nil && time.Now().Before(tok.Expires) {
		return tok, nil
	}
	tok, err := t.Source()
	if err != nil {
		return nil, err
	}
	t.cached.Store(tok)
	return tok, nil
}

func (t *AuthTransport) Invalidate() {
	t.cached.Store(nil)
}

func (t *AuthTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	tok, err := t.token()
	if err != nil {
		return nil, err
	}
	req = req.Clone(req.Context())
	req.Header.Set("Authorization", "Bearer "+tok.Value)
	resp, err := t.Base.RoundTrip(req)
	if err == nil && resp.StatusCode == http.StatusUnauthorized {
		t.Invalidate()
	}
	return resp, err
}
