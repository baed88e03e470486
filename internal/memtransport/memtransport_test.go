package memtransport_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go/internal/memtransport"
)

// served is what the handler saw of a request.
type served struct {
	Method, RequestURI, Host, RemoteAddr, Path, RawQuery string
	URLHost, URLScheme                                   string
	Header                                               http.Header
	ContentLength                                        int64
	TransferEncoding                                     []string
	Body                                                 string
	SecondRead                                           int
	TLS                                                  bool
	NoBody                                               bool
	ClientValue                                          any
}

type ctxKey struct{}

// record serves 200 and sends what the handler saw on got.
func record(got chan<- served) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			panic(err)
		}
		n, _ := r.Body.Read(make([]byte, 1))
		got <- served{
			Method: r.Method, RequestURI: r.RequestURI, Host: r.Host, RemoteAddr: r.RemoteAddr,
			Path: r.URL.Path, RawQuery: r.URL.RawQuery, URLHost: r.URL.Host, URLScheme: r.URL.Scheme,
			Header: r.Header, ContentLength: r.ContentLength, TransferEncoding: r.TransferEncoding,
			Body: string(body), SecondRead: n, TLS: r.TLS != nil, NoBody: r.Body == http.NoBody,
			ClientValue: r.Context().Value(ctxKey{}),
		}
	}
}

// onlyReader hides a reader's type, so that NewRequest cannot learn its
// length.
type onlyReader struct{ io.Reader }

func TestRequestAsAServerSeesIt(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		req  func() *http.Request
		want served
	}{
		"GET with a query": {
			req: func() *http.Request {
				r, _ := http.NewRequest(http.MethodGet, "https://api.example.com/v2/things/a%2Fb?x=1&y=2", nil)
				return r
			},
			want: served{Method: "GET", RequestURI: "/v2/things/a%2Fb?x=1&y=2", Host: "api.example.com",
				Path: "/v2/things/a/b", RawQuery: "x=1&y=2", NoBody: true},
		},
		"POST with a body of known length": {
			req: func() *http.Request {
				r, _ := http.NewRequest(http.MethodPost, "http://127.0.0.1:8080/things", strings.NewReader(`{"a":1}`))
				r.Header.Set("Content-Type", "application/json")
				return r
			},
			want: served{Method: "POST", RequestURI: "/things", Host: "127.0.0.1:8080", Path: "/things",
				ContentLength: 7, Body: `{"a":1}`},
		},
		"POST with a body of unknown length is chunked": {
			req: func() *http.Request {
				r, _ := http.NewRequest(http.MethodPost, "https://h/up", onlyReader{strings.NewReader("stream")})
				return r
			},
			want: served{Method: "POST", RequestURI: "/up", Host: "h", Path: "/up",
				ContentLength: -1, TransferEncoding: []string{"chunked"}, Body: "stream"},
		},
		"POST without a body declares zero": {
			req: func() *http.Request {
				r, _ := http.NewRequest(http.MethodPost, "https://h/", nil)
				return r
			},
			want: served{Method: "POST", RequestURI: "/", Host: "h", Path: "/", NoBody: true},
		},
		"Host overrides the URL's": {
			req: func() *http.Request {
				r, _ := http.NewRequest(http.MethodDelete, "https://10.0.0.1/x", nil)
				r.Host = "api.xendit.co"
				return r
			},
			want: served{Method: "DELETE", RequestURI: "/x", Host: "api.xendit.co", Path: "/x", NoBody: true},
		},
		"a declared length bounds the body": {
			req: func() *http.Request {
				r, _ := http.NewRequest(http.MethodPut, "https://h/p", strings.NewReader("0123456789"))
				r.ContentLength = 4
				return r
			},
			want: served{Method: "PUT", RequestURI: "/p", Host: "h", Path: "/p", ContentLength: 4, Body: "0123"},
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got := make(chan served, 1)
			req := tc.req()
			req = req.WithContext(context.WithValue(context.Background(), ctxKey{}, "client's"))
			resp, err := memtransport.New(record(got)).RoundTrip(req)
			require.NoError(t, err)
			resp.Body.Close()
			s := <-got
			assert.Equal(t, memtransport.DefaultRemoteAddr, s.RemoteAddr)
			assert.Empty(t, s.Header.Get("Host"), "Host moves to Request.Host, as on a server")
			assert.Equal(t, "Go-http-client/1.1", s.Header.Get("User-Agent"))
			switch {
			case tc.want.ContentLength > 0:
				assert.Equal(t, []string{strconv.FormatInt(tc.want.ContentLength, 10)}, s.Header["Content-Length"])
			case tc.want.Method == "POST" && tc.want.ContentLength == 0:
				assert.Equal(t, []string{"0"}, s.Header["Content-Length"], "as Go's transport sends it")
			default:
				assert.Empty(t, s.Header["Content-Length"])
			}
			s.RemoteAddr, s.Header = "", nil
			tc.want.ClientValue = nil
			assert.Equal(t, tc.want, s, "no TLS, no scheme or host in the URL, the client's context values stay with the client")
		})
	}
}

