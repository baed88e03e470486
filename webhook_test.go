package xendit_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/webhooktest"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// reportCompleted is the Report webhook of the API reference, with its event.
const reportCompleted = `{"event":"reports.completed","id":"report_5c1b34a2-6ceb-4c24-aba9-c836bac82b28",` +
	`"type":"BALANCE_HISTORY","status":"COMPLETED","format":"CSV","currency":"IDR",` +
	`"business_id":"5f34f60535ba7c1c0eed846a","created":"2021-06-24T04:01:55.570Z"}`

// whRecorder is a webhook function that records what it was given; fail
// decides, per call, whether it returns an error.
type whRecorder struct {
	mu     sync.Mutex
	events []*xendit.WebhookEvent
	ctxOK  []bool
	fail   func(n int, e *xendit.WebhookEvent) error
}

func (r *whRecorder) handle(ctx context.Context, e *xendit.WebhookEvent) error {
	_, hasDeadline := ctx.Deadline()
	r.mu.Lock()
	r.events = append(r.events, e)
	r.ctxOK = append(r.ctxOK, hasDeadline)
	n := len(r.events)
	fail := r.fail
	r.mu.Unlock()
	if fail != nil {
		return fail(n, e)
	}
	return nil
}

func (r *whRecorder) calls() []*xendit.WebhookEvent {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]*xendit.WebhookEvent(nil), r.events...)
}

// newWebhookServer serves fn over real HTTP.
func newWebhookServer(t *testing.T, fn xendit.WebhookFunc, opts ...xendit.WebhookOption) *httptest.Server {
	t.Helper()
	opts = append([]xendit.WebhookOption{xendit.WithCallbackTokens(xendittest.CallbackToken)}, opts...)
	h, err := xendit.NewWebhookHandler(fn, opts...)
	require.NoError(t, err)
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

func sendWebhook(t *testing.T, srv *httptest.Server, wh xendittest.Webhook) int {
	t.Helper()
	status, err := wh.Send(context.Background(), srv.Client(), srv.URL)
	require.NoError(t, err)
	return status
}

func TestNewWebhookHandlerRejectsBadConfiguration(t *testing.T) {
	fn := func(context.Context, *xendit.WebhookEvent) error { return nil }
	const secret = "s3cr3t-callback-token"
	cases := map[string]struct {
		fn   xendit.WebhookFunc
		opts []xendit.WebhookOption
	}{
		"no token option":         {fn, nil},
		"no token given":          {fn, []xendit.WebhookOption{xendit.WithCallbackTokens()}},
		"an empty token":          {fn, []xendit.WebhookOption{xendit.WithCallbackTokens(secret, "")}},
		"token with a space":      {fn, []xendit.WebhookOption{xendit.WithCallbackTokens(secret + " ")}},
		"token with a newline":    {fn, []xendit.WebhookOption{xendit.WithCallbackTokens(secret + "\n")}},
		"nil function":            {nil, []xendit.WebhookOption{xendit.WithCallbackTokens(secret)}},
		"nil store":               {fn, []xendit.WebhookOption{xendit.WithCallbackTokens(secret), xendit.WithDedupeStore(nil)}},
		"TTL inside retry window": {fn, []xendit.WebhookOption{xendit.WithCallbackTokens(secret), xendit.WithDedupeTTL(23 * time.Hour)}},
		"zero body cap":           {fn, []xendit.WebhookOption{xendit.WithCallbackTokens(secret), xendit.WithMaxBodyBytes(0)}},
		"zero timeout":            {fn, []xendit.WebhookOption{xendit.WithCallbackTokens(secret), xendit.WithWebhookTimeout(0)}},
		"nil logger":              {fn, []xendit.WebhookOption{xendit.WithCallbackTokens(secret), xendit.WithWebhookLogger(nil)}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			h, err := xendit.NewWebhookHandler(c.fn, c.opts...)
			require.Error(t, err)
			assert.Nil(t, h)
			assert.NotContains(t, err.Error(), secret, "the error quotes the token")
		})
	}
}

