package paylater_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/jsontest"
	"github.com/seed19b1029f/xendit-go/paylater"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

var fastRetry = xendit.WithRetryPolicy(xendit.RetryPolicy{MaxRetries: 2, MinWait: time.Millisecond, MaxWait: 10 * time.Millisecond})

func TestExamplesDecodeIntoNamedFields(t *testing.T) {
	var plan paylater.Plan
	jsontest.Strict(t, "paylater.initiate_plans.response.json", &plan)
	assert.Equal(t, "plp_3d88d952-9505-4ed7-84d3-e8639e99e9c4", plan.ID)
	require.Len(t, plan.Options, 2)
	assert.Equal(t, 0.025, plan.Options[1].InterestRate)
	assert.Equal(t, 6, plan.Options[1].TotalRecurrence)
	assert.Nil(t, plan.OrderItems[1].Subcategory)

	for _, name := range []string{"paylater.create_charge.response.json", "paylater.get_charge.response.json"} {
		var c paylater.Charge
		jsontest.Strict(t, name, &c)
		assert.Equal(t, 1234.56, c.Amount, "PHP amounts have cents")
		assert.Equal(t, paylater.Product, c.OrderItems[0].Type, "responses use PRODUCT")
		assert.Equal(t, "app://deeplinkcheckout.this/", c.Actions.MobileDeeplinkCheckoutURL)
		assert.Equal(t, time.Date(2020, 11, 12, 16, 23, 52, 0, time.UTC), c.ExpiresAt.Time)
	}
	var cancelled paylater.Charge
	jsontest.Strict(t, "paylater.cancel_charge.response.json", &cancelled)
	assert.Equal(t, paylater.ChargeCancelled, cancelled.Status)
	assert.Equal(t, 745, cancelled.ExpiresAt.Nanosecond()/1e6, "milliseconds parse")
	assert.Empty(t, cancelled.OrderItems[1].URL, "Xendit's FEE item has no url")

	var r paylater.Refund
	jsontest.Strict(t, "paylater.create_refund.response.json", &r)
	assert.True(t, r.Updated.IsZero(), "updated is null while PENDING")
	assert.Equal(t, paylater.ReasonUnfulfilledItem, r.Reason)
	var list paylater.RefundList
	jsontest.Strict(t, "paylater.list_refunds.response.json", &list)
	assert.Len(t, list.Data, 2)

	var cb paylater.PaymentCallback
	jsontest.Strict(t, "paylater.payment_status_callback.webhook.json", &cb)
	assert.Equal(t, paylater.EventPayment, cb.Event)
	assert.Equal(t, paylater.ChargeSucceeded, cb.Data.Status)
	assert.Equal(t, "order_id_123", cb.Data.ReferenceID)

	var p paylater.CreateChargeParams
	jsontest.Strict(t, "paylater.create_charge.request.json", &p)
	require.NoError(t, p.Validate())
	var rp paylater.CreateRefundParams
	jsontest.Strict(t, "paylater.create_refund.request.2.json", &rp)
	assert.Equal(t, paylater.ReasonDefectiveItem, *rp.Reason)
}

func item(amount float64, qty int) paylater.OrderItem {
	return paylater.OrderItem{Type: paylater.PhysicalProduct, ReferenceID: "SKU-1", Name: "Vacuum",
		NetUnitAmount: amount, Quantity: qty, URL: "https://shop.example/vacuum", Category: "Electronics"}
}

