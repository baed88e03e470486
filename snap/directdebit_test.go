package snap_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/snap"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

func TestBindBRIThenDebitWithOTP(t *testing.T) {
	srv, sc := newFake(t)
	ctx := t.Context()
	got := make(chan *snap.Callback, 1)
	h, err := snap.NewCallbackHandler(xenditVerifier(t), func(_ context.Context, cb *snap.Callback) error {
		got <- cb
		return nil
	})
	require.NoError(t, err)
	url, _ := recordingReceiver(t, h)
	srv.SetCallbacks("", xendittest.Callbacks{URL: url})

	bind := &snap.BindingParams{PartnerReferenceNo: "link-1", PhoneNo: "+62818555988",
		AdditionalData: &snap.BindingCustomer{UserID: "cust-1", Email: "budi@example.com"},
		AdditionalInfo: snap.BindingAddition{PayMethod: snap.PayMethodDirectDebit, PayOption: snap.PayOptionBRI,
			Reusability: snap.MultipleUse, ChannelProperties: &snap.ChannelProperties{CardLastFour: "8888", CardExpiry: "06/30"}}}
	b, err := sc.CreateBinding(ctx, bind)
	require.NoError(t, err)
	assert.True(t, b.InProgress())
	pm := b.AdditionalInfo.PaymentMethod
	assert.Equal(t, snap.PaymentMethodRequiresAction, pm.Status)

	_, err = sc.VerifyBindingOTP(ctx, pm.ID, "000000")
	assert.ErrorIs(t, err, xendit.ErrValidation, "a wrong OTP")
	otp, err := sc.VerifyBindingOTP(ctx, pm.ID, xendittest.SNAPTestOTP)
	require.NoError(t, err)
	assert.Equal(t, "2000400", otp.ResponseCode)
	inq, err := sc.InquireBinding(ctx, "link-1")
	require.NoError(t, err)
	assert.Equal(t, snap.PaymentMethodActive, inq.AdditionalInfo.PaymentMethod.Status)

	debit := &snap.DirectDebitParams{PartnerReferenceNo: "order-77", Amount: snap.IDR(2_500_000),
		AdditionalInfo: snap.DirectDebitAddition{CustomerID: "cust-1", PaymentMethodID: pm.ID}}
	dd, err := sc.CreateDirectDebit(ctx, debit)
	require.NoError(t, err)
	require.Len(t, dd.AdditionalInfo.Actions, 1)
	assert.Equal(t, snap.ActionAuth, dd.AdditionalInfo.Actions[0].Action, "above IDR 1,000,000 BRI asks for an OTP")

	st, err := sc.InquireDirectDebit(ctx, snap.StatusQuery{OriginalPartnerReferenceNo: "order-77"})
	require.NoError(t, err)
	assert.Equal(t, snap.TransactionPending, st.LatestTransactionStatus)
	assert.Equal(t, "54", st.ServiceCode)

	_, err = sc.VerifyPaymentOTP(ctx, dd.ReferenceNo, xendittest.SNAPTestOTP)
	require.NoError(t, err)
	require.NoError(t, srv.WaitDeliveries(t.Context(), ""))
	cb := <-got
	assert.Equal(t, snap.EventDirectDebitSucceeded, cb.Type)
	assert.Equal(t, dd.ReferenceNo, cb.Payment.OriginalReferenceNo)
	assert.True(t, cb.Payment.Succeeded())

	part := snap.IDR(500_000)
	rf, err := sc.RefundDirectDebit(ctx, &snap.RefundParams{OriginalReferenceNo: dd.ReferenceNo,
		PartnerRefundNo: "refund-1", RefundAmount: &part, Reason: snap.RefundRequestedByCustomer})
	require.NoError(t, err)
	assert.Equal(t, snap.RefundSucceeded, rf.AdditionalInfo.Status)
	_, err = sc.RefundDirectDebit(ctx, &snap.RefundParams{OriginalReferenceNo: dd.ReferenceNo, PartnerRefundNo: "refund-1"})
	assert.ErrorIs(t, err, xendit.ErrDuplicate)

	un, err := sc.Unbind(ctx, "link-1")
	require.NoError(t, err)
	assert.Equal(t, snap.PaymentMethodExpired, un.AdditionalInfo.PaymentMethod.Status)
	_, err = sc.CreateDirectDebit(ctx, &snap.DirectDebitParams{PartnerReferenceNo: "order-78", Amount: snap.IDR(1000),
		AdditionalInfo: snap.DirectDebitAddition{CustomerID: "cust-1", PaymentMethodID: pm.ID}})
	assert.ErrorIs(t, err, xendit.ErrValidation, "an unlinked account cannot be debited")
}

func TestParamsAreValidatedBeforeSending(t *testing.T) {
	sc, n := snapServer(t, 200, `{}`)
	ctx := t.Context()
	cases := map[string]error{}
	_, cases["bri without card"] = sc.CreateBinding(ctx, &snap.BindingParams{PhoneNo: "+62", AdditionalData: &snap.BindingCustomer{UserID: "u", Email: "e"},
		AdditionalInfo: snap.BindingAddition{PayMethod: snap.PayMethodDirectDebit, PayOption: snap.PayOptionBRI}})
	_, cases["ovo under direct debit"] = sc.CreateBinding(ctx, &snap.BindingParams{
		AdditionalInfo: snap.BindingAddition{PayMethod: snap.PayMethodDirectDebit, PayOption: snap.PayOptionOVO}})
	_, cases["both pm and details"] = sc.CreateDirectDebit(ctx, &snap.DirectDebitParams{PartnerReferenceNo: "r", Amount: snap.IDR(1),
		PayOptionDetails: []snap.PayOptionDetail{{PayMethod: snap.PayMethodEWallet, PayOption: snap.PayOptionDANA}},
		AdditionalInfo:   snap.DirectDebitAddition{CustomerID: "c", PaymentMethodID: "pm-1"}})
	_, cases["neither"] = sc.CreateDirectDebit(ctx, &snap.DirectDebitParams{PartnerReferenceNo: "r", Amount: snap.IDR(1),
		AdditionalInfo: snap.DirectDebitAddition{CustomerID: "c"}})
	_, cases["one-time QR without amount"] = sc.CreateQR(ctx, &snap.CreateQRParams{AdditionalInfo: snap.CreateQRAddition{Reusability: snap.OneTimeUse}})
	_, cases["query without reference"] = sc.InquireQR(ctx, snap.StatusQuery{})
	_, cases["update without trxId"] = sc.UpdateVA(ctx, &snap.UpdateVAParams{VirtualAccountName: "x"})
	_, cases["otp without code"] = sc.VerifyPaymentOTP(ctx, "pr-1", "")
	for name, err := range cases {
		assert.ErrorIs(t, err, xendit.ErrValidation, name)
	}
	assert.Zero(t, *n)
}
