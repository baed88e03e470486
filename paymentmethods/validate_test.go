package paymentmethods_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/fake"
	"github.com/seed19b1029f/xendit-go/paymentmethods"
)

func eWallet(ch paymentmethods.EWalletChannelCode, props *paymentmethods.EWalletChannelProperties) *paymentmethods.CreateParams {
	return &paymentmethods.CreateParams{Type: paymentmethods.TypeEWallet, Reusability: paymentmethods.ReusabilityMultipleUse,
		CustomerID: xendit.Ptr("c"), EWallet: &paymentmethods.EWallet{ChannelCode: ch, ChannelProperties: props}}
}

func TestCreateRules(t *testing.T) {
	t.Parallel()
	okURL := xendit.Ptr("https://shop.example/back")
	urls := &paymentmethods.EWalletChannelProperties{SuccessReturnURL: okURL, FailureReturnURL: okURL}
	with := func(p *paymentmethods.CreateParams, f func(*paymentmethods.CreateParams)) *paymentmethods.CreateParams {
		f(p)
		return p
	}
	card := func(number, month, year string) *paymentmethods.CreateParams {
		return &paymentmethods.CreateParams{Type: paymentmethods.TypeCard, Reusability: paymentmethods.ReusabilityOneTimeUse,
			Card: &paymentmethods.CardParams{Currency: xendit.CurrencyIDR, CardInformation: &paymentmethods.CardDetails{
				CardNumber: number, ExpiryMonth: month, ExpiryYear: year}}}
	}
	cases := []struct {
		name   string
		params *paymentmethods.CreateParams
		field  string
	}{
		{"valid eWallet", eWallet(paymentmethods.EWalletChannelDANA, urls), ""},
		{"type", with(eWallet(paymentmethods.EWalletChannelDANA, urls), func(p *paymentmethods.CreateParams) { p.Type = "" }), "type"},
		{"reusability", with(eWallet(paymentmethods.EWalletChannelDANA, urls), func(p *paymentmethods.CreateParams) { p.Reusability = "" }), "reusability"},
		{"object of the type", with(eWallet(paymentmethods.EWalletChannelDANA, urls), func(p *paymentmethods.CreateParams) { p.Type = paymentmethods.TypeQRCode }), "qr_code"},
		{"no other object", with(virtualAccount("r", nil), func(p *paymentmethods.CreateParams) { p.QRCode = &paymentmethods.QRCode{} }), "qr_code"},
		{"linking needs a customer", with(eWallet(paymentmethods.EWalletChannelDANA, urls), func(p *paymentmethods.CreateParams) { p.CustomerID = nil }), "customer_id"},
		{"or a customer object", with(eWallet(paymentmethods.EWalletChannelDANA, urls), func(p *paymentmethods.CreateParams) {
			p.CustomerID, p.Customer = nil, map[string]any{"reference_id": "c"}
		}), ""},
		{"channel code", eWallet("", urls), "ewallet.channel_code"},
		{"ShopeePay needs a country", eWallet(paymentmethods.EWalletChannelShopeePay, urls), "country"},
		{"GCash is not in Indonesia", with(eWallet(paymentmethods.EWalletChannelGCash, urls), func(p *paymentmethods.CreateParams) { p.Country = xendit.Ptr(paymentmethods.CountryID) }), "country"},
		{"linking returns the customer", eWallet(paymentmethods.EWalletChannelDANA, nil), "ewallet.channel_properties.success_return_url"},
		{"Maya needs a cancel URL", eWallet(paymentmethods.EWalletChannelMaya, urls), "ewallet.channel_properties.cancel_return_url"},
		{"URLs are absolute", eWallet(paymentmethods.EWalletChannelDANA, &paymentmethods.EWalletChannelProperties{SuccessReturnURL: okURL, FailureReturnURL: xendit.Ptr("shop.example/no")}), "ewallet.channel_properties.failure_return_url"},
		{"valid direct debit", directDebit(), ""},
		{"direct debit channel", with(directDebit(), func(p *paymentmethods.CreateParams) { p.DirectDebit.ChannelCode = "" }), "direct_debit.channel_code"},
		{"direct debit properties", with(directDebit(), func(p *paymentmethods.CreateParams) { p.DirectDebit.ChannelProperties = nil }), "direct_debit.channel_properties"},
		{"valid virtual account", virtualAccount("r", nil), ""},
		{"virtual account properties", with(virtualAccount("r", nil), func(p *paymentmethods.CreateParams) { p.VirtualAccount.ChannelProperties = nil }), "virtual_account.channel_properties.customer_name"},
		{"virtual account holder", with(virtualAccount("r", nil), func(p *paymentmethods.CreateParams) { p.VirtualAccount.ChannelProperties.CustomerName = "" }), "virtual_account.channel_properties.customer_name"},
		{"virtual account amount", virtualAccount("r", xendit.Ptr(0.0)), "virtual_account.amount"},
		{"virtual account bounds", with(virtualAccount("r", nil), func(p *paymentmethods.CreateParams) {
			p.VirtualAccount.MinAmount, p.VirtualAccount.MaxAmount = xendit.Ptr(10.0), xendit.Ptr(5.0)
		}), "virtual_account.min_amount"},
		{"virtual account currency", with(virtualAccount("r", nil), func(p *paymentmethods.CreateParams) { p.VirtualAccount.Currency = "idr" }), "virtual_account.currency"},
		{"payment code payer", &paymentmethods.CreateParams{Type: paymentmethods.TypeOverTheCounter, Reusability: paymentmethods.ReusabilityOneTimeUse,
			OverTheCounter: &paymentmethods.OverTheCounter{ChannelCode: paymentmethods.OverTheCounterChannelAlfamart}}, "over_the_counter.channel_properties.customer_name"},
		{"QR channel", &paymentmethods.CreateParams{Type: paymentmethods.TypeQRCode, Reusability: paymentmethods.ReusabilityOneTimeUse,
			QRCode: &paymentmethods.QRCode{}}, "qr_code.channel_code"},
		{"valid card", card("4000000000001091", "12", "2030"), ""},
		{"card number", card("4000 0000", "12", "2030"), "card.card_information.card_number"},
		{"expiry month", card("4000000000001091", "9", "2030"), "card.card_information.expiry_month"},
		{"expiry year", card("4000000000001091", "12", "30"), "card.card_information.expiry_year"},
		{"card currency", with(card("4000000000001091", "12", "2030"), func(p *paymentmethods.CreateParams) { p.Card.Currency = "" }), "card.currency"},
		{"metadata", with(virtualAccount("r", nil), func(p *paymentmethods.CreateParams) { p.Metadata = map[string]any{"": 1} }), "metadata."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			fake.Invalid(t, tc.params.Validate(), tc.field)
		})
	}
}

