package ewallets_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/ewallets"
	"github.com/seed19b1029f/xendit-go/internal/fake"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

type fixture struct {
	srv       *xendittest.Server
	ew        *ewallets.Client
	callbacks <-chan fake.Delivery[ewallets.Callback]
}

// newFixture starts a fake Xendit that delivers its callbacks to a
// receiver the fixture reads.
func newFixture(t *testing.T) *fixture {
	t.Helper()
	srv, c := fake.Server(t, fake.FastRetries)
	return &fixture{srv: srv, ew: ewallets.New(c), callbacks: fake.Callbacks[ewallets.Callback](t, srv)}
}

// delivery waits for the next callback.
func (f *fixture) delivery(t *testing.T) fake.Delivery[ewallets.Callback] {
	t.Helper()
	return fake.Next(t, f.callbacks)
}

func (f *fixture) next(t *testing.T) *ewallets.Callback {
	t.Helper()
	return f.delivery(t).Payload
}

// paid creates a ShopeePay charge and completes it.
func (f *fixture) paid(t *testing.T, ref string) *ewallets.Charge {
	t.Helper()
	c, err := f.ew.CreateCharge(t.Context(), shopeePay(ref))
	require.NoError(t, err)
	require.NoError(t, f.srv.CompleteEWalletCharge(c.ID))
	f.next(t)
	return c
}

func shopeePay(ref string) *ewallets.CreateChargeParams {
	return &ewallets.CreateChargeParams{
		ReferenceID: ref, Currency: xendit.CurrencyIDR, Amount: 25000, CheckoutMethod: ewallets.CheckoutMethodOneTimePayment,
		ChannelCode:       xendit.Ptr(ewallets.ChannelShopeePayID),
		ChannelProperties: &ewallets.ChannelProperties{SuccessRedirectURL: xendit.Ptr("https://shop.example/paid")},
		Metadata:          map[string]any{"branch": "PLUIT"},
	}
}

func TestChargeCompletesWithCallback(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := t.Context()
	c, err := f.ew.CreateCharge(ctx, shopeePay("order-1"))
	require.NoError(t, err)
	assert.Equal(t, ewallets.ChargeStatusPending, c.Status)
	assert.True(t, c.Status.Pending())
	assert.True(t, strings.HasPrefix(c.ID, "ewc_"), c.ID)
	assert.True(t, c.IsRedirectRequired)
	assert.NotEmpty(t, c.CheckoutURL(false))

	require.NoError(t, f.srv.CompleteEWalletCharge(c.ID))
	d := f.delivery(t)
	cb := d.Payload
	assert.Equal(t, ewallets.EventCapture, cb.Event)
	assert.True(t, cb.Charge.Status.Succeeded())
	assert.Equal(t, "order-1", cb.Charge.ReferenceID, "callbacks are matched to orders by reference_id")
	assert.NotEmpty(t, d.Header.Get(xendit.HeaderWebhookID))

	got, err := f.ew.GetCharge(ctx, c.ID)
	require.NoError(t, err)
	assert.Equal(t, ewallets.ChargeStatusSucceeded, got.Status)
	assert.Equal(t, map[string]any{"branch": "PLUIT"}, got.Metadata)
}

func TestChargeFailsWithCallback(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c, err := f.ew.CreateCharge(t.Context(), &ewallets.CreateChargeParams{
		ReferenceID: "order-2", Currency: xendit.CurrencyIDR, Amount: 10000, CheckoutMethod: ewallets.CheckoutMethodOneTimePayment,
		ChannelCode:       xendit.Ptr(ewallets.ChannelOVO),
		ChannelProperties: &ewallets.ChannelProperties{MobileNumber: xendit.Ptr("+628123123123")},
	})
	require.NoError(t, err)
	assert.False(t, c.IsRedirectRequired, "OVO pushes the request to the app")
	assert.Empty(t, c.CheckoutURL(true))

	require.NoError(t, f.srv.FailEWalletCharge(c.ID, string(ewallets.FailureUserDeclinedPayment)))
	cb := f.next(t)
	assert.True(t, cb.Charge.Status.Failed())
	assert.False(t, cb.Charge.Status.Succeeded())
	assert.Equal(t, ewallets.FailureUserDeclinedPayment, cb.Charge.FailureCode)
	assert.Error(t, f.srv.CompleteEWalletCharge(c.ID), "a settled charge cannot settle again")
}

func TestVoidChangesStateAndCallsBack(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := t.Context()
	pending, err := f.ew.CreateCharge(ctx, shopeePay("order-3"))
	require.NoError(t, err)

	_, err = f.ew.VoidCharge(ctx, pending.ID)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe, "a PENDING charge cannot be voided")
	assert.Equal(t, ewallets.CodeIneligibleTransaction, xe.Code)
	assert.Equal(t, http.StatusForbidden, xe.StatusCode)

	require.NoError(t, f.srv.CompleteEWalletCharge(pending.ID))
	f.next(t)
	v, err := f.ew.VoidCharge(ctx, pending.ID)
	require.NoError(t, err)
	assert.True(t, v.VoidStatus.Pending())
	cb := f.next(t)
	assert.Equal(t, ewallets.EventVoid, cb.Event)
	assert.Equal(t, ewallets.ChargeStatusVoided, cb.Charge.Status)
	assert.True(t, cb.Charge.VoidStatus.Succeeded())
	assert.False(t, cb.Charge.VoidedAt.IsZero())
}

