package paymentrequests_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/fake"
	"github.com/seed19b1029f/xendit-go/paymentmethods"
	"github.com/seed19b1029f/xendit-go/paymentrequests"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

type fixture struct {
	srv       *xendittest.Server
	pr        *paymentrequests.Client
	callbacks <-chan fake.Delivery[paymentrequests.Callback]
}

func newFixture(t *testing.T, policy xendit.RetryPolicy) *fixture {
	t.Helper()
	srv, c := fake.Server(t, policy)
	return &fixture{srv: srv, pr: paymentrequests.New(c), callbacks: fake.Callbacks[paymentrequests.Callback](t, srv)}
}

func (f *fixture) next(t *testing.T) *paymentrequests.Callback {
	t.Helper()
	return fake.Next(t, f.callbacks).Payload
}

func shopeePay(ref string) *paymentrequests.CreatePaymentRequestParams {
	return &paymentrequests.CreatePaymentRequestParams{
		ReferenceID: xendit.Ptr(ref), Amount: xendit.Ptr(15000.0), Currency: xendit.CurrencyIDR,
		Country: xendit.Ptr(paymentrequests.CountryID),
		PaymentMethod: &paymentrequests.PaymentMethodParams{
			Type: paymentmethods.TypeEWallet, Reusability: paymentmethods.ReusabilityOneTimeUse,
			EWallet: &paymentrequests.ChannelParams{ChannelCode: "SHOPEEPAY",
				ChannelProperties: map[string]any{"success_return_url": "https://shop.example/paid"}},
		},
		Metadata: map[string]any{"sku": "sku-1"},
	}
}

func directDebit(ref string) *paymentrequests.CreatePaymentRequestParams {
	return &paymentrequests.CreatePaymentRequestParams{
		ReferenceID: xendit.Ptr(ref), Amount: xendit.Ptr(1500.0), Currency: xendit.CurrencyPHP,
		PaymentMethod: &paymentrequests.PaymentMethodParams{
			Type: paymentmethods.TypeDirectDebit, Reusability: paymentmethods.ReusabilityOneTimeUse,
			DirectDebit: &paymentrequests.ChannelParams{ChannelCode: "BPI", ChannelProperties: map[string]any{
				"success_return_url": "https://shop.example/ok", "failure_return_url": "https://shop.example/no"}},
		},
	}
}

func TestEWalletPaymentCompletesWithCallback(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	ctx := t.Context()
	pr, err := f.pr.CreatePaymentRequest(ctx, shopeePay("order-1"))
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(pr.ID, "pr-"), pr.ID)
	assert.Equal(t, paymentrequests.StatusRequiresAction, pr.Status)
	assert.True(t, pr.Status.Pending())
	assert.NotEmpty(t, pr.ActionURL(paymentrequests.ActionTypeAuth, paymentrequests.URLTypeWeb))
	assert.Equal(t, paymentmethods.TypeEWallet, pr.PaymentMethod.Type)
	assert.Equal(t, "SHOPEEPAY", pr.PaymentMethod.ChannelCode())

	require.NoError(t, f.srv.CompletePaymentRequest(pr.ID))
	cb := f.next(t)
	assert.Equal(t, paymentrequests.EventPaymentSucceeded, cb.Event)
	require.NotNil(t, cb.Payment)
	assert.Equal(t, pr.ID, cb.Payment.PaymentRequestID)
	assert.Equal(t, "order-1", cb.Payment.ReferenceID, "callbacks are matched to orders by reference_id")
	assert.True(t, cb.Payment.Status.Succeeded())
	assert.Equal(t, "SHOPEEPAY", cb.Payment.PaymentMethod.ChannelCode())

	got, err := f.pr.GetPaymentRequest(ctx, pr.ID)
	require.NoError(t, err)
	assert.True(t, got.Status.Succeeded())
	assert.Empty(t, got.Actions)
	assert.Equal(t, map[string]any{"sku": "sku-1"}, got.Metadata)
	assert.Error(t, f.srv.CompletePaymentRequest(pr.ID), "a settled payment cannot settle again")
}

