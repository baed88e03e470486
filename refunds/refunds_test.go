package refunds_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/fake"
	"github.com/seed19b1029f/xendit-go/paymentmethods"
	"github.com/seed19b1029f/xendit-go/paymentrequests"
	"github.com/seed19b1029f/xendit-go/refunds"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

type fixture struct {
	srv       *xendittest.Server
	rf        *refunds.Client
	pr        *paymentrequests.Client
	callbacks <-chan fake.Delivery[refunds.Callback]
}

func newFixture(t *testing.T, policy xendit.RetryPolicy) *fixture {
	t.Helper()
	srv, c := fake.Server(t, policy)
	return &fixture{srv: srv, rf: refunds.New(c), pr: paymentrequests.New(c), callbacks: fake.Callbacks[refunds.Callback](t, srv)}
}

// paid is a SUCCEEDED GCash payment request of 1500 PHP. Its payment
// callback goes to the same receiver, which decodes it as an unknown event.
func (f *fixture) paid(t *testing.T, ref string) *paymentrequests.PaymentRequest {
	t.Helper()
	pr, err := f.pr.CreatePaymentRequest(t.Context(), &paymentrequests.CreatePaymentRequestParams{
		ReferenceID: xendit.Ptr(ref), Amount: xendit.Ptr(1500.0), Currency: xendit.CurrencyPHP,
		PaymentMethod: &paymentrequests.PaymentMethodParams{
			Type: paymentmethods.TypeEWallet, Reusability: paymentmethods.ReusabilityOneTimeUse,
			EWallet: &paymentrequests.ChannelParams{ChannelCode: "GCASH",
				ChannelProperties: map[string]any{"success_return_url": "https://shop.example/ok"}},
		},
	})
	require.NoError(t, err)
	require.NoError(t, f.srv.CompletePaymentRequest(pr.ID))
	cb := fake.Next(t, f.callbacks).Payload
	require.Nil(t, cb.Refund, "the payment's own callback")
	return pr
}

func TestRefundSucceedsWithCallback(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	ctx := t.Context()
	pr := f.paid(t, "order-1")
	r, err := f.rf.Create(ctx, &refunds.CreateParams{PaymentRequestID: xendit.Ptr(pr.ID), Amount: xendit.Ptr(500.0),
		ReferenceID: xendit.Ptr("refund-1"), Reason: xendit.Ptr(refunds.ReasonRequestedByCustomer)})
	require.NoError(t, err)
	assert.True(t, r.Status.Pending())
	assert.Equal(t, "GCASH", r.ChannelCode)
	assert.Equal(t, xendit.CurrencyPHP, r.Currency)
	assert.Equal(t, refunds.ReasonRequestedByCustomer, r.Reason)

	require.NoError(t, f.srv.CompleteRefund(r.ID))
	cb := fake.Next(t, f.callbacks).Payload
	assert.Equal(t, refunds.EventRefundSucceeded, cb.Event)
	require.NotNil(t, cb.Refund)
	assert.Equal(t, r.ID, cb.Refund.ID)
	assert.Equal(t, "refund-1", *cb.Refund.ReferenceID)
	got, err := f.rf.Get(ctx, r.ID)
	require.NoError(t, err)
	assert.True(t, got.Status.Succeeded())

	_, err = f.rf.Create(ctx, &refunds.CreateParams{PaymentRequestID: xendit.Ptr(pr.ID), Amount: xendit.Ptr(1001.0)})
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe, "only 1000 is left")
	assert.Equal(t, "MAXIMUM_REFUND_AMOUNT_REACHED", xe.Code)
	rest, err := f.rf.Create(ctx, &refunds.CreateParams{PaymentRequestID: xendit.Ptr(pr.ID)})
	require.NoError(t, err)
	assert.Equal(t, 1000.0, rest.Amount, "no amount refunds what is left")
}

func TestFailedAndCancelledRefunds(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	ctx := t.Context()
	pr := f.paid(t, "order-2")
	r, err := f.rf.Create(ctx, &refunds.CreateParams{PaymentRequestID: xendit.Ptr(pr.ID)})
	require.NoError(t, err)
	require.NoError(t, f.srv.FailRefund(r.ID, "INSUFFICIENT_BALANCE"))
	cb := fake.Next(t, f.callbacks).Payload
	assert.Equal(t, refunds.EventRefundFailed, cb.Event)
	assert.True(t, cb.Refund.Status.Failed())
	assert.Equal(t, "INSUFFICIENT_BALANCE", *cb.Refund.FailureCode)

	again, err := f.rf.Create(ctx, &refunds.CreateParams{PaymentRequestID: xendit.Ptr(pr.ID)})
	require.NoError(t, err, "a failed refund does not count against the payment")
	cancelled, err := f.rf.Cancel(ctx, again.ID)
	require.NoError(t, err)
	assert.Equal(t, refunds.StatusCancelled, cancelled.Status)
	assert.True(t, cancelled.Status.Failed())
	_, err = f.rf.Cancel(ctx, again.ID)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe, "only a PENDING refund can be cancelled")
	assert.Equal(t, "INELIGIBLE_TRANSACTION", xe.Code)
	assert.Error(t, f.srv.CompleteRefund(again.ID))
}

