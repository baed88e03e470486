package ewallets_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/ewallets"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

var fastRetry = xendit.WithRetryPolicy(xendit.RetryPolicy{MaxRetries: 2, MinWait: time.Millisecond, MaxWait: 10 * time.Millisecond})

type fixture struct {
	srv       *xendittest.Server
	ew        *ewallets.Client
	callbacks chan *ewallets.Callback
	headers   chan http.Header
}

// newFixture starts a fake Xendit and a webhook receiver built on the root
// package's handler, so callbacks are verified by token as in production.
func newFixture(t *testing.T) *fixture {
	t.Helper()
	f := &fixture{srv: xendittest.NewServer(), callbacks: make(chan *ewallets.Callback, 16), headers: make(chan http.Header, 16)}
	t.Cleanup(f.srv.Close)
	h, err := xendit.NewWebhookHandler(func(_ context.Context, e *xendit.WebhookEvent) error {
		var cb ewallets.Callback
		if err := e.Decode(&cb); err != nil {
			return err
		}
		f.headers <- e.Header
		f.callbacks <- &cb
		return nil
	}, xendit.WithCallbackTokens(xendittest.CallbackToken))
	require.NoError(t, err)
	receiver := httptest.NewServer(h)
	t.Cleanup(receiver.Close)
	f.srv.SetCallbacks("", xendittest.Callbacks{URL: receiver.URL})
	c, err := f.srv.Client(fastRetry)
	require.NoError(t, err)
	f.ew = ewallets.New(c)
	return f
}

func (f *fixture) next(t *testing.T) *ewallets.Callback {
	t.Helper()
	select {
	case cb := <-f.callbacks:
		return cb
	case <-time.After(5 * time.Second):
		t.Fatal("no callback arrived")
		return nil
	}
}

func shopeePay(ref string) *ewallets.CreateChargeParams {
	return &ewallets.CreateChargeParams{
		ReferenceID: ref, Currency: ewallets.IDR, Amount: 25000, CheckoutMethod: ewallets.OneTimePayment,
		ChannelCode:       ewallets.ChannelShopeePayID,
		ChannelProperties: &ewallets.ChannelProperties{SuccessRedirectURL: "https://shop.example/paid"},
		Metadata:          map[string]any{"branch": "PLUIT"},
	}
}

func TestChargeCompletesWithCallback(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	c, err := f.ew.CreateCharge(ctx, shopeePay("order-1"))
	require.NoError(t, err)
	assert.Equal(t, ewallets.ChargePending, c.Status)
	assert.True(t, strings.HasPrefix(c.ID, "ewc_"), c.ID)
	assert.True(t, c.IsRedirectRequired)
	assert.NotEmpty(t, c.CheckoutURL(false))

	require.NoError(t, f.srv.CompleteEWalletCharge(c.ID))
	cb := f.next(t)
	assert.Equal(t, ewallets.EventCapture, cb.Event)
	assert.Equal(t, ewallets.ChargeSucceeded, cb.Charge.Status)
	assert.Equal(t, "order-1", cb.Charge.ReferenceID, "callbacks are matched to orders by reference_id")
	h := <-f.headers
	assert.NotEmpty(t, h.Get(xendit.HeaderWebhookID))

	got, err := f.ew.GetCharge(ctx, c.ID)
	require.NoError(t, err)
	assert.Equal(t, ewallets.ChargeSucceeded, got.Status)
	assert.Equal(t, map[string]any{"branch": "PLUIT"}, got.Metadata)
}

func TestChargeFailsWithCallback(t *testing.T) {
	f := newFixture(t)
	c, err := f.ew.CreateCharge(context.Background(), &ewallets.CreateChargeParams{
		ReferenceID: "order-2", Currency: ewallets.IDR, Amount: 10000, CheckoutMethod: ewallets.OneTimePayment,
		ChannelCode: ewallets.ChannelOVO, ChannelProperties: &ewallets.ChannelProperties{MobileNumber: "+628123123123"},
	})
	require.NoError(t, err)
	assert.False(t, c.IsRedirectRequired, "OVO pushes the request to the app")
	assert.Empty(t, c.CheckoutURL(true))

	require.NoError(t, f.srv.FailEWalletCharge(c.ID, string(ewallets.FailureUserDeclinedPayment)))
	cb := f.next(t)
	assert.Equal(t, ewallets.ChargeFailed, cb.Charge.Status)
	assert.Equal(t, ewallets.FailureUserDeclinedPayment, cb.Charge.FailureCode)
	assert.Error(t, f.srv.CompleteEWalletCharge(c.ID), "a settled charge cannot settle again")
}

