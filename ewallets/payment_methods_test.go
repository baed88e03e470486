package ewallets_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/customers"
	"github.com/seed19b1029f/xendit-go/ewallets"
	"github.com/seed19b1029f/xendit-go/internal/fake"
)

func TestTokenizedFlow(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := t.Context()
	pm, err := f.ew.CreatePaymentMethod(ctx, &ewallets.CreatePaymentMethodParams{
		CustomerID: "cust-1",
		EWallet: ewallets.LinkingEWallet{ChannelCode: ewallets.LinkingChannelOVO, ChannelProperties: ewallets.LinkingProperties{
			SuccessReturnURL: "https://shop.example/linked", FailureReturnURL: "https://shop.example/failed"}},
	})
	require.NoError(t, err)
	assert.Equal(t, ewallets.PaymentMethodStatusRequiresAction, pm.Status)
	assert.NotEmpty(t, pm.AuthURL("WEB"))
	var sent map[string]any
	reqs := f.srv.Requests()
	require.NoError(t, json.Unmarshal(reqs[len(reqs)-1].Body, &sent))
	assert.Equal(t, "EWALLET", sent["type"])
	assert.Equal(t, "MULTIPLE_USE", sent["reusability"])

	charge := &ewallets.CreateChargeParams{
		ReferenceID: "sub-1", Currency: xendit.CurrencyIDR, Amount: 50000, CheckoutMethod: ewallets.CheckoutMethodTokenizedPayment,
		PaymentMethodID: xendit.Ptr(pm.ID),
	}
	_, err = f.ew.CreateCharge(ctx, charge)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe, "a payment method that is not ACTIVE cannot be charged")
	assert.Equal(t, "INVALID_PAYMENT_METHOD_ID", xe.Code)

	require.NoError(t, f.srv.ActivatePaymentMethod(pm.ID))
	cb := f.next(t)
	assert.Equal(t, ewallets.EventPaymentMethodActivated, cb.Event)
	assert.Equal(t, ewallets.PaymentMethodStatusActive, cb.PaymentMethod.Status)

	c, err := f.ew.CreateCharge(ctx, charge)
	require.NoError(t, err)
	assert.Equal(t, ewallets.ChannelOVO, c.ChannelCode)
	assert.Equal(t, pm.ID, c.PaymentMethodID)

	got, err := f.ew.GetPaymentMethod(ctx, pm.ID)
	require.NoError(t, err)
	require.NotNil(t, got.EWallet.Account.Balance)

	gone, err := f.ew.ExpirePaymentMethod(ctx, pm.ID)
	require.NoError(t, err)
	assert.Equal(t, ewallets.PaymentMethodStatusExpired, gone.Status)
	_, err = f.ew.GetPaymentMethod(ctx, "pm-missing")
	assert.ErrorIs(t, err, xendit.ErrNotFound)

	require.NoError(t, f.srv.ExpirePaymentMethod(pm.ID))
	assert.Equal(t, ewallets.EventPaymentMethodExpired, f.next(t).Event)
}

