package directdebit_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/directdebit"
	"github.com/seed19b1029f/xendit-go/internal/fake"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// completed makes a COMPLETED payment of amount and consumes its callback.
func (f *fixture) completed(t *testing.T, ref string, amount float64) *directdebit.Payment {
	t.Helper()
	pm := f.linkedMethod(t, "cust-"+ref)
	params := payment(pm.ID, ref, amount)
	params.EnableOTP = xendit.Ptr(false)
	p, err := f.dd.CreatePayment(t.Context(), params)
	require.NoError(t, err)
	require.NoError(t, f.srv.CompleteDirectDebitPayment(p.ID))
	require.True(t, f.next(t).Payment.Status.Succeeded())
	return p
}

func TestRefundsArePartialThenFullWithCallbacks(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.FastRetries)
	ctx := t.Context()
	p := f.completed(t, "order-r1", 10000)

	r, err := f.dd.CreateRefund(ctx, p.ID, &directdebit.CreateRefundParams{
		Reason: directdebit.RefundReasonRequestedByCustomer, Amount: xendit.Ptr(4000.0),
	})
	require.NoError(t, err)
	assert.True(t, r.Status.Pending())
	assert.Equal(t, 4000.0, r.Amount.Float64())
	assert.Equal(t, p.ID, r.DirectDebitID)

	cb := f.next(t)
	assert.Equal(t, directdebit.EventRefund, cb.Event)
	require.NotNil(t, cb.Refund)
	assert.True(t, cb.Refund.Status.Succeeded())
	assert.Equal(t, r.ID, cb.Refund.ID)

	// The rest, with no amount.
	rest, err := f.dd.CreateRefund(ctx, p.ID, &directdebit.CreateRefundParams{Reason: directdebit.RefundReasonCancellation})
	require.NoError(t, err)
	assert.Equal(t, 6000.0, rest.Amount.Float64())
	f.next(t)

	_, err = f.dd.CreateRefund(ctx, p.ID, &directdebit.CreateRefundParams{Reason: directdebit.RefundReasonOther, Amount: xendit.Ptr(1.0)})
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, directdebit.CodeMaximumRefundAmountReached, xe.Code)

	got, err := f.dd.GetRefund(ctx, p.ID, r.ID)
	require.NoError(t, err)
	assert.True(t, got.Status.Succeeded())

	page, err := f.dd.ListRefunds(ctx, p.ID)
	require.NoError(t, err)
	require.Len(t, page.Data, 2)
	assert.False(t, page.HasMore)
	refundID := func(r *directdebit.Refund) string { return r.ID }
	assert.Equal(t, []string{r.ID, rest.ID}, ids(t, f.dd.AllRefunds(ctx, p.ID), refundID))

	paid, err := f.dd.GetPayment(ctx, p.ID)
	require.NoError(t, err)
	require.NotNil(t, paid.Refunds)
	assert.Equal(t, []string{r.ID, rest.ID}, paid.Refunds.Data)
	assert.Equal(t, 10000.0, *paid.RefundedAmount)
}

func TestRefundOfAPendingPaymentIsRefused(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	pm := f.linkedMethod(t, "cust-r2")
	p, err := f.dd.CreatePayment(t.Context(), payment(pm.ID, "order-r2", 1000))
	require.NoError(t, err)
	_, err = f.dd.CreateRefund(t.Context(), p.ID, &directdebit.CreateRefundParams{Reason: directdebit.RefundReasonDuplicate})
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, directdebit.CodeIneligibleTransaction, xe.Code)
	assert.NotEmpty(t, xe.IdempotencyKey, "the key the refund carried is on the error")
}

func TestRefundIdempotencyKeyIsReusedOnRetry(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.FastRetries)
	p := f.completed(t, "order-r3", 5000)
	path := "/direct_debits/" + p.ID + "/refunds"
	f.srv.InjectFault(xendittest.Fault{Method: http.MethodPost, Path: path, Drop: true})
	var resp xendit.Response
	_, err := f.dd.CreateRefund(t.Context(), p.ID, &directdebit.CreateRefundParams{Reason: directdebit.RefundReasonOther}, xendit.CaptureResponse(&resp))
	require.NoError(t, err, "a dropped refund is retried: it carries an idempotency key")
	assert.Equal(t, 2, resp.Attempts)
	var keys []string
	for _, r := range f.srv.Requests() {
		if r.Path == path {
			keys = append(keys, r.Header.Get("Idempotency-key"))
		}
	}
	require.Len(t, keys, 2)
	assert.Equal(t, keys[0], keys[1])
	assert.Equal(t, resp.IdempotencyKey, keys[0])
	page, err := f.dd.ListRefunds(t.Context(), p.ID)
	require.NoError(t, err)
	assert.Len(t, page.Data, 1, "refunded once")
}

// TestAllRefundsFollowsTheNextLink: the list documents no query
// parameters, so the walk asks for the query its "next" link names; a page
// wrapped in an array, as the reference prints it, is read too.
func TestAllRefundsFollowsTheNextLink(t *testing.T) {
	t.Parallel()
	var queries []string
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		queries = append(queries, r.URL.RawQuery)
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Query().Get("after_id") == "" {
			_, _ = w.Write([]byte(`[{"data":[{"id":"ddrfd-1","amount":"1"}],"has_more":true,
				"links":[{"href":"/direct_debits/ddpy-1/refunds?after_id=ddrfd-1&limit=1","method":"GET","rel":"next"}]}]`))
			return
		}
		_, _ = w.Write([]byte(`{"data":[{"id":"ddrfd-2","amount":2}],"has_more":false,"links":null}`))
	}))
	defer ts.Close()
	c, err := xendit.New(xendittest.SecretKey, xendit.WithBaseURL(ts.URL), xendit.WithRetryPolicy(fake.NoRetries))
	require.NoError(t, err)
	got := ids(t, directdebit.New(c).AllRefunds(t.Context(), "ddpy-1"), func(r *directdebit.Refund) string { return r.ID })
	assert.Equal(t, []string{"ddrfd-1", "ddrfd-2"}, got)
	assert.Equal(t, []string{"", "after_id=ddrfd-1&limit=1"}, queries)
}
