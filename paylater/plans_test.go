package paylater_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/fake"
	"github.com/seed19b1029f/xendit-go/internal/jsontest"
	"github.com/seed19b1029f/xendit-go/paylater"
)

func item(amount float64, qty int) paylater.OrderItem {
	return paylater.OrderItem{Type: paylater.ItemTypePhysicalProduct, ReferenceID: "SKU-1", Name: "Vacuum",
		NetUnitAmount: amount, Quantity: qty, URL: "https://shop.example/vacuum", Category: "Electronics"}
}

func TestInitiatePlansRules(t *testing.T) {
	t.Parallel()
	var planExample paylater.InitiatePlansParams
	jsontest.Strict(t, "paylater.initiate_plans.request.json", &planExample)
	// The reference's own example does not tally: 3073.68 vs 3 x 1234.56.
	fake.Invalid(t, planExample.Validate(), "amount")
	planExample.Amount = paylater.Total(planExample.OrderItems)
	require.NoError(t, planExample.Validate())

	base := func() *paylater.InitiatePlansParams {
		return &paylater.InitiatePlansParams{CustomerID: "cust-1", ChannelCode: paylater.ChannelKredivo, Currency: xendit.CurrencyIDR,
			Amount: 150000, OrderItems: []paylater.OrderItem{item(50000, 3)}}
	}
	discount := item(-10000, 1)
	discount.Type = paylater.ItemTypeDiscount
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
		{"currency per channel", func(p *paylater.InitiatePlansParams) { p.Currency = xendit.CurrencyPHP }, "currency"},
		{"below the channel minimum", func(p *paylater.InitiatePlansParams) {
			p.ChannelCode, p.OrderItems, p.Amount = paylater.ChannelIndodana, []paylater.OrderItem{item(9000, 1)}, 9000
		}, "amount"},
		{"above the channel maximum", func(p *paylater.InitiatePlansParams) {
			p.ChannelCode, p.Currency, p.OrderItems, p.Amount = paylater.ChannelCashalo, xendit.CurrencyPHP, []paylater.OrderItem{item(8000.01, 1)}, 8000.01
		}, "amount"},
		{"item url required", func(p *paylater.InitiatePlansParams) { p.OrderItems[0].URL = "" }, "order_items[0].url"},
		{"item url absolute", func(p *paylater.InitiatePlansParams) { p.OrderItems[0].URL = "shop.example/x" }, "order_items[0].url"},
		{"item name up to 255", func(p *paylater.InitiatePlansParams) { p.OrderItems[0].Name = strings.Repeat("n", 256) }, "order_items[0].name"},
		{"channel required", func(p *paylater.InitiatePlansParams) { p.ChannelCode = "" }, "channel_code"},
		{"quantity at least 1", func(p *paylater.InitiatePlansParams) { p.OrderItems[0].Quantity, p.Amount = 0, 0 }, "order_items[0].quantity"},
		{"customer first", func(p *paylater.InitiatePlansParams) { p.CustomerID = "" }, "customer_id"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p := base()
			tc.edit(p)
			fake.Invalid(t, p.Validate(), tc.field)
		})
	}
	assert.Equal(t, 3703.68, paylater.Total([]paylater.OrderItem{item(1234.56, 3)}))
}

func TestFakeRejectsAnUntalliedPlan(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c, err := f.srv.Client()
	require.NoError(t, err)
	err = c.Do(t.Context(), &xendit.Request{Endpoint: xendit.MustEndpoint("paylater.initiate_plans"),
		Body: paylater.InitiatePlansParams{CustomerID: "c", ChannelCode: paylater.ChannelKredivo, Currency: xendit.CurrencyIDR,
			Amount: 1, OrderItems: []paylater.OrderItem{item(50000, 1)}}}, nil)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, xendit.CodeAPIValidation, xe.Code)
	assert.Contains(t, xe.Message, "Amount Does Not Tally")
}
