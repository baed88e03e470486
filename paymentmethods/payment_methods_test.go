package paymentmethods_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/ewallets"
	"github.com/seed19b1029f/xendit-go/internal/fake"
	"github.com/seed19b1029f/xendit-go/paymentmethods"
	"github.com/seed19b1029f/xendit-go/paymentrequests"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

type fixture struct {
	srv       *xendittest.Server
	c         *xendit.Client
	pms       *paymentmethods.Client
	callbacks <-chan fake.Delivery[paymentmethods.Callback]
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	srv, c := fake.Server(t, fake.NoRetries)
	return &fixture{srv: srv, c: c, pms: paymentmethods.New(c), callbacks: fake.Callbacks[paymentmethods.Callback](t, srv)}
}

func (f *fixture) next(t *testing.T) *paymentmethods.Callback {
	t.Helper()
	return fake.Next(t, f.callbacks).Payload
}

// lastBody is the JSON body of the last request the fake received.
func (f *fixture) lastBody(t *testing.T) map[string]any {
	t.Helper()
	reqs := f.srv.Requests()
	var body map[string]any
	require.NoError(t, json.Unmarshal(reqs[len(reqs)-1].Body, &body))
	return body
}

func virtualAccount(ref string, amount *float64) *paymentmethods.CreateParams {
	return &paymentmethods.CreateParams{
		Type: paymentmethods.TypeVirtualAccount, Reusability: paymentmethods.ReusabilityMultipleUse,
		ReferenceID: xendit.Ptr(ref),
		VirtualAccount: &paymentmethods.VirtualAccount{
			Amount: amount, Currency: xendit.CurrencyIDR, ChannelCode: paymentmethods.VirtualAccountChannelBNI,
			ChannelProperties: &paymentmethods.VirtualAccountChannelProperties{CustomerName: "Rika Sutanto"},
		},
	}
}

func directDebit() *paymentmethods.CreateParams {
	return &paymentmethods.CreateParams{
		Type: paymentmethods.TypeDirectDebit, Reusability: paymentmethods.ReusabilityMultipleUse,
		CustomerID: xendit.Ptr("cust-1"),
		DirectDebit: &paymentmethods.DirectDebit{ChannelCode: paymentmethods.DirectDebitChannelBRI,
			ChannelProperties: &paymentmethods.DirectDebitChannelProperties{
				MobileNumber: xendit.Ptr("+6287774441111"), CardLastFour: xendit.Ptr("1234"), CardExpiry: xendit.Ptr("06/30"),
				Email: xendit.Ptr("budi@example.com")}},
	}
}

func TestVirtualAccountIsPaidBySimulation(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := t.Context()
	pm, err := f.pms.Create(ctx, virtualAccount("order-1", nil))
	require.NoError(t, err)
	assert.True(t, pm.Status.Active(), "a virtual account can be paid at once")
	require.NotNil(t, pm.VirtualAccount)
	assert.NotEmpty(t, *pm.VirtualAccount.ChannelProperties.VirtualAccountNumber)
	assert.Equal(t, "BNI", pm.ChannelCode())

	_, err = f.pms.ListPayments(ctx, pm.ID, nil)
	require.NoError(t, err)
	fake.Invalid(t, f.pms.SimulatePayment(ctx, pm.ID, &paymentmethods.SimulatePaymentParams{Amount: xendit.Ptr(-1.0)}), "amount")
	require.NoError(t, f.pms.SimulatePayment(ctx, pm.ID, &paymentmethods.SimulatePaymentParams{Amount: xendit.Ptr(50000.0)}))
	cb := f.next(t)
	assert.Equal(t, "payment.succeeded", cb.Event)
	assert.Nil(t, cb.PaymentMethod, "a payment callback is not this package's")
	body, err := json.Marshal(cb)
	require.NoError(t, err)
	paid, err := paymentrequests.ParseCallback(body)
	require.NoError(t, err)
	require.NotNil(t, paid.Payment, "paymentrequests owns the payment callback")
	assert.Equal(t, 50000.0, paid.Payment.Amount)
	assert.Equal(t, "order-1", paid.Payment.ReferenceID)
	assert.True(t, paid.Payment.Status.Succeeded())
	assert.JSONEq(t, `"`+pm.ID+`"`, string(paid.Payment.Extra["payment_method_id"]), "undocumented keys are kept")

	page, err := f.pms.ListPayments(ctx, pm.ID, nil)
	require.NoError(t, err)
	require.Len(t, page.Data, 1)
	assert.Equal(t, paid.Payment.ID, page.Data[0].ID)
}