func TestFailedPaymentCallsBack(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	pr, err := f.pr.CreatePaymentRequest(t.Context(), shopeePay("order-2"))
	require.NoError(t, err)
	require.NoError(t, f.srv.FailPaymentRequest(pr.ID, "INSUFFICIENT_BALANCE"))
	cb := f.next(t)
	assert.Equal(t, paymentrequests.EventPaymentFailed, cb.Event)
	assert.True(t, cb.Payment.Status.Failed())
	assert.Equal(t, "INSUFFICIENT_BALANCE", *cb.Payment.FailureCode)
}

func TestManualCaptureWaitsThenCaptures(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	ctx := t.Context()
	p := shopeePay("order-3")
	p.CaptureMethod = xendit.Ptr(paymentrequests.CaptureMethodManual)
	pr, err := f.pr.CreatePaymentRequest(ctx, p)
	require.NoError(t, err)

	_, err = f.pr.CreateCapture(ctx, pr.ID, &paymentrequests.CreateCaptureParams{CaptureAmount: 15000})
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe, "nothing is authorised yet")
	assert.Equal(t, "OPERATION_NOT_ALLOWED", xe.Code)

	require.NoError(t, f.srv.CompletePaymentRequest(pr.ID))
	cb := f.next(t)
	assert.Equal(t, paymentrequests.EventPaymentAwaitingCapture, cb.Event)
	assert.True(t, cb.Payment.Status.AwaitingCapture())

	_, err = f.pr.CreateCapture(ctx, pr.ID, &paymentrequests.CreateCaptureParams{CaptureAmount: 20000})
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, "EXCEEDS_CAPTURABLE_AMOUNT", xe.Code)

	var resp xendit.Response
	c, err := f.pr.CreateCapture(ctx, pr.ID, &paymentrequests.CreateCaptureParams{CaptureAmount: 10000,
		ReferenceID: xendit.Ptr("capture-1")}, xendit.CaptureResponse(&resp))
	require.NoError(t, err)
	assert.Equal(t, http.StatusCreated, resp.StatusCode)
	assert.True(t, c.Status.Succeeded())
	assert.Equal(t, 10000.0, c.CapturedAmount)
	assert.Equal(t, 15000.0, c.AuthorizedAmount)
	assert.Equal(t, cb.Payment.ID, c.PaymentID)
	cb = f.next(t)
	assert.Equal(t, paymentrequests.EventCaptureSucceeded, cb.Event)
	assert.Equal(t, c.ID, cb.Capture.ID)

	got, err := f.pr.GetPaymentRequest(ctx, pr.ID)
	require.NoError(t, err)
	assert.True(t, got.Status.Succeeded())
	page, err := f.pr.ListCaptures(ctx, pr.ID, nil)
	require.NoError(t, err)
	require.Len(t, page.Data, 1)
	assert.Equal(t, "capture-1", page.Data[0].ReferenceID)
	n := 0
	for c, err := range f.pr.AllCaptures(ctx, pr.ID, nil) {
		require.NoError(t, err)
		assert.Equal(t, pr.ID, c.PaymentRequestID)
		n++
	}
	assert.Equal(t, 1, n)

	_, err = f.pr.CreateCapture(ctx, pr.ID, &paymentrequests.CreateCaptureParams{CaptureAmount: 1})
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, "PAYMENT_REQUEST_ALREADY_COMPLETED", xe.Code)
}