func TestInitiatePlansRules(t *testing.T) {
	var planExample paylater.InitiatePlansParams
	jsontest.Strict(t, "paylater.initiate_plans.request.json", &planExample)
	var ve *xendit.ValidationError
	require.ErrorAs(t, planExample.Validate(), &ve, "the reference's own example does not tally: 3073.68 vs 3 x 1234.56")
	assert.Equal(t, "amount", ve.Field)
	planExample.Amount = paylater.Total(planExample.OrderItems)
	require.NoError(t, planExample.Validate())

	base := func() *paylater.InitiatePlansParams {
		return &paylater.InitiatePlansParams{CustomerID: "cust-1", ChannelCode: paylater.ChannelKredivo, Currency: paylater.IDR,
			Amount: 150000, OrderItems: []paylater.OrderItem{item(50000, 3)}}
	}
	discount := item(-10000, 1)
	discount.Type = paylater.Discount
	cases := []struct {
		name  string
		edit  func(*paylater.InitiatePlansParams)
		field string
	}{
		{"valid", func(*paylater.InitiatePlansParams) {}, ""},
		{"amount must tally", func(p *paylater.InitiatePlansParams) { p.Amount = 140000 }, "amount"},
		{"a discount counts negative", func(p *paylater.InitiatePlansParams) {
			p.OrderItems = append(p.OrderItems, discount)
			p.Amount = 140000
		}, ""},
		{"Atome takes no discount", func(p *paylater.InitiatePlansParams) {
			p.ChannelCode, p.OrderItems, p.Amount = paylater.ChannelAtomeID, append(p.OrderItems, discount), 140000
		}, "order_items[1].type"},
		{"currency per channel", func(p *paylater.InitiatePlansParams) { p.Currency = paylater.PHP }, "currency"},
		{"below the channel minimum", func(p *paylater.InitiatePlansParams) {
			p.ChannelCode, p.OrderItems, p.Amount = paylater.ChannelIndodana, []paylater.OrderItem{item(9000, 1)}, 9000
		}, "amount"},
		{"above the channel maximum", func(p *paylater.InitiatePlansParams) {
			p.ChannelCode, p.Currency, p.OrderItems, p.Amount = paylater.ChannelCashalo, paylater.PHP, []paylater.OrderItem{item(8000.01, 1)}, 8000.01
		}, "amount"},
		{"item url required", func(p *paylater.InitiatePlansParams) { p.OrderItems[0].URL = "" }, "order_items[0].url"},
		{"quantity at least 1", func(p *paylater.InitiatePlansParams) { p.OrderItems[0].Quantity, p.Amount = 0, 0 }, "order_items[0].quantity"},
		{"customer first", func(p *paylater.InitiatePlansParams) { p.CustomerID = "" }, "customer_id"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := base()
			tc.edit(p)
			err := p.Validate()
			if tc.field == "" {
				require.NoError(t, err)
				return
			}
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, tc.field, ve.Field)
		})
	}
	assert.Equal(t, 3703.68, paylater.Total([]paylater.OrderItem{item(1234.56, 3)}))
}

type fixture struct {
	srv       *xendittest.Server
	pl        *paylater.Client
	callbacks chan *paylater.PaymentCallback
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	f := &fixture{srv: xendittest.NewServer(), callbacks: make(chan *paylater.PaymentCallback, 4)}
	t.Cleanup(f.srv.Close)
	h, err := xendit.NewWebhookHandler(func(_ context.Context, e *xendit.WebhookEvent) error {
		var cb paylater.PaymentCallback
		if err := e.Decode(&cb); err != nil {
			return err
		}
		f.callbacks <- &cb
		return nil
	}, xendit.WithCallbackTokens(xendittest.CallbackToken))
	require.NoError(t, err)
	receiver := httptest.NewServer(h)
	t.Cleanup(receiver.Close)
	f.srv.SetCallbacks("", xendittest.Callbacks{URL: receiver.URL})
	c, err := f.srv.Client(fastRetry)
	require.NoError(t, err)
	f.pl = paylater.New(c)
	return f
}

func (f *fixture) charge(t *testing.T, ref string) *paylater.Charge {
	t.Helper()
	ctx := context.Background()
	plan, err := f.pl.InitiatePlans(ctx, &paylater.InitiatePlansParams{CustomerID: "cust-1", ChannelCode: paylater.ChannelBillEase,
		Currency: paylater.PHP, Amount: 2469.12, OrderItems: []paylater.OrderItem{item(1234.56, 2)}})
	require.NoError(t, err)
	require.NotEmpty(t, plan.Options)
	c, err := f.pl.CreateCharge(ctx, &paylater.CreateChargeParams{PlanID: plan.ID, ReferenceID: ref,
		SuccessRedirectURL: "https://shop.example/ok", FailureRedirectURL: "https://shop.example/fail"})
	require.NoError(t, err)
	return c
}