func TestAllPaymentsFollowsTheNextLinks(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := t.Context()
	pm, err := f.pms.Create(ctx, virtualAccount("order-2", xendit.Ptr(10000.0)))
	require.NoError(t, err)
	for range 3 {
		require.NoError(t, f.pms.SimulatePayment(ctx, pm.ID, nil), "a fixed amount needs none")
		f.next(t)
	}
	var ids []string
	for p, err := range f.pms.AllPayments(ctx, pm.ID, &paymentmethods.ListPaymentsParams{Limit: xendit.Ptr(2)}) {
		require.NoError(t, err)
		assert.Equal(t, 10000.0, p.Amount)
		ids = append(ids, p.ID)
	}
	assert.Len(t, ids, 3)
	assert.Equal(t, 2, fake.Count(f.srv, http.MethodGet, "/v2/payment_methods/"+pm.ID+"/payments"), "two pages")

	err = f.pms.SimulatePayment(ctx, pm.ID, &paymentmethods.SimulatePaymentParams{Amount: xendit.Ptr(5.0)})
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, "INCORRECT_AMOUNT", xe.Code)
}

func TestDirectDebitIsActivatedByOTP(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := t.Context()
	pm, err := f.pms.Create(ctx, directDebit())
	require.NoError(t, err)
	assert.Equal(t, paymentmethods.StatusRequiresAction, pm.Status)
	assert.True(t, pm.Status.Pending())
	require.Len(t, pm.Actions, 1)
	assert.Equal(t, paymentmethods.URLTypeAPI, pm.Actions[0].URLType)

	_, err = f.pms.Authorize(ctx, pm.ID, &paymentmethods.AuthorizeParams{AuthCode: "000000"})
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, "INVALID_OTP_ERROR", xe.Code)

	active, err := f.pms.Authorize(ctx, pm.ID, &paymentmethods.AuthorizeParams{AuthCode: xendittest.PaymentMethodOTP})
	require.NoError(t, err)
	assert.True(t, active.Status.Active())
	cb := f.next(t)
	assert.Equal(t, paymentmethods.EventActivated, cb.Event)
	assert.Equal(t, pm.ID, cb.PaymentMethod.ID)
	assert.True(t, cb.PaymentMethod.Status.Active())

	_, err = f.pms.Authorize(ctx, pm.ID, &paymentmethods.AuthorizeParams{AuthCode: xendittest.PaymentMethodOTP})
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, "PAYMENT_METHOD_ALREADY_ACTIVE", xe.Code)

	paused, err := f.pms.Update(ctx, pm.ID, &paymentmethods.UpdateParams{Status: xendit.Set(paymentmethods.StatusInactive)})
	require.NoError(t, err)
	assert.Equal(t, paymentmethods.StatusInactive, paused.Status)
	assert.Equal(t, map[string]any{"status": "INACTIVE"}, f.lastBody(t), "unset fields are not sent")

	gone, err := f.pms.Expire(ctx, pm.ID, nil)
	require.NoError(t, err)
	assert.Equal(t, paymentmethods.StatusExpired, gone.Status)
	got, err := f.pms.Get(ctx, pm.ID)
	require.NoError(t, err)
	assert.Equal(t, paymentmethods.StatusExpired, got.Status)
	_, err = f.pms.Get(ctx, "pm-missing")
	assert.ErrorIs(t, err, xendit.ErrNotFound)
}

