package xendit_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/memtransport"
	"github.com/seed19b1029f/xendit-go/internal/webhooktest"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// Short bounds for the fault tests: a 100 ms function timeout makes a
// 200 ms lease, and a store call gives up after 50 ms.
const (
	faultTimeout      = 100 * time.Millisecond
	faultLease        = 2 * faultTimeout
	faultStoreTimeout = 50 * time.Millisecond
)

// faultyHandler returns a handler on a memory store wrapped to inject
// plan's faults, and the handler's log.
func faultyHandler(t *testing.T, fn xendit.WebhookFunc, plan func(webhooktest.Op, int64) webhooktest.Fault) (*xendit.WebhookHandler, *webhooktest.FaultyStore, *syncBuffer) {
	t.Helper()
	store := &webhooktest.FaultyStore{DedupeStore: newMemoryStore(t, 1000), Plan: plan, LateDelay: 20 * time.Millisecond}
	t.Cleanup(store.Wait)
	logs := &syncBuffer{}
	h, err := xendit.NewWebhookHandler(fn,
		xendit.WithCallbackTokens(xendittest.CallbackToken),
		xendit.WithDedupeStore(store),
		xendit.WithWebhookTimeout(faultTimeout),
		xendit.WithDedupeStoreTimeout(faultStoreTimeout),
		xendit.WithWebhookLogger(slog.New(slog.NewJSONHandler(logs, nil))))
	require.NoError(t, err)
	return h, store, logs
}

// faultOn injects f on the listed calls of op (counted from 1), and
// nothing elsewhere; always injects f on every call of op.
func faultOn(op webhooktest.Op, f webhooktest.Fault, calls ...int64) func(webhooktest.Op, int64) webhooktest.Fault {
	return func(o webhooktest.Op, n int64) webhooktest.Fault {
		if o != op {
			return webhooktest.None
		}
		if len(calls) == 0 {
			return f
		}
		for _, c := range calls {
			if c == n {
				return f
			}
		}
		return webhooktest.None
	}
}

// TestWebhookStoreFaults injects one fault at a time and follows the event
// through Xendit's retries: it is never acknowledged before its function
// succeeded, and its function succeeds once.
func TestWebhookStoreFaults(t *testing.T) {
	header := http.Header{}
	header.Set(xendit.HeaderCallbackToken, xendittest.CallbackToken)
	header.Set(xendit.HeaderWebhookID, "wh-fault")
	body := []byte(reportCompleted)
	failFirst := func(n int, _ *xendit.WebhookEvent) error {
		if n == 1 {
			return errors.New("database unavailable")
		}
		return nil
	}
	type delivery struct {
		after  time.Duration // sleep before it
		status int
		err    error
	}
	cases := []struct {
		name       string
		plan       func(webhooktest.Op, int64) webhooktest.Fault
		fail       func(int, *xendit.WebhookEvent) error
		deliveries []delivery
		runs       int
		log        string
	}{
		{"claim fails: 500, nothing run; the retry runs",
			faultOn(webhooktest.OpClaim, webhooktest.Fail, 1), nil,
			[]delivery{{0, 500, xendit.ErrWebhookStore}, {0, 200, nil}, {0, 200, xendit.ErrWebhookDuplicate}}, 1,
			"failed to claim"},
		{"claim hangs: 500 after the store timeout, nothing run",
			faultOn(webhooktest.OpClaim, webhooktest.Hang, 1), nil,
			[]delivery{{0, 500, context.DeadlineExceeded}, {0, 200, nil}}, 1, ""},
		{"claim written late: the retry is told 409, not 200, until the lease runs out",
			faultOn(webhooktest.OpClaim, webhooktest.Late, 1), nil,
			[]delivery{{0, 500, xendit.ErrWebhookStore}, {50 * time.Millisecond, 409, xendit.ErrWebhookInProgress},
				{faultLease, 200, nil}, {0, 200, xendit.ErrWebhookDuplicate}}, 1, ""},
		{"done fails once: retried, then a duplicate",
			faultOn(webhooktest.OpDone, webhooktest.Fail, 1), nil,
			[]delivery{{0, 200, nil}, {0, 200, xendit.ErrWebhookDuplicate}}, 1, ""},
		{"done written but its answer lost: retried, then a duplicate",
			faultOn(webhooktest.OpDone, webhooktest.Lost, 1), nil,
			[]delivery{{0, 200, nil}, {0, 200, xendit.ErrWebhookDuplicate}}, 1, ""},
		{"done fails for good: 200, the claim is kept, not freed, and the failure logged",
			faultOn(webhooktest.OpDone, webhooktest.Fail), nil,
			[]delivery{{0, 200, nil}, {0, 409, xendit.ErrWebhookInProgress}}, 1,
			"marking it done failed"},
		{"release fails after a failure: the retry is told 409, not 200, then runs after the lease",
			faultOn(webhooktest.OpRelease, webhooktest.Fail, 1), failFirst,
			[]delivery{{0, 500, nil}, {0, 409, xendit.ErrWebhookInProgress}, {faultLease, 200, nil},
				{0, 200, xendit.ErrWebhookDuplicate}}, 2, "releasing the claim failed"},
		{"release hangs after a failure: the same",
			faultOn(webhooktest.OpRelease, webhooktest.Hang, 1), failFirst,
			[]delivery{{0, 500, nil}, {0, 409, xendit.ErrWebhookInProgress}, {faultLease, 200, nil}}, 2, ""},
	}
	for _, c := range cases {
		// In a bubble, the fake clock makes the leases and timeouts exact.
		t.Run(c.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var rec whRecorder
				rec.fail = c.fail
				h, store, logs := faultyHandler(t, rec.handle, c.plan)
				for i, d := range c.deliveries {
					time.Sleep(d.after)
					status, err := h.Handle(context.Background(), header, body)
					assert.Equal(t, d.status, status, "delivery %d", i+1)
					if d.err != nil {
						assert.ErrorIs(t, err, d.err, "delivery %d", i+1)
					} else if d.status == 200 {
						assert.NoError(t, err, "delivery %d", i+1)
					}
				}
				assert.Len(t, rec.calls(), c.runs, "runs of the function")
				assert.Positive(t, store.Faults(), "no fault was injected")
				if c.log != "" {
					assert.Contains(t, logs.String(), c.log)
					assert.Contains(t, logs.String(), `"webhook_id":"wh-fault"`)
				}
				store.Wait()
			})
		})
	}
}

