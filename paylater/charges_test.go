package paylater_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/fake"
	"github.com/seed19b1029f/xendit-go/paylater"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

type fixture struct {
	srv       *xendittest.Server
	pl        *paylater.Client
	callbacks <-chan fake.Delivery[paylater.Callback]
}

// newFixture starts a fake Xendit that delivers its callbacks to a
// receiver the fixture reads; the fake delivers before its test hooks
// return.
func newFixture(t *testing.T) *fixture {
	t.Helper()
	srv, c := fake.Server(t, fake.FastRetries)
	return &fixture{srv: srv, pl: paylater.New(c), callbacks: fake.Callbacks[paylater.Callback](t, srv)}
}

// paid creates a charge and completes it.
func (f *fixture) paid(t *testing.T, ref string) *paylater.Charge {
	t.Helper()
	c := f.charge(t, ref)
	require.NoError(t, f.srv.CompletePayLaterCharge(c.ID))
	<-f.callbacks
	return c
}

func (f *fixture) charge(t *testing.T, ref string) *paylater.Charge {
	t.Helper()
	ctx := t.Context()
	plan, err := f.pl.InitiatePlans(ctx, &paylater.InitiatePlansParams{CustomerID: "cust-1", ChannelCode: paylater.ChannelBillEase,
		Currency: xendit.CurrencyPHP, Amount: 2469.12, OrderItems: []paylater.OrderItem{item(1234.56, 2)}})
	require.NoError(t, err)
	require.NotEmpty(t, plan.Options)
	c, err := f.pl.CreateCharge(ctx, &paylater.CreateChargeParams{PlanID: plan.ID, ReferenceID: ref,
		SuccessRedirectURL: "https://shop.example/ok", FailureRedirectURL: "https://shop.example/fail"})
	require.NoError(t, err)
	return c
}

func TestCheckoutAndCancel(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := t.Context()
	c := f.charge(t, "order-1")
	assert.Equal(t, paylater.ChargeStatusPending, c.Status)
	assert.Equal(t, 2469.12, c.Amount, "the charge inherits the plan's amount")
	assert.NotEmpty(t, c.Actions.DesktopWebCheckoutURL)

	require.NoError(t, f.srv.CompletePayLaterCharge(c.ID))
	cb := (<-f.callbacks).Payload
	assert.True(t, cb.Data.Status.Succeeded())
	assert.Equal(t, "order-1", cb.Data.ReferenceID)

	var xe *xendit.Error
	_, err := f.pl.CancelCharge(ctx, c.ID)
	require.ErrorAs(t, err, &xe, "only PENDING charges cancel")
	assert.Equal(t, "INELIGIBLE_TRANSACTION", xe.Code)
	other := f.charge(t, "order-2")
	cancelled, err := f.pl.CancelCharge(ctx, other.ID)
	require.NoError(t, err)
	assert.Equal(t, paylater.ChargeStatusCancelled, cancelled.Status)
	assert.Error(t, f.srv.CompletePayLaterCharge(other.ID))

	_, err = f.pl.GetCharge(ctx, "order-2")
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, http.StatusBadRequest, xe.StatusCode, "ids must be plc_<UUID>")
	_, err = f.pl.GetCharge(ctx, "plc_00000000-0000-4000-8000-000000000000")
	assert.ErrorIs(t, err, xendit.ErrNotFound)
}

func TestFailedChargeCallback(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.charge(t, "order-3")
	require.NoError(t, f.srv.FailPayLaterCharge(c.ID))
	assert.Equal(t, paylater.ChargeStatusFailed, (<-f.callbacks).Payload.Data.Status)
}

