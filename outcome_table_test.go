package xendit_test

import (
	"bufio"
	"context"
	"crypto/tls"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httptrace"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/memtransport"
)

// outcomeCase is one way an attempt can end, produced for real: through a
// real server and socket, or, where a socket cannot produce it, through an
// httpmock transport of the test's own. A case that needs a timeout to
// fire after the server holds the request runs in memory, in a
// testing/synctest bubble (inMemory); one that needs a socket as well ends
// its context when the server says so (deadlineWhenHeld), not on a timer:
// on a loaded machine a short real timer fires before the request arrives.
type outcomeCase struct {
	name     string
	endpoint xendit.Endpoint // createBare unless set
	// serve answers on a recording test server; setup, instead, returns the
	// base URL and options of a server of its own.
	serve http.HandlerFunc
	setup func(t *testing.T) (baseURL string, opts []xendit.Option)
	// inMemory serves with serve in memory, inside a testing/synctest
	// bubble, where the clock moves only while every goroutine waits: the
	// client's timeouts fire only once the server holds the request.
	inMemory bool
	opts     []xendit.Option // the client's options, after fastRetry
	// warm makes one call first, on the same client: to leave an idle
	// connection to reuse, or a rate-limit window to wait for.
	warm bool
	// call runs the call under test; nil means one with a background context.
	call func(t *testing.T, do func(context.Context) error) error

	ok      bool     // the call succeeds
	history []string // the reason of each attempt, in order
	final   string   // for an error with no history: the row it falls in
	unknown bool     // OutcomeUnknown
	is      []error  // errors.Is holds for each
}

func TestOutcomeTableEveryRowThroughARealServer(t *testing.T) {
	proven := map[string]bool{}
	for _, tc := range outcomeCases() {
		t.Run(tc.name, func(t *testing.T) {
			runOutcomeCase(t, tc)
			for _, r := range tc.history {
				proven[r] = true
			}
			if tc.final != "" {
				proven[tc.final] = true
			}
		})
	}
	for _, reason := range xendit.OutcomeTableReasons() {
		assert.True(t, proven[reason], "no case proves the row %q", reason)
	}
}

func runOutcomeCase(t *testing.T, tc outcomeCase) {
	if tc.inMemory {
		synctest.Test(t, func(t *testing.T) {
			srv := newMemRecorder(tc.serve)
			hc := &http.Client{Transport: memtransport.New(srv)}
			runOutcomeCaseOn(t, tc, srv, memBaseURL, append([]xendit.Option{xendit.WithHTTPClient(hc)}, tc.opts...))
		})
		return
	}
	if tc.setup != nil {
		base, opts := tc.setup(t)
		runOutcomeCaseOn(t, tc, nil, base, append(opts, tc.opts...))
		return
	}
	srv := newRecorder(t, tc.serve)
	runOutcomeCaseOn(t, tc, srv, srv.URL, tc.opts)
}

// runOutcomeCaseOn runs tc with a client of base, with opts; srv, when
// not nil, is the server that records what it received.
func runOutcomeCaseOn(t *testing.T, tc outcomeCase, srv interface{ requests() []seen }, base string, opts []xendit.Option) {
	c, err := xendit.New(docKey, append([]xendit.Option{xendit.WithBaseURL(base), fastRetry}, opts...)...)
	require.NoError(t, err)
	e := cmpOr(tc.endpoint, createBare)
	var resp xendit.Response
	do := func(ctx context.Context) error {
		return c.Do(ctx, &xendit.Request{Endpoint: e, PathParams: map[string]string{"id": "t1"},
			Body: map[string]int{"amount": 1}, Options: []xendit.RequestOption{xendit.CaptureResponse(&resp)}}, &map[string]any{})
	}
	if tc.warm {
		_ = do(context.Background())
	}
	if tc.call != nil {
		err = tc.call(t, do)
	} else {
		err = do(context.Background())
	}

	reasons := func(h []xendit.Attempt) []string {
		var rs []string
		for _, a := range h {
			rs = append(rs, a.Reason)
		}
		return rs
	}
	if tc.ok {
		require.NoError(t, err)
		assert.Equal(t, tc.history, reasons(resp.History))
		assert.Equal(t, len(tc.history), resp.Attempts)
		return
	}
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe, "every failure is a *xendit.Error: %v", err)
	assert.Equal(t, tc.history, reasons(xe.History), "what each attempt learned")
	assert.Equal(t, len(tc.history), xe.Attempts)
	assert.Equal(t, reasons(xe.History), reasons(resp.History), "CaptureResponse sees the same history")
	if tc.final != "" {
		assert.Equal(t, tc.final, xendit.ReasonOf(xe))
	}
	assert.Equal(t, tc.unknown, xendit.OutcomeUnknown(err), "OutcomeUnknown")
	for _, target := range tc.is {
		assert.ErrorIs(t, err, target)
	}
	if srv != nil && !tc.warm {
		sent := 0
		for _, a := range xe.History {
			if a.Outcome != xendit.OutcomeNotSent {
				sent++
			}
		}
		assert.Len(t, srv.requests(), sent, "requests the server saw")
	}
	assert.NotContains(t, err.Error(), docKey)
}