func TestHeadersAndBodyOfTheResponse(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		method  string
		handler http.HandlerFunc
		status  int
		header  http.Header // checked one by one
		length  int64
		body    string
		readErr error
		wrote   error // the handler's last Write error
	}{
		"a body written in full gets its length and a sniffed type": {
			handler: func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, "<html>hi</html>") },
			status:  200, length: 15, body: "<html>hi</html>",
			header: http.Header{"Content-Length": {"15"}, "Content-Type": {"text/html; charset=utf-8"}},
		},
		"a status and no body": {
			handler: func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusAccepted) },
			status:  202, length: 0, header: http.Header{"Content-Length": {"0"}},
		},
		"no body allowed on 204": {
			handler: func(w http.ResponseWriter, _ *http.Request) {
				w.WriteHeader(http.StatusNoContent)
				if _, err := w.Write([]byte("x")); !errors.Is(err, http.ErrBodyNotAllowed) {
					panic(err) // fails the round trip
				}
			},
			status: 204, length: 0, header: http.Header{"Content-Length": nil},
		},
		"headers changed after WriteHeader do not go out": {
			handler: func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Rate-Limit-Remaining", "3")
				w.WriteHeader(http.StatusTooManyRequests)
				w.Header().Set("Rate-Limit-Remaining", "99")
				io.WriteString(w, `{"error_code":"RATE_LIMIT_EXCEEDED"}`)
			},
			status: 429, length: 36, body: `{"error_code":"RATE_LIMIT_EXCEEDED"}`,
			header: http.Header{"Rate-Limit-Remaining": {"3"}, "Content-Type": {"text/plain; charset=utf-8"}},
		},
		"a declared length the handler does not fill is cut short": {
			handler: func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Length", "10")
				io.WriteString(w, "12345")
			},
			status: 200, length: 10, body: "12345", readErr: io.ErrUnexpectedEOF,
		},
		"writing past a declared length fails": {
			handler: func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Length", "3")
				io.WriteString(w, "ab")
				_, err := io.WriteString(w, "cd")
				if !errors.Is(err, http.ErrContentLength) {
					panic(err)
				}
				io.WriteString(w, "c")
			},
			status: 200, length: 3, body: "abc",
		},
		"HEAD keeps the length and drops the body": {
			method:  http.MethodHead,
			handler: func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, "hello") },
			status:  200, length: 5, header: http.Header{"Content-Length": {"5"}},
		},
		"a streamed body has no length": {
			handler: func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				io.WriteString(w, "[")
				w.(http.Flusher).Flush()
				io.WriteString(w, strings.Repeat(`1,`, 3000)+"1]")
			},
			status: 200, length: -1, body: "[" + strings.Repeat(`1,`, 3000) + "1]",
			header: http.Header{"Content-Type": {"application/json"}, "Content-Length": nil},
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			req, _ := http.NewRequest(cmpOr(tc.method, http.MethodGet), "https://h/", nil)
			resp, err := memtransport.New(tc.handler).RoundTrip(req)
			require.NoError(t, err)
			defer resp.Body.Close()
			body, err := io.ReadAll(resp.Body)
			assert.Equal(t, tc.status, resp.StatusCode)
			assert.Equal(t, http.StatusText(tc.status), strings.TrimPrefix(resp.Status, strconv.Itoa(tc.status)+" "))
			assert.Equal(t, tc.length, resp.ContentLength)
			assert.Equal(t, tc.body, string(body))
			assert.ErrorIs(t, err, tc.readErr)
			if tc.readErr == nil {
				assert.NoError(t, err)
			}
			assert.NotEmpty(t, resp.Header.Get("Date"))
			assert.Same(t, req, resp.Request)
			assert.Nil(t, resp.TLS)
			for k, v := range tc.header {
				assert.Equal(t, v, resp.Header[k], k)
			}
		})
	}
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// TestStreaming proves the body flows as the client reads it: the round
// trip returns at the first flush while the handler is still writing, and
// the client's Close stops a handler writing more than the client reads.
func TestStreaming(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		var writeErr error
		var handlerCtx error
		var wrote int
		h := func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/octet-stream")
			chunk := bytes.Repeat([]byte("x"), 1<<10)
			for writeErr == nil {
				var n int
				n, writeErr = w.Write(chunk)
				wrote += n
			}
			<-r.Context().Done()
			handlerCtx = context.Cause(r.Context())
		}
		req, _ := http.NewRequest(http.MethodGet, "https://h/file", nil)
		resp, err := memtransport.New(http.HandlerFunc(h)).RoundTrip(req)
		require.NoError(t, err, "the headers went out after 2 KiB, while the handler writes on")
		assert.EqualValues(t, -1, resp.ContentLength)
		got, err := io.ReadFull(resp.Body, make([]byte, 10<<10))
		require.NoError(t, err)
		require.Equal(t, 10<<10, got)
		synctest.Wait()
		assert.Equal(t, 10<<10, wrote, "each Write waits for the client to read it")
		require.NoError(t, resp.Body.Close())
		synctest.Wait()
		assert.ErrorIs(t, writeErr, memtransport.ErrBodyClosed)
		assert.ErrorIs(t, handlerCtx, memtransport.ErrBodyClosed, "closing the body ends the handler's context")
		_, err = resp.Body.Read(make([]byte, 1))
		assert.EqualError(t, err, "http: read on closed response body")
	})
}