func TestDirectDebitIsAuthorizedWithAnOTP(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	ctx := t.Context()
	pr, err := f.pr.CreatePaymentRequest(ctx, directDebit("order-4"))
	require.NoError(t, err)
	assert.Equal(t, paymentrequests.StatusRequiresAction, pr.Status)
	assert.NotEmpty(t, pr.ActionURL(paymentrequests.ActionTypeAuth, paymentrequests.URLTypeAPI))

	again, err := f.pr.ResendAuth(ctx, pr.ID)
	require.NoError(t, err)
	assert.Equal(t, paymentrequests.StatusRequiresAction, again.Status)

	_, err = f.pr.AuthorizePaymentRequest(ctx, pr.ID, &paymentrequests.AuthorizePaymentRequestParams{AuthCode: "000000"})
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, "INVALID_OTP_ERROR", xe.Code)

	done, err := f.pr.AuthorizePaymentRequest(ctx, pr.ID, &paymentrequests.AuthorizePaymentRequestParams{AuthCode: "123456"})
	require.NoError(t, err)
	assert.True(t, done.Status.Succeeded())
	cb := f.next(t)
	assert.Equal(t, paymentrequests.EventPaymentSucceeded, cb.Event)

	_, err = f.pr.ResendAuth(ctx, pr.ID)
	require.ErrorAs(t, err, &xe, "a settled payment waits for no OTP")
	assert.Equal(t, "OPERATION_NOT_ALLOWED", xe.Code)

	eWallet, err := f.pr.CreatePaymentRequest(ctx, shopeePay("order-5"))
	require.NoError(t, err)
	_, err = f.pr.AuthorizePaymentRequest(ctx, eWallet.ID, &paymentrequests.AuthorizePaymentRequestParams{AuthCode: "123456"})
	require.ErrorAs(t, err, &xe, "an eWallet is authorised at its URL, not by OTP")
}

func TestSavedPaymentMethodIsChargedByID(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	ctx := t.Context()
	p := shopeePay("order-6")
	p.PaymentMethod.Reusability = paymentmethods.ReusabilityMultipleUse
	first, err := f.pr.CreatePaymentRequest(ctx, p)
	require.NoError(t, err)

	second, err := f.pr.CreatePaymentRequest(ctx, &paymentrequests.CreatePaymentRequestParams{
		ReferenceID: xendit.Ptr("order-7"), Amount: xendit.Ptr(5000.0), Currency: xendit.CurrencyIDR,
		PaymentMethodID: xendit.Ptr(first.PaymentMethod.ID),
	})
	require.NoError(t, err)
	assert.Equal(t, paymentrequests.StatusPending, second.Status, "a linked eWallet needs no customer action")
	assert.Equal(t, first.PaymentMethod.ID, second.PaymentMethod.ID)

	_, err = f.pr.CreatePaymentRequest(ctx, &paymentrequests.CreatePaymentRequestParams{
		Amount: xendit.Ptr(5000.0), Currency: xendit.CurrencyIDR, PaymentMethodID: xendit.Ptr("pm-unknown")})
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, "PAYMENT_METHOD_NOT_FOUND_ERROR", xe.Code)
}

func TestListAndAllPageForward(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	ctx := t.Context()
	var ids []string
	for _, ref := range []string{"a", "b", "c", "d", "e"} {
		pr, err := f.pr.CreatePaymentRequest(ctx, shopeePay(ref))
		require.NoError(t, err)
		ids = append([]string{pr.ID}, ids...) // newest first
	}
	page, err := f.pr.ListPaymentRequests(ctx, &paymentrequests.ListPaymentRequestsParams{Limit: xendit.Ptr(2)})
	require.NoError(t, err)
	assert.True(t, page.HasMore)
	require.Len(t, page.Data, 2)

	var got []string
	for pr, err := range f.pr.AllPaymentRequests(ctx, &paymentrequests.ListPaymentRequestsParams{Limit: xendit.Ptr(2)}) {
		require.NoError(t, err)
		got = append(got, pr.ID)
	}
	assert.Equal(t, ids, got)
	assert.Equal(t, 3, fake.Count(f.srv, http.MethodGet, "/payment_requests")-1, "three pages after the first List")

	page, err = f.pr.ListPaymentRequests(ctx, &paymentrequests.ListPaymentRequestsParams{ReferenceIDs: []string{"b", "d"}})
	require.NoError(t, err)
	require.Len(t, page.Data, 2)
	assert.Equal(t, "d", page.Data[0].ReferenceID)

	for _, err := range f.pr.AllPaymentRequests(ctx, &paymentrequests.ListPaymentRequestsParams{BeforeID: xendit.Ptr(ids[0])}) {
		fake.Invalid(t, err, "before_id")
	}
}

