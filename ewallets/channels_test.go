package ewallets_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/ewallets"
	"github.com/seed19b1029f/xendit-go/internal/fake"
)

const okURL = "https://shop.example/done"

func oneTime(ch ewallets.ChannelCode, cur xendit.Currency, props *ewallets.ChannelProperties) *ewallets.CreateChargeParams {
	return &ewallets.CreateChargeParams{
		ReferenceID: "order-1", Currency: cur, Amount: 10000, CheckoutMethod: ewallets.CheckoutMethodOneTimePayment,
		ChannelCode: xendit.Ptr(ch), ChannelProperties: props,
	}
}

func tokenizedCharge(ch ewallets.ChannelCode, cur xendit.Currency, props *ewallets.ChannelProperties) *ewallets.CreateChargeParams {
	p := oneTime(ch, cur, props)
	p.CheckoutMethod, p.PaymentMethodID = ewallets.CheckoutMethodTokenizedPayment, xendit.Ptr("pm-1")
	return p
}

// TestChannelRules walks the reference's channel table: every rule is one
// case, with the field the error must name ("" for valid input).
func TestChannelRules(t *testing.T) {
	t.Parallel()
	ok := xendit.Ptr(okURL)
	success := &ewallets.ChannelProperties{SuccessRedirectURL: ok}
	successFailure := &ewallets.ChannelProperties{SuccessRedirectURL: ok, FailureRedirectURL: ok}
	wechatMY := func(device ewallets.DeviceType, ip *string) *ewallets.ChannelProperties {
		return &ewallets.ChannelProperties{DeviceType: &device, PayerIPAddress: ip,
			SuccessRedirectURL: ok, FailureRedirectURL: ok, PendingRedirectURL: ok}
	}
	jenius := func(amount float64) *ewallets.CreateChargeParams {
		p := oneTime(ewallets.ChannelJeniusPay, xendit.CurrencyIDR, &ewallets.ChannelProperties{Cashtag: xendit.Ptr("$budi_01")})
		p.Amount = amount
		return p
	}
	cases := []struct {
		name   string
		params *ewallets.CreateChargeParams
		field  string
	}{
		{"OVO one-time with a mobile number", oneTime(ewallets.ChannelOVO, xendit.CurrencyIDR, &ewallets.ChannelProperties{MobileNumber: xendit.Ptr("+628123123123")}), ""},
		{"OVO one-time needs a mobile number", oneTime(ewallets.ChannelOVO, xendit.CurrencyIDR, success), "channel_properties.mobile_number"},
		{"OVO one-time without properties", oneTime(ewallets.ChannelOVO, xendit.CurrencyIDR, nil), "channel_properties.mobile_number"},
		{"OVO mobile number must be E.164", oneTime(ewallets.ChannelOVO, xendit.CurrencyIDR, &ewallets.ChannelProperties{MobileNumber: xendit.Ptr("08123123123")}), "channel_properties.mobile_number"},
		{"OVO tokenized needs a failure URL", tokenizedCharge(ewallets.ChannelOVO, xendit.CurrencyIDR, success), "channel_properties.failure_redirect_url"},
		{"OVO tokenized with both URLs", tokenizedCharge(ewallets.ChannelOVO, xendit.CurrencyIDR, successFailure), ""},
		{"DANA needs a success URL", oneTime(ewallets.ChannelDANA, xendit.CurrencyIDR, nil), "channel_properties.success_redirect_url"},
		{"DANA tokenized is undocumented: sent unchecked", tokenizedCharge(ewallets.ChannelDANA, xendit.CurrencyIDR, nil), ""},
		{"ShopeePay ID in PHP", oneTime(ewallets.ChannelShopeePayID, xendit.CurrencyPHP, success), "currency"},
		{"GCash in IDR", tokenizedCharge(ewallets.ChannelGCash, xendit.CurrencyIDR, successFailure), "currency"},
		{"Maya needs a cancel URL", oneTime(ewallets.ChannelMaya, xendit.CurrencyPHP, successFailure), "channel_properties.cancel_redirect_url"},
		{"MoMo needs a pending URL", oneTime(ewallets.ChannelMoMo, xendit.CurrencyVND, success), "channel_properties.pending_redirect_url"},
		{"LINE Pay in THB", oneTime(ewallets.ChannelLINEPay, xendit.CurrencyTHB, success), ""},
		{"WeChat Pay MY needs device_type", oneTime(ewallets.ChannelWeChatPayMY, xendit.CurrencyMYR, successFailure), "channel_properties.device_type"},
		{"WeChat Pay MY desktop", oneTime(ewallets.ChannelWeChatPayMY, xendit.CurrencyMYR, wechatMY(ewallets.DeviceTypeDesktop, nil)), ""},
		{"WeChat Pay MY mobile needs the payer IP", oneTime(ewallets.ChannelWeChatPayMY, xendit.CurrencyMYR, wechatMY(ewallets.DeviceTypeMobile, nil)), "channel_properties.payer_ip_address"},
		{"WeChat Pay MY mobile with IP", oneTime(ewallets.ChannelWeChatPayMY, xendit.CurrencyMYR, wechatMY(ewallets.DeviceTypeMobile, xendit.Ptr("192.168.0.1"))), ""},
		{"device_type must be known", oneTime(ewallets.ChannelWeChatPayMY, xendit.CurrencyMYR, wechatMY("TABLET", nil)), "channel_properties.device_type"},
		{"GrabPay MY one-time needs nothing", oneTime(ewallets.ChannelGrabPayMY, xendit.CurrencyMYR, nil), ""},
		{"GrabPay MY tokenized takes one option", tokenizedCharge(ewallets.ChannelGrabPayMY, xendit.CurrencyMYR, &ewallets.ChannelProperties{
			SuccessRedirectURL: ok, FailureRedirectURL: ok,
			AllowedPaymentOptions: []ewallets.GrabPayOption{ewallets.GrabPayOptionPaylaterPostpaid, ewallets.GrabPayOptionPaylaterInstallments4Mo}}), "channel_properties.allowed_payment_options"},
		{"redeem_points must be known", tokenizedCharge(ewallets.ChannelOVO, xendit.CurrencyIDR, &ewallets.ChannelProperties{
			SuccessRedirectURL: ok, FailureRedirectURL: ok, RedeemPoints: xendit.Ptr(ewallets.RedeemPoints("REDEEM_SOME"))}), "channel_properties.redeem_points"},
		{"redeem_points REDEEM_ALL", tokenizedCharge(ewallets.ChannelOVO, xendit.CurrencyIDR, &ewallets.ChannelProperties{
			SuccessRedirectURL: ok, FailureRedirectURL: ok, RedeemPoints: xendit.Ptr(ewallets.RedeemPointsAll)}), ""},
		{"payer IP must be an IP", oneTime(ewallets.ChannelWeChatPayMY, xendit.CurrencyMYR, wechatMY(ewallets.DeviceTypeMobile, xendit.Ptr("phone"))), "channel_properties.payer_ip_address"},
		{"a mobile number set to empty is checked", oneTime(ewallets.ChannelDANA, xendit.CurrencyIDR, &ewallets.ChannelProperties{
			SuccessRedirectURL: ok, MobileNumber: xendit.Ptr("")}), "channel_properties.mobile_number"},
		{"Jenius at its minimum", jenius(1000), ""},
		{"Jenius below its minimum", jenius(999), "amount"},
		{"Jenius cashtag format", oneTime(ewallets.ChannelJeniusPay, xendit.CurrencyIDR, &ewallets.ChannelProperties{Cashtag: xendit.Ptr("budi")}), "channel_properties.cashtag"},
		{"redirect URL must be absolute", oneTime(ewallets.ChannelDANA, xendit.CurrencyIDR, &ewallets.ChannelProperties{SuccessRedirectURL: xendit.Ptr("/done")}), "channel_properties.success_redirect_url"},
		{"an unknown channel is the API's to judge", oneTime("ID_NEWWALLET", xendit.CurrencyIDR, nil), ""},
		{"tokenized needs a payment method", &ewallets.CreateChargeParams{ReferenceID: "r", Currency: xendit.CurrencyIDR, Amount: 100, CheckoutMethod: ewallets.CheckoutMethodTokenizedPayment}, "payment_method_id"},
		{"one-time needs a channel", &ewallets.CreateChargeParams{ReferenceID: "r", Currency: xendit.CurrencyIDR, Amount: 100, CheckoutMethod: ewallets.CheckoutMethodOneTimePayment}, "channel_code"},
		{"reference_id is required", &ewallets.CreateChargeParams{Currency: xendit.CurrencyIDR, Amount: 100, CheckoutMethod: ewallets.CheckoutMethodOneTimePayment}, "reference_id"},
		{"reference_id up to 255", &ewallets.CreateChargeParams{ReferenceID: strings.Repeat("r", 256), Currency: xendit.CurrencyIDR, Amount: 100}, "reference_id"},
		{"amount must be positive", &ewallets.CreateChargeParams{ReferenceID: "r", Currency: xendit.CurrencyIDR, CheckoutMethod: ewallets.CheckoutMethodOneTimePayment}, "amount"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			fake.Invalid(t, tc.params.Validate(), tc.field)
		})
	}
}

