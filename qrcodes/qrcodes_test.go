package qrcodes_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/fake"
	"github.com/seed19b1029f/xendit-go/qrcodes"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

const xendittestKey = xendittest.SecretKey

type fixture struct {
	srv       *xendittest.Server
	qr        *qrcodes.Client
	callbacks <-chan fake.Delivery[qrcodes.Callback]
}

// newFixture starts a fake Xendit that delivers its callbacks to a
// receiver the fixture reads, and a client that retries by policy.
func newFixture(t *testing.T, policy xendit.RetryPolicy) *fixture {
	t.Helper()
	srv, c := fake.Server(t, policy)
	return &fixture{srv: srv, qr: qrcodes.New(c), callbacks: fake.Callbacks[qrcodes.Callback](t, srv)}
}

func (f *fixture) next(t *testing.T) *qrcodes.Callback {
	t.Helper()
	return fake.Next(t, f.callbacks).Payload
}

// last returns the last request the fake received.
func (f *fixture) last(t *testing.T) xendittest.Request {
	t.Helper()
	reqs := f.srv.Requests()
	require.NotEmpty(t, reqs)
	return reqs[len(reqs)-1]
}

// paid creates a dynamic QR code for ref and pays it, and returns the
// payment once its callback arrived.
func (f *fixture) paid(t *testing.T, ref string, amount float64) *qrcodes.Payment {
	t.Helper()
	p := validQR()
	p.ReferenceID, p.Amount = ref, &amount
	qr, err := f.qr.CreateQRCode(t.Context(), p)
	require.NoError(t, err)
	pay, err := f.qr.SimulatePayment(t.Context(), qr.ID, nil)
	require.NoError(t, err)
	require.Equal(t, qrcodes.EventPayment, f.next(t).Event)
	return pay
}

func TestDynamicQRCodeIsPaidOnce(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	ctx := t.Context()
	qr, err := f.qr.CreateQRCode(ctx, validQR())
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(qr.ID, "qr_"), qr.ID)
	assert.True(t, qr.Status.Active())
	assert.Equal(t, qrcodes.ChannelDANA, qr.ChannelCode, "Xendit picks the channel")
	assert.NotEmpty(t, qr.QRString)
	assert.Equal(t, 48*time.Hour, qr.ExpiresAt.Sub(qr.Created.Time), "the default expiry of a dynamic code")
	sent := f.last(t)
	assert.Equal(t, "2022-07-31", sent.Header.Get("api-version"), "the pinned version")
	assert.NotEmpty(t, sent.Header.Get("idempotency-key"), "the optional key is always sent")

	pay, err := f.qr.SimulatePayment(ctx, qr.ID, nil)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(pay.ID, "qrpy_"), pay.ID)
	assert.Equal(t, 10000.0, pay.Amount, "a dynamic code is paid its own amount")
	assert.Equal(t, qr.ID, pay.QRID)
	assert.JSONEq(t, `{}`, string(f.last(t).Body), "nil params send an empty body")

	cb := f.next(t)
	assert.Equal(t, qrcodes.EventPayment, cb.Event)
	require.NotNil(t, cb.Payment)
	assert.Equal(t, "order-1", cb.Payment.ReferenceID, "payments are matched to orders by reference_id")
	assert.Equal(t, pay.ID, cb.Payment.ID)
	assert.Equal(t, "2022-07-31", *cb.APIVersion)

	got, err := f.qr.GetQRCode(ctx, qr.ID)
	require.NoError(t, err)
	assert.Equal(t, qrcodes.QRCodeStatusInactive, got.Status, "a paid dynamic code is spent")
	assert.Equal(t, "2022-07-31", f.last(t).Header.Get("api-version"))
	assert.Equal(t, http.MethodGet, f.last(t).Method, "Get QR Code is a GET, whatever its curl sample says")

	_, err = f.qr.SimulatePayment(ctx, qr.ID, nil)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, qrcodes.CodeInactiveQRCode, xe.Code)
	assert.Equal(t, http.StatusGone, xe.StatusCode)
}