func TestWebhookHandlerStatuses(t *testing.T) {
	var rec whRecorder
	rec.fail = func(_ int, e *xendit.WebhookEvent) error {
		if e.Event == "fail" {
			return errors.New("boom")
		}
		return nil
	}
	srv := newWebhookServer(t, rec.handle, xendit.WithMaxBodyBytes(64))
	tok := xendittest.CallbackToken
	cases := []struct {
		name      string
		wh        xendittest.Webhook
		want      int
		processed bool
	}{
		{"valid", xendittest.NewWebhook(tok, `{"event":"ok"}`), 200, true},
		{"no token", xendittest.NewWebhook("", `{"event":"ok"}`), 401, false},
		{"wrong token", xendittest.NewWebhook(tok+"x", `{"event":"ok"}`), 401, false},
		{"token prefix", xendittest.NewWebhook(tok[:10], `{"event":"ok"}`), 401, false},
		{"body past the cap", xendittest.NewWebhook(tok, `{"event":"`+strings.Repeat("a", 64)+`"}`), 413, false},
		{"body at the cap", xendittest.NewWebhook(tok, `{"event":"`+strings.Repeat("a", 64-12)+`"}`), 200, true},
		{"not JSON", xendittest.NewWebhook(tok, `{"event":`), 400, false},
		{"empty body", xendittest.NewWebhook(tok, ``), 400, false},
		{"JSON array", xendittest.NewWebhook(tok, `[{"event":"ok"}]`), 400, false},
		{"JSON null", xendittest.NewWebhook(tok, `null`), 400, false},
		{"JSON string", xendittest.NewWebhook(tok, `"ok"`), 400, false},
		{"webhook-id too long", xendittest.Webhook{Token: tok, ID: strings.Repeat("i", 257), Payload: `{}`}, 400, false},
		{"event not a string", xendittest.NewWebhook(tok, `{"event":7}`), 200, true},
		{"handler error", xendittest.NewWebhook(tok, `{"event":"fail"}`), 500, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := len(rec.calls())
			assert.Equal(t, c.want, sendWebhook(t, srv, c.wh))
			calls := rec.calls()[before:]
			if !c.processed {
				assert.Empty(t, calls, "processed")
				return
			}
			require.Len(t, calls, 1)
			assert.Equal(t, c.wh.ID, calls[0].ID)
		})
	}

	t.Run("GET", func(t *testing.T) {
		resp, err := srv.Client().Get(srv.URL)
		require.NoError(t, err)
		resp.Body.Close()
		assert.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode)
		assert.Equal(t, http.MethodPost, resp.Header.Get("Allow"))
	})

	t.Run("chunked body past the cap", func(t *testing.T) {
		before := len(rec.calls())
		body := io.MultiReader(strings.NewReader(`{"event":"`), strings.NewReader(strings.Repeat("a", 100)), strings.NewReader(`"}`))
		req, err := http.NewRequest(http.MethodPost, srv.URL, body) // no Content-Length: sent chunked
		require.NoError(t, err)
		req.Header.Set(xendit.HeaderCallbackToken, tok)
		req.Header.Set(xendit.HeaderWebhookID, "chunked")
		resp, err := srv.Client().Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		assert.Equal(t, http.StatusRequestEntityTooLarge, resp.StatusCode)
		assert.Len(t, rec.calls(), before)
	})
}

func TestWebhookEventCarriesTheDelivery(t *testing.T) {
	var rec whRecorder
	srv := newWebhookServer(t, rec.handle)
	wh := xendittest.NewWebhook(xendittest.CallbackToken, reportCompleted)
	wh.Header = http.Header{"X-Extra": {"1"}}
	require.Equal(t, 200, sendWebhook(t, srv, wh))

	calls := rec.calls()
	require.Len(t, calls, 1)
	e := calls[0]
	assert.Equal(t, wh.ID, e.ID)
	assert.Equal(t, "reports.completed", e.Event)
	assert.JSONEq(t, reportCompleted, string(e.Body))
	assert.Equal(t, "1", e.Header.Get("X-Extra"))
	assert.Equal(t, wh.ID, e.Header.Get(xendit.HeaderWebhookID))
	assert.Empty(t, e.Header.Values(xendit.HeaderCallbackToken), "the token is handed on")
	assert.WithinDuration(t, time.Now(), e.ReceivedAt, time.Minute)
	assert.True(t, rec.ctxOK[0], "the handler's context has a deadline")

	var report struct {
		ID       string `json:"id"`
		Currency string `json:"currency"`
	}
	require.NoError(t, e.Decode(&report))
	assert.Equal(t, "report_5c1b34a2-6ceb-4c24-aba9-c836bac82b28", report.ID)
	assert.Equal(t, "IDR", report.Currency)
	var wrong struct{ ID int }
	assert.Error(t, e.Decode(&wrong))
}

func TestWebhookTokenRotation(t *testing.T) {
	var rec whRecorder
	srv := newWebhookServer(t, rec.handle, xendit.WithCallbackTokens("new-token"))
	assert.Equal(t, 200, sendWebhook(t, srv, xendittest.NewWebhook(xendittest.CallbackToken, `{}`)), "old token")
	assert.Equal(t, 200, sendWebhook(t, srv, xendittest.NewWebhook("new-token", `{}`)), "new token")
	assert.Equal(t, 401, sendWebhook(t, srv, xendittest.NewWebhook("other-token", `{}`)))
	assert.Len(t, rec.calls(), 2)
}

