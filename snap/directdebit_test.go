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
	t.Parallel()
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

	b, err := sc.CreateAccountBinding(ctx, briBinding())
	require.NoError(t, err)
	assert.True(t, b.InProgress())
	pm := b.AdditionalInfo.PaymentMethod
	assert.Equal(t, snap.PaymentMethodStatusRequiresAction, pm.Status)

	_, err = sc.VerifyOTP(ctx, pm.ID, &snap.VerifyOTPParams{OTP: "000000", Type: snap.OTPTypeBinding})
	assert.ErrorIs(t, err, xendit.ErrValidation, "a wrong OTP")
	otp, err := sc.VerifyOTP(ctx, pm.ID, &snap.VerifyOTPParams{OTP: xendittest.SNAPTestOTP, Type: snap.OTPTypeBinding})
	require.NoError(t, err)
	assert.Equal(t, "2000400", otp.ResponseCode)
	inq, err := sc.InquireAccountBinding(ctx, "link-1")
	require.NoError(t, err)
	assert.Equal(t, snap.PaymentMethodStatusActive, inq.AdditionalInfo.PaymentMethod.Status)

	debit := &snap.CreateDirectDebitParams{PartnerReferenceNo: "order-77", Amount: snap.IDR(2_500_000),
		AdditionalInfo: snap.DirectDebitAddition{CustomerID: "cust-1", PaymentMethodID: &pm.ID}}
	dd, err := sc.CreateDirectDebit(ctx, debit)
	require.NoError(t, err)
	require.Len(t, dd.AdditionalInfo.Actions, 1)
	assert.Equal(t, snap.ActionTypeAuth, dd.AdditionalInfo.Actions[0].Action, "above IDR 1,000,000 BRI asks for an OTP")

	st, err := sc.InquireDirectDebit(ctx, snap.PartnerReferenceNo("order-77"))
	require.NoError(t, err)
	assert.Equal(t, snap.TransactionStatusPending, st.LatestTransactionStatus)
	assert.True(t, st.LatestTransactionStatus.Pending())
	assert.False(t, st.LatestTransactionStatus.Succeeded())
	assert.Equal(t, snap.ServiceDirectDebit, st.ServiceCode)
	assert.Equal(t, dd.ReferenceNo, st.OriginalReferenceNo)

	_, err = sc.VerifyOTP(ctx, dd.ReferenceNo, &snap.VerifyOTPParams{OTP: xendittest.SNAPTestOTP, Type: snap.OTPTypePayment})
	require.NoError(t, err)
	require.NoError(t, srv.WaitDeliveries(t.Context(), ""))
	cb := <-got
	assert.Equal(t, snap.EventDirectDebitSucceeded, cb.Type)
	assert.Equal(t, dd.ReferenceNo, cb.Payment.OriginalReferenceNo)
	assert.True(t, cb.Payment.Succeeded())

	part := snap.IDR(500_000)
	rf, err := sc.RefundDirectDebit(ctx, snap.ReferenceNo(dd.ReferenceNo), &snap.RefundDirectDebitParams{
		PartnerRefundNo: xendit.Ptr("refund-1"), RefundAmount: &part, Reason: xendit.Ptr(snap.RefundReasonRequestedByCustomer)})
	require.NoError(t, err)
	assert.Equal(t, snap.RefundStatusSucceeded, rf.AdditionalInfo.Status)
	assert.True(t, rf.AdditionalInfo.Status.Succeeded())
	assert.Equal(t, snap.RefundReasonRequestedByCustomer, rf.AdditionalInfo.Reason)
	_, err = sc.RefundDirectDebit(ctx, snap.PartnerReferenceNo("order-77"), &snap.RefundDirectDebitParams{PartnerRefundNo: xendit.Ptr("refund-1")})
	assert.ErrorIs(t, err, xendit.ErrDuplicate, "the partner reference names the same payment; the refund number is taken")
	rest, err := sc.RefundDirectDebit(ctx, snap.PartnerReferenceNo("order-77"), &snap.RefundDirectDebitParams{})
	require.NoError(t, err, "empty params refund what remains")
	assert.Equal(t, snap.IDR(2_000_000), *rest.RefundAmount)

	un, err := sc.UnbindAccount(ctx, "link-1")
	require.NoError(t, err)
	assert.Equal(t, snap.PaymentMethodStatusExpired, un.AdditionalInfo.PaymentMethod.Status)
	_, err = sc.CreateDirectDebit(ctx, &snap.CreateDirectDebitParams{PartnerReferenceNo: "order-78", Amount: snap.IDR(1000),
		AdditionalInfo: snap.DirectDebitAddition{CustomerID: "cust-1", PaymentMethodID: &pm.ID}})
	assert.ErrorIs(t, err, xendit.ErrValidation, "an unlinked account cannot be debited")
}

// briBinding links a BRI debit card, which asks for an OTP.
func briBinding() *snap.CreateAccountBindingParams {
	return &snap.CreateAccountBindingParams{PartnerReferenceNo: xendit.Ptr("link-1"), PhoneNo: xendit.Ptr("+62818555988"),
		AdditionalData: &snap.BindingCustomer{UserID: "cust-1", Email: xendit.Ptr("budi@example.com")},
		AdditionalInfo: snap.BindingAddition{PayMethod: snap.PayMethodDirectDebit, PayOption: snap.PayOptionBRI,
			Reusability:       xendit.Ptr(snap.ReusabilityMultipleUse),
			ChannelProperties: &snap.ChannelProperties{CardLastFour: xendit.Ptr("8888"), CardExpiry: xendit.Ptr("06/30")}}}
}
