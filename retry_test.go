package xendit_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
)

// fault is how the test server fails every request.
type fault struct {
	name   string
	status int  // answer with this status and a Xendit error body
	drop   bool // close the connection without answering
	hang   bool // answer only after the client's per-attempt timeout
}

func (f fault) serve(w http.ResponseWriter, r *http.Request) {
	switch {
	case f.drop:
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
	case f.hang:
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	default:
		if f.status == http.StatusTooManyRequests {
			w.Header().Set("Rate-Limit-Limit", "60")
			w.Header().Set("Rate-Limit-Remaining", "0")
			w.Header().Set("Rate-Limit-Reset", "0.002")
		}
		jsonReply(f.status, fmt.Sprintf(`{"error_code":%q,"message":"attempt %s"}`, f.code(), r.Header.Get("X-N")))(w, r)
	}
}

// code is the error_code Xendit sends with the fault's status.
func (f fault) code() string {
	if f.status == http.StatusTooManyRequests {
		return xendit.CodeRateLimited
	}
	return fmt.Sprintf("CODE_%d", f.status)
}

// TestRetryMatrix proves each row of the retry rules through a real server:
// which failures are repeated for which requests, and what the caller gets.
func TestRetryMatrix(t *testing.T) {
	const all, once = 3, 1 // attempts with MaxRetries 2
	faults := []fault{
		{name: "429", status: 429},
		{name: "500", status: 500},
		{name: "502", status: 502},
		{name: "503", status: 503},
		{name: "504", status: 504},
		{name: "dropped connection", drop: true},
		{name: "timeout", hang: true},
	}
	type request struct {
		name     string
		endpoint xendit.Endpoint
	}
	requests := []request{
		{"GET", getThing},
		{"POST with idempotency header", createKeyed},
		{"POST without", createBare},
		{"DELETE", deleteThing},
	}
	want := map[string][4]int{ // fault -> attempts for GET, POST+key, POST, DELETE
		"429":                {all, all, all, all},
		"500":                {all, once, once, once},
		"502":                {all, all, once, all},
		"503":                {all, all, once, all},
		"504":                {all, all, once, all},
		"dropped connection": {all, all, once, all},
		"timeout":            {all, all, once, all},
	}
	for _, f := range faults {
		for i, rq := range requests {
			t.Run(f.name+"/"+rq.name, func(t *testing.T) {
				var n atomic.Int32
				serve := func(w http.ResponseWriter, r *http.Request) {
					r.Header.Set("X-N", strconv.Itoa(int(n.Add(1))))
					f.serve(w, r)
				}
				if f.hang {
					// On a real clock the timeout races the request: on a
					// loaded machine it fires before the server has it,
					// and fewer attempts arrive than were made. In a
					// bubble, in memory, the clock moves only once the
					// server holds the request.
					synctest.Test(t, func(t *testing.T) {
						srv := newMemRecorder(serve)
						retryMatrixRow(t, f, want[f.name][i], srv, srv.client(t, fastRetry, xendit.WithTimeout(100*time.Millisecond)), rq.endpoint)
					})
					return
				}
				srv := newRecorder(t, serve)
				retryMatrixRow(t, f, want[f.name][i], srv, srv.client(t), rq.endpoint)
			})
		}
	}
}

// retryMatrixRow calls e through c, whose server srv fails every request
// with f, and checks the attempts sent and the error the caller gets.
func retryMatrixRow(t *testing.T, f fault, attempts int, srv interface{ requests() []seen }, c *xendit.Client, e xendit.Endpoint) {
	err := c.Do(context.Background(), &xendit.Request{Endpoint: e,
		PathParams: map[string]string{"id": "t1"}, Body: map[string]string{"x": "y"}}, nil)

	assert.Len(t, srv.requests(), attempts, "attempts sent")
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe, "the caller always gets a *xendit.Error")
	assert.Equal(t, attempts, xe.Attempts)
	assert.NotContains(t, err.Error(), "giving up")
	if f.status != 0 {
		assert.Equal(t, f.status, xe.StatusCode)
		assert.Equal(t, f.code(), xe.Code, "built from the last response's body")
		assert.Equal(t, fmt.Sprintf("attempt %d", attempts), xe.Message, "the last response, not an earlier one")
		if f.status == 429 {
			assert.ErrorIs(t, err, xendit.ErrRateLimited)
		} else {
			assert.ErrorIs(t, err, xendit.ErrServer)
		}
		return
	}
	assert.Zero(t, xe.StatusCode)
	require.Error(t, xe.Err)
	if f.hang {
		var ne net.Error
		require.ErrorAs(t, err, &ne)
		assert.True(t, ne.Timeout())
	}
}