func TestWebhookDuplicateIsAcknowledgedNotProcessed(t *testing.T) {
	var rec whRecorder
	srv := newWebhookServer(t, rec.handle)
	wh := xendittest.NewWebhook(xendittest.CallbackToken, reportCompleted)
	for range 3 {
		assert.Equal(t, 200, sendWebhook(t, srv, wh))
	}
	assert.Len(t, rec.calls(), 1)
}

func TestWebhookFailureIsRetriedOnce(t *testing.T) {
	var rec whRecorder
	rec.fail = func(n int, _ *xendit.WebhookEvent) error {
		if n == 1 {
			return errors.New("database unavailable")
		}
		return nil
	}
	srv := newWebhookServer(t, rec.handle)
	wh := xendittest.NewWebhook(xendittest.CallbackToken, reportCompleted)
	assert.Equal(t, 500, sendWebhook(t, srv, wh), "first delivery fails")
	assert.Equal(t, 200, sendWebhook(t, srv, wh), "Xendit's retry is processed")
	assert.Equal(t, 200, sendWebhook(t, srv, wh), "a later copy is a duplicate")
	assert.Len(t, rec.calls(), 2, "runs: the failure and the successful retry")
}

func TestWebhookPanicReleasesTheClaim(t *testing.T) {
	h, err := xendit.NewWebhookHandler(func(_ context.Context, e *xendit.WebhookEvent) error {
		if e.Event == "panic" {
			panic("handler bug")
		}
		return nil
	}, xendit.WithCallbackTokens(xendittest.CallbackToken))
	require.NoError(t, err)
	header := http.Header{}
	header.Set(xendit.HeaderCallbackToken, xendittest.CallbackToken)
	header.Set(xendit.HeaderWebhookID, "wh-1")
	assert.PanicsWithValue(t, "handler bug", func() {
		_, _ = h.Handle(context.Background(), header, []byte(`{"event":"panic"}`))
	})
	status, err := h.Handle(context.Background(), header, []byte(`{"event":"fixed"}`))
	assert.Equal(t, 200, status)
	assert.NoError(t, err, "the retry after a panic is processed")
}

func TestWebhookWithoutIDIsDedupedOnItsBody(t *testing.T) {
	var rec whRecorder
	srv := newWebhookServer(t, rec.handle)
	noID := xendittest.Webhook{Token: xendittest.CallbackToken, Payload: reportCompleted}
	assert.Equal(t, 200, sendWebhook(t, srv, noID))
	assert.Equal(t, 200, sendWebhook(t, srv, noID), "the same body again")
	other := noID
	other.Payload = `{"event":"reports.failed"}`
	assert.Equal(t, 200, sendWebhook(t, srv, other))

	calls := rec.calls()
	require.Len(t, calls, 2)
	assert.Empty(t, calls[0].ID)
	assert.Equal(t, "reports.failed", calls[1].Event)
}

func TestWebhookDuplicateWhileProcessingIsNotProcessed(t *testing.T) {
	started, finish := make(chan struct{}), make(chan struct{})
	var runs atomic.Int32
	srv := newWebhookServer(t, func(context.Context, *xendit.WebhookEvent) error {
		if runs.Add(1) == 1 {
			close(started)
			<-finish
		}
		return nil
	})
	wh := xendittest.NewWebhook(xendittest.CallbackToken, reportCompleted)
	first := make(chan int, 1)
	go func() {
		status, _ := wh.Send(context.Background(), srv.Client(), srv.URL)
		first <- status
	}()
	<-started
	assert.Equal(t, 409, sendWebhook(t, srv, wh), "the copy that arrives mid-way is not acknowledged: the first run may still fail")
	close(finish)
	assert.Equal(t, 200, <-first)
	assert.Equal(t, 200, sendWebhook(t, srv, wh), "a copy after the success is a duplicate")
	assert.EqualValues(t, 1, runs.Load())
}