func TestUpdateSendsNullToClear(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := t.Context()
	pm, err := f.pms.Create(ctx, virtualAccount("order-3", xendit.Ptr(10000.0)))
	require.NoError(t, err)
	up, err := f.pms.Update(ctx, pm.ID, &paymentmethods.UpdateParams{
		Description: xendit.Null[string](),
		VirtualAccount: xendit.Set(paymentmethods.VirtualAccountUpdate{Amount: xendit.Set(20000.0),
			ChannelProperties: xendit.Set(paymentmethods.VirtualAccountChannelPropertiesUpdate{SuggestedAmount: xendit.Set(20000.0)})}),
	})
	require.NoError(t, err)
	assert.Equal(t, map[string]any{"description": nil, "virtual_account": map[string]any{"amount": 20000.0,
		"channel_properties": map[string]any{"suggested_amount": 20000.0}}}, f.lastBody(t))
	assert.Equal(t, 20000.0, *up.VirtualAccount.Amount)
	assert.Equal(t, *pm.VirtualAccount.ChannelProperties.VirtualAccountNumber, *up.VirtualAccount.ChannelProperties.VirtualAccountNumber,
		"the properties not named are kept")
}

func TestCardIsTokenized(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	pm, err := f.pms.Create(t.Context(), &paymentmethods.CreateParams{
		Type: paymentmethods.TypeCard, Reusability: paymentmethods.ReusabilityOneTimeUse,
		Card: &paymentmethods.CardParams{Currency: xendit.CurrencyIDR, CardInformation: &paymentmethods.CardDetails{
			CardNumber: "4000000000001091", ExpiryMonth: "12", ExpiryYear: "2030", CVV: xendit.Ptr("123")}},
	})
	require.NoError(t, err)
	require.NotNil(t, pm.Card.CardInformation)
	assert.Equal(t, "400000XXXXXX1091", pm.Card.CardInformation.MaskedCardNumber)
	b, err := json.Marshal(pm)
	require.NoError(t, err)
	assert.NotContains(t, string(b), "4000000000001091")
	assert.Equal(t, "card ****1091 12/2030", (&paymentmethods.CardDetails{CardNumber: "4000000000001091", ExpiryMonth: "12", ExpiryYear: "2030", CVV: xendit.Ptr("123")}).String())
}

// TestCardDetailsNeverLog: neither slog handler writes a card's number or
// CVV, whether the details are logged directly or inside the params.
func TestCardDetailsNeverLog(t *testing.T) {
	t.Parallel()
	card := paymentmethods.CardDetails{CardNumber: "4000000000001091", ExpiryMonth: "12", ExpiryYear: "2030", CVV: xendit.Ptr("987")}
	var buf bytes.Buffer
	for _, h := range []slog.Handler{slog.NewJSONHandler(&buf, nil), slog.NewTextHandler(&buf, nil)} {
		slog.New(h).Info("create", "card", card, "ptr", &card)
	}
	assert.Contains(t, buf.String(), "card ****1091")
	assert.NotContains(t, buf.String(), "4000000000001091")
	assert.NotContains(t, buf.String(), "987")
}

func TestListFiltersAndAllWalksEveryPage(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := t.Context()
	var made []string
	for _, ref := range []string{"a", "b", "c"} {
		pm, err := f.pms.Create(ctx, virtualAccount(ref, nil))
		require.NoError(t, err)
		made = append(made, pm.ID)
	}
	_, err := f.pms.Create(ctx, directDebit())
	require.NoError(t, err)

	page, err := f.pms.List(ctx, &paymentmethods.ListParams{Type: []paymentmethods.Type{paymentmethods.TypeVirtualAccount}, Limit: xendit.Ptr(2)})
	require.NoError(t, err)
	assert.Len(t, page.Data, 2)
	assert.True(t, page.HasMore)

	var seen []string
	for pm, err := range f.pms.All(ctx, &paymentmethods.ListParams{Type: []paymentmethods.Type{paymentmethods.TypeVirtualAccount}, Limit: xendit.Ptr(1)}) {
		require.NoError(t, err)
		seen = append(seen, pm.ID)
	}
	assert.ElementsMatch(t, made, seen)

	byRef, err := f.pms.List(ctx, &paymentmethods.ListParams{ReferenceID: xendit.Ptr("b")})
	require.NoError(t, err)
	require.Len(t, byRef.Data, 1)
	assert.Equal(t, made[1], byRef.Data[0].ID)
}