func TestCheckoutRefundAndCancel(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	c := f.charge(t, "order-1")
	assert.Equal(t, paylater.ChargePending, c.Status)
	assert.Equal(t, 2469.12, c.Amount, "the charge inherits the plan's amount")
	assert.NotEmpty(t, c.Actions.DesktopWebCheckoutURL)

	require.NoError(t, f.srv.CompletePayLaterCharge(c.ID))
	cb := <-f.callbacks
	assert.Equal(t, paylater.ChargeSucceeded, cb.Data.Status)
	assert.Equal(t, "order-1", cb.Data.ReferenceID)

	var xe *xendit.Error
	_, err := f.pl.CreateRefund(ctx, &paylater.CreateRefundParams{ChargeID: c.ID, Amount: xendit.Ptr(100.0)})
	require.ErrorAs(t, err, &xe, "BillEase refunds in full only")
	assert.Equal(t, "PARTIAL_REFUND_NOT_SUPPORTED", xe.Code)
	r, err := f.pl.CreateRefund(ctx, &paylater.CreateRefundParams{ChargeID: c.ID, Reason: xendit.Ptr(paylater.ReasonChangeOfMind)})
	require.NoError(t, err)
	assert.Equal(t, paylater.RefundPending, r.Status)
	assert.Equal(t, 2469.12, r.Amount)
	got, err := f.pl.GetRefund(ctx, c.ID, r.ID)
	require.NoError(t, err)
	assert.Equal(t, paylater.RefundSucceeded, got.Status)
	list, err := f.pl.ListRefunds(ctx, &paylater.ListRefundsParams{ChargeID: c.ID, Status: xendit.Ptr(paylater.RefundSucceeded)})
	require.NoError(t, err)
	assert.Len(t, list.Data, 1)
	_, err = f.pl.CreateRefund(ctx, &paylater.CreateRefundParams{ChargeID: c.ID})
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, "MAXIMUM_REFUND_AMOUNT_REACHED", xe.Code)

	_, err = f.pl.CancelCharge(ctx, c.ID)
	require.ErrorAs(t, err, &xe, "only PENDING charges cancel")
	assert.Equal(t, "INELIGIBLE_TRANSACTION", xe.Code)
	other := f.charge(t, "order-2")
	cancelled, err := f.pl.CancelCharge(ctx, other.ID)
	require.NoError(t, err)
	assert.Equal(t, paylater.ChargeCancelled, cancelled.Status)
	assert.Error(t, f.srv.CompletePayLaterCharge(other.ID))

	_, err = f.pl.GetCharge(ctx, "order-2")
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, http.StatusBadRequest, xe.StatusCode, "ids must be plc_<UUID>")
	_, err = f.pl.GetCharge(ctx, "plc_00000000-0000-4000-8000-000000000000")
	assert.ErrorIs(t, err, xendit.ErrNotFound)
}

func TestFailedChargeCallback(t *testing.T) {
	f := newFixture(t)
	c := f.charge(t, "order-3")
	require.NoError(t, f.srv.FailPayLaterCharge(c.ID))
	assert.Equal(t, paylater.ChargeFailed, (<-f.callbacks).Data.Status)
}

func TestFakeRejectsAnUntalliedPlan(t *testing.T) {
	f := newFixture(t)
	c, err := f.srv.Client()
	require.NoError(t, err)
	err = c.Do(context.Background(), &xendit.Request{Endpoint: xendit.MustEndpoint("paylater.initiate_plans"),
		Body: paylater.InitiatePlansParams{CustomerID: "c", ChannelCode: paylater.ChannelKredivo, Currency: paylater.IDR,
			Amount: 1, OrderItems: []paylater.OrderItem{item(50000, 1)}}}, nil)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, xendit.CodeAPIValidation, xe.Code)
	assert.Contains(t, xe.Message, "Amount Does Not Tally")
}

func TestCreateChargeIsNotRepeatedAfterAmbiguousFailures(t *testing.T) {
	for name, fault := range map[string]xendittest.Fault{
		"503": {Status: http.StatusServiceUnavailable}, "dropped connection": {Drop: true},
	} {
		t.Run(name, func(t *testing.T) {
			f := newFixture(t)
			plan, err := f.pl.InitiatePlans(context.Background(), &paylater.InitiatePlansParams{CustomerID: "c",
				ChannelCode: paylater.ChannelKredivo, Currency: paylater.IDR, Amount: 50000, OrderItems: []paylater.OrderItem{item(50000, 1)}})
			require.NoError(t, err)
			fault.Method, fault.Path, fault.Times = http.MethodPost, "/paylater/charges", 3
			f.srv.InjectFault(fault)
			var resp xendit.Response
			_, err = f.pl.CreateCharge(context.Background(), &paylater.CreateChargeParams{PlanID: plan.ID, ReferenceID: "o",
				SuccessRedirectURL: "https://s.example/ok", FailureRedirectURL: "https://s.example/no"}, xendit.CaptureResponse(&resp))
			require.Error(t, err)
			assert.Equal(t, 1, resp.Attempts)
			assert.True(t, xendit.OutcomeUnknown(err))
		})
	}
}
