// Package memtransport is an [http.RoundTripper] that serves each request
// with an [http.Handler] in memory: no listener and no socket, and the
// handler's goroutine starts from the caller's, so that it belongs to the
// caller's bubble. A client built on it runs inside a
// [testing/synctest] bubble, where every wait the client makes (a backoff,
// a rate-limit window, a timeout) passes on the bubble's fake clock, so a
// test can assert that a retry went out exactly 2 s after the first
// attempt, in microseconds of real time.
//
//	hc := &http.Client{Transport: memtransport.New(handler)}
//
// The handler sees the request as a server would: RequestURI, Host and
// RemoteAddr are set, header names are canonical (X-IDEMPOTENCY-KEY
// arrives as X-Idempotency-Key, as off the wire), the URL holds only the path and query, the body
// reads once (http.NoBody when there is none), ContentLength is what the
// client declared (-1 when unknown), TLS is nil even for an https URL, and
// the request's context is its own (none of the client's values) and is
// cancelled when the client's context ends, when the client closes the
// response body, or when the handler returns.
//
// The response streams through an [io.Pipe], as it would through a
// connection. As with net/http's server, the status and headers go out when
// the handler flushes ([http.Flusher] or [http.ResponseController]), when
// it has written more than 2 KiB, or when it returns; a handler that sets a
// status and then blocks without flushing keeps the round trip waiting,
// just as a real client would. A body written in full before the handler
// returns comes with its Content-Length. After the headers, each Write
// waits until the client reads it, so a handler can stream a body larger
// than the client will read: the client's Close makes the handler's next
// Write fail with [ErrBodyClosed].
//
// Why not a real socket in a bubble: network I/O does not count as durably
// blocked, so while a call waits on a socket the bubble's clock stands
// still (a ResponseHeaderTimeout never fires), and the connection
// goroutines a transport starts inside the bubble, idle in its pool, keep
// the bubble from ending. A client of the SDK in a bubble needs a
// transport of its own, such as this one, through xendit.WithHTTPClient,
// not the transport shared by clients built without it.
//
// Faults: a handler that panics with [http.ErrAbortHandler] drops the
// connection, as net/http's server does: before the headers the round trip
// fails with an error that matches [ErrAborted] (the client's view of a
// connection reset after the request was sent), after them the body's Read
// fails with one that matches [ErrAborted] and [io.ErrUnexpectedEOF]. Any
// other panic drops the connection the same way, with a [*PanicError]
// that carries the value and stack, instead of crashing the test binary.
//
// Not modelled: 1xx responses (ignored), trailers, Hijack, read and write
// deadlines, and compression (no Accept-Encoding is added).
package memtransport

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"runtime/debug"
	"strconv"
)

// DefaultRemoteAddr is the handler's Request.RemoteAddr unless
// [Transport.RemoteAddr] says otherwise: a TEST-NET-1 address, as
// httptest.NewRequest uses.
const DefaultRemoteAddr = "192.0.2.1:1234"

var (
	// ErrAborted is matched by the error of a round trip or body read whose
	// handler dropped the connection (a panic, [http.ErrAbortHandler] or
	// other).
	ErrAborted = errors.New("memtransport: the handler dropped the connection")
	// ErrBodyClosed is what a handler's Write returns once the client has
	// closed the response body.
	ErrBodyClosed = errors.New("memtransport: the client closed the response body")
	// errReadAfterClose is net/http's answer to a Read after Close.
	errReadAfterClose = errors.New("http: read on closed response body")
)

// PanicError is the error of a round trip or body read whose handler
// panicked with something other than [http.ErrAbortHandler].
type PanicError struct {
	Value any
	Stack []byte
}

func (e *PanicError) Error() string {
	return fmt.Sprintf("memtransport: the handler panicked: %v", e.Value)
}

// Unwrap lets errors.Is match [ErrAborted]: the client sees a dropped
// connection.
func (e *PanicError) Unwrap() error { return ErrAborted }

// Transport serves requests with Handler. It is safe for concurrent use.
type Transport struct {
	Handler http.Handler
	// RemoteAddr is the handler's Request.RemoteAddr; [DefaultRemoteAddr]
	// when empty.
	RemoteAddr string
}

// New returns a Transport that serves requests with h.
func New(h http.Handler) *Transport { return &Transport{Handler: h} }

// Client returns an http.Client that sends through t.
func (t *Transport) Client() *http.Client { return &http.Client{Transport: t} }