func TestCreateChargeIsNotRepeatedAfterAmbiguousFailures(t *testing.T) {
	t.Parallel()
	for name, fault := range map[string]xendittest.Fault{
		"503": {Status: http.StatusServiceUnavailable}, "dropped connection": {Drop: true},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t)
			plan, err := f.pl.InitiatePlans(t.Context(), &paylater.InitiatePlansParams{CustomerID: "c",
				ChannelCode: paylater.ChannelKredivo, Currency: xendit.CurrencyIDR, Amount: 50000, OrderItems: []paylater.OrderItem{item(50000, 1)}})
			require.NoError(t, err)
			fault.Method, fault.Path, fault.Times = http.MethodPost, "/paylater/charges", 3
			f.srv.InjectFault(fault)
			var resp xendit.Response
			_, err = f.pl.CreateCharge(t.Context(), &paylater.CreateChargeParams{PlanID: plan.ID, ReferenceID: "o",
				SuccessRedirectURL: "https://s.example/ok", FailureRedirectURL: "https://s.example/no"}, xendit.CaptureResponse(&resp))
			require.Error(t, err)
			assert.Equal(t, 1, resp.Attempts)
			assert.True(t, xendit.OutcomeUnknown(err))
		})
	}
}

func TestCreateChargeRules(t *testing.T) {
	t.Parallel()
	base := func() *paylater.CreateChargeParams {
		return &paylater.CreateChargeParams{PlanID: "plp_1", ReferenceID: "order-1",
			SuccessRedirectURL: "https://shop.example/ok", FailureRedirectURL: "https://shop.example/fail"}
	}
	cases := []struct {
		name  string
		edit  func(*paylater.CreateChargeParams)
		field string
	}{
		{"valid", func(*paylater.CreateChargeParams) {}, ""},
		{"one-time payment", func(p *paylater.CreateChargeParams) {
			p.CheckoutMethod = xendit.Ptr(paylater.CheckoutMethodOneTimePayment)
		}, ""},
		{"no other checkout method", func(p *paylater.CreateChargeParams) {
			p.CheckoutMethod = xendit.Ptr(paylater.CheckoutMethod("TOKENIZED_PAYMENT"))
		}, "checkout_method"},
		{"plan first", func(p *paylater.CreateChargeParams) { p.PlanID = "" }, "plan_id"},
		{"reference_id required", func(p *paylater.CreateChargeParams) { p.ReferenceID = "" }, "reference_id"},
		{"reference_id up to 255", func(p *paylater.CreateChargeParams) { p.ReferenceID = strings.Repeat("r", 256) }, "reference_id"},
		{"success URL required", func(p *paylater.CreateChargeParams) { p.SuccessRedirectURL = "" }, "success_redirect_url"},
		{"failure URL absolute", func(p *paylater.CreateChargeParams) { p.FailureRedirectURL = "/fail" }, "failure_redirect_url"},
		{"metadata limits", func(p *paylater.CreateChargeParams) {
			p.Metadata = map[string]any{strings.Repeat("k", 41): "v"}
		}, "metadata." + strings.Repeat("k", 41)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p := base()
			tc.edit(p)
			fake.Invalid(t, p.Validate(), tc.field)
		})
	}
}

func TestCreateChargeSendsTheOneCheckoutMethod(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.charge(t, "order-9")
	assert.Equal(t, paylater.CheckoutMethodOneTimePayment, c.CheckoutMethod, "nil sends ONE_TIME_PAYMENT")
	_, err := f.pl.CreateCharge(t.Context(), nil)
	fake.Invalid(t, err, "params")
}

func TestStatusHelpers(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		s interface {
			Succeeded() bool
			Pending() bool
			Failed() bool
		}
		succeeded, pending, failed bool
	}{
		{paylater.ChargeStatusPending, false, true, false},
		{paylater.ChargeStatusSucceeded, true, false, false},
		{paylater.ChargeStatusFailed, false, false, true},
		{paylater.ChargeStatusCancelled, false, false, false},
		{paylater.RefundStatusPending, false, true, false},
		{paylater.RefundStatusSucceeded, true, false, false},
		{paylater.RefundStatusFailed, false, false, true},
	} {
		assert.Equal(t, tc.succeeded, tc.s.Succeeded(), tc.s)
		assert.Equal(t, tc.pending, tc.s.Pending(), tc.s)
		assert.Equal(t, tc.failed, tc.s.Failed(), tc.s)
	}
}