// TestHeadersGoOutWhenFlushedOrReturned: a status set and not flushed keeps
// the round trip waiting, as a real server's would; a flush or a return
// sends it.
func TestHeadersGoOutWhenFlushedOrReturned(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		flush, finish := make(chan struct{}), make(chan struct{})
		h := func(w http.ResponseWriter, _ *http.Request) {
			w.WriteHeader(http.StatusCreated)
			<-flush
			require.NoError(t, http.NewResponseController(w).Flush())
			<-finish
		}
		var resp *http.Response
		go func() {
			req, _ := http.NewRequest(http.MethodPost, "https://h/", nil)
			var err error
			resp, err = memtransport.New(http.HandlerFunc(h)).RoundTrip(req)
			assert.NoError(t, err)
		}()
		synctest.Wait()
		assert.Nil(t, resp, "WriteHeader alone sends nothing")
		close(flush)
		synctest.Wait()
		require.NotNil(t, resp, "a flush sends the headers")
		assert.Equal(t, http.StatusCreated, resp.StatusCode)
		close(finish)
		body, err := io.ReadAll(resp.Body)
		assert.NoError(t, err)
		assert.Empty(t, body)
	})
}

// TestClientContext: the client's context bounds the wait for headers and
// the body, and ends the handler's context, on the bubble's clock.
func TestClientContext(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		flush bool // headers out before the deadline
	}{
		"deadline before the headers": {},
		"deadline during the body":    {flush: true},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			synctest.Test(t, func(t *testing.T) {
				var handlerErr error
				var handlerWaited time.Duration
				h := func(w http.ResponseWriter, r *http.Request) {
					start := time.Now()
					if tc.flush {
						io.WriteString(w, "partial")
						w.(http.Flusher).Flush()
					}
					<-r.Context().Done()
					handlerWaited, handlerErr = time.Since(start), r.Context().Err()
				}
				ctx, cancel := context.WithTimeout(context.Background(), 1500*time.Millisecond)
				defer cancel()
				start := time.Now()
				resp, err := memtransport.New(http.HandlerFunc(h)).Client().Do(mustRequest(ctx, http.MethodGet, "https://h/"))
				if tc.flush {
					require.NoError(t, err)
					assert.Zero(t, time.Since(start), "the headers came at once")
					body, err := io.ReadAll(resp.Body)
					assert.Equal(t, "partial", string(body))
					assert.ErrorIs(t, err, context.DeadlineExceeded)
					resp.Body.Close()
				} else {
					assert.ErrorIs(t, err, context.DeadlineExceeded)
				}
				assert.Equal(t, 1500*time.Millisecond, time.Since(start))
				synctest.Wait()
				assert.Equal(t, 1500*time.Millisecond, handlerWaited)
				assert.ErrorIs(t, handlerErr, context.Canceled)
			})
		})
	}
}

