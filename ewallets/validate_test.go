package ewallets_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/ewallets"
)

const okURL = "https://shop.example/done"

func oneTime(ch ewallets.ChannelCode, cur ewallets.Currency, props *ewallets.ChannelProperties) *ewallets.CreateChargeParams {
	return &ewallets.CreateChargeParams{
		ReferenceID: "order-1", Currency: cur, Amount: 10000, CheckoutMethod: ewallets.OneTimePayment,
		ChannelCode: ch, ChannelProperties: props,
	}
}

func tokenizedCharge(ch ewallets.ChannelCode, cur ewallets.Currency, props *ewallets.ChannelProperties) *ewallets.CreateChargeParams {
	p := oneTime(ch, cur, props)
	p.CheckoutMethod, p.PaymentMethodID = ewallets.TokenizedPayment, xendit.Ptr("pm-1")
	return p
}

// TestChannelRules walks the reference's channel table: every rule is one
// case, with the field the error must name ("" for valid input).
func TestChannelRules(t *testing.T) {
	success := &ewallets.ChannelProperties{SuccessRedirectURL: okURL}
	successFailure := &ewallets.ChannelProperties{SuccessRedirectURL: okURL, FailureRedirectURL: okURL}
	wechatMY := func(device ewallets.DeviceType, ip string) *ewallets.ChannelProperties {
		return &ewallets.ChannelProperties{DeviceType: device, PayerIPAddress: ip,
			SuccessRedirectURL: okURL, FailureRedirectURL: okURL, PendingRedirectURL: okURL}
	}
	jenius := func(amount float64) *ewallets.CreateChargeParams {
		p := oneTime(ewallets.ChannelJeniusPay, ewallets.IDR, &ewallets.ChannelProperties{Cashtag: "$budi_01"})
		p.Amount = amount
		return p
	}
	cases := []struct {
		name   string
		params *ewallets.CreateChargeParams
		field  string
	}{
		{"OVO one-time with a mobile number", oneTime(ewallets.ChannelOVO, ewallets.IDR, &ewallets.ChannelProperties{MobileNumber: "+628123123123"}), ""},
		{"OVO one-time needs a mobile number", oneTime(ewallets.ChannelOVO, ewallets.IDR, success), "channel_properties.mobile_number"},
		{"OVO one-time without properties", oneTime(ewallets.ChannelOVO, ewallets.IDR, nil), "channel_properties.mobile_number"},
		{"OVO mobile number must be E.164", oneTime(ewallets.ChannelOVO, ewallets.IDR, &ewallets.ChannelProperties{MobileNumber: "08123123123"}), "channel_properties.mobile_number"},
		{"OVO tokenized needs a failure URL", tokenizedCharge(ewallets.ChannelOVO, ewallets.IDR, success), "channel_properties.failure_redirect_url"},
		{"OVO tokenized with both URLs", tokenizedCharge(ewallets.ChannelOVO, ewallets.IDR, successFailure), ""},
		{"DANA needs a success URL", oneTime(ewallets.ChannelDANA, ewallets.IDR, nil), "channel_properties.success_redirect_url"},
		{"DANA tokenized is undocumented: sent unchecked", tokenizedCharge(ewallets.ChannelDANA, ewallets.IDR, nil), ""},
		{"ShopeePay ID in PHP", oneTime(ewallets.ChannelShopeePayID, ewallets.PHP, success), "currency"},
		{"GCash in IDR", tokenizedCharge(ewallets.ChannelGCash, ewallets.IDR, successFailure), "currency"},
		{"Maya needs a cancel URL", oneTime(ewallets.ChannelMaya, ewallets.PHP, successFailure), "channel_properties.cancel_redirect_url"},
		{"MoMo needs a pending URL", oneTime(ewallets.ChannelMoMo, ewallets.VND, success), "channel_properties.pending_redirect_url"},
		{"LINE Pay in THB", oneTime(ewallets.ChannelLINEPay, ewallets.THB, success), ""},
		{"WeChat Pay MY needs device_type", oneTime(ewallets.ChannelWeChatPayMY, ewallets.MYR, successFailure), "channel_properties.device_type"},
		{"WeChat Pay MY desktop", oneTime(ewallets.ChannelWeChatPayMY, ewallets.MYR, wechatMY(ewallets.DeviceDesktop, "")), ""},
		{"WeChat Pay MY mobile needs the payer IP", oneTime(ewallets.ChannelWeChatPayMY, ewallets.MYR, wechatMY(ewallets.DeviceMobile, "")), "channel_properties.payer_ip_address"},
		{"WeChat Pay MY mobile with IP", oneTime(ewallets.ChannelWeChatPayMY, ewallets.MYR, wechatMY(ewallets.DeviceMobile, "192.168.0.1")), ""},
		{"device_type must be known", oneTime(ewallets.ChannelWeChatPayMY, ewallets.MYR, wechatMY("TABLET", "")), "channel_properties.device_type"},
		{"GrabPay MY one-time needs nothing", oneTime(ewallets.ChannelGrabPayMY, ewallets.MYR, nil), ""},
		{"GrabPay MY tokenized takes one option", tokenizedCharge(ewallets.ChannelGrabPayMY, ewallets.MYR, &ewallets.ChannelProperties{
			SuccessRedirectURL: okURL, FailureRedirectURL: okURL,
			AllowedPaymentOptions: []ewallets.GrabPayOption{ewallets.GrabPayPostpaid, ewallets.GrabPayInstallments4Month}}), "channel_properties.allowed_payment_options"},
		{"Jenius at its minimum", jenius(1000), ""},
		{"Jenius below its minimum", jenius(999), "amount"},
		{"Jenius cashtag format", oneTime(ewallets.ChannelJeniusPay, ewallets.IDR, &ewallets.ChannelProperties{Cashtag: "budi"}), "channel_properties.cashtag"},
		{"redirect URL must be absolute", oneTime(ewallets.ChannelDANA, ewallets.IDR, &ewallets.ChannelProperties{SuccessRedirectURL: "/done"}), "channel_properties.success_redirect_url"},
		{"an unknown channel is the API's to judge", oneTime("ID_NEWWALLET", ewallets.IDR, nil), ""},
		{"tokenized needs a payment method", &ewallets.CreateChargeParams{ReferenceID: "r", Currency: ewallets.IDR, Amount: 100, CheckoutMethod: ewallets.TokenizedPayment}, "payment_method_id"},
		{"one-time needs a channel", &ewallets.CreateChargeParams{ReferenceID: "r", Currency: ewallets.IDR, Amount: 100, CheckoutMethod: ewallets.OneTimePayment}, "channel_code"},
		{"reference_id is required", &ewallets.CreateChargeParams{Currency: ewallets.IDR, Amount: 100, CheckoutMethod: ewallets.OneTimePayment}, "reference_id"},
		{"reference_id up to 255", &ewallets.CreateChargeParams{ReferenceID: strings.Repeat("r", 256), Currency: ewallets.IDR, Amount: 100}, "reference_id"},
		{"amount must be positive", &ewallets.CreateChargeParams{ReferenceID: "r", Currency: ewallets.IDR, CheckoutMethod: ewallets.OneTimePayment}, "amount"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.params.Validate()
			if tc.field == "" {
				require.NoError(t, err)
				return
			}
			var ve *xendit.ValidationError
			require.True(t, errors.As(err, &ve), "want a *xendit.ValidationError, got %v", err)
			assert.Equal(t, tc.field, ve.Field)
			assert.ErrorIs(t, err, xendit.ErrValidation)
		})
	}
}

