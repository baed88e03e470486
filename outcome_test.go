package xendit_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
)

// dropAfterReading hijacks the connection and closes it without an answer,
// after the handler has seen (and so could have acted on) the request.
func dropAfterReading(w http.ResponseWriter, _ *http.Request) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic(http.ErrAbortHandler) // memtransport's dropped connection
	}
	conn, _, err := hj.Hijack()
	if err == nil {
		conn.Close()
	}
}

func throttle(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Rate-Limit-Limit", "60")
	w.Header().Set("Rate-Limit-Remaining", "0")
	w.Header().Set("Rate-Limit-Reset", "0.001")
	jsonReply(429, `{"error_code":"RATE_LIMIT_EXCEEDED","message":"slow down"}`)(w, r)
}

// The outcome is unknown when any attempt may have been processed, not
// only the last: attempt 1 reaches the server and the connection drops,
// later attempts are throttled or refused a connection.
func TestOutcomeUnknownWhenAnEarlierAttemptMayHaveActed(t *testing.T) {
	t.Run("then 429", func(t *testing.T) {
		var n atomic.Int32
		srv := newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
			if n.Add(1) == 1 {
				dropAfterReading(w, r)
				return
			}
			throttle(w, r)
		})
		err := srv.client(t).Do(context.Background(), &xendit.Request{Endpoint: createKeyed, Body: map[string]int{"amount": 1}}, nil)
		var xe *xendit.Error
		require.ErrorAs(t, err, &xe)
		assert.Equal(t, 429, xe.StatusCode, "the last answer")
		assert.Equal(t, 3, xe.Attempts)
		assert.True(t, xendit.OutcomeUnknown(err), "attempt 1 may have created it")
	})
	t.Run("then connection refused", func(t *testing.T) {
		var srv *recorder
		srv = newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
			srv.Listener.Close() // every later dial is refused
			dropAfterReading(w, r)
		})
		err := srv.client(t).Do(context.Background(), &xendit.Request{Endpoint: createKeyed, Body: map[string]int{"amount": 1}}, nil)
		var xe *xendit.Error
		require.ErrorAs(t, err, &xe)
		var op *net.OpError
		require.ErrorAs(t, err, &op)
		assert.Equal(t, "dial", op.Op, "the last attempt was refused")
		assert.Len(t, srv.requests(), 1)
		assert.True(t, xendit.OutcomeUnknown(err), "attempt 1 may have created it")
	})
}

func TestOutcomeKnownWhenTheContextEndedBeforeSending(t *testing.T) {
	srv := newRecorder(t, jsonReply(200, `{}`))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := srv.client(t).Do(ctx, &xendit.Request{Endpoint: createBare, Body: map[string]int{"amount": 1}}, nil)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.ErrorIs(t, err, context.Canceled)
	assert.Empty(t, srv.requests())
	assert.False(t, xendit.OutcomeUnknown(err), "nothing was sent")
}

// Waiting for a rate-limit window ends in a typed error too: cancelled
// (the instant it is), or with a deadline too short for the wait (at once).
func TestRateLimitWaitErrorsAreTyped(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := newMemRecorder(throttleFor("10"))
		c := srv.client(t, xendit.WithRetryPolicy(xendit.RetryPolicy{}))
		req := &xendit.Request{Endpoint: getThing, PathParams: map[string]string{"id": "1"}}
		require.Error(t, c.Do(context.Background(), req, nil)) // the window is now exhausted for 10 s

		ctx, cancel := context.WithCancel(context.Background())
		start := time.Now()
		time.AfterFunc(20*time.Millisecond, cancel)
		err := c.Do(ctx, req, nil)
		assert.Equal(t, 20*time.Millisecond, time.Since(start), "returned the instant it was cancelled")
		var xe *xendit.Error
		require.ErrorAs(t, err, &xe, "a cancelled wait: %v", err)
		assert.Equal(t, "test.get", xe.Operation)
		assert.ErrorIs(t, err, context.Canceled)
		assert.False(t, xendit.OutcomeUnknown(err))

		ctx, cancel = context.WithTimeout(context.Background(), 9*time.Second)
		defer cancel()
		start = time.Now()
		err = c.Do(ctx, req, nil)
		assert.Zero(t, time.Since(start), "failed at once")
		require.ErrorAs(t, err, &xe, "a deadline too short for the wait: %v", err)
		assert.Equal(t, "test.get", xe.Operation)
		assert.ErrorIs(t, err, context.DeadlineExceeded)
		assert.ErrorIs(t, err, xendit.ErrRateLimited)
		assert.False(t, xendit.OutcomeUnknown(err))
		assert.Len(t, srv.requests(), 1, "neither waiting call sent anything")
	})
}