func TestDialFailureIsRetriedEvenForAPOSTWithoutKey(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	require.NoError(t, ln.Close()) // nothing listens: every dial is refused

	c, err := xendit.New(docKey, xendit.WithBaseURL("http://"+addr), fastRetry)
	require.NoError(t, err)
	err = c.Do(context.Background(), &xendit.Request{Endpoint: createBare, Body: map[string]int{"amount": 1}}, nil)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, 3, xe.Attempts, "a refused connection never reached the server, so repeating is safe")
	var op *net.OpError
	require.ErrorAs(t, err, &op)
	assert.Equal(t, "dial", op.Op)
}

// TestTransientFailuresThenSuccess: two 503s, then a 201, with the default
// policy: the same key and body on every attempt, and each retry after a
// wait of full jitter below its ceiling (500 ms, then 1 s).
func TestTransientFailuresThenSuccess(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var n atomic.Int32
		srv := newMemRecorder(func(w http.ResponseWriter, r *http.Request) {
			if n.Add(1) < 3 {
				jsonReply(503, `{"error_code":"SERVER_ERROR","message":"busy"}`)(w, r)
				return
			}
			jsonReply(201, `{"id":"thing_1"}`)(w, r)
		})
		var resp xendit.Response
		var out struct{ ID string }
		err := srv.client(t).Do(context.Background(), &xendit.Request{Endpoint: createKeyed, Body: map[string]int{"a": 1},
			Options: []xendit.RequestOption{xendit.CaptureResponse(&resp)}}, &out)
		require.NoError(t, err)
		assert.Equal(t, "thing_1", out.ID)
		assert.Equal(t, 3, resp.Attempts)
		assert.Equal(t, 201, resp.StatusCode)
		reqs := srv.requests()
		require.Len(t, reqs, 3)
		for _, r := range reqs {
			assert.Equal(t, resp.IdempotencyKey, r.Header.Get("X-IDEMPOTENCY-KEY"), "the same key on every attempt")
			assert.JSONEq(t, `{"a":1}`, r.Body, "the same body on every attempt")
		}
		assert.LessOrEqual(t, reqs[1].At.Sub(reqs[0].At), 500*time.Millisecond, "the first retry waits at most MinWait")
		assert.LessOrEqual(t, reqs[2].At.Sub(reqs[1].At), time.Second, "the second at most twice that")
	})
}

// TestBackoffIsFullJitterUnderItsCeiling: over 200 calls, with the default
// policy, retry n waits between 0 and 500 ms·2ⁿ, and the waits reach close
// to the ceiling (not a fixed fraction of it), so callers that failed
// together spread out.
func TestBackoffIsFullJitterUnderItsCeiling(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := newMemRecorder(jsonReply(503, `{"error_code":"SERVER_ERROR"}`))
		c := srv.client(t)
		p := xendit.DefaultRetryPolicy()
		longest := make([]time.Duration, p.MaxRetries)
		for range 200 {
			before := len(srv.requests())
			require.Error(t, c.Do(context.Background(), &xendit.Request{Endpoint: getThing, PathParams: map[string]string{"id": "1"}}, nil))
			reqs := srv.requests()[before:]
			require.Len(t, reqs, p.MaxRetries+1)
			for n := range p.MaxRetries {
				wait := reqs[n+1].At.Sub(reqs[n].At)
				assert.LessOrEqual(t, wait, p.MinWait<<n, "retry %d", n)
				longest[n] = max(longest[n], wait)
			}
		}
		for n, d := range longest {
			assert.Greater(t, d, 9*(p.MinWait<<n)/10, "retry %d: the longest of 200 waits is near the ceiling", n)
		}
	})
}

// A 429 is retried at the window's reset: the wait Xendit asked for, no
// more.
func TestA429IsRetriedAtTheReset(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := newMemRecorder(throttleFor("2"))
		start := time.Now()
		err := srv.client(t).Do(context.Background(), &xendit.Request{Endpoint: createBare}, nil)
		assert.ErrorIs(t, err, xendit.ErrRateLimited)
		assert.Equal(t, []time.Duration{0, 2 * time.Second, 4 * time.Second, 6 * time.Second}, srv.offsets(start))
	})
}