func TestBasketAndMetadataLimits(t *testing.T) {
	p := oneTime(ewallets.ChannelDANA, ewallets.IDR, &ewallets.ChannelProperties{SuccessRedirectURL: okURL})
	p.Basket = []ewallets.BasketItem{{ReferenceID: "sku", Name: "Tea", Category: "Food", Currency: ewallets.IDR, Price: 10000, Quantity: 1}}
	var ve *xendit.ValidationError
	require.ErrorAs(t, p.Validate(), &ve)
	assert.Equal(t, "basket[0].type", ve.Field)

	p.Basket[0].Type = ewallets.BasketProduct
	require.NoError(t, p.Validate())

	p.Metadata = map[string]any{strings.Repeat("k", 41): "v"}
	require.ErrorAs(t, p.Validate(), &ve)
	assert.True(t, strings.HasPrefix(ve.Field, "metadata."), ve.Field)

	p.Metadata = map[string]any{"note": strings.Repeat("v", 501)}
	require.ErrorAs(t, p.Validate(), &ve)
}

func TestPaymentMethodRules(t *testing.T) {
	ok := ewallets.LinkingProperties{SuccessReturnURL: okURL, FailureReturnURL: okURL}
	cases := []struct {
		name   string
		params ewallets.CreatePaymentMethodParams
		field  string
	}{
		{"OVO", ewallets.CreatePaymentMethodParams{CustomerID: "c", EWallet: ewallets.LinkingEWallet{ChannelCode: ewallets.LinkOVO, ChannelProperties: ok}}, ""},
		{"ShopeePay needs a country", ewallets.CreatePaymentMethodParams{CustomerID: "c", EWallet: ewallets.LinkingEWallet{ChannelCode: ewallets.LinkShopeePay, ChannelProperties: ok}}, "country"},
		{"GCash is not in Indonesia", ewallets.CreatePaymentMethodParams{CustomerID: "c", Country: ewallets.Indonesia, EWallet: ewallets.LinkingEWallet{ChannelCode: ewallets.LinkGCash, ChannelProperties: ok}}, "country"},
		{"Maya needs a cancel URL", ewallets.CreatePaymentMethodParams{CustomerID: "c", EWallet: ewallets.LinkingEWallet{ChannelCode: ewallets.LinkMaya, ChannelProperties: ok}}, "ewallet.channel_properties.cancel_return_url"},
		{"customer first", ewallets.CreatePaymentMethodParams{EWallet: ewallets.LinkingEWallet{ChannelCode: ewallets.LinkOVO, ChannelProperties: ok}}, "customer_id"},
		{"return URLs", ewallets.CreatePaymentMethodParams{CustomerID: "c", EWallet: ewallets.LinkingEWallet{ChannelCode: ewallets.LinkDANA}}, "ewallet.channel_properties.success_return_url"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.params.Validate()
			if tc.field == "" {
				require.NoError(t, err)
				return
			}
			var ve *xendit.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, tc.field, ve.Field)
		})
	}
}

func TestChannelCurrency(t *testing.T) {
	cur, ok := ewallets.ChannelGrabPayPH.Currency()
	assert.True(t, ok)
	assert.Equal(t, ewallets.PHP, cur)
	_, ok = ewallets.ChannelCode("XX_NEW").Currency()
	assert.False(t, ok)
	assert.Equal(t, 1000.0, ewallets.ChannelJeniusPay.MinAmount())
}