func TestBasketAndMetadataLimits(t *testing.T) {
	t.Parallel()
	p := oneTime(ewallets.ChannelDANA, xendit.CurrencyIDR, &ewallets.ChannelProperties{SuccessRedirectURL: xendit.Ptr(okURL)})
	p.Basket = []ewallets.BasketItem{{ReferenceID: "sku", Name: "Tea", Category: "Food", Currency: xendit.CurrencyIDR, Price: 10000, Quantity: 1}}
	fake.Invalid(t, p.Validate(), "basket[0].type")

	p.Basket[0].Type = ewallets.BasketItemTypeProduct
	require.NoError(t, p.Validate())

	p.Metadata = map[string]any{strings.Repeat("k", 41): "v"}
	fake.Invalid(t, p.Validate(), "metadata."+strings.Repeat("k", 41))

	p.Metadata = map[string]any{"note": strings.Repeat("v", 501)}
	fake.Invalid(t, p.Validate(), "metadata.note")
}

func TestChannelCurrency(t *testing.T) {
	t.Parallel()
	cur, ok := ewallets.ChannelGrabPayPH.Currency()
	assert.True(t, ok)
	assert.Equal(t, xendit.CurrencyPHP, cur)
	_, ok = ewallets.ChannelCode("XX_NEW").Currency()
	assert.False(t, ok)
	assert.Equal(t, 1000.0, ewallets.ChannelJeniusPay.MinAmount())
}