func TestPaymentMethodRules(t *testing.T) {
	t.Parallel()
	ok := ewallets.LinkingProperties{SuccessReturnURL: okURL, FailureReturnURL: okURL}
	maya := ok
	maya.CancelReturnURL = xendit.Ptr(okURL)
	badCancel := maya
	badCancel.CancelReturnURL = xendit.Ptr("shop.example/cancel")
	cases := []struct {
		name   string
		params ewallets.CreatePaymentMethodParams
		field  string
	}{
		{"OVO", ewallets.CreatePaymentMethodParams{CustomerID: "c", EWallet: ewallets.LinkingEWallet{ChannelCode: ewallets.LinkingChannelOVO, ChannelProperties: ok}}, ""},
		{"ShopeePay needs a country", ewallets.CreatePaymentMethodParams{CustomerID: "c", EWallet: ewallets.LinkingEWallet{ChannelCode: ewallets.LinkingChannelShopeePay, ChannelProperties: ok}}, "country"},
		{"GCash is not in Indonesia", ewallets.CreatePaymentMethodParams{CustomerID: "c", Country: xendit.Ptr(ewallets.CountryID), EWallet: ewallets.LinkingEWallet{ChannelCode: ewallets.LinkingChannelGCash, ChannelProperties: ok}}, "country"},
		{"Maya needs a cancel URL", ewallets.CreatePaymentMethodParams{CustomerID: "c", EWallet: ewallets.LinkingEWallet{ChannelCode: ewallets.LinkingChannelMaya, ChannelProperties: ok}}, "ewallet.channel_properties.cancel_return_url"},
		{"Maya with a cancel URL", ewallets.CreatePaymentMethodParams{CustomerID: "c", EWallet: ewallets.LinkingEWallet{ChannelCode: ewallets.LinkingChannelMaya, ChannelProperties: maya}}, ""},
		{"cancel URL must be absolute", ewallets.CreatePaymentMethodParams{CustomerID: "c", EWallet: ewallets.LinkingEWallet{ChannelCode: ewallets.LinkingChannelMaya, ChannelProperties: badCancel}}, "ewallet.channel_properties.cancel_return_url"},
		{"ShopeePay in Malaysia", ewallets.CreatePaymentMethodParams{CustomerID: "c", Country: xendit.Ptr(ewallets.CountryMY), EWallet: ewallets.LinkingEWallet{ChannelCode: ewallets.LinkingChannelShopeePay, ChannelProperties: ok}}, ""},
		{"customer first", ewallets.CreatePaymentMethodParams{EWallet: ewallets.LinkingEWallet{ChannelCode: ewallets.LinkingChannelOVO, ChannelProperties: ok}}, "customer_id"},
		{"return URLs", ewallets.CreatePaymentMethodParams{CustomerID: "c", EWallet: ewallets.LinkingEWallet{ChannelCode: ewallets.LinkingChannelDANA}}, "ewallet.channel_properties.success_return_url"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			fake.Invalid(t, tc.params.Validate(), tc.field)
		})
	}
}

func TestCheckLinkingCustomerFollowsEachChannelsRequirements(t *testing.T) {
	t.Parallel()
	mobile := xendit.Ptr("+6287774441111")
	cases := []struct {
		channel ewallets.LinkingChannel
		params  customers.CreateParamsV20200519
		field   string // "" when valid
	}{
		{ewallets.LinkingChannelOVO, customers.CreateParamsV20200519{ReferenceID: "r", GivenNames: "John", MobileNumber: mobile}, ""},
		{ewallets.LinkingChannelOVO, customers.CreateParamsV20200519{ReferenceID: "r", MobileNumber: mobile}, "given_names"},
		{ewallets.LinkingChannelOVO, customers.CreateParamsV20200519{ReferenceID: "r", GivenNames: "John"}, "mobile_number"},
		{ewallets.LinkingChannelOVO, customers.CreateParamsV20200519{ReferenceID: "r", GivenNames: "John", MobileNumber: xendit.Ptr("087774441111")}, "mobile_number"},
		{ewallets.LinkingChannelLinkAja, customers.CreateParamsV20200519{ReferenceID: "r", MobileNumber: mobile}, ""},
		{ewallets.LinkingChannelLinkAja, customers.CreateParamsV20200519{ReferenceID: "r"}, "mobile_number"},
		{ewallets.LinkingChannelDANA, customers.CreateParamsV20200519{ReferenceID: "r"}, ""},
		{ewallets.LinkingChannelGCash, customers.CreateParamsV20200519{}, "reference_id"},
	}
	for _, tc := range cases {
		fake.Invalid(t, ewallets.CheckLinkingCustomer(tc.channel, &tc.params), tc.field)
	}
	assert.Error(t, ewallets.CheckLinkingCustomer(ewallets.LinkingChannelOVO, nil))
}