func TestNewChecksDefaultRequestOptions(t *testing.T) {
	for name, opt := range map[string]xendit.RequestOption{
		"empty for-user-id": xendit.ForUserID(""),
		"bad API version":   xendit.WithAPIVersion("yesterday"),
		"authorization":     xendit.WithHeader("Authorization", "Basic x"),
	} {
		_, err := xendit.New(docKey, xendit.WithDefaults(opt))
		var ve *xendit.ValidationError
		assert.ErrorAs(t, err, &ve, name)
	}
}

// Go's transport re-sends a GET on a fresh connection, without telling its
// caller, when a reused connection fails after the request was written;
// Response.Attempts counts that send too.
func TestAttemptsCountTheTransportsSilentResend(t *testing.T) {
	base, received := newResendServer(t)
	c, err := xendit.New(docKey, xendit.WithBaseURL(base), fastRetry)
	require.NoError(t, err)
	req := &xendit.Request{Endpoint: getThing, PathParams: map[string]string{"id": "1"}}
	require.NoError(t, c.Do(context.Background(), req, nil))
	var resp xendit.Response
	req.Options = []xendit.RequestOption{xendit.CaptureResponse(&resp)}
	require.NoError(t, c.Do(context.Background(), req, nil))
	assert.EqualValues(t, 3, received.Load(), "the transport sent the second call twice")
	assert.Equal(t, 2, resp.Attempts)
}

// Every failure of a call is a *xendit.ValidationError before sending or a
// *xendit.Error after, including the ones the pipeline itself detects.
func TestPipelineFailuresAreTyped(t *testing.T) {
	c, err := xendit.New(docKey)
	require.NoError(t, err)
	ctx := context.Background()
	for name, req := range map[string]*xendit.Request{
		"unencodable body":        {Endpoint: createBare, Body: map[string]any{"f": func() {}}},
		"unclosed path parameter": {Endpoint: xendit.Endpoint{ID: "x", Method: "GET", Path: "/things/{id"}},
		"bad method":              {Endpoint: xendit.Endpoint{ID: "x", Method: "GE T", Path: "/things"}},
	} {
		err := c.Do(ctx, req, nil)
		var ve *xendit.ValidationError
		assert.ErrorAs(t, err, &ve, name)
		assert.True(t, errors.Is(err, xendit.ErrValidation), name)
	}
	//lint:ignore SA1012 the nil context is the point of the test
	err = c.Do(nil, &xendit.Request{Endpoint: getThing}, nil) //nolint:staticcheck
	var ve *xendit.ValidationError
	assert.ErrorAs(t, err, &ve)
	assert.False(t, strings.Contains(err.Error(), docKey))
}

func TestNotSentErrorForProductPackages(t *testing.T) {
	cause := errors.New("kms unavailable")
	err := xendit.NotSent("snap.create_va", cause)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.ErrorIs(t, err, cause)
	assert.False(t, xendit.OutcomeUnknown(err))
	assert.Equal(t, "xendit: snap.create_va: not sent: kms unavailable", err.Error())
}

// roundTripperFunc is a caller's transport made of a function.
type roundTripperFunc func(*http.Request) (*http.Response, error)

func (f roundTripperFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// A context that ends after the answer arrived does not hide the answer: the
// call was acted on, so it either returns the result or an error whose
// outcome is unknown.
func TestAnAnswerBeforeTheCancellationIsTheOutcome(t *testing.T) {
	srv := newRecorder(t, jsonReply(201, `{"id":"thing_1"}`))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	hc := &http.Client{Transport: roundTripperFunc(func(r *http.Request) (*http.Response, error) {
		resp, err := http.DefaultTransport.RoundTrip(r)
		cancel() // the caller gives up just as the answer comes in
		return resp, err
	})}
	var out struct{ ID string }
	err := srv.client(t, xendit.WithHTTPClient(hc)).Do(ctx, &xendit.Request{Endpoint: createBare, Body: map[string]int{"amount": 1}}, &out)
	require.Len(t, srv.requests(), 1)
	if err != nil {
		assert.True(t, xendit.OutcomeUnknown(err), "the server acted: %v", err)
		return
	}
	assert.Equal(t, "thing_1", out.ID)
}
