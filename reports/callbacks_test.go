package reports_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/jsontest"
	"github.com/seed19b1029f/xendit-go/reports"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// receiver is a webhook endpoint as an application builds it: the root
// package's handler (token check, webhook-id dedupe) on an HTTP server,
// decoding each event into reports.Callback.
type receiver struct {
	URL string
	mu  sync.Mutex
	got []received
}

type received struct {
	webhookID, event string
	w                reports.Callback
}

func newReceiver(t *testing.T) *receiver {
	t.Helper()
	rc := &receiver{}
	h, err := xendit.NewWebhookHandler(func(_ context.Context, e *xendit.WebhookEvent) error {
		var w reports.Callback
		if err := e.Decode(&w); err != nil {
			return err
		}
		rc.mu.Lock()
		defer rc.mu.Unlock()
		rc.got = append(rc.got, received{e.ID, e.Event, w})
		return nil
	}, xendit.WithCallbackTokens(xendittest.CallbackToken))
	require.NoError(t, err)
	hs := httptest.NewServer(h)
	t.Cleanup(hs.Close)
	rc.URL = hs.URL
	return rc
}

func (rc *receiver) all() []received {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return append([]received(nil), rc.got...)
}

const failedWebhook = `{
	"event": "reports.failed",
	"id": "report_0d0e3d6c-9b1a-4c54-8d4b-1f2a3b4c5d6e",
	"type": "TRANSACTIONS",
	"status": "FAILED",
	"filter": {"from": "2024-05-01T00:00:00.000Z", "to": "2024-05-02T00:00:00.000Z"},
	"format": "CSV",
	"currency": "PHP",
	"business_id": "5f34f60535ba7c1c0eed846a",
	"created": "2024-05-02T01:00:00.000Z",
	"updated": "2024-05-02T01:00:09.000Z"
}`

func TestParseCallback(t *testing.T) {
	t.Parallel()
	w, err := reports.ParseCallback(jsontest.Load(t, "reports.webhook.completed.json"))
	require.NoError(t, err)
	assert.Equal(t, reports.EventCompleted, w.Event)
	assert.Equal(t, reports.StatusCompleted, w.Status)
	assert.Equal(t, reports.TypeBalanceHistory, w.Type)
	assert.Contains(t, w.URL, "amazonaws.com")
	assert.Equal(t, 2021, w.Filter.From.Year())

	// The reference's own example has no event field; it still decodes.
	w, err = reports.ParseCallback(jsontest.Load(t, "reports.webhook.webhook.json"))
	require.NoError(t, err)
	assert.Empty(t, w.Event)
	assert.Equal(t, reports.StatusPending, w.Status)

	_, err = reports.ParseCallback([]byte(`{"status":`))
	assert.Error(t, err)
	w, err = reports.ParseCallback([]byte(`{"event":"reports.expired","type":"TAX_SUMMARY","status":"ARCHIVED","url":null}`))
	require.NoError(t, err, "unknown values and nulls decode")
	assert.Equal(t, reports.Type("TAX_SUMMARY"), w.Type)
}

func TestWebhookThroughRootHandler(t *testing.T) {
	t.Parallel()
	rc := newReceiver(t)
	ctx := context.Background()
	send := func(wh xendittest.Webhook) int {
		t.Helper()
		status, err := wh.Send(ctx, nil, rc.URL)
		require.NoError(t, err)
		return status
	}

	completed := xendittest.NewWebhook(xendittest.CallbackToken, jsontest.Load(t, "reports.webhook.completed.json"))
	failed := xendittest.NewWebhook(xendittest.CallbackToken, failedWebhook)
	assert.Equal(t, http.StatusOK, send(completed))
	assert.Equal(t, http.StatusOK, send(failed))
	assert.Equal(t, http.StatusOK, send(completed), "Xendit's retry of a processed delivery is acknowledged")
	assert.Equal(t, http.StatusUnauthorized, send(xendittest.NewWebhook("not-the-token", failedWebhook)))

	got := rc.all()
	require.Len(t, got, 2, "the duplicate and the forged delivery are not processed")

	c := got[0]
	assert.Equal(t, completed.ID, c.webhookID)
	assert.Equal(t, reports.EventCompleted, c.event)
	assert.Equal(t, reports.EventCompleted, c.w.Event)
	assert.Equal(t, "report_5c1b34a2-6ceb-4c24-aba9-c836bac82b28", c.w.ID)
	assert.Equal(t, reports.TypeBalanceHistory, c.w.Type)
	assert.Equal(t, reports.StatusCompleted, c.w.Status)
	assert.Equal(t, reports.FormatCSV, c.w.Format)
	assert.Equal(t, xendit.CurrencyIDR, c.w.Currency)
	assert.Equal(t, "5f34f60535ba7c1c0eed846a", c.w.BusinessID)
	assert.Equal(t, "https://transaction-report-files.s3-us-west-2.amazonaws.com/{report_name}", c.w.URL)
	assert.True(t, c.w.Filter.From.Equal(time.Date(2021, 6, 23, 4, 1, 55, 574e6, time.UTC)), c.w.Filter.From)
	assert.True(t, c.w.Filter.To.Equal(time.Date(2021, 6, 24, 4, 1, 55, 574e6, time.UTC)), c.w.Filter.To)
	assert.True(t, c.w.Updated.Equal(time.Date(2021, 6, 24, 4, 2, 10, 120e6, time.UTC)), c.w.Updated)

	f := got[1]
	assert.Equal(t, failed.ID, f.webhookID)
	assert.Equal(t, reports.EventFailed, f.event)
	assert.Equal(t, "report_0d0e3d6c-9b1a-4c54-8d4b-1f2a3b4c5d6e", f.w.ID)
	assert.Equal(t, reports.TypeTransactions, f.w.Type)
	assert.Equal(t, reports.StatusFailed, f.w.Status)
	assert.Equal(t, xendit.CurrencyPHP, f.w.Currency)
	assert.Empty(t, f.w.URL, "a failed report has nothing to download")
}