func TestStaticQRCodeTakesManyPayments(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	ctx := t.Context()
	qr, err := f.qr.CreateQRCode(ctx, &qrcodes.CreateQRCodeParams{
		ReferenceID: "counter-1", Type: qrcodes.QRCodeTypeStatic, Currency: xendit.CurrencyIDR,
	})
	require.NoError(t, err)
	assert.True(t, qr.ExpiresAt.IsZero(), "a static code never expires")

	_, err = f.qr.SimulatePayment(ctx, qr.ID, nil)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe, "a static code needs the amount the payer types")
	assert.Equal(t, http.StatusBadRequest, xe.StatusCode)

	var ids []string
	for _, amount := range []float64{1000, 2000, 3000} {
		pay, err := f.qr.SimulatePayment(ctx, qr.ID, &qrcodes.SimulatePaymentParams{Amount: &amount})
		require.NoError(t, err)
		assert.Equal(t, amount, pay.Amount)
		ids = append(ids, pay.ID)
		assert.Equal(t, amount, f.next(t).Payment.Amount)
	}

	page, err := f.qr.ListPayments(ctx, qr.ID, &qrcodes.ListPaymentsParams{Limit: xendit.Ptr(2)})
	require.NoError(t, err)
	assert.Len(t, page.Data, 2)
	assert.True(t, page.HasMore)
	assert.Equal(t, "limit=2", f.last(t).Query)

	var got []string
	for p, err := range f.qr.AllPayments(ctx, qr.ID, nil) {
		require.NoError(t, err)
		got = append(got, p.ID)
	}
	assert.Equal(t, ids, got)
	assert.Equal(t, "limit=50", f.last(t).Query, "All asks for a large page")

	var errs []error
	for _, err := range f.qr.AllPayments(ctx, qr.ID, &qrcodes.ListPaymentsParams{Limit: xendit.Ptr(1)}) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	require.Len(t, errs, 1, "a page that says has_more, with no cursor, ends the walk with an error")
	assert.ErrorIs(t, errs[0], xendit.ErrPagination)

	from := xendit.Time{Time: f.srv.Now().Add(-time.Hour)}
	page, err = f.qr.ListPayments(ctx, qr.ID, &qrcodes.ListPaymentsParams{From: from, To: xendit.Time{Time: from.Add(30 * time.Minute)}})
	require.NoError(t, err)
	assert.Empty(t, page.Data, "no payment in the window")
	assert.Contains(t, f.last(t).Query, "from=")
}

func TestWebhookURLTakesThePaymentCallbacksOfItsCode(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries) // the Dashboard's URL is f.callbacks
	own := make(chan *qrcodes.Callback, 4)
	h, err := xendit.NewWebhookHandler(func(_ context.Context, e *xendit.WebhookEvent) error {
		var cb qrcodes.Callback
		if err := e.Decode(&cb); err != nil {
			return err
		}
		own <- &cb
		return nil
	}, xendit.WithCallbackTokens(xendittest.CallbackToken))
	require.NoError(t, err)
	receiver := httptest.NewServer(h)
	t.Cleanup(receiver.Close)

	qr, err := f.qr.CreateQRCode(t.Context(), validQR(), qrcodes.WithWebhookURL(receiver.URL+"/qr"))
	require.NoError(t, err)
	assert.Equal(t, receiver.URL+"/qr", f.last(t).Header.Get(qrcodes.HeaderWebhookURL))
	_, err = f.qr.SimulatePayment(t.Context(), qr.ID, nil)
	require.NoError(t, err)
	require.NoError(t, f.srv.WaitDeliveries(t.Context(), ""))
	require.Len(t, own, 1, "the code's own URL got the callback")
	assert.Equal(t, qr.ID, (<-own).Payment.QRID)
	assert.Empty(t, f.callbacks, "the Dashboard's URL did not")
}