// TestCancelDuringBackoffReturnsPromptly: Xendit asks for a 10 s wait; the
// caller cancels 100 ms into it, and the call returns that instant.
func TestCancelDuringBackoffReturnsPromptly(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := newMemRecorder(throttleFor("10"))
		c := srv.client(t, xendit.WithRetryPolicy(xendit.RetryPolicy{MaxRetries: 3, MinWait: time.Second, MaxWait: 30 * time.Second}))
		ctx, cancel := context.WithCancel(context.Background())
		start := time.Now()
		time.AfterFunc(100*time.Millisecond, cancel)

		err := c.Do(ctx, &xendit.Request{Endpoint: getThing, PathParams: map[string]string{"id": "1"}}, nil)
		assert.ErrorIs(t, err, context.Canceled)
		assert.Equal(t, 100*time.Millisecond, time.Since(start), "returned the instant it was cancelled")
		assert.Len(t, srv.requests(), 1)
	})
}

// TestDeadlineBeforeTheNextAttemptReturnsTheLastResultNow: no point waiting
// the 10 s Retry-After asks for with 2 s left; with 11 s left the retry
// goes out at 10 s.
func TestDeadlineBeforeTheNextAttemptReturnsTheLastResultNow(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := newMemRecorder(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Retry-After", "10")
			jsonReply(503, `{"error_code":"SERVER_ERROR","message":"maintenance"}`)(w, r)
		})
		c := srv.client(t, xendit.WithRetryPolicy(xendit.RetryPolicy{MaxRetries: 1, MinWait: time.Second, MaxWait: 30 * time.Second}))
		get := &xendit.Request{Endpoint: getThing, PathParams: map[string]string{"id": "1"}}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		start := time.Now()
		err := c.Do(ctx, get, nil)
		assert.Zero(t, time.Since(start), "returned at once")
		var xe *xendit.Error
		require.ErrorAs(t, err, &xe)
		assert.Equal(t, 503, xe.StatusCode)
		assert.Equal(t, "maintenance", xe.Message)
		assert.Equal(t, 10*time.Second, xe.RetryAfter)
		assert.Len(t, srv.requests(), 1)

		ctx, cancel = context.WithTimeout(context.Background(), 11*time.Second)
		defer cancel()
		require.ErrorAs(t, c.Do(ctx, get, nil), &xe)
		assert.Equal(t, []time.Duration{0, 0, 10 * time.Second}, srv.offsets(start))
	})
}

// TestServerRequestedWaitsAreCapped: Retry-After asks for an hour; the
// default policy retries after MaxWait, 30 s, instead.
func TestServerRequestedWaitsAreCapped(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := newMemRecorder(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Retry-After", "3600")
			jsonReply(503, `{"error_code":"SERVER_ERROR"}`)(w, r)
		})
		start := time.Now()
		err := srv.client(t).Do(context.Background(), &xendit.Request{Endpoint: getThing, PathParams: map[string]string{"id": "1"}}, nil)
		var xe *xendit.Error
		require.ErrorAs(t, err, &xe)
		assert.Equal(t, 503, xe.StatusCode)
		assert.Equal(t, 4, xe.Attempts)
		assert.Equal(t, []time.Duration{0, 30 * time.Second, 60 * time.Second, 90 * time.Second}, srv.offsets(start),
			"each retry after MaxWait rather than an hour")
	})
}

func TestFourHundredsAreNotRetried(t *testing.T) {
	for _, status := range []int{400, 401, 403, 404, 409} {
		srv := newRecorder(t, jsonReply(status, `{"error_code":"X","message":"no"}`))
		err := srv.client(t).Do(context.Background(), &xendit.Request{Endpoint: getThing, PathParams: map[string]string{"id": "1"}}, nil)
		var xe *xendit.Error
		require.ErrorAs(t, err, &xe)
		assert.Equal(t, status, xe.StatusCode)
		assert.Len(t, srv.requests(), 1, "status %d", status)
	}
}

// closeCounter is a caller's transport that counts CloseIdleConnections.
type closeCounter struct {
	http.RoundTripper
	closes atomic.Int32
}

