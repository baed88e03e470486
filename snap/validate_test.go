package snap_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/snap"
)

// validator is what every params type is.
type validator interface{ Validate() error }

// Each rule of each Validate, broken once on a valid value: the error is a
// *xendit.ValidationError naming the field.
func TestValidateNamesTheBrokenField(t *testing.T) {
	t.Parallel()
	ovo := func(f func(p *snap.CreateAccountBindingParams)) validator {
		p := &snap.CreateAccountBindingParams{PhoneNo: xendit.Ptr("+628123123123"),
			AdditionalInfo: snap.BindingAddition{PayMethod: snap.PayMethodEWallet, PayOption: snap.PayOptionOVO}}
		f(p)
		return p
	}
	bri := func(f func(p *snap.CreateAccountBindingParams)) validator {
		p := briBinding()
		f(p)
		return p
	}
	va := func(f func(p *snap.CreateVAParams)) validator {
		p := vaParams("order-1")
		f(p)
		return p
	}
	update := func(f func(p *snap.UpdateVAParams)) validator {
		p := &snap.UpdateVAParams{VirtualAccountName: "Budi", TotalAmount: xendit.Ptr(snap.IDR(1000))}
		f(p)
		return p
	}
	qr := func(f func(p *snap.CreateQRParams)) validator {
		p := &snap.CreateQRParams{Amount: xendit.Ptr(snap.IDR(1000)),
			AdditionalInfo: snap.CreateQRAddition{Reusability: snap.ReusabilityOneTimeUse}}
		f(p)
		return p
	}
	debit := func(f func(p *snap.CreateDirectDebitParams)) validator {
		p := &snap.CreateDirectDebitParams{PartnerReferenceNo: "order-1", Amount: snap.IDR(1000),
			AdditionalInfo: snap.DirectDebitAddition{CustomerID: "cust-1", PaymentMethodID: xendit.Ptr("pm-1")}}
		f(p)
		return p
	}
	dana := []snap.PayOptionDetail{{PayMethod: snap.PayMethodEWallet, PayOption: snap.PayOptionDANA}}
	cases := []struct {
		name, field string
		params      validator
	}{
		{"binding without pay method", "additionalInfo", ovo(func(p *snap.CreateAccountBindingParams) { p.AdditionalInfo.PayMethod = "" })},
		{"OVO as direct debit", "additionalInfo.payOption", ovo(func(p *snap.CreateAccountBindingParams) { p.AdditionalInfo.PayMethod = snap.PayMethodDirectDebit })},
		{"one-time OVO without phone", "phoneNo", ovo(func(p *snap.CreateAccountBindingParams) { p.PhoneNo = nil })},
		{"JENIUSPAY without cashtag", "additionalInfo.channelProperties.cashtag", ovo(func(p *snap.CreateAccountBindingParams) { p.AdditionalInfo.PayOption = snap.PayOptionJeniusPay })},
		{"customer without user id", "additionalData.userId", ovo(func(p *snap.CreateAccountBindingParams) { p.AdditionalData = &snap.BindingCustomer{} })},
		{"BRI without phone", "phoneNo", bri(func(p *snap.CreateAccountBindingParams) { p.PhoneNo = xendit.Ptr("") })},
		{"BRI without email", "additionalData.email", bri(func(p *snap.CreateAccountBindingParams) { p.AdditionalData.Email = nil })},
		{"BRI without card digits", "additionalInfo.channelProperties.cardLastFour", bri(func(p *snap.CreateAccountBindingParams) { p.AdditionalInfo.ChannelProperties.CardLastFour = nil })},
		{"BRI without card expiry", "additionalInfo.channelProperties.cardExpiry", bri(func(p *snap.CreateAccountBindingParams) { p.AdditionalInfo.ChannelProperties.CardExpiry = nil })},

		{"OTP without code", "otp", &snap.VerifyOTPParams{Type: snap.OTPTypePayment}},
		{"OTP of no type", "type", &snap.VerifyOTPParams{OTP: "123456"}},
		{"OTP of an unknown type", "type", &snap.VerifyOTPParams{OTP: "123456", Type: "login"}},

		{"VA without name", "virtualAccountName", va(func(p *snap.CreateVAParams) { p.VirtualAccountName = "" })},
		{"VA without trxId", "trxId", va(func(p *snap.CreateVAParams) { p.TrxID = "" })},
		{"VA without channel", "additionalInfo.channelCode", va(func(p *snap.CreateVAParams) { p.AdditionalInfo.ChannelCode = "" })},
		{"VA amount without decimals", "totalAmount.value", va(func(p *snap.CreateVAParams) { p.TotalAmount.Value = "10000" })},
		{"VA amount in USD", "totalAmount.currency", va(func(p *snap.CreateVAParams) { p.TotalAmount.Currency = xendit.CurrencyUSD })},
		{"update without name", "virtualAccountName", update(func(p *snap.UpdateVAParams) { p.VirtualAccountName = "" })},
		{"update amount with three decimals", "totalAmount.value", update(func(p *snap.UpdateVAParams) { p.TotalAmount.Value = "1.000" })},

		{"QR without reusability", "additionalInfo.reusability", qr(func(p *snap.CreateQRParams) { p.AdditionalInfo.Reusability = "" })},
		{"one-time QR without amount", "amount", qr(func(p *snap.CreateQRParams) { p.Amount = nil })},
		{"QR amount with a separator", "amount.value", qr(func(p *snap.CreateQRParams) { p.Amount.Value = "1,000.00" })},

		{"debit without reference", "partnerReferenceNo", debit(func(p *snap.CreateDirectDebitParams) { p.PartnerReferenceNo = "" })},
		{"debit without amount", "amount.value", debit(func(p *snap.CreateDirectDebitParams) { p.Amount = snap.Amount{Currency: xendit.CurrencyIDR} })},
		{"debit without customer", "additionalInfo.customerId", debit(func(p *snap.CreateDirectDebitParams) { p.AdditionalInfo.CustomerID = "" })},
		{"debit with account and channel", "payOptionDetails", debit(func(p *snap.CreateDirectDebitParams) { p.PayOptionDetails = dana })},
		{"debit with two channels", "payOptionDetails", debit(func(p *snap.CreateDirectDebitParams) {
			p.AdditionalInfo.PaymentMethodID, p.PayOptionDetails = nil, append(dana, dana...)
		})},
		{"debit with neither", "additionalInfo.paymentMethodId", debit(func(p *snap.CreateDirectDebitParams) { p.AdditionalInfo.PaymentMethodID = xendit.Ptr("") })},
		{"debit channel without option", "payOptionDetails[0]", debit(func(p *snap.CreateDirectDebitParams) {
			p.AdditionalInfo.PaymentMethodID, p.PayOptionDetails = nil, []snap.PayOptionDetail{{PayMethod: snap.PayMethodEWallet}}
		})},
		{"BRI as an e-wallet", "payOptionDetails[0].payOption", debit(func(p *snap.CreateDirectDebitParams) {
			p.AdditionalInfo.PaymentMethodID, p.PayOptionDetails = nil, []snap.PayOptionDetail{{PayMethod: snap.PayMethodEWallet, PayOption: snap.PayOptionBRI}}
		})},

		{"refund amount without decimals", "refundAmount.value", &snap.RefundDirectDebitParams{RefundAmount: &snap.Amount{Value: "5", Currency: xendit.CurrencyIDR}}},
	}
	for _, c := range cases {
		err := c.params.Validate()
		var ve *xendit.ValidationError
		if assert.ErrorAs(t, err, &ve, c.name) {
			assert.Equal(t, c.field, ve.Field, c.name)
		}
	}

	for _, ok := range []validator{ovo(func(*snap.CreateAccountBindingParams) {}), bri(func(*snap.CreateAccountBindingParams) {}),
		&snap.VerifyOTPParams{OTP: "1", Type: snap.OTPTypeBinding}, va(func(*snap.CreateVAParams) {}),
		update(func(*snap.UpdateVAParams) {}), qr(func(*snap.CreateQRParams) {}), debit(func(*snap.CreateDirectDebitParams) {}),
		&snap.RefundDirectDebitParams{}} {
		assert.NoError(t, ok.Validate(), "%T", ok)
	}
}

