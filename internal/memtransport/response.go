package memtransport

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// bufferBeforeHeaders is how much a handler writes before its headers go
// out unasked, as net/http's server buffers before it starts chunking.
const bufferBeforeHeaders = 2048

// responseWriter is the handler's side of one exchange. Like net/http's,
// it belongs to the handler's goroutine: it is not safe for concurrent use.
type responseWriter struct {
	req     *http.Request // the client's
	head    bool          // a HEAD request: the body is discarded
	header  http.Header
	pw      *io.PipeWriter
	body    *responseBody
	headers chan *http.Response // the response, or nil when failure is set
	failure error

	status   int         // 0 until WriteHeader
	snap     http.Header // the headers as WriteHeader saw them
	sent     http.Header // the headers as they went out; nil until then
	declared int64       // the handler's Content-Length; -1 when none
	written  int64
	buf      []byte // written before the headers went out
}

func (w *responseWriter) Header() http.Header { return w.header }

// WriteHeader fixes the status and takes a copy of the headers, as
// net/http's does; they go out with the first flush.
func (w *responseWriter) WriteHeader(code int) {
	if code < 100 || code > 999 {
		panic(fmt.Sprintf("invalid WriteHeader code %v", code))
	}
	if w.status != 0 || code < 200 { // a superfluous call, or a 1xx (not modelled)
		return
	}
	w.status = code
	w.snap = canonical(w.header) // the client reads them off the wire
	w.declared = -1
	if v := w.snap.Get("Content-Length"); v != "" {
		if n, err := strconv.ParseInt(v, 10, 64); err == nil && n >= 0 {
			w.declared = n
		}
	}
}

func (w *responseWriter) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.WriteHeader(http.StatusOK)
	}
	if !bodyAllowed(w.status) {
		return 0, http.ErrBodyNotAllowed
	}
	if w.declared >= 0 && w.written+int64(len(p)) > w.declared {
		return 0, http.ErrContentLength
	}
	w.written += int64(len(p))
	if w.sent == nil {
		w.buf = append(w.buf, p...)
		if len(w.buf) <= bufferBeforeHeaders {
			return len(p), nil
		}
		if err := w.FlushError(); err != nil {
			return 0, err
		}
		return len(p), nil
	}
	if w.head {
		return len(p), nil
	}
	return w.pw.Write(p)
}

// Flush sends the headers, and what was written so far, now.
func (w *responseWriter) Flush() { _ = w.FlushError() }

// FlushError is Flush for [http.ResponseController]: it reports a client
// that has gone.
func (w *responseWriter) FlushError() error {
	if w.status == 0 {
		w.WriteHeader(http.StatusOK)
	}
	if w.sent == nil {
		w.send(false)
		buf := w.buf
		w.buf = nil
		if len(buf) > 0 && !w.head {
			if _, err := w.pw.Write(buf); err != nil {
				return err
			}
		}
	}
	return nil
}

// send hands the client its response; complete says the handler has
// returned and everything it wrote is in buf.
func (w *responseWriter) send(complete bool) {
	h := w.snap
	w.sent = h
	resp := &http.Response{
		Status:        strconv.Itoa(w.status) + " " + http.StatusText(w.status),
		StatusCode:    w.status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        h,
		Body:          http.NoBody,
		ContentLength: -1,
		Request:       w.req,
	}
	if _, ok := h["Date"]; !ok {
		h.Set("Date", time.Now().UTC().Format(http.TimeFormat))
	}
	allowed := bodyAllowed(w.status)
	if _, ok := h["Content-Type"]; !ok && allowed && len(w.buf) > 0 && h.Get("Content-Encoding") == "" {
		h.Set("Content-Type", http.DetectContentType(w.buf[:min(len(w.buf), 512)]))
	}
	switch {
	case !allowed:
		resp.ContentLength = 0
	case w.declared >= 0:
		resp.ContentLength = w.declared
	case complete:
		resp.ContentLength = int64(len(w.buf))
		h.Set("Content-Length", strconv.Itoa(len(w.buf)))
	}
	if allowed && !w.head {
		if complete {
			var r io.Reader = bytes.NewReader(w.buf)
			if w.declared > int64(len(w.buf)) {
				r = io.MultiReader(r, failingReader{io.ErrUnexpectedEOF})
			}
			w.body.r = r
		} else {
			w.body.r = w.body.pr
		}
		resp.Body = w.body
	}
	w.headers <- resp
}

// finish ends the response when the handler returns: what is still
// buffered goes out with its Content-Length, else the stream ends, early
// when the handler wrote less than it declared.
func (w *responseWriter) finish() {
	if w.status == 0 {
		w.WriteHeader(http.StatusOK)
	}
	if w.sent == nil {
		w.send(true)
		return
	}
	var err error
	if w.declared > w.written && bodyAllowed(w.status) && !w.head {
		err = io.ErrUnexpectedEOF
	}
	w.pw.CloseWithError(err)
}

// abort drops the connection: the round trip fails with err if the
// headers have not gone out, the body's Read otherwise.
func (w *responseWriter) abort(err error) {
	if w.sent == nil {
		w.failure = err
		w.headers <- nil
		return
	}
	w.pw.CloseWithError(fmt.Errorf("%w (%w)", err, io.ErrUnexpectedEOF))
}

// bodyAllowed reports whether a response with status may have a body.
func bodyAllowed(status int) bool {
	return status >= 200 && status != http.StatusNoContent && status != http.StatusNotModified
}

// responseBody is the client's side of the response body.
type responseBody struct {
	ctx    context.Context // the client's
	r      io.Reader       // the pipe, or a body the handler wrote in full
	pr     *io.PipeReader
	cancel context.CancelCauseFunc // the handler's context
	closed atomic.Bool
}

func (b *responseBody) Read(p []byte) (int, error) {
	if b.closed.Load() {
		return 0, errReadAfterClose
	}
	if b.ctx.Err() != nil {
		return 0, context.Cause(b.ctx)
	}
	return b.r.Read(p)
}

// Close is the client hanging up: the handler's context is cancelled and
// its next Write fails.
func (b *responseBody) Close() error {
	if !b.closed.Swap(true) {
		b.pr.CloseWithError(ErrBodyClosed)
		b.cancel(ErrBodyClosed)
	}
	return nil
}

type failingReader struct{ err error }

func (f failingReader) Read([]byte) (int, error) { return 0, f.err }

// requestBody is the handler's side of the request body: the client's,
// read once, bounded by the declared length.
type requestBody struct {
	src    io.ReadCloser
	left   int64 // -1: until the client's body ends
	closed atomic.Bool
	once   sync.Once
}

func (b *requestBody) Read(p []byte) (int, error) {
	if b.closed.Load() {
		return 0, errors.New("http: invalid Read on closed Body")
	}
	if b.left == 0 {
		return 0, io.EOF
	}
	if b.left > 0 && int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.src.Read(p)
	if b.left > 0 {
		b.left -= int64(n)
		if err == io.EOF && b.left > 0 {
			err = io.ErrUnexpectedEOF
		}
	}
	return n, err
}

// Close is the handler's: later Reads fail, as on a server.
func (b *requestBody) Close() error {
	b.closed.Store(true)
	return nil
}

// close is the transport's, when the handler returns: the client's body is
// closed, as a RoundTripper must.
func (b *requestBody) close() {
	b.closed.Store(true)
	if b.src != nil {
		b.once.Do(func() { b.src.Close() })
	}
}
