package xendit

import (
	"net/http"
	"sync"
	"time"
)

// NewTransport returns a new transport tuned for the Xendit API: Go's
// default transport (proxy from the environment, dial and TLS timeouts,
// HTTP/2) with more idle connections per host, since every call goes to one
// host, and response headers bounded by [DefaultTimeout].
//
// Clients built without [WithHTTPClient] already share one (see
// [SharedTransport]). Build your own to wrap it (otelhttp, a proxy) or to
// give a group of clients a pool of their own:
//
//	t := xendit.NewTransport()
//	hc := &http.Client{Transport: otelhttp.NewTransport(t)}
//	client, err := xendit.New(key, xendit.WithHTTPClient(hc))
func NewTransport() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns = 256
	t.MaxIdleConnsPerHost = 64
	t.ResponseHeaderTimeout = DefaultTimeout
	return t
}

// SharedTransport returns the transport that every client built without
// [WithHTTPClient] sends through, as http.DefaultTransport is shared by
// http.Get: a thousand merchant clients hold one connection pool, not a
// thousand. Clients with a [WithTimeout] other than the default share one
// per timeout. Do not modify it; wrap it, or build one with [NewTransport].
func SharedTransport() *http.Transport { return shared(DefaultTimeout).transport }

// CloseIdleConnections closes the idle connections of the transports that
// clients built without [WithHTTPClient] share. Clients stay usable.
func CloseIdleConnections() {
	sharedByTimeout.Range(func(_, v any) bool {
		v.(*sharedPool).transport.CloseIdleConnections()
		return true
	})
}

type sharedPool struct {
	transport *http.Transport
	client    *http.Client
}

// sharedByTimeout holds one pool per response-header timeout in use.
var sharedByTimeout sync.Map // time.Duration -> *sharedPool

func shared(timeout time.Duration) *sharedPool {
	if p, ok := sharedByTimeout.Load(timeout); ok {
		return p.(*sharedPool)
	}
	t := NewTransport()
	t.ResponseHeaderTimeout = timeout
	// roundTripOnly: go-retryablehttp closes the idle connections of its
	// client after a failed call, which would empty the pool every client
	// shares.
	p := &sharedPool{transport: t, client: &http.Client{Transport: roundTripOnly{t}, CheckRedirect: noRedirects}}
	actual, _ := sharedByTimeout.LoadOrStore(timeout, p)
	return actual.(*sharedPool)
}

func sharedClient(timeout time.Duration) *http.Client { return shared(timeout).client }