// Every method refuses bad input before sending: nil params, an empty id
// argument, params that break a rule.
func TestMethodsCheckBeforeSending(t *testing.T) {
	t.Parallel()
	sc, n := snapServer(t, 200, `{}`)
	ctx := t.Context()
	call := func(f func(context.Context) error) error { return f(ctx) }
	cases := []struct {
		name, field string
		err         error
	}{
		{"nil binding", "params", call(func(ctx context.Context) error { _, err := sc.CreateAccountBinding(ctx, nil); return err })},
		{"invalid binding", "additionalInfo", call(func(ctx context.Context) error {
			_, err := sc.CreateAccountBinding(ctx, &snap.CreateAccountBindingParams{})
			return err
		})},
		{"inquire no binding", "partnerReferenceNo", call(func(ctx context.Context) error { _, err := sc.InquireAccountBinding(ctx, ""); return err })},
		{"unbind no binding", "partnerReferenceNo", call(func(ctx context.Context) error { _, err := sc.UnbindAccount(ctx, ""); return err })},
		{"OTP for nothing", "originalReferenceNo", call(func(ctx context.Context) error {
			_, err := sc.VerifyOTP(ctx, "", &snap.VerifyOTPParams{OTP: "1", Type: snap.OTPTypePayment})
			return err
		})},
		{"nil OTP", "params", call(func(ctx context.Context) error { _, err := sc.VerifyOTP(ctx, "pr-1", nil); return err })},
		{"nil VA", "params", call(func(ctx context.Context) error { _, err := sc.CreateVA(ctx, nil); return err })},
		{"inquire no VA", "trxId", call(func(ctx context.Context) error { _, err := sc.InquireVA(ctx, ""); return err })},
		{"deactivate no VA", "trxId", call(func(ctx context.Context) error { _, err := sc.DeactivateVA(ctx, ""); return err })},
		{"update no VA", "trxId", call(func(ctx context.Context) error {
			_, err := sc.UpdateVA(ctx, "", &snap.UpdateVAParams{VirtualAccountName: "x"})
			return err
		})},
		{"nil update", "params", call(func(ctx context.Context) error { _, err := sc.UpdateVA(ctx, "order-1", nil); return err })},
		{"invalid update", "virtualAccountName", call(func(ctx context.Context) error {
			_, err := sc.UpdateVA(ctx, "order-1", &snap.UpdateVAParams{})
			return err
		})},
		{"nil QR", "params", call(func(ctx context.Context) error { _, err := sc.CreateQR(ctx, nil); return err })},
		{"inquire no QR", "originalReferenceNo", call(func(ctx context.Context) error { _, err := sc.InquireQR(ctx, snap.Ref{}); return err })},
		{"nil debit", "params", call(func(ctx context.Context) error { _, err := sc.CreateDirectDebit(ctx, nil); return err })},
		{"inquire no debit", "originalReferenceNo", call(func(ctx context.Context) error {
			_, err := sc.InquireDirectDebit(ctx, snap.PartnerReferenceNo(""))
			return err
		})},
		{"refund no debit", "originalReferenceNo", call(func(ctx context.Context) error {
			_, err := sc.RefundDirectDebit(ctx, snap.ReferenceNo(""), &snap.RefundDirectDebitParams{})
			return err
		})},
		{"nil refund", "params", call(func(ctx context.Context) error {
			_, err := sc.RefundDirectDebit(ctx, snap.ReferenceNo("pr-1"), nil)
			return err
		})},
	}
	for _, c := range cases {
		var ve *xendit.ValidationError
		if assert.ErrorAs(t, c.err, &ve, c.name) {
			assert.Equal(t, c.field, ve.Field, c.name)
		}
	}
	require.Empty(t, n.Bodies(), "nothing was sent")
}