func TestVoidAndRefundChangeStateAndCallBack(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
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
	assert.Equal(t, ewallets.VoidPending, v.VoidStatus)
	cb := f.next(t)
	assert.Equal(t, ewallets.EventVoid, cb.Event)
	assert.Equal(t, ewallets.ChargeVoided, cb.Charge.Status)
	assert.Equal(t, ewallets.VoidSucceeded, cb.Charge.VoidStatus)
	assert.False(t, cb.Charge.VoidedAt.IsZero())

	paid, err := f.ew.CreateCharge(ctx, shopeePay("order-4"))
	require.NoError(t, err)
	require.NoError(t, f.srv.CompleteEWalletCharge(paid.ID))
	f.next(t)
	r1, err := f.ew.CreateRefund(ctx, &ewallets.CreateRefundParams{ChargeID: paid.ID, Amount: xendit.Ptr(5000.0), Reason: xendit.Ptr(ewallets.ReasonRequestedByCustomer)})
	require.NoError(t, err)
	assert.Equal(t, ewallets.RefundPending, r1.Status)
	assert.Equal(t, 5000.0, r1.RefundAmount)
	cb = f.next(t)
	assert.Equal(t, ewallets.EventRefund, cb.Event)
	assert.Equal(t, ewallets.RefundSucceeded, cb.Refund.Status)

	_, err = f.ew.CreateRefund(ctx, &ewallets.CreateRefundParams{ChargeID: paid.ID, Amount: xendit.Ptr(30000.0)})
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, ewallets.CodeMaximumRefundAmountReached, xe.Code)

	r2, err := f.ew.CreateRefund(ctx, &ewallets.CreateRefundParams{ChargeID: paid.ID})
	require.NoError(t, err)
	assert.Equal(t, 20000.0, r2.RefundAmount, "no amount refunds what is left")
	f.next(t)

	got, err := f.ew.GetRefund(ctx, paid.ID, r1.ID)
	require.NoError(t, err)
	assert.Equal(t, ewallets.RefundSucceeded, got.Status)

	list, err := f.ew.ListRefunds(ctx, &ewallets.ListRefundsParams{ChargeID: paid.ID, Limit: xendit.Ptr(1)})
	require.NoError(t, err)
	assert.Len(t, list.Data, 1)
	assert.True(t, list.HasMore)

	charge, err := f.ew.GetCharge(ctx, paid.ID)
	require.NoError(t, err)
	assert.Equal(t, ewallets.ChargeRefunded, charge.Status)
	assert.Equal(t, 25000.0, *charge.RefundedAmount)
}

func TestFakeAnswersDocumentedErrors(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	_, err := f.ew.GetCharge(ctx, "ewc_missing")
	assert.ErrorIs(t, err, xendit.ErrNotFound)

	// A request that skips the SDK's checks gets the API's own answer.
	c, err := f.srv.Client()
	require.NoError(t, err)
	body := shopeePay("order-x")
	body.Currency = ewallets.PHP
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
	f := newFixture(t)
	p := shopeePay("order-5")
	p.ChannelProperties = nil
	_, err := f.ew.CreateCharge(context.Background(), p)
	var ve *xendit.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "channel_properties.success_redirect_url", ve.Field)
	assert.Empty(t, f.srv.Requests(), "nothing was sent")
}

func TestTokenizedFlow(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	pm, err := f.ew.CreatePaymentMethod(ctx, &ewallets.CreatePaymentMethodParams{
		CustomerID: "cust-1",
		EWallet: ewallets.LinkingEWallet{ChannelCode: ewallets.LinkOVO, ChannelProperties: ewallets.LinkingProperties{
			SuccessReturnURL: "https://shop.example/linked", FailureReturnURL: "https://shop.example/failed"}},
	})
	require.NoError(t, err)
	assert.Equal(t, ewallets.PaymentMethodRequiresAction, pm.Status)
	assert.NotEmpty(t, pm.AuthURL("WEB"))
	var sent map[string]any
	reqs := f.srv.Requests()
	require.NoError(t, json.Unmarshal(reqs[len(reqs)-1].Body, &sent))
	assert.Equal(t, "EWALLET", sent["type"])
	assert.Equal(t, "MULTIPLE_USE", sent["reusability"])

	charge := &ewallets.CreateChargeParams{
		ReferenceID: "sub-1", Currency: ewallets.IDR, Amount: 50000, CheckoutMethod: ewallets.TokenizedPayment,
		PaymentMethodID: xendit.Ptr(pm.ID),
	}
	_, err = f.ew.CreateCharge(ctx, charge)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe, "a payment method that is not ACTIVE cannot be charged")
	assert.Equal(t, "INVALID_PAYMENT_METHOD_ID", xe.Code)

	require.NoError(t, f.srv.ActivatePaymentMethod(pm.ID))
	cb := f.next(t)
	assert.Equal(t, ewallets.EventPaymentMethodActivated, cb.Event)
	assert.Equal(t, ewallets.PaymentMethodActive, cb.PaymentMethod.Status)

	c, err := f.ew.CreateCharge(ctx, charge)
	require.NoError(t, err)
	assert.Equal(t, ewallets.ChannelOVO, c.ChannelCode)
	assert.Equal(t, pm.ID, c.PaymentMethodID)

	got, err := f.ew.GetPaymentMethod(ctx, pm.ID)
	require.NoError(t, err)
	require.NotNil(t, got.EWallet.Account.Balance)

	gone, err := f.ew.ExpirePaymentMethod(ctx, pm.ID)
	require.NoError(t, err)
	assert.Equal(t, ewallets.PaymentMethodExpired, gone.Status)
	_, err = f.ew.GetPaymentMethod(ctx, "pm-missing")
	assert.ErrorIs(t, err, xendit.ErrNotFound)

	require.NoError(t, f.srv.ExpirePaymentMethod(pm.ID))
	assert.Equal(t, ewallets.EventPaymentMethodExpired, f.next(t).Event)
}