func TestFakeAnswersDocumentedErrors(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := t.Context()
	_, err := f.ew.GetCharge(ctx, "ewc_missing")
	assert.ErrorIs(t, err, xendit.ErrNotFound)

	// A request that skips the SDK's checks gets the API's own answer.
	c, err := f.srv.Client()
	require.NoError(t, err)
	body := shopeePay("order-x")
	body.Currency = xendit.CurrencyPHP
	err = c.Do(ctx, &xendit.Request{Endpoint: xendit.MustEndpoint("ewallets.create_charge"), Body: body}, nil)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, ewallets.CodeUnsupportedCurrency, xe.Code)

	body = shopeePay("order-y")
	body.ChannelProperties = nil
	err = c.Do(ctx, &xendit.Request{Endpoint: xendit.MustEndpoint("ewallets.create_charge"), Body: body}, nil)
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, xendit.CodeAPIValidation, xe.Code)
	assert.Contains(t, xe.Message, "success_redirect_url")
}

func TestValidationFailsBeforeSending(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	p := shopeePay("order-5")
	p.ChannelProperties = nil
	_, err := f.ew.CreateCharge(t.Context(), p)
	var ve *xendit.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "channel_properties.success_redirect_url", ve.Field)

	_, err = f.ew.CreateCharge(t.Context(), nil)
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "params", ve.Field)
	assert.Empty(t, f.srv.Requests(), "nothing was sent")
}

// TestCreateChargeIsNeverRepeatedAfterAnAmbiguousFailure proves end to end
// that a create without an idempotency header is sent once when Xendit may
// have processed it.
func TestCreateChargeIsNeverRepeatedAfterAnAmbiguousFailure(t *testing.T) {
	t.Parallel()
	for name, fault := range fake.AmbiguousFaults() {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t)
			fault.Method, fault.Path, fault.Times = http.MethodPost, "/ewallets/charges", 3
			f.srv.InjectFault(fault)
			var resp xendit.Response
			_, err := f.ew.CreateCharge(t.Context(), shopeePay("order-1"), xendit.CaptureResponse(&resp))
			require.Error(t, err)
			assert.Equal(t, 1, fake.Count(f.srv, http.MethodPost, "/ewallets/charges"), "exactly one attempt")
			assert.Equal(t, 1, resp.Attempts)
			assert.True(t, xendit.OutcomeUnknown(err), "the caller must reconcile by reference_id")
		})
	}
}

func TestCreateChargeRetriesA429(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	f.srv.InjectFault(xendittest.Fault{Method: http.MethodPost, Path: "/ewallets/charges", Status: http.StatusTooManyRequests})
	var resp xendit.Response
	c, err := f.ew.CreateCharge(t.Context(), shopeePay("order-1"), xendit.CaptureResponse(&resp))
	require.NoError(t, err)
	assert.Equal(t, 2, resp.Attempts)
	assert.Equal(t, 2, fake.Count(f.srv, http.MethodPost, "/ewallets/charges"), "the 429 was rejected before processing, the retry created it")
	got, err := f.ew.GetCharge(t.Context(), c.ID)
	require.NoError(t, err)
	assert.Equal(t, "order-1", got.ReferenceID)
}

func TestCreateChargeRetriesAFailedDial(t *testing.T) {
	t.Parallel()
	// Nothing listens on the address: the request never left, so retrying
	// is safe, and every attempt is made.
	srv := xendittest.NewServer()
	url := srv.URL
	srv.Close()
	c, err := xendit.New(xendittest.SecretKey, xendit.WithBaseURL(url), xendit.WithRetryPolicy(fake.FastRetries))
	require.NoError(t, err)
	var resp xendit.Response
	_, err = ewallets.New(c).CreateCharge(t.Context(), shopeePay("order-1"), xendit.CaptureResponse(&resp))
	require.Error(t, err)
	assert.Equal(t, 3, resp.Attempts)
	assert.False(t, xendit.OutcomeUnknown(err), "a request that never left created nothing")
}

func TestGetIsRetried(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.paid(t, "order-1")
	// GETs are safe to repeat.
	f.srv.InjectFault(xendittest.Fault{Method: http.MethodGet, Path: "/ewallets/charges/" + c.ID, Status: http.StatusServiceUnavailable})
	var resp xendit.Response
	_, err := f.ew.GetCharge(t.Context(), c.ID, xendit.CaptureResponse(&resp))
	require.NoError(t, err)
	assert.Equal(t, 2, resp.Attempts)
}

// status is what every status type answers.
type status interface {
	Succeeded() bool
	Pending() bool
	Failed() bool
}

func TestStatusHelpers(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		s                          status
		succeeded, pending, failed bool
	}{
		{ewallets.ChargeStatusPending, false, true, false},
		{ewallets.ChargeStatusSucceeded, true, false, false},
		{ewallets.ChargeStatusFailed, false, false, true},
		{ewallets.ChargeStatusVoided, false, false, false},
		{ewallets.ChargeStatusRefunded, false, false, false},
		{ewallets.ChargeStatus("SOMETHING_NEW"), false, false, false},
		{ewallets.VoidStatusPending, false, true, false},
		{ewallets.VoidStatusSucceeded, true, false, false},
		{ewallets.VoidStatusFailed, false, false, true},
		{ewallets.RefundStatusPending, false, true, false},
		{ewallets.RefundStatusSucceeded, true, false, false},
		{ewallets.RefundStatusFailed, false, false, true},
		{ewallets.RefundStatus("SOMETHING_NEW"), false, false, false},
	} {
		assert.Equal(t, tc.succeeded, tc.s.Succeeded(), tc.s)
		assert.Equal(t, tc.pending, tc.s.Pending(), tc.s)
		assert.Equal(t, tc.failed, tc.s.Failed(), tc.s)
	}
}