// RoundTrip runs the handler on a goroutine of its own and returns when it
// sends the headers, returns, or drops the connection, or when the
// request's context ends first. Like any RoundTripper, it closes the
// request's body.
func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL == nil || t.Handler == nil {
		closeBody(req)
		return nil, errors.New("memtransport: nil URL or Handler")
	}
	ctx := req.Context()
	if ctx.Err() != nil {
		closeBody(req)
		return nil, context.Cause(ctx)
	}
	sreq, body, err := t.serverRequest(req)
	if err != nil {
		closeBody(req)
		return nil, err
	}
	sctx, cancel := context.WithCancelCause(context.Background())
	sreq = sreq.WithContext(sctx)
	pr, pw := io.Pipe()
	w := &responseWriter{
		req:     req,
		head:    req.Method == http.MethodHead,
		header:  make(http.Header),
		pw:      pw,
		headers: make(chan *http.Response, 1),
	}
	w.body = &responseBody{ctx: ctx, pr: pr, cancel: cancel}
	// The client's context ending is a dropped connection to the handler:
	// its context ends and its Write fails. Once it has returned, the
	// body's Read checks the client's context itself.
	stop := context.AfterFunc(ctx, func() {
		cancel(context.Cause(ctx))
		pw.CloseWithError(context.Cause(ctx))
	})
	go t.serve(w, sreq, body, cancel, stop)
	select {
	case resp := <-w.headers:
		if resp == nil {
			return nil, w.failure
		}
		return resp, nil
	case <-ctx.Done():
		return nil, context.Cause(ctx)
	}
}

// serve runs the handler and finishes the response the way a server does
// when ServeHTTP returns or panics.
func (t *Transport) serve(w *responseWriter, sreq *http.Request, body *requestBody, cancel context.CancelCauseFunc, stop func() bool) {
	defer func() {
		v := recover()
		stop()
		body.close()
		cancel(context.Canceled)
		if v == nil {
			w.finish()
			return
		}
		var err error = &PanicError{Value: v, Stack: debug.Stack()}
		if v == http.ErrAbortHandler {
			err = ErrAborted
		}
		w.abort(err)
	}()
	t.Handler.ServeHTTP(w, sreq)
}

// serverRequest is req as a server would read it off the connection.
func (t *Transport) serverRequest(req *http.Request) (*http.Request, *requestBody, error) {
	uri := req.URL.RequestURI()
	u, err := url.ParseRequestURI(uri)
	if err != nil {
		return nil, nil, fmt.Errorf("memtransport: %w", err)
	}
	host := req.Host
	if host == "" {
		host = req.URL.Host
	}
	h := canonical(req.Header)
	if _, ok := h["User-Agent"]; !ok {
		h.Set("User-Agent", "Go-http-client/1.1")
	} else if h.Get("User-Agent") == "" {
		h.Del("User-Agent") // an empty value means "send none"
	}
	h.Del("Host")
	body := &requestBody{}
	n := req.ContentLength
	var te []string
	switch {
	case req.Body == nil || req.Body == http.NoBody:
		n = 0
	case n > 0:
		body.src, body.left = req.Body, n
	default: // unknown length: sent chunked
		n, te = -1, []string{"chunked"}
		body.src, body.left = req.Body, -1
	}
	h.Del("Content-Length")
	h.Del("Transfer-Encoding")
	if n > 0 || (n == 0 && bodyExpected(req.Method)) {
		h.Set("Content-Length", strconv.FormatInt(n, 10))
	}
	remote := t.RemoteAddr
	if remote == "" {
		remote = DefaultRemoteAddr
	}
	sreq := &http.Request{
		Method:           req.Method,
		URL:              u,
		Proto:            "HTTP/1.1",
		ProtoMajor:       1,
		ProtoMinor:       1,
		Header:           h,
		Body:             http.NoBody,
		ContentLength:    n,
		TransferEncoding: te,
		Host:             host,
		RemoteAddr:       remote,
		RequestURI:       uri,
	}
	if body.src != nil {
		sreq.Body = body
	}
	if sreq.Method == "" {
		sreq.Method = http.MethodGet
	}
	return sreq, body, nil
}

// bodyExpected: the methods for which Go's transport sends
// "Content-Length: 0" when there is no body.
func bodyExpected(method string) bool {
	return method == http.MethodPost || method == http.MethodPut || method == http.MethodPatch
}

// canonical copies h with its names spelled as a header read off the wire
// is: a server sees X-Idempotency-Key whichever way the client spelled it.
func canonical(h http.Header) http.Header {
	c := make(http.Header, len(h))
	for name, values := range h {
		k := http.CanonicalHeaderKey(name)
		c[k] = append(c[k], values...)
	}
	return c
}

func closeBody(req *http.Request) {
	if req.Body != nil {
		req.Body.Close()
	}
}
