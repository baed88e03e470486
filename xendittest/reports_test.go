package xendittest_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/reports"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

func reportSetup(t *testing.T, statuses ...int) (*xendittest.Server, *reports.Client, *receiver) {
	t.Helper()
	srv := xendittest.NewServer()
	t.Cleanup(srv.Close)
	c, err := srv.Client(xendit.WithRetryPolicy(xendit.RetryPolicy{}))
	require.NoError(t, err)
	sink := &receiver{statuses: statuses}
	hs := httptest.NewServer(sink)
	t.Cleanup(hs.Close)
	srv.SetCallbacks("", xendittest.Callbacks{URL: hs.URL})
	return srv, reports.New(c), sink
}

func generate(t *testing.T, api *reports.Client) *reports.Report {
	t.Helper()
	to := time.Date(2024, 5, 2, 0, 0, 0, 0, time.UTC)
	r, err := api.Generate(context.Background(), &reports.GenerateParams{
		Type: reports.TypeBalanceHistory, Currency: xendit.CurrencyIDR,
		Filter: reports.Filter{From: xendit.Time{Time: to.AddDate(0, 0, -1)}, To: xendit.Time{Time: to}},
	})
	require.NoError(t, err)
	return r
}

func TestReportWebhookHeadersAndRetry(t *testing.T) {
	srv, api, sink := reportSetup(t, http.StatusServiceUnavailable)
	srv.SetReportDelay(-1)
	r := generate(t, api)

	require.NoError(t, srv.FinishReport(r.ID, false), "the retry after a 503 is acknowledged")
	got := sink.all()
	require.Len(t, got, 2)
	for _, d := range got {
		assert.Equal(t, xendittest.CallbackToken, d.header.Get("x-callback-token"))
		assert.Equal(t, got[0].header.Get("webhook-id"), d.header.Get("webhook-id"), "a retry repeats the webhook-id")
		assert.Equal(t, "application/json", d.header.Get("Content-Type"))
		assert.Equal(t, "reports.completed", d.body["event"])
		assert.Equal(t, r.ID, d.body["id"])
		assert.Equal(t, "COMPLETED", d.body["status"])
		assert.NotEmpty(t, d.body["url"])
	}
	assert.NotEmpty(t, got[0].header.Get("webhook-id"))
}

func TestReportWebhookUndeliverable(t *testing.T) {
	srv, api, sink := reportSetup(t, 500, 500, 500, 500, 500, 500, 500)
	srv.SetReportDelay(-1)
	r := generate(t, api)

	err := srv.FinishReport(r.ID, true)
	require.Error(t, err)
	assert.NotContains(t, err.Error(), xendittest.CallbackToken)
	got := sink.all()
	require.Len(t, got, 1+len(xendittest.XenditRedeliverySchedule), "a failing receiver gets Xendit's six redeliveries")
	assert.Equal(t, "reports.failed", got[0].body["event"])
	assert.Equal(t, "FAILED", got[0].body["status"])
	assert.NotContains(t, got[0].body, "url")

	rep, err := api.Get(context.Background(), r.ID)
	require.NoError(t, err)
	assert.Equal(t, reports.StatusFailed, rep.Status, "the report is FAILED whether or not the webhook got through")
}

func TestReportCompletesOnItsOwn(t *testing.T) {
	srv, api, sink := reportSetup(t)
	r := generate(t, api)
	require.NoError(t, srv.WaitDeliveries(context.Background(), "")) // no Get: the fake completes the report by itself

	got := sink.all()
	require.Len(t, got, 1)
	assert.Equal(t, "reports.completed", got[0].body["event"])
	assert.Equal(t, r.ID, got[0].body["id"])
	assert.ErrorContains(t, srv.FinishReport(r.ID, true), "not PENDING")
}

func TestReportWithoutCallbackURL(t *testing.T) {
	srv, api, sink := reportSetup(t)
	srv.SetCallbacks("", xendittest.Callbacks{})
	r := generate(t, api)
	rep, err := api.Get(context.Background(), r.ID)
	require.NoError(t, err)
	assert.Equal(t, reports.StatusCompleted, rep.Status)
	require.NoError(t, srv.WaitDeliveries(context.Background(), ""))
	assert.Empty(t, sink.all())
}