func mustRequest(ctx context.Context, method, url string) *http.Request {
	r, err := http.NewRequestWithContext(ctx, method, url, nil)
	if err != nil {
		panic(err)
	}
	return r
}

func TestContextEndedBeforeTheRoundTrip(t *testing.T) {
	t.Parallel()
	called := false
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := memtransport.New(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { called = true })).
		RoundTrip(mustRequest(ctx, http.MethodGet, "https://h/"))
	assert.ErrorIs(t, err, context.Canceled)
	assert.False(t, called)
}

// TestDroppedConnection: a handler's panic is a dropped connection, before
// the headers (the round trip fails) or after them (the body's read fails),
// never a crash.
func TestDroppedConnection(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		value        any
		afterHeaders bool
		panicked     bool
	}{
		"abort before the headers":   {value: http.ErrAbortHandler},
		"abort during the body":      {value: http.ErrAbortHandler, afterHeaders: true},
		"a bug before the headers":   {value: "index out of range", panicked: true},
		"a bug during the body":      {value: errors.New("nil map"), afterHeaders: true, panicked: true},
		"a bug after a buffered one": {value: 42, panicked: true},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			h := func(w http.ResponseWriter, _ *http.Request) {
				io.WriteString(w, `{"id":`)
				if tc.afterHeaders {
					w.(http.Flusher).Flush()
				}
				panic(tc.value)
			}
			resp, err := memtransport.New(http.HandlerFunc(h)).Client().Get("https://h/")
			if tc.afterHeaders {
				require.NoError(t, err)
				defer resp.Body.Close()
				body, rerr := io.ReadAll(resp.Body)
				assert.Equal(t, `{"id":`, string(body))
				assert.ErrorIs(t, rerr, io.ErrUnexpectedEOF)
				err = rerr
			}
			require.Error(t, err)
			assert.ErrorIs(t, err, memtransport.ErrAborted)
			var pe *memtransport.PanicError
			if assert.Equal(t, tc.panicked, errors.As(err, &pe)) && tc.panicked {
				assert.Equal(t, tc.value, pe.Value)
				assert.Contains(t, string(pe.Stack), "memtransport_test.TestDroppedConnection")
			}
		})
	}
}

// closeCounter is a request body that counts its Close calls.
type closeCounter struct {
	io.Reader
	mu     sync.Mutex
	closes int
}