// TestFakeDeliversReportWebhooks follows a report from Generate to its
// webhook: the fake plays Xendit finishing it, the root handler receives it.
func TestFakeDeliversReportWebhooks(t *testing.T) {
	t.Parallel()
	srv, api := newServer(t)
	rc := newReceiver(t)
	srv.SetReportDelay(-1)
	srv.SetCallbacks("", xendittest.Callbacks{URL: rc.URL})
	ctx := context.Background()

	r, err := api.Generate(ctx, &reports.GenerateParams{Type: reports.TypeBalanceHistory, Filter: day(), Currency: xendit.CurrencyIDR})
	require.NoError(t, err)
	pending, err := api.Get(ctx, r.ID)
	require.NoError(t, err)
	assert.Equal(t, reports.StatusPending, pending.Status)
	assert.Empty(t, rc.all(), "no webhook while the report is PENDING")

	require.NoError(t, srv.FinishReport(r.ID, false))
	got := rc.all()
	require.Len(t, got, 1, "FinishReport delivers before it returns")
	c := got[0]
	assert.NotEmpty(t, c.webhookID)
	assert.Equal(t, reports.EventCompleted, c.event)
	assert.Equal(t, r.ID, c.w.ID)
	assert.Equal(t, reports.StatusCompleted, c.w.Status)
	assert.Equal(t, reports.TypeBalanceHistory, c.w.Type)
	assert.Equal(t, xendit.CurrencyIDR, c.w.Currency)
	assert.True(t, c.w.Filter.From.Equal(day().From.Time) && c.w.Filter.To.Equal(day().To.Time), c.w.Filter)
	done, err := api.Get(ctx, r.ID)
	require.NoError(t, err)
	assert.Equal(t, reports.StatusCompleted, done.Status)
	assert.Equal(t, done.URL, c.w.URL)
	assert.NotEmpty(t, c.w.URL)

	assert.Error(t, srv.FinishReport(r.ID, true), "a finished report does not change")
	assert.Len(t, rc.all(), 1)

	r2, err := api.Generate(ctx, &reports.GenerateParams{Type: reports.TypeTransactions, Filter: day(), Currency: xendit.CurrencyPHP})
	require.NoError(t, err)
	require.NoError(t, srv.FinishReport(r2.ID, true))
	got = rc.all()
	require.Len(t, got, 2)
	f := got[1]
	assert.Equal(t, reports.EventFailed, f.event)
	assert.Equal(t, r2.ID, f.w.ID)
	assert.Equal(t, reports.StatusFailed, f.w.Status)
	assert.Empty(t, f.w.URL)
	assert.NotEqual(t, c.webhookID, f.webhookID, "each webhook has its own webhook-id")
	_, err = api.Wait(ctx, r2.ID, nil)
	assert.ErrorIs(t, err, reports.ErrFailed)

	assert.ErrorIs(t, srv.FinishReport("report_missing", false), xendittest.ErrNoSuchObject)
}

// TestFakeCompletesOnItsOwnAndFiresOnce: with the default delay the report
// completes by itself; a Get racing the fake's own completion still yields
// one webhook.
func TestFakeCompletesOnItsOwnAndFiresOnce(t *testing.T) {
	t.Parallel()
	srv, api := newServer(t)
	rc := newReceiver(t)
	srv.SetCallbacks("", xendittest.Callbacks{URL: rc.URL})
	ctx := context.Background()

	r, err := api.Generate(ctx, &reports.GenerateParams{Type: reports.TypeBalanceHistory, Filter: day(), Currency: xendit.CurrencyIDR})
	require.NoError(t, err)
	assert.Equal(t, reports.StatusPending, r.Status)
	got, err := api.Get(ctx, r.ID)
	require.NoError(t, err)
	assert.Equal(t, reports.StatusCompleted, got.Status)
	require.NoError(t, srv.WaitDeliveries(ctx, ""))
	_, err = api.Get(ctx, r.ID)
	require.NoError(t, err)
	require.NoError(t, srv.WaitDeliveries(ctx, ""))

	hooks := rc.all()
	require.Len(t, hooks, 1)
	assert.Equal(t, reports.EventCompleted, hooks[0].event)
	assert.Equal(t, r.ID, hooks[0].w.ID)
	assert.Equal(t, got.URL, hooks[0].w.URL)
}