// TestWebhookExactlyOnceUnderStoreFaults sends 1,000 deliveries of 100
// events to two handlers sharing one faulty store, a tenth of the store's
// calls failing, hanging, landing late or losing their answer, and a fifth
// of the first runs failing. Every event must be processed exactly once,
// every delivery acknowledged in the end, none before its event succeeded.
func TestWebhookExactlyOnceUnderStoreFaults(t *testing.T) {
	faults := []webhooktest.Fault{webhooktest.Fail, webhooktest.Hang, webhooktest.Late, webhooktest.Lost}
	plan := func(webhooktest.Op, int64) webhooktest.Fault {
		if rand.N(10) == 0 {
			return faults[rand.N(len(faults))]
		}
		return webhooktest.None
	}
	p := &webhooktest.Processor{
		FailFirst: func(id string) bool { return id[len(id)-1]%5 == 0 },
		Work:      time.Millisecond,
	}
	// In a bubble, with the handlers served in memory: the store's hangs,
	// late writes and timeouts, the runs and Xendit's retries all pass on
	// the fake clock, so a run never outlasts its lease by accident of
	// load.
	synctest.Test(t, func(t *testing.T) {
		store := &webhooktest.FaultyStore{DedupeStore: newMemoryStore(t, 10_000), Plan: plan, LateDelay: 20 * time.Millisecond}
		t.Cleanup(store.Wait)
		logs := &syncBuffer{}
		replicas := map[string]http.Handler{}
		var urls []string
		for i := range 2 {
			h, err := xendit.NewWebhookHandler(p.Func,
				xendit.WithCallbackTokens(xendittest.CallbackToken),
				xendit.WithDedupeStore(store),
				xendit.WithWebhookTimeout(time.Second),
				xendit.WithDedupeStoreTimeout(faultStoreTimeout),
				xendit.WithWebhookLogger(slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelError}))))
			require.NoError(t, err)
			host := fmt.Sprintf("replica-%d.test", i)
			replicas[host] = h
			urls = append(urls, "https://"+host+"/webhooks")
		}
		start := time.Now()
		statuses := webhooktest.Burst{URLs: urls, Client: memHosts(replicas), IDs: 100, Copies: 10,
			Retry: 50 * time.Millisecond, Deadline: 40 * time.Second}.Run(t, p)
		t.Logf("statuses, retries included: %v; store faults injected: %d; all acknowledged after %v",
			statuses, store.Faults(), time.Since(start))
		if t.Failed() {
			t.Logf("error log:\n%s", logs.String())
		}
		assert.Positive(t, statuses[409], "no delivery found its event in progress")
		assert.Positive(t, statuses[500], "no delivery failed")
		assert.Positive(t, store.Faults())
		assert.Zero(t, statuses[0], "transport errors")
	})
}