func (c *closeCounter) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.closes++
	return nil
}

// TestRequestBodyClosed: the transport closes the request body once, even
// when the handler never reads it, and the handler cannot read it after
// returning.
func TestRequestBodyClosed(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		body := &closeCounter{Reader: strings.NewReader("unread")}
		var kept io.Reader
		h := func(w http.ResponseWriter, r *http.Request) { kept = r.Body }
		req, _ := http.NewRequest(http.MethodPost, "https://h/", body)
		resp, err := memtransport.New(http.HandlerFunc(h)).RoundTrip(req)
		require.NoError(t, err)
		resp.Body.Close()
		synctest.Wait()
		assert.Equal(t, 1, body.closes)
		_, err = kept.Read(make([]byte, 1))
		assert.EqualError(t, err, "http: invalid Read on closed Body")
	})
}

// TestUnderSynctest: waits in the handler pass on the bubble's clock, and
// many concurrent round trips leave no goroutine behind (synctest.Test
// fails if one is left blocked).
func TestUnderSynctest(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		h := func(w http.ResponseWriter, r *http.Request) {
			d, _ := time.ParseDuration(r.URL.Query().Get("sleep"))
			time.Sleep(d)
			io.WriteString(w, r.URL.Query().Get("sleep"))
		}
		hc := memtransport.New(http.HandlerFunc(h)).Client()
		start := time.Now()
		var wg sync.WaitGroup
		for i := range 50 {
			wg.Go(func() {
				d := time.Duration(i) * time.Second
				resp, err := hc.Get("https://h/?sleep=" + d.String())
				if !assert.NoError(t, err) {
					return
				}
				defer resp.Body.Close()
				body, _ := io.ReadAll(resp.Body)
				assert.Equal(t, d.String(), string(body))
				assert.Equal(t, d, time.Since(start))
			})
		}
		wg.Wait()
		assert.Equal(t, 49*time.Second, time.Since(start))
	})
}

// TestHTTPClientTimeout: http.Client's own Timeout fires on the bubble's
// clock too.
func TestHTTPClientTimeout(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		hc := &http.Client{Timeout: 30 * time.Second, Transport: memtransport.New(http.HandlerFunc(
			func(_ http.ResponseWriter, r *http.Request) { <-r.Context().Done() }))}
		start := time.Now()
		_, err := hc.Get("https://h/")
		assert.ErrorIs(t, err, context.DeadlineExceeded)
		assert.Equal(t, 30*time.Second, time.Since(start))
	})
}

// TestHeaderNamesAreCanonical: names travel as on the wire, where Go's
// server and client both canonicalize what they read, so a handler finds
// the idempotency key the SDK spells X-IDEMPOTENCY-KEY, and the client finds
// a header a handler set in lower case.
func TestHeaderNamesAreCanonical(t *testing.T) {
	t.Parallel()
	var got http.Header
	h := func(w http.ResponseWriter, r *http.Request) {
		got = r.Header
		w.Header()["rate-limit-remaining"] = []string{"7"}
	}
	req, _ := http.NewRequest(http.MethodPost, "https://h/", nil)
	req.Header["X-IDEMPOTENCY-KEY"] = []string{"k1"}
	req.Header["api-version"] = []string{"2022-07-31"}
	resp, err := memtransport.New(http.HandlerFunc(h)).RoundTrip(req)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, []string{"k1"}, got["X-Idempotency-Key"])
	assert.Equal(t, []string{"2022-07-31"}, got["Api-Version"])
	assert.NotContains(t, got, "X-IDEMPOTENCY-KEY")
	assert.Equal(t, []string{"7"}, resp.Header["Rate-Limit-Remaining"])
	//lint:ignore SA1008 the SDK's spelling, not canonical, on purpose
	assert.Equal(t, []string{"k1"}, req.Header["X-IDEMPOTENCY-KEY"], "the client's request is left as it was")
}
