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
	"github.com/seed19b1029f/xendit-go/reports"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

func newServer(t *testing.T) (*xendittest.Server, *reports.Client) {
	srv, c := fake.Server(t, fake.NoRetries)
	return srv, reports.New(c)
}

func day() reports.Filter {
	to := time.Date(2024, 5, 2, 0, 0, 0, 0, time.UTC)
	return reports.Filter{From: xendit.Time{Time: to.Add(-24 * time.Hour)}, To: xendit.Time{Time: to}}
}

func TestGenerateWaitCompleted(t *testing.T) {
	t.Parallel()
	srv, api := newServer(t)
	srv.SetReportDelay(-1)
	ctx := context.Background()
	r, err := api.Generate(ctx, &reports.GenerateParams{Type: reports.TypeBalanceHistory, Filter: day(), Currency: xendit.CurrencyIDR})
	require.NoError(t, err)
	assert.Equal(t, reports.StatusPending, r.Status)
	assert.Empty(t, r.URL)
	sent := srv.Requests()[0]
	assert.JSONEq(t, `{"type":"BALANCE_HISTORY","currency":"IDR",
		"filter":{"from":"2024-05-01T00:00:00.000Z","to":"2024-05-02T00:00:00.000Z"}}`, string(sent.Body))

	// Wait's polling is timed in wait_test.go, on a synctest bubble's clock.
	require.NoError(t, srv.FinishReport(r.ID, false))
	done, err := api.Wait(ctx, r.ID, nil)
	require.NoError(t, err)
	assert.Equal(t, reports.StatusCompleted, done.Status)
	assert.NotEmpty(t, done.URL)
}

func TestWaitFailedAndGetMissing(t *testing.T) {
	t.Parallel()
	srv, api := newServer(t)
	srv.SetReportDelay(-1)
	ctx := context.Background()
	r, err := api.Generate(ctx, &reports.GenerateParams{Type: reports.TypeTransactions, Filter: day(), Currency: xendit.CurrencyPHP,
		ReportVersion: xendit.Ptr(reports.ReportVersion2)})
	require.NoError(t, err)
	require.NoError(t, srv.FinishReport(r.ID, true))
	got, err := api.Wait(ctx, r.ID, nil)
	assert.ErrorIs(t, err, reports.ErrFailed)
	assert.Equal(t, reports.StatusFailed, got.Status)

	// A context ending while Wait polls: TestWaitEndsWithTheContext.

	_, err = api.Get(ctx, "report_missing")
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, reports.CodeNotFound, xe.Code)
}

func TestGenerateIsNotRetriedAfterAmbiguousFailure(t *testing.T) {
	t.Parallel()
	srv, c := fake.Server(t, fake.FastRetries)
	srv.InjectFault(xendittest.Fault{Path: "/reports", Status: 503, Times: 3})
	_, err := reports.New(c).Generate(context.Background(), &reports.GenerateParams{Type: reports.TypeBalanceHistory, Filter: day(), Currency: xendit.CurrencyIDR})
	require.Error(t, err)
	assert.Len(t, srv.Requests(), 1, "POST /reports has no idempotency key: a 503 is not repeated")
}

func TestGenerateValidation(t *testing.T) {
	t.Parallel()
	srv, api := newServer(t)
	long := day()
	long.From = xendit.Time{Time: long.To.Add(-31 * 24 * time.Hour)}
	backwards := reports.Filter{From: day().To, To: day().From}
	for name, tc := range map[string]struct {
		p     *reports.GenerateParams
		field string
	}{
		"nil":       {nil, "params"},
		"type":      {&reports.GenerateParams{Filter: day(), Currency: xendit.CurrencyIDR}, "type"},
		"filter":    {&reports.GenerateParams{Type: reports.TypeBalanceHistory, Currency: xendit.CurrencyIDR}, "filter"},
		"31 days":   {&reports.GenerateParams{Type: reports.TypeBalanceHistory, Filter: long, Currency: xendit.CurrencyIDR}, "filter"},
		"backwards": {&reports.GenerateParams{Type: reports.TypeBalanceHistory, Filter: backwards, Currency: xendit.CurrencyIDR}, "filter.to"},
		"currency":  {&reports.GenerateParams{Type: reports.TypeBalanceHistory, Filter: day()}, "currency"},
		"version":   {&reports.GenerateParams{Type: reports.TypeBalanceHistory, Filter: day(), Currency: xendit.CurrencyIDR, ReportVersion: xendit.Ptr(reports.ReportVersion1)}, "report_version"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, err := api.Generate(context.Background(), tc.p)
			var ve *xendit.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, tc.field, ve.Field)
			assert.True(t, errors.Is(err, xendit.ErrValidation))
		})
	}
	t.Cleanup(func() { assert.Empty(t, srv.Requests()) })
}

func TestStatusHelpers(t *testing.T) {
	t.Parallel()
	assert.True(t, reports.StatusCompleted.Succeeded())
	assert.True(t, reports.StatusPending.Pending())
	assert.True(t, reports.StatusFailed.Failed())
	assert.False(t, reports.StatusPending.Succeeded() || reports.StatusCompleted.Failed() || reports.StatusFailed.Pending())
}

func TestGenerateSendsTheOptionalFieldsSet(t *testing.T) {
	t.Parallel()
	srv, api := newServer(t)
	_, err := api.Generate(context.Background(), &reports.GenerateParams{Type: reports.TypeTransactions, Filter: day(),
		Currency: xendit.CurrencyIDR, Format: xendit.Ptr(reports.FormatCSV), ReportVersion: xendit.Ptr(reports.ReportVersion1)})
	require.NoError(t, err)
	assert.JSONEq(t, `{"type":"TRANSACTIONS","currency":"IDR","format":"CSV","report_version":"VERSION_1",
		"filter":{"from":"2024-05-01T00:00:00.000Z","to":"2024-05-02T00:00:00.000Z"}}`, string(srv.Requests()[0].Body))
}