func cmpOr[T comparable](v, fallback T) T {
	var zero T
	if v == zero {
		return fallback
	}
	return v
}

func times(n int, reason string) []string { return slices.Repeat([]string{reason}, n) }

const (
	rowResentUnwritten = "re-sent by Go's transport: the first send wrote nothing"
	rowResentAfter     = "re-sent by Go's transport after a reused connection failed"
	rowWindow          = "not sent: the rate-limit window outlasts the context"
	rowCtxFirst        = "not sent: the context ended first"
	rowTLS             = "TLS or certificate failure"
	rowNoConn          = "connection not opened"
	rowCtxAfter        = "the context ended after sending"
	rowNoAnswer        = "no answer after sending"
	rowThrottled       = "rate limited"
	rowBadBody         = "2xx with an unusable body"
	row2xx             = "2xx"
	rowRedirect        = "redirect, not followed"
)

func outcomeCases() []outcomeCase {
	status := func(code int, body string) http.HandlerFunc { return jsonReply(code, body) }
	return []outcomeCase{
		// Go's transport re-sending by itself.
		{name: "transport re-send of a request never written (httpmock)", endpoint: getThing,
			setup: mockTransport(func(req *http.Request) (*http.Response, error) {
				tr := httptrace.ContextClientTrace(req.Context())
				tr.GetConn("api.xendit.test:443")
				tr.GotConn(httptrace.GotConnInfo{Reused: true}) // a dead idle connection: the write fails
				tr.GetConn("api.xendit.test:443")
				tr.GotConn(httptrace.GotConnInfo{})
				tr.WroteHeaders()
				return httpmock.NewStringResponse(200, `{}`), nil
			}),
			ok: true, history: []string{rowResentUnwritten, row2xx}},
		{name: "transport re-send after a reused connection failed", endpoint: getThing,
			setup: resendServer, warm: true,
			ok: true, history: []string{rowResentAfter, row2xx}},

		// Nothing sent.
		{name: "rate-limit window longer than the deadline", endpoint: getThing,
			inMemory: true, serve: throttleFor("10"), opts: []xendit.Option{xendit.WithRetryPolicy(xendit.RetryPolicy{})}, warm: true,
			call: func(t *testing.T, do func(context.Context) error) error {
				ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
				defer cancel()
				return do(ctx)
			},
			final: rowWindow, is: []error{xendit.ErrRateLimited, context.DeadlineExceeded}},
		{name: "context cancelled before the call", serve: status(200, `{}`),
			call: func(t *testing.T, do func(context.Context) error) error {
				ctx, cancel := context.WithCancel(context.Background())
				cancel()
				return do(ctx)
			},
			final: rowCtxFirst, is: []error{context.Canceled, xendit.ErrNoResponse}},
		func() outcomeCase {
			held, call := deadlineWhenHeld()
			return outcomeCase{name: "context cancelled during the TLS handshake", setup: silentTLSListener(held), call: call,
				history: []string{rowCtxFirst}, is: []error{context.DeadlineExceeded, xendit.ErrNoResponse}}
		}(),
		{name: "certificate from an unknown authority", endpoint: getThing,
			setup:   func(t *testing.T) (string, []xendit.Option) { return tlsServer(t).URL, nil },
			history: []string{rowTLS}, is: []error{xendit.ErrNoResponse}},
		{name: "certificate for another host", endpoint: getThing,
			setup: func(t *testing.T) (string, []xendit.Option) {
				srv := tlsServer(t)
				hc := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: poolOf(srv)}}}
				return strings.Replace(srv.URL, "127.0.0.1", "localhost", 1), []xendit.Option{xendit.WithHTTPClient(hc)}
			},
			history: []string{rowTLS}, is: []error{xendit.ErrNoResponse}},
		{name: "https to a plain http server", endpoint: getThing,
			setup: func(t *testing.T) (string, []xendit.Option) {
				srv := newRecorder(t, status(200, `{}`))
				return strings.Replace(srv.URL, "http:", "https:", 1), nil
			},
			history: []string{rowTLS}, is: []error{xendit.ErrNoResponse}},
		{name: "dial failure: refused, so even a POST without a key is retried", setup: closedPort,
			history: times(3, rowNoConn), is: []error{xendit.ErrNoResponse}},
		{name: "dial failure from a caller's transport (httpmock)", setup: mockTransport(httpmock.NewErrorResponder(
			&net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connection refused")})),
			history: times(3, rowNoConn), is: []error{xendit.ErrNoResponse}},

		// Sent, no answer.
		func() outcomeCase {
			held, call := deadlineWhenHeld()
			return outcomeCase{name: "context cancelled after sending", call: call,
				serve: func(w http.ResponseWriter, r *http.Request) {
					held()
					hangUntilCancelled(w, r)
				},
				history: []string{rowCtxAfter}, unknown: true, is: []error{context.DeadlineExceeded, xendit.ErrNoResponse}}
		}(),
		{name: "read failure: a POST without a key is not repeated", serve: dropAfterReading,
			history: []string{rowNoAnswer}, unknown: true, is: []error{xendit.ErrNoResponse}},
		{name: "read failure: a GET is repeated", endpoint: getThing, serve: dropAfterReading,
			history: times(3, rowNoAnswer), unknown: true, is: []error{xendit.ErrNoResponse}},
		{name: "no headers in time: a keyed POST is repeated", endpoint: createKeyed,
			inMemory: true, serve: hangUntilCancelled, opts: []xendit.Option{xendit.WithTimeout(50 * time.Millisecond)},
			history: times(3, rowNoAnswer), unknown: true, is: []error{xendit.ErrNoResponse}},
		{name: "unknown failure of a caller's transport (httpmock)", setup: mockTransport(httpmock.NewErrorResponder(errors.New("boom"))),
			history: []string{rowNoAnswer}, unknown: true, is: []error{xendit.ErrNoResponse}},

		// Answers.
		{name: "429 RATE_LIMIT_EXCEEDED is retried for any request", serve: throttle,
			history: times(3, rowThrottled), is: []error{xendit.ErrRateLimited}},
		{name: "429 with a business error_code is not retried",
			serve:   status(429, `{"error_code":"CHARGE_LIMIT_EXCEEDED","message":"3 tries per 10 minutes"}`),
			history: []string{"other 4xx"}},
		{name: "2xx whose body is not JSON", serve: status(200, `{"id": tru`),
			history: []string{rowBadBody}, unknown: true},
		{name: "2xx", serve: status(201, `{"id":"thing_1"}`), ok: true, history: []string{row2xx}},
		{name: "302", serve: func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/elsewhere", http.StatusFound) },
			history: []string{rowRedirect}, unknown: true},
		{name: "500 GET is retried", endpoint: getThing, serve: status(500, `{"error_code":"SERVER_ERROR"}`),
			history: times(3, "500"), unknown: true, is: []error{xendit.ErrServer}},
		{name: "500 keyed POST is not", endpoint: createKeyed, serve: status(500, `{"error_code":"SERVER_ERROR"}`),
			history: []string{"500"}, unknown: true, is: []error{xendit.ErrServer}},
		{name: "503 keyed POST is retried", endpoint: createKeyed, serve: status(503, `{}`),
			history: times(3, "502, 503 or 504"), unknown: true, is: []error{xendit.ErrServer}},
		{name: "502 POST without a key is not", serve: status(502, `<html>bad gateway</html>`),
			history: []string{"502, 503 or 504"}, unknown: true, is: []error{xendit.ErrServer}},
		{name: "501", endpoint: getThing, serve: status(501, `{}`), history: []string{"501"}, is: []error{xendit.ErrServer}},
		{name: "507", endpoint: getThing, serve: status(507, `{}`), history: []string{"other 5xx"}, unknown: true, is: []error{xendit.ErrServer}},
		{name: "401", serve: status(401, `{}`), history: []string{"401"}, is: []error{xendit.ErrUnauthorized}},
		{name: "403", serve: status(403, `{}`), history: []string{"403"}, is: []error{xendit.ErrForbidden}},
		{name: "404", serve: status(404, `{}`), history: []string{"404"}, is: []error{xendit.ErrNotFound}},
		{name: "422", serve: status(422, `{}`), history: []string{"400 or 422"}, is: []error{xendit.ErrValidation}},
		{name: "409 DUPLICATE_ERROR", serve: status(409, `{"error_code":"DUPLICATE_ERROR"}`),
			history: []string{"other 4xx"}, is: []error{xendit.ErrDuplicate}},
		{name: "a status outside 1xx to 5xx", endpoint: getThing, setup: rawStatus("HTTP/1.1 799 Odd\r\nContent-Length: 0\r\n\r\n"),
			history: []string{"other status"}, unknown: true},
	}
}