func TestWebhookHandleErrors(t *testing.T) {
	handlerErr := errors.New("boom")
	h, err := xendit.NewWebhookHandler(func(_ context.Context, e *xendit.WebhookEvent) error {
		if e.Event == "fail" {
			return handlerErr
		}
		return nil
	}, xendit.WithCallbackTokens(xendittest.CallbackToken), xendit.WithMaxBodyBytes(100))
	require.NoError(t, err)
	withToken := func(tok, id string) http.Header {
		h := http.Header{}
		h.Set(xendit.HeaderCallbackToken, tok)
		h.Set(xendit.HeaderWebhookID, id)
		return h
	}
	ok := withToken(xendittest.CallbackToken, "id-1")
	cases := []struct {
		name   string
		header http.Header
		body   string
		status int
		err    error
	}{
		{"processed", ok, `{}`, 200, nil},
		{"duplicate", ok, `{}`, 200, xendit.ErrWebhookDuplicate},
		{"bad token", withToken("nope", "id-2"), `{}`, 401, xendit.ErrWebhookToken},
		{"too large", withToken(xendittest.CallbackToken, "id-3"), `{"a":"` + strings.Repeat("x", 100) + `"}`, 413, xendit.ErrWebhookTooLarge},
		{"malformed", withToken(xendittest.CallbackToken, "id-4"), `{`, 400, xendit.ErrWebhookMalformed},
		{"handler error", withToken(xendittest.CallbackToken, "id-5"), `{"event":"fail"}`, 500, handlerErr},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			status, err := h.Handle(context.Background(), c.header, []byte(c.body))
			assert.Equal(t, c.status, status)
			if c.err == nil {
				assert.NoError(t, err)
			} else {
				assert.ErrorIs(t, err, c.err)
			}
		})
	}
}

func TestWebhookNeverLogsTheToken(t *testing.T) {
	var logs bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	srv := newWebhookServer(t, func(_ context.Context, e *xendit.WebhookEvent) error {
		if e.Event == "fail" {
			return errors.New("failed")
		}
		return nil
	}, xendit.WithWebhookLogger(logger), xendit.WithMaxBodyBytes(100))
	tok := xendittest.CallbackToken
	wrong := tok[:len(tok)-1] + "X" // a near miss, as an attacker's guess
	for _, wh := range []xendittest.Webhook{
		xendittest.NewWebhook(wrong, `{}`),
		xendittest.NewWebhook(tok, `{"event":"ok"}`),
		xendittest.NewWebhook(tok, `{"event":"fail"}`),
		xendittest.NewWebhook(tok, `{`),
		xendittest.NewWebhook(tok, `{"a":"`+strings.Repeat("x", 200)+`"}`),
	} {
		sendWebhook(t, srv, wh)
	}
	out := logs.String()
	assert.Contains(t, out, `"status":401`, "rejections are logged")
	assert.Contains(t, out, "handler failed")
	assert.NotContains(t, out, tok)
	assert.NotContains(t, out, wrong)
}

// TestWebhookConcurrentDeliveries sends 1,000 deliveries of 100 webhook-ids,
// ten copies each and all at once, as Xendit's retries and duplicates could,
// each retried until acknowledged; a fifth of the first runs fail.
func TestWebhookConcurrentDeliveries(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p := &webhooktest.Processor{Work: time.Millisecond, FailFirst: func(id string) bool { return id[len(id)-1]%5 == 0 }}
		h, err := xendit.NewWebhookHandler(p.Func, xendit.WithCallbackTokens(xendittest.CallbackToken))
		require.NoError(t, err)
		statuses := webhooktest.Burst{URLs: []string{"https://merchant.test/webhooks"}, Client: memHosts(map[string]http.Handler{"merchant.test": h}),
			IDs: 100, Copies: 10, Retry: 20 * time.Millisecond, Deadline: 30 * time.Second}.Run(t, p)
		assert.Positive(t, statuses[409], "no copy arrived while its event was processed")
		assert.Zero(t, statuses[0], "transport errors")
	})
}

// endless is a body that never ends, counting what was read of it.
type endless struct{ n int64 }

func (r *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	r.n += int64(len(p))
	return len(p), nil
}

func TestWebhookReadsNoMoreThanTheCap(t *testing.T) {
	var rec whRecorder
	h, err := xendit.NewWebhookHandler(rec.handle, xendit.WithCallbackTokens(xendittest.CallbackToken), xendit.WithMaxBodyBytes(1000))
	require.NoError(t, err)
	body := &endless{}
	req := httptest.NewRequest(http.MethodPost, "/", io.NopCloser(body))
	req.ContentLength = -1 // unknown, as with chunked encoding
	req.Header.Set(xendit.HeaderCallbackToken, xendittest.CallbackToken)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	assert.Equal(t, http.StatusRequestEntityTooLarge, w.Code)
	assert.LessOrEqual(t, body.n, int64(1001), "bytes read")
	assert.Empty(t, rec.calls())

	body.n = 0
	req.Header.Set(xendit.HeaderCallbackToken, "wrong")
	h.ServeHTTP(httptest.NewRecorder(), req)
	assert.Zero(t, body.n, "read the body of a request without the token")
}
