package reports_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/fake"
	"github.com/seed19b1029f/xendit-go/internal/jsontest"
	"github.com/seed19b1029f/xendit-go/reports"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

func TestExamplesRoundTrip(t *testing.T) {
	report := func() any { return new(reports.Report) }
	jsontest.RoundTripAll(t, map[string]func() any{
		"reports.object.response.json":   report,
		"reports.generate.response.json": report,
		"reports.get.response.json":      report,
		"reports.webhook.webhook.json":   func() any { return new(reports.Webhook) },
		"reports.webhook.completed.json": func() any { return new(reports.Webhook) },
	}, nil)
}

func TestParseWebhook(t *testing.T) {
	w, err := reports.ParseWebhook(jsontest.Load(t, "reports.webhook.completed.json"))
	require.NoError(t, err)
	assert.Equal(t, reports.EventCompleted, w.Event)
	assert.Equal(t, reports.Completed, w.Status)
	assert.Equal(t, reports.BalanceHistory, w.Type)
	assert.Contains(t, w.URL, "amazonaws.com")
	assert.Equal(t, 2021, w.Filter.From.Year())

	// The reference's own example has no event field; it still decodes.
	w, err = reports.ParseWebhook(jsontest.Load(t, "reports.webhook.webhook.json"))
	require.NoError(t, err)
	assert.Empty(t, w.Event)
	assert.Equal(t, reports.Pending, w.Status)

	_, err = reports.ParseWebhook([]byte(`{"status":`))
	assert.Error(t, err)
	w, err = reports.ParseWebhook([]byte(`{"event":"reports.expired","type":"TAX_SUMMARY","status":"ARCHIVED","url":null}`))
	require.NoError(t, err, "unknown values and nulls decode")
	assert.Equal(t, reports.Type("TAX_SUMMARY"), w.Type)
}

func newServer(t *testing.T) (*xendittest.Server, *reports.Client) {
	srv, c := fake.Server(t, xendit.RetryPolicy{})
	return srv, reports.New(c)
}

func day() reports.Filter {
	to := time.Date(2024, 5, 2, 0, 0, 0, 0, time.UTC)
	return reports.Filter{From: xendit.Time{Time: to.Add(-24 * time.Hour)}, To: xendit.Time{Time: to}}
}

func TestGenerateWaitCompleted(t *testing.T) {
	srv, api := newServer(t)
	srv.SetReportDelay(-1)
	ctx := context.Background()
	r, err := api.Generate(ctx, &reports.GenerateParams{Type: reports.BalanceHistory, Filter: day(), Currency: "IDR"})
	require.NoError(t, err)
	assert.Equal(t, reports.Pending, r.Status)
	assert.Empty(t, r.URL)
	sent := srv.Requests()[0]
	assert.JSONEq(t, `{"type":"BALANCE_HISTORY","currency":"IDR",
		"filter":{"from":"2024-05-01T00:00:00.000Z","to":"2024-05-02T00:00:00.000Z"}}`, string(sent.Body))

	// Wait's polling is timed in wait_test.go, on a synctest bubble's clock.
	require.NoError(t, srv.FinishReport(r.ID, false))
	done, err := api.Wait(ctx, r.ID, nil)
	require.NoError(t, err)
	assert.Equal(t, reports.Completed, done.Status)
	assert.NotEmpty(t, done.URL)
}

func TestWaitFailedAndGetMissing(t *testing.T) {
	srv, api := newServer(t)
	srv.SetReportDelay(-1)
	ctx := context.Background()
	r, err := api.Generate(ctx, &reports.GenerateParams{Type: reports.Transactions, Filter: day(), Currency: "PHP",
		ReportVersion: reports.Version2})
	require.NoError(t, err)
	require.NoError(t, srv.FinishReport(r.ID, true))
	got, err := api.Wait(ctx, r.ID, nil)
	assert.ErrorIs(t, err, reports.ErrFailed)
	assert.Equal(t, reports.Failed, got.Status)

	// A context ending while Wait polls: TestWaitEndsWithTheContext.

	_, err = api.Get(ctx, "report_missing")
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, reports.CodeNotFound, xe.Code)
}

func TestGenerateIsNotRetriedAfterAmbiguousFailure(t *testing.T) {
	srv, c := fake.Server(t, xendit.RetryPolicy{MaxRetries: 3, MinWait: time.Millisecond, MaxWait: time.Millisecond})
	srv.InjectFault(xendittest.Fault{Path: "/reports", Status: 503, Times: 3})
	_, err := reports.New(c).Generate(context.Background(), &reports.GenerateParams{Type: reports.BalanceHistory, Filter: day(), Currency: "IDR"})
	require.Error(t, err)
	assert.Len(t, srv.Requests(), 1, "POST /reports has no idempotency key: a 503 is not repeated")
}

func TestGenerateValidation(t *testing.T) {
	srv, api := newServer(t)
	long := day()
	long.From = xendit.Time{Time: long.To.Add(-31 * 24 * time.Hour)}
	backwards := reports.Filter{From: day().To, To: day().From}
	for name, tc := range map[string]struct {
		p     *reports.GenerateParams
		field string
	}{
		"nil":       {nil, "params"},
		"type":      {&reports.GenerateParams{Filter: day(), Currency: "IDR"}, "type"},
		"filter":    {&reports.GenerateParams{Type: reports.BalanceHistory, Currency: "IDR"}, "filter"},
		"31 days":   {&reports.GenerateParams{Type: reports.BalanceHistory, Filter: long, Currency: "IDR"}, "filter"},
		"backwards": {&reports.GenerateParams{Type: reports.BalanceHistory, Filter: backwards, Currency: "IDR"}, "filter.to"},
		"currency":  {&reports.GenerateParams{Type: reports.BalanceHistory, Filter: day()}, "currency"},
		"version":   {&reports.GenerateParams{Type: reports.BalanceHistory, Filter: day(), Currency: "IDR", ReportVersion: reports.Version1}, "report_version"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := api.Generate(context.Background(), tc.p)
			var ve *xendit.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, tc.field, ve.Field)
			assert.True(t, errors.Is(err, xendit.ErrValidation))
		})
	}
	assert.Empty(t, srv.Requests())
}