func TestCreateWithoutAnyCallbackURLFails(t *testing.T) {
	t.Parallel()
	srv, c := fake.Server(t, fake.NoRetries) // no callbacks set
	_, err := qrcodes.New(c).CreateQRCode(t.Context(), validQR())
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, qrcodes.CodeCallbackURLNotFound, xe.Code)
	assert.Equal(t, 1, fake.Count(srv, http.MethodPost, "/qr_codes"))
}

func TestRefunds(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	ctx := t.Context()
	pay := f.paid(t, "order-1", 10000)

	ref, err := f.qr.CreateRefund(ctx, pay.ID, &qrcodes.CreateRefundParams{
		Amount: xendit.Ptr(4000.0), Reason: xendit.Ptr(qrcodes.RefundReasonRequestedByCustomer),
	})
	require.NoError(t, err)
	assert.True(t, ref.Status.Pending())
	assert.True(t, strings.HasPrefix(ref.ID, "qrrf_"), ref.ID)
	assert.Equal(t, pay.ID, ref.QRPaymentID)
	assert.Equal(t, 4000.0, ref.RefundAmount)
	assert.Equal(t, 10000.0, ref.PaymentAmount)
	assert.NotEmpty(t, f.last(t).Header.Get("idempotency-key"))
	assert.JSONEq(t, `{"amount":4000,"reason":"REQUESTED_BY_CUSTOMER"}`, string(f.last(t).Body), "amount is a number")

	cb := f.next(t)
	assert.Equal(t, qrcodes.EventRefund, cb.Event)
	require.NotNil(t, cb.Refund)
	assert.True(t, cb.Refund.Status.Succeeded())
	assert.Nil(t, cb.APIVersion)

	got, err := f.qr.GetRefund(ctx, pay.ID, ref.ID)
	require.NoError(t, err)
	assert.True(t, got.Status.Succeeded())
	assert.False(t, got.RefundedAt.IsZero())
	assert.Equal(t, http.MethodGet, f.last(t).Method, "Get QR Refund is a GET, whatever its curl sample says")

	_, err = f.qr.CreateRefund(ctx, pay.ID, &qrcodes.CreateRefundParams{Amount: xendit.Ptr(6001.0)})
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, qrcodes.CodeMaximumRefundAmountReached, xe.Code)

	rest, err := f.qr.CreateRefund(ctx, pay.ID, &qrcodes.CreateRefundParams{})
	require.NoError(t, err)
	assert.Equal(t, 6000.0, rest.RefundAmount, "no amount refunds what is left")
	f.next(t)

	var ids []string
	status := qrcodes.RefundStatusSucceeded
	for r, err := range f.qr.AllRefunds(ctx, pay.ID, &qrcodes.ListRefundsParams{Status: &status}) {
		require.NoError(t, err)
		ids = append(ids, r.ID)
	}
	assert.Equal(t, []string{ref.ID, rest.ID}, ids)
	assert.Equal(t, "limit=50&status=SUCCEEDED", f.last(t).Query)

	page, err := f.qr.ListRefunds(ctx, pay.ID, &qrcodes.ListRefundsParams{Limit: xendit.Ptr(1)})
	require.NoError(t, err)
	assert.Len(t, page.Data, 1)
	assert.True(t, page.HasMore)
}