func TestCardNumberNeverInErrors(t *testing.T) {
	t.Parallel()
	p := &paymentmethods.CreateParams{Type: paymentmethods.TypeCard, Reusability: paymentmethods.ReusabilityOneTimeUse,
		Card: &paymentmethods.CardParams{Currency: xendit.CurrencyIDR, CardInformation: &paymentmethods.CardDetails{
			CardNumber: "4000000000001091X", ExpiryMonth: "12", ExpiryYear: "2030"}}}
	err := p.Validate()
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "4000000000001091")
}

func TestOtherRules(t *testing.T) {
	t.Parallel()
	fake.Invalid(t, (&paymentmethods.UpdateParams{Status: xendit.Set(paymentmethods.StatusExpired)}).Validate(), "status")
	fake.Invalid(t, (&paymentmethods.UpdateParams{Status: xendit.Set(paymentmethods.StatusActive)}).Validate(), "")
	fake.Invalid(t, (&paymentmethods.UpdateParams{VirtualAccount: xendit.Set(paymentmethods.VirtualAccountUpdate{MaxAmount: xendit.Set(-1.0)})}).Validate(), "virtual_account.max_amount")
	fake.Invalid(t, (&paymentmethods.UpdateParams{OverTheCounter: xendit.Set(paymentmethods.OverTheCounterUpdate{Amount: xendit.Set(0.0)})}).Validate(), "over_the_counter.amount")
	fake.Invalid(t, (&paymentmethods.AuthorizeParams{}).Validate(), "auth_code")
	fake.Invalid(t, (&paymentmethods.ExpireParams{SuccessReturnURL: xendit.Ptr("nope")}).Validate(), "success_return_url")
	fake.Invalid(t, (&paymentmethods.ListParams{Limit: xendit.Ptr(101)}).Validate(), "limit")
	fake.Invalid(t, (&paymentmethods.ListParams{AfterID: xendit.Ptr("a"), BeforeID: xendit.Ptr("b")}).Validate(), "before_id")
	fake.Invalid(t, (&paymentmethods.ListPaymentsParams{Limit: xendit.Ptr(0)}).Validate(), "limit")
}

func TestNothingIsSentForBadParams(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := t.Context()
	_, err := f.pms.Create(ctx, nil)
	fake.Invalid(t, err, "params")
	_, err = f.pms.Update(ctx, "pm-1", &paymentmethods.UpdateParams{Status: xendit.Set(paymentmethods.StatusFailed)})
	fake.Invalid(t, err, "status")
	_, err = f.pms.Authorize(ctx, "pm-1", &paymentmethods.AuthorizeParams{})
	fake.Invalid(t, err, "auth_code")
	assert.Empty(t, f.srv.Requests())
}