// memHosts is a client that serves each request, in memory, with the
// handler its URL's host names.
func memHosts(handlers map[string]http.Handler) *http.Client {
	return &http.Client{Transport: memtransport.New(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		handlers[r.Host].ServeHTTP(w, r)
	}))}
}

func TestWebhookLabelledTokens(t *testing.T) {
	var rec whRecorder
	srv := newWebhookServer(t, rec.handle,
		xendit.WithCallbackTokensFor("merchant-a", "token-a", "token-a-next"),
		xendit.WithCallbackTokensFor("merchant-b", "token-b"))
	send := func(token, id string) int {
		return sendWebhook(t, srv, xendittest.Webhook{Token: token, ID: id, Payload: reportCompleted})
	}
	assert.Equal(t, 200, send("token-a", "wh-1"))
	assert.Equal(t, 200, send("token-a-next", "wh-2"), "a merchant's second token, for rotation")
	assert.Equal(t, 200, send("token-b", "wh-1"), "the same webhook-id from another merchant is its own event")
	assert.Equal(t, 200, send(xendittest.CallbackToken, "wh-3"), "the unlabelled token")
	assert.Equal(t, 200, send("token-b", "wh-1"))
	assert.Equal(t, 401, send("token-c", "wh-4"))

	calls := rec.calls()
	require.Len(t, calls, 4, "merchant b's copy of wh-1 is a duplicate of its own first")
	assert.Equal(t, []string{"merchant-a", "merchant-a", "merchant-b", ""},
		[]string{calls[0].Label, calls[1].Label, calls[2].Label, calls[3].Label})

	fn := func(context.Context, *xendit.WebhookEvent) error { return nil }
	for name, opts := range map[string][]xendit.WebhookOption{
		"one token, two merchants": {xendit.WithCallbackTokensFor("a", "t"), xendit.WithCallbackTokensFor("b", "t")},
		"labelled and unlabelled":  {xendit.WithCallbackTokens("t"), xendit.WithCallbackTokensFor("a", "t")},
		"empty label":              {xendit.WithCallbackTokensFor("", "t")},
		"label with a slash":       {xendit.WithCallbackTokensFor("a/b", "t")},
		"no token":                 {xendit.WithCallbackTokensFor("a")},
	} {
		_, err := xendit.NewWebhookHandler(fn, opts...)
		assert.Error(t, err, name)
	}
}

func TestWebhookZeroValueHandlerAnswers500(t *testing.T) {
	var h xendit.WebhookHandler
	w := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(`{}`))
	req.Header.Set(xendit.HeaderCallbackToken, "anything")
	assert.NotPanics(t, func() { h.ServeHTTP(w, req) })
	assert.Equal(t, 500, w.Code)
	status, err := h.Handle(context.Background(), req.Header, []byte(`{}`))
	assert.Equal(t, 500, status)
	assert.ErrorIs(t, err, xendit.ErrWebhookNotConfigured)
}

func TestWebhookUnauthenticatedIDIsNotLogged(t *testing.T) {
	var logs bytes.Buffer
	srv := newWebhookServer(t, func(context.Context, *xendit.WebhookEvent) error { return nil },
		xendit.WithWebhookLogger(slog.New(slog.NewJSONHandler(&logs, nil))))
	id := strings.Repeat("attacker-controlled-", 5000)
	assert.Equal(t, 401, sendWebhook(t, srv, xendittest.Webhook{Token: "wrong", ID: id, Payload: `{}`}))
	assert.NotContains(t, logs.String(), "attacker-controlled")
	assert.Contains(t, logs.String(), `"webhook_id_bytes":100000`)
	assert.Less(t, logs.Len(), 1000, "one short line")
}

func TestWebhookTimeoutIsBoundedByXenditsFirstRetry(t *testing.T) {
	fn := func(context.Context, *xendit.WebhookEvent) error { return nil }
	_, err := xendit.NewWebhookHandler(fn, xendit.WithCallbackTokens("t"), xendit.WithWebhookTimeout(xendit.MaxWebhookTimeout+time.Second))
	assert.ErrorContains(t, err, "first retry")
	_, err = xendit.NewWebhookHandler(fn, xendit.WithCallbackTokens("t"), xendit.WithWebhookTimeout(xendit.MaxWebhookTimeout))
	assert.NoError(t, err)
	assert.Less(t, 2*xendit.MaxWebhookTimeout, 15*time.Minute, "the lease must end before Xendit's first retry")
}