func (c *closeCounter) CloseIdleConnections() { c.closes.Add(1) }

func TestFailedCallsLeaveASharedPoolAlone(t *testing.T) {
	srv := httptest.NewServer(jsonReply(503, `{"error_code":"SERVER_ERROR"}`))
	defer srv.Close()
	rt := &closeCounter{RoundTripper: http.DefaultTransport}
	c, err := xendit.New(docKey, xendit.WithBaseURL(srv.URL), fastRetry, xendit.WithHTTPClient(&http.Client{Transport: rt}))
	require.NoError(t, err)
	err = c.Do(context.Background(), &xendit.Request{Endpoint: getThing, PathParams: map[string]string{"id": "1"}}, nil)
	require.Error(t, err)
	assert.Zero(t, rt.closes.Load(), "go-retryablehttp's CloseIdleConnections must not reach the caller's transport")
	assert.False(t, errors.Is(err, context.Canceled))
}

// slowBody sends its headers and half its body at once, and the rest
// 200 ms later.
func slowBody(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(200)
	_, _ = w.Write([]byte(`{"id":`))
	w.(http.Flusher).Flush()
	time.Sleep(200 * time.Millisecond) // longer than the timeout, after the headers
	_, _ = w.Write([]byte(`"slow"}`))
}

// TestTimeoutBoundsTheWaitForHeadersNotTheBody, through the SDK's own
// transport (its ResponseHeaderTimeout) and a real socket.
func TestTimeoutBoundsTheWaitForHeadersNotTheBody(t *testing.T) {
	opt := xendit.WithTimeout(50 * time.Millisecond)
	srv := newRecorder(t, slowBody)
	var out struct{ ID string }
	require.NoError(t, srv.client(t, opt).Do(context.Background(), &xendit.Request{Endpoint: createBare}, &out))
	assert.Equal(t, "slow", out.ID)

	arrived := make(chan struct{}, 8)
	hung := newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
		arrived <- struct{}{}
		fault{hang: true}.serve(w, r)
	})
	err := hung.client(t, opt).Do(context.Background(), &xendit.Request{Endpoint: getThing, PathParams: map[string]string{"id": "1"}}, nil)
	var ne net.Error
	require.ErrorAs(t, err, &ne)
	assert.True(t, ne.Timeout())
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	// The transport starts the timeout once a request is written, so each
	// attempt's request reaches the server, but on a loaded machine perhaps
	// only after Do has returned: wait for each before counting.
	for n := range xe.Attempts {
		select {
		case <-arrived:
		case <-time.After(time.Minute):
			t.Fatalf("attempt %d of %d never reached the server", n+1, xe.Attempts)
		}
	}
	assert.Equal(t, 3, xe.Attempts, "a timed-out GET is retried")
	assert.Len(t, hung.requests(), 3, "every attempt reached the server, and no other")
}

// TestTimeoutOfACallersTransport: the same bound on a caller's transport,
// which the SDK wraps, in a bubble: the body may take 200 ms after
// headers that came at once, and each attempt that gets no headers ends
// exactly at the 50 ms timeout.
func TestTimeoutOfACallersTransport(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		opt := xendit.WithTimeout(50 * time.Millisecond)
		start := time.Now()
		var out struct{ ID string }
		require.NoError(t, memClient(t, http.HandlerFunc(slowBody), opt).Do(context.Background(), &xendit.Request{Endpoint: createBare}, &out))
		assert.Equal(t, "slow", out.ID)
		assert.Equal(t, 200*time.Millisecond, time.Since(start), "the body took its time, past the timeout")

		var mu sync.Mutex
		var waited []time.Duration
		hang := func(_ http.ResponseWriter, r *http.Request) {
			start := time.Now()
			<-r.Context().Done()
			mu.Lock()
			waited = append(waited, time.Since(start))
			mu.Unlock()
		}
		err := memClient(t, http.HandlerFunc(hang), opt).Do(context.Background(), &xendit.Request{Endpoint: getThing, PathParams: map[string]string{"id": "1"}}, nil)
		var ne net.Error
		require.ErrorAs(t, err, &ne)
		assert.True(t, ne.Timeout())
		synctest.Wait()
		ms50 := 50 * time.Millisecond
		assert.Equal(t, []time.Duration{ms50, ms50, ms50, ms50}, waited, "four attempts, each cut at the timeout")
	})
}