// TestEWalletsLinkingIsThisPackage proves the eWallets package's account
// linking sends through this package: the same request, the same type.
func TestEWalletsLinkingIsThisPackage(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := t.Context()
	var pm *paymentmethods.PaymentMethod
	pm, err := ewallets.New(f.c).CreatePaymentMethod(ctx, &ewallets.CreatePaymentMethodParams{
		CustomerID: "cust-1", EWallet: ewallets.LinkingEWallet{ChannelCode: ewallets.LinkingChannelDANA,
			ChannelProperties: ewallets.LinkingProperties{SuccessReturnURL: "https://shop.example/ok", FailureReturnURL: "https://shop.example/no"}},
	})
	require.NoError(t, err)
	assert.Equal(t, map[string]any{"type": "EWALLET", "reusability": "MULTIPLE_USE", "customer_id": "cust-1",
		"ewallet": map[string]any{"channel_code": "DANA", "channel_properties": map[string]any{
			"success_return_url": "https://shop.example/ok", "failure_return_url": "https://shop.example/no"}}}, f.lastBody(t))
	got, err := f.pms.Get(ctx, pm.ID)
	require.NoError(t, err)
	assert.Equal(t, paymentmethods.EWalletChannelDANA, got.EWallet.ChannelCode)
	gone, err := ewallets.New(f.c).ExpirePaymentMethod(ctx, pm.ID)
	require.NoError(t, err)
	assert.Equal(t, ewallets.PaymentMethodStatusExpired, gone.Status)
}

// TestCreateIsNeverRepeatedAfterAnAmbiguousFailure proves end to end that
// Create, which has no idempotency header, is sent once when Xendit may
// have processed it (fake.EachFault: a real server, or a synctest bubble
// for the timeout).
func TestCreateIsNeverRepeatedAfterAnAmbiguousFailure(t *testing.T) {
	t.Parallel()
	fake.EachFault(t, fake.AmbiguousFaults(), fake.FastRetries, func(t *testing.T, srv *xendittest.Server, c *xendit.Client, fault xendittest.Fault) {
		fault.Method, fault.Path, fault.Times = http.MethodPost, "/v2/payment_methods", 3
		srv.InjectFault(fault)
		var resp xendit.Response
		_, err := paymentmethods.New(c).Create(t.Context(), virtualAccount("order-1", nil), xendit.CaptureResponse(&resp))
		require.Error(t, err)
		assert.Equal(t, 1, fake.Count(srv, http.MethodPost, "/v2/payment_methods"), "exactly one attempt")
		assert.Equal(t, 1, resp.Attempts)
		assert.True(t, xendit.OutcomeUnknown(err), "list by reference_id before creating again")
	})
}

func TestUnknownKeysSurvive(t *testing.T) {
	t.Parallel()
	in := `{"id":"pm-1","business_id":"b","reference_id":"r","created":"2024-01-02T03:04:05.000Z","updated":"2024-01-02T03:04:05.000Z",
		"type":"CRYPTOCURRENCY","cryptocurrency":{"network":"ETH"},
		"ewallet":{"channel_code":"OVO","channel_properties":{"success_return_url":"https://a.example"},"new_flag":true}}`
	var pm paymentmethods.PaymentMethod
	require.NoError(t, json.Unmarshal([]byte(in), &pm))
	assert.JSONEq(t, `{"network":"ETH"}`, string(pm.Extra["cryptocurrency"]))
	assert.JSONEq(t, `true`, string(pm.EWallet.Extra["new_flag"]))
	out, err := json.Marshal(pm)
	require.NoError(t, err)
	assert.JSONEq(t, in, string(out))
}

func TestUnknownCallbackEventKeepsData(t *testing.T) {
	t.Parallel()
	cb, err := paymentmethods.ParseCallback([]byte(`{"event":"payment_method.something_new","data":{"id":"x"}}`))
	require.NoError(t, err)
	assert.JSONEq(t, `{"id":"x"}`, string(cb.Data))
	assert.Nil(t, cb.PaymentMethod)
	_, err = paymentmethods.ParseCallback([]byte(`{"event":"payment_method.activated","data":null}`))
	assert.Error(t, err)
}