func TestRefNamesOneOfTwoIDs(t *testing.T) {
	t.Parallel()
	assert.Equal(t, "originalReferenceNo pr-1", snap.ReferenceNo("pr-1").String())
	assert.Equal(t, "originalPartnerReferenceNo order-1", snap.PartnerReferenceNo("order-1").String())
	sc, sent := recordingServer(t)
	_, err := sc.InquireQR(t.Context(), snap.ReferenceNo("pr-1"))
	require.NoError(t, err)
	_, err = sc.RefundDirectDebit(t.Context(), snap.ReferenceNo("pr-2"), &snap.RefundDirectDebitParams{})
	require.NoError(t, err)
	bodies := sent.Bodies()
	require.Len(t, bodies, 2)
	assert.JSONEq(t, `{"originalReferenceNo":"pr-1","serviceCode":"47"}`, string(bodies[0]))
	assert.JSONEq(t, `{"originalReferenceNo":"pr-2"}`, string(bodies[1]))
}

func TestStatusHelpers(t *testing.T) {
	t.Parallel()
	for s, want := range map[snap.TransactionStatus][3]bool{
		snap.TransactionStatusSuccess: {true, false, false}, snap.TransactionStatusInitiated: {false, true, false},
		snap.TransactionStatusPaying: {false, true, false}, snap.TransactionStatusPending: {false, true, false},
		snap.TransactionStatusRefunded: {}, snap.TransactionStatusCancelled: {}, snap.TransactionStatusFailed: {false, false, true},
		snap.TransactionStatusNotFound: {}, "99": {},
	} {
		assert.Equal(t, want, [3]bool{s.Succeeded(), s.Pending(), s.Failed()}, s)
	}
	for s, want := range map[snap.RefundStatus][3]bool{
		snap.RefundStatusSucceeded: {true, false, false}, snap.RefundStatusPending: {false, true, false},
		snap.RefundStatusFailed: {false, false, true}, "SUCCEEDED": {},
	} {
		assert.Equal(t, want, [3]bool{s.Succeeded(), s.Pending(), s.Failed()}, s)
	}
	assert.True(t, snap.VAPaymentStatusSucceeded.Succeeded())
	assert.False(t, snap.VAPaymentStatusSucceeded.Failed())
	assert.True(t, snap.VAPaymentStatusFailed.Failed())
	assert.False(t, snap.VAPaymentStatus("SUCCESS").Succeeded(), "VA payments spell it SUCCEEDED")
	assert.True(t, snap.PaymentMethodStatusActive.Active())
	assert.True(t, snap.PaymentMethodStatusRequiresAction.Pending())
	assert.True(t, snap.PaymentMethodStatusPending.Pending())
	assert.False(t, snap.PaymentMethodStatusExpired.Active() || snap.PaymentMethodStatusExpired.Pending())
}