// mockTransport sends through an httpmock transport of the test's own
// (never the global one), answering every request with r.
func mockTransport(r httpmock.Responder) func(*testing.T) (string, []xendit.Option) {
	return func(*testing.T) (string, []xendit.Option) {
		mt := httpmock.NewMockTransport()
		mt.RegisterNoResponder(r)
		return "https://api.xendit.test", []xendit.Option{xendit.WithHTTPClient(&http.Client{Transport: mt})}
	}
}

func closedPort(t *testing.T) (string, []xendit.Option) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	require.NoError(t, ln.Close())
	return "http://" + addr, nil
}

func hangUntilCancelled(w http.ResponseWriter, r *http.Request) {
	select {
	case <-r.Context().Done():
	case <-time.After(5 * time.Second):
	}
}

// tlsServer is a TLS test server whose handshake failures are not logged.
func tlsServer(t *testing.T) *httptest.Server {
	srv := httptest.NewUnstartedServer(jsonReply(200, `{}`))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	srv.StartTLS()
	t.Cleanup(srv.Close)
	return srv
}

// silentTLSListener accepts connections and never speaks, so a TLS
// handshake waits until the caller gives up. It calls held once the
// client's first handshake bytes have arrived.
func silentTLSListener(held func()) func(*testing.T) (string, []xendit.Option) {
	return func(t *testing.T) (string, []xendit.Option) {
		return "https://" + serveConns(t, func(_ int, c net.Conn) {
			if _, err := c.Read(make([]byte, 1)); err == nil {
				held()
			}
			_, _ = io.Copy(io.Discard, c)
		}), nil
	}
}