// TestCreateIsRetriedWithOneIdempotencyKey: the create carries an
// idempotency-key, so a 503 is retried with the same key and one payment
// request exists.
func TestCreateIsRetriedWithOneIdempotencyKey(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.FastRetries)
	f.srv.InjectFault(xendittest.Fault{Method: http.MethodPost, Path: "/payment_requests", Status: http.StatusServiceUnavailable})
	var resp xendit.Response
	pr, err := f.pr.CreatePaymentRequest(t.Context(), shopeePay("order-8"), xendit.CaptureResponse(&resp))
	require.NoError(t, err)
	assert.Equal(t, 2, resp.Attempts)
	assert.NotEmpty(t, resp.IdempotencyKey)
	var keys []string
	for _, r := range f.srv.Requests() {
		if r.Method == http.MethodPost && r.Path == "/payment_requests" {
			keys = append(keys, r.Header.Get("idempotency-key"))
		}
	}
	assert.Equal(t, []string{resp.IdempotencyKey, resp.IdempotencyKey}, keys)
	page, err := f.pr.ListPaymentRequests(t.Context(), nil)
	require.NoError(t, err)
	require.Len(t, page.Data, 1)
	assert.Equal(t, pr.ID, page.Data[0].ID)
}

// TestCaptureAndAuthorizeAreNeverRepeatedAfterAnAmbiguousFailure proves
// end to end that the two calls without an idempotency header are sent
// once when Xendit may have processed them (fake.EachFault: a real server,
// or a synctest bubble for the timeout).
func TestCaptureAndAuthorizeAreNeverRepeatedAfterAnAmbiguousFailure(t *testing.T) {
	t.Parallel()
	fake.EachFault(t, fake.AmbiguousFaults(), fake.FastRetries, func(t *testing.T, srv *xendittest.Server, c *xendit.Client, fault xendittest.Fault) {
		ctx := t.Context()
		prs := paymentrequests.New(c)
		p := shopeePay("order-9")
		p.CaptureMethod = xendit.Ptr(paymentrequests.CaptureMethodManual)
		pr, err := prs.CreatePaymentRequest(ctx, p)
		require.NoError(t, err)
		require.NoError(t, srv.CompletePaymentRequest(pr.ID))
		dd, err := prs.CreatePaymentRequest(ctx, directDebit("order-10"))
		require.NoError(t, err)

		for path, send := range map[string]func(opt xendit.RequestOption) error{
			"/payment_requests/" + pr.ID + "/captures": func(opt xendit.RequestOption) error {
				_, err := prs.CreateCapture(ctx, pr.ID, &paymentrequests.CreateCaptureParams{CaptureAmount: 15000}, opt)
				return err
			},
			"/payment_requests/" + dd.ID + "/auth": func(opt xendit.RequestOption) error {
				_, err := prs.AuthorizePaymentRequest(ctx, dd.ID, &paymentrequests.AuthorizePaymentRequestParams{AuthCode: "123456"}, opt)
				return err
			},
		} {
			fault.Method, fault.Path, fault.Times = http.MethodPost, path, 3
			srv.InjectFault(fault)
			var resp xendit.Response
			err := send(xendit.CaptureResponse(&resp))
			require.Error(t, err, path)
			assert.Equal(t, 1, fake.Count(srv, http.MethodPost, path), "%s: exactly one attempt", path)
			assert.Equal(t, 1, resp.Attempts, path)
			assert.True(t, xendit.OutcomeUnknown(err), "%s: look the request up before sending again", path)
		}
	})
}