func TestRefundOfAnUnpaidPaymentIsRefused(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	pr, err := f.pr.CreatePaymentRequest(t.Context(), &paymentrequests.CreatePaymentRequestParams{
		Amount: xendit.Ptr(1500.0), Currency: xendit.CurrencyPHP,
		PaymentMethod: &paymentrequests.PaymentMethodParams{
			Type: paymentmethods.TypeEWallet, Reusability: paymentmethods.ReusabilityOneTimeUse,
			EWallet: &paymentrequests.ChannelParams{ChannelCode: "GCASH",
				ChannelProperties: map[string]any{"success_return_url": "https://shop.example/ok"}},
		},
	})
	require.NoError(t, err)
	_, err = f.rf.Create(t.Context(), &refunds.CreateParams{PaymentRequestID: xendit.Ptr(pr.ID)})
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, "INELIGIBLE_TRANSACTION", xe.Code)
}

func TestListAndAll(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	ctx := t.Context()
	var want []string
	for _, ref := range []string{"a", "b", "c"} {
		pr := f.paid(t, ref)
		r, err := f.rf.Create(ctx, &refunds.CreateParams{PaymentRequestID: xendit.Ptr(pr.ID)})
		require.NoError(t, err)
		want = append([]string{r.ID}, want...)
	}
	var got []string
	for r, err := range f.rf.All(ctx, &refunds.ListParams{Limit: xendit.Ptr(2)}) {
		require.NoError(t, err)
		got = append(got, r.ID)
	}
	assert.Equal(t, want, got)
	page, err := f.rf.List(ctx, &refunds.ListParams{ChannelCode: xendit.Ptr("GCASH"), Limit: xendit.Ptr(1)})
	require.NoError(t, err)
	assert.True(t, page.HasMore)
	assert.Equal(t, want[0], page.Data[0].ID)
}

// TestCreateIsRetriedWithOneIdempotencyKey: a 503 is retried with the same
// key and one refund exists.
func TestCreateIsRetriedWithOneIdempotencyKey(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.FastRetries)
	pr := f.paid(t, "order-3")
	f.srv.InjectFault(xendittest.Fault{Method: http.MethodPost, Path: "/refunds", Status: http.StatusServiceUnavailable})
	var resp xendit.Response
	_, err := f.rf.Create(t.Context(), &refunds.CreateParams{PaymentRequestID: xendit.Ptr(pr.ID)}, xendit.CaptureResponse(&resp))
	require.NoError(t, err)
	assert.Equal(t, 2, resp.Attempts)
	assert.NotEmpty(t, resp.IdempotencyKey)
	page, err := f.rf.List(t.Context(), &refunds.ListParams{PaymentRequestID: xendit.Ptr(pr.ID)})
	require.NoError(t, err)
	assert.Len(t, page.Data, 1)
}

func TestRules(t *testing.T) {
	t.Parallel()
	for field, p := range map[string]*refunds.CreateParams{
		"":                   {PaymentRequestID: xendit.Ptr("pr-1")},
		"payment_request_id": {},
		"invoice_id":         {PaymentRequestID: xendit.Ptr("pr-1"), InvoiceID: xendit.Ptr("inv-1")},
		"amount":             {PaymentRequestID: xendit.Ptr("pr-1"), Amount: xendit.Ptr(-1.0)},
		"currency":           {PaymentRequestID: xendit.Ptr("pr-1"), Currency: xendit.Ptr(xendit.Currency("php"))},
		"reason":             {PaymentRequestID: xendit.Ptr("pr-1"), Reason: xendit.Ptr(refunds.Reason("BORED"))},
		"metadata.":          {PaymentRequestID: xendit.Ptr("pr-1"), Metadata: map[string]any{"": "v"}},
	} {
		fake.Invalid(t, p.Validate(), field)
	}
	fake.Invalid(t, (&refunds.CreateParams{InvoiceID: xendit.Ptr("")}).Validate(), "invoice_id")
	fake.Invalid(t, (&refunds.ListParams{Limit: xendit.Ptr(0)}).Validate(), "limit")

	f := newFixture(t, fake.NoRetries)
	_, err := f.rf.Create(t.Context(), nil)
	fake.Invalid(t, err, "params")
	for _, err := range f.rf.All(t.Context(), &refunds.ListParams{BeforeID: xendit.Ptr("rfd-1")}) {
		fake.Invalid(t, err, "before_id")
	}
	assert.Empty(t, f.srv.Requests(), "nothing was sent")
}