// deadlineWhenHeld returns a call whose context's deadline passes the
// moment the server calls held, rather than on a clock, so that a case on
// a real socket ends its call at a point it knows (the server holds the
// connection or the request) however loaded the machine is.
func deadlineWhenHeld() (held func(), call func(*testing.T, func(context.Context) error) error) {
	ctx := &heldContext{Context: context.Background(), done: make(chan struct{})}
	return ctx.expire, func(_ *testing.T, do func(context.Context) error) error { return do(ctx) }
}

// heldContext is a context whose deadline passes when expire is called:
// from then on it is done, with context.DeadlineExceeded, as a context of
// context.WithTimeout is once its time has come.
type heldContext struct {
	context.Context
	done chan struct{}
	once sync.Once
}

func (c *heldContext) expire() { c.once.Do(func() { close(c.done) }) }

func (c *heldContext) Done() <-chan struct{} { return c.done }

func (c *heldContext) Err() error {
	select {
	case <-c.done:
		return context.DeadlineExceeded
	default:
		return nil
	}
}

// serveConns accepts connections on loopback until the test ends, and runs
// handle on each, with its number, in a goroutine that closes it after.
func serveConns(t *testing.T, handle func(n int, c net.Conn)) (addr string) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	t.Cleanup(func() { ln.Close() })
	go func() {
		for n := 0; ; n++ {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				handle(n, c)
			}()
		}
	}()
	return ln.Addr().String()
}

// rawStatus answers every request with the bytes of response.
func rawStatus(response string) func(*testing.T) (string, []xendit.Option) {
	return func(t *testing.T) (string, []xendit.Option) {
		return "http://" + serveConns(t, func(_ int, c net.Conn) {
			if _, err := http.ReadRequest(bufio.NewReader(c)); err == nil {
				_, _ = io.WriteString(c, response)
			}
		}), nil
	}
}

// resendServer answers the first request on its first connection, then
// reads the second and hangs up without answering: Go's transport re-sends
// a GET on a fresh connection by itself.
func resendServer(t *testing.T) (string, []xendit.Option) {
	u, _ := newResendServer(t)
	return u, nil
}

// newResendServer is resendServer, with a count of the requests it read.
func newResendServer(t *testing.T) (baseURL string, received *atomic.Int32) {
	received = new(atomic.Int32)
	addr := serveConns(t, func(conn int, c net.Conn) {
		br := bufio.NewReader(c)
		for n := 0; ; n++ {
			req, err := http.ReadRequest(br)
			if err != nil {
				return
			}
			_, _ = io.Copy(io.Discard, req.Body)
			received.Add(1)
			if conn == 0 && n == 1 {
				return
			}
			_, _ = io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")
		}
	})
	return "http://" + addr, received
}