// TestCreatesAreRetriedWithOneIdempotencyKey: create and refund carry the
// optional idempotency-key, the same on every attempt, and expose it on
// success and on failure.
func TestCreatesAreRetriedWithOneIdempotencyKey(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.FastRetries)
	ctx := t.Context()
	f.srv.InjectFault(xendittest.Fault{Method: http.MethodPost, Path: "/qr_codes", Status: http.StatusServiceUnavailable})
	var resp xendit.Response
	qr, err := f.qr.CreateQRCode(ctx, validQR(), xendit.CaptureResponse(&resp))
	require.NoError(t, err)
	assert.Equal(t, 2, resp.Attempts, "a 503 with an idempotency key is retried")
	keys := headerValues(f.srv, "/qr_codes", "idempotency-key")
	require.Len(t, keys, 2)
	assert.Equal(t, keys[0], keys[1], "one key per call")
	assert.Equal(t, keys[0], resp.IdempotencyKey)

	pay, err := f.qr.SimulatePayment(ctx, qr.ID, nil)
	require.NoError(t, err)
	f.next(t)
	path := "/qr_codes/payments/" + pay.ID + "/refunds"
	f.srv.InjectFault(xendittest.Fault{Method: http.MethodPost, Path: path, Drop: true, Times: 3})
	_, err = f.qr.CreateRefund(ctx, pay.ID, &qrcodes.CreateRefundParams{}, xendit.WithIdempotencyKey("refund-order-1"))
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, "refund-order-1", xe.IdempotencyKey, "the key is on the error, to try again with it")
	assert.Equal(t, []string{"refund-order-1", "refund-order-1", "refund-order-1"}, headerValues(f.srv, path, "idempotency-key"))

	ref, err := f.qr.CreateRefund(ctx, pay.ID, &qrcodes.CreateRefundParams{}, xendit.WithIdempotencyKey("refund-order-1"))
	require.NoError(t, err)
	assert.Equal(t, 10000.0, ref.RefundAmount)
}

func headerValues(srv *xendittest.Server, path, name string) []string {
	var out []string
	for _, r := range srv.Requests() {
		if r.Path == path {
			out = append(out, r.Header.Get(name))
		}
	}
	return out
}

// TestSimulatePaymentIsNeverRepeatedAfterAnAmbiguousFailure proves end to
// end that Simulate Payment, which has no idempotency header, is sent once
// when Xendit may have processed it.
func TestSimulatePaymentIsNeverRepeatedAfterAnAmbiguousFailure(t *testing.T) {
	t.Parallel()
	fake.EachFault(t, fake.AmbiguousFaults(), fake.FastRetries, func(t *testing.T, srv *xendittest.Server, c *xendit.Client, fault xendittest.Fault) {
		qc := qrcodes.New(c)
		// The fault answers before the fake pays: no callback is sent here.
		qr, err := qc.CreateQRCode(t.Context(), validQR(), qrcodes.WithWebhookURL("https://shop.example/hooks/xendit/qr"))
		require.NoError(t, err)
		path := "/qr_codes/" + qr.ID + "/payments/simulate"
		fault.Method, fault.Path, fault.Times = http.MethodPost, path, 3
		srv.InjectFault(fault)
		var resp xendit.Response
		_, err = qc.SimulatePayment(t.Context(), qr.ID, nil, xendit.CaptureResponse(&resp))
		require.Error(t, err)
		assert.Equal(t, 1, fake.Count(srv, http.MethodPost, path), "exactly one attempt")
		assert.Equal(t, 1, resp.Attempts)
		assert.True(t, xendit.OutcomeUnknown(err), "list the code's payments before simulating again")
	})
}

func TestParamsAreCheckedBeforeSending(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	ctx := t.Context()
	_, err := f.qr.CreateQRCode(ctx, nil)
	fake.Invalid(t, err, "params")
	p := validQR()
	p.Amount = nil
	_, err = f.qr.CreateQRCode(ctx, p)
	fake.Invalid(t, err, "amount")
	_, err = f.qr.SimulatePayment(ctx, "qr_x", &qrcodes.SimulatePaymentParams{Amount: xendit.Ptr(-5.0)})
	fake.Invalid(t, err, "amount")
	_, err = f.qr.CreateRefund(ctx, "qrpy_x", nil)
	fake.Invalid(t, err, "params")
	_, err = f.qr.ListRefunds(ctx, "qrpy_x", &qrcodes.ListRefundsParams{Limit: xendit.Ptr(51)})
	fake.Invalid(t, err, "limit")
	for _, err := range f.qr.AllPayments(ctx, "qr_x", &qrcodes.ListPaymentsParams{Limit: xendit.Ptr(0)}) {
		fake.Invalid(t, err, "limit")
	}
	assert.Empty(t, f.srv.Requests(), "nothing was sent")
}
