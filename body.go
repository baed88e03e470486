package xendit

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/hashicorp/go-retryablehttp"
)

// decode reads a 2xx body into out, within the client's bound. A small
// remainder is drained so the connection can be reused; a large one is not
// read: closing the body closes the connection.
func (k *call) decode(resp *http.Response, out any) error {
	limit := k.c.maxBody
	b := &k.body
	b.r, b.left, b.limit = resp.Body, limit, limit
	if out == nil { // the caller wants no result: whatever the size, nothing is decoded
		b.drain()
		return nil
	}
	if resp.ContentLength > limit {
		return k.unusableBody(resp, bodyTooLarge(limit))
	}
	if err := json.NewDecoder(b).Decode(out); err != nil && err != io.EOF {
		if !errors.Is(err, errBodyTooLarge) {
			err = fmt.Errorf("decoding the response: %w", err)
		}
		return k.unusableBody(resp, err)
	}
	b.drain()
	return nil
}

// unusableBody is the error for a 2xx whose body could not be used: the
// request was acted on, and the answer is lost, so the attempt's outcome
// becomes ambiguous.
func (k *call) unusableBody(resp *http.Response, err error) error {
	if n := len(k.history); n > 0 {
		o := observation{status: resp.StatusCode, err: err}
		row := classify(o)
		k.history[n-1] = Attempt{Outcome: row.outcome, StatusCode: resp.StatusCode, Reason: row.reason}
	}
	e := k.newError()
	e.Err = err
	return e
}

// errBodyTooLarge is matched by a 2xx body over the client's bound.
var errBodyTooLarge = errors.New("response body too large")

func bodyTooLarge(limit int64) error {
	return fmt.Errorf("%w: larger than %d bytes (WithMaxResponseBytes)", errBodyTooLarge, limit)
}

// boundedBody reads at most left bytes of r, and fails once r holds more.
type boundedBody struct {
	r           io.Reader
	left, limit int64
	tail        [16]byte
}

func (b *boundedBody) Read(p []byte) (int, error) {
	if b.left <= 0 {
		n, err := b.r.Read(b.tail[:1])
		if n > 0 {
			return 0, bodyTooLarge(b.limit)
		}
		return 0, err
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.r.Read(p)
	b.left -= int64(n)
	return n, err
}

// drain reads what is left of a small remainder (a trailing newline), so
// the connection goes back to the pool; it gives up after a few reads.
func (b *boundedBody) drain() {
	for range 8 {
		if _, err := b.r.Read(b.tail[:]); err != nil {
			return
		}
	}
}

// streamBody adapts Request.BodyReader for go-retryablehttp, which calls its
// ReaderFunc once up front to sniff a length and then once per attempt. Each
// call returns a lazyBody that opens the source on its first Read, so the
// sniff opens nothing, and an attempt that never sent a byte leaves a
// one-shot source unread and retryable.
func (k *call) streamBody(open func() (io.Reader, error), replayable bool) retryablehttp.ReaderFunc {
	return func() (io.Reader, error) {
		return &lazyBody{open: func() (io.Reader, error) {
			if !replayable {
				k.spent.Store(true)
			}
			return open()
		}}, nil
	}
}

type lazyBody struct {
	open func() (io.Reader, error)
	r    io.Reader
	err  error
}

func (b *lazyBody) Read(p []byte) (int, error) {
	if b.r == nil && b.err == nil {
		if b.r, b.err = b.open(); b.r == nil && b.err == nil {
			b.err = io.ErrUnexpectedEOF
		}
	}
	if b.err != nil {
		return 0, b.err
	}
	return b.r.Read(p)
}

// Close closes the opened source, which stops a producer behind an io.Pipe.
func (b *lazyBody) Close() error {
	if c, ok := b.r.(io.Closer); ok {
		return c.Close()
	}
	return nil
}
