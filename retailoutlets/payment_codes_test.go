package retailoutlets_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/retailoutlets"
)

func cliqq(ref string) *retailoutlets.CreatePaymentCodeParams {
	return &retailoutlets.CreatePaymentCodeParams{
		ReferenceID: ref, ChannelCode: retailoutlets.Channel7ElevenCliqq, Amount: xendit.Ptr(500.0),
		Currency: xendit.CurrencyPHP, CustomerName: "Juan dela Cruz", Market: retailoutlets.CountryPH,
		Metadata: map[string]any{"order": ref},
	}
}

func TestPaymentCodeIsPaidAndCallsBack(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := t.Context()
	code, err := f.ro.CreatePaymentCode(ctx, cliqq("order-1"))
	require.NoError(t, err)
	assert.True(t, code.Status.Active())
	assert.True(t, code.IsSingleUse, "single use by default")
	assert.Equal(t, "order-1", code.Metadata["order"])
	assert.WithinDuration(t, time.Now().Add(48*time.Hour), code.ExpiresAt.Time, time.Hour, "two days by default")

	require.NoError(t, f.srv.PayPaymentCode(code.ID, 0))
	cb := f.next(t)
	require.NotNil(t, cb.PaymentCode)
	assert.Equal(t, retailoutlets.EventPaymentCodePayment, cb.PaymentCode.Event)
	assert.Equal(t, "order-1", cb.PaymentCode.ReferenceID)
	assert.Equal(t, code.ID, cb.PaymentCode.PaymentCodeID)
	assert.Equal(t, 500.0, cb.PaymentCode.Amount)
	assert.Equal(t, retailoutlets.CountryPH, cb.PaymentCode.CountryCode)
	assert.True(t, cb.PaymentCode.Status.Succeeded())

	got, err := f.ro.GetPaymentCode(ctx, code.ID)
	require.NoError(t, err)
	assert.Equal(t, retailoutlets.PaymentCodeStatusInactive, got.Status)

	page, err := f.ro.ListPaymentCodePayments(ctx, code.ID)
	require.NoError(t, err)
	require.Len(t, page.Data, 1)
	assert.False(t, page.HasMore)
	assert.Equal(t, cb.PaymentCode.ID, page.Data[0].ID)
}

func TestOpenMultipleUsePaymentCode(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := t.Context()
	p := cliqq("order-2")
	p.Amount, p.IsSingleUse = nil, xendit.Ptr(false)
	code, err := f.ro.CreatePaymentCode(ctx, p)
	require.NoError(t, err)
	assert.Nil(t, code.Amount, "an open code has no amount")
	assert.Error(t, f.srv.PayPaymentCode(code.ID, 0), "an open code is paid in an amount the customer chooses")

	var want []string
	for _, amount := range []float64{100, 250, 75} {
		require.NoError(t, f.srv.PayPaymentCode(code.ID, amount))
		want = append(want, f.next(t).PaymentCode.ID)
	}
	var got []string
	for p, err := range f.ro.AllPaymentCodePayments(ctx, code.ID) {
		require.NoError(t, err)
		got = append(got, p.ID)
	}
	assert.Equal(t, want, got)
	still, err := f.ro.GetPaymentCode(ctx, code.ID)
	require.NoError(t, err)
	assert.True(t, still.Status.Active(), "a multiple-use code stays ACTIVE")
}

func TestUpdatePaymentCode(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := t.Context()
	code, err := f.ro.CreatePaymentCode(ctx, cliqq("order-3"))
	require.NoError(t, err)
	got, err := f.ro.UpdatePaymentCode(ctx, code.ID, &retailoutlets.UpdatePaymentCodeParams{
		Amount: xendit.Set(100.0), Currency: xendit.Set(xendit.CurrencyPHP), CustomerName: xendit.Set("Lorem Ipsum")})
	require.NoError(t, err)
	assert.Equal(t, 100.0, *got.Amount)
	assert.Equal(t, "Lorem Ipsum", got.CustomerName)
	body := f.srv.Requests()[len(f.srv.Requests())-1].Body
	assert.JSONEq(t, `{"amount":100,"currency":"PHP","customer_name":"Lorem Ipsum"}`, string(body))

	got, err = f.ro.UpdatePaymentCode(ctx, code.ID, &retailoutlets.UpdatePaymentCodeParams{
		ExpiresAt: xendit.Set(xendit.Time{Time: time.Now().AddDate(0, 0, -1)})})
	require.NoError(t, err)
	assert.False(t, got.Status.Active(), "an expiry in the past ends the code")
	assert.Error(t, f.srv.PayPaymentCode(code.ID, 0))

	_, err = f.ro.GetPaymentCode(ctx, "pcode-559bb2df-6ae7-4fb8-bc05-f17aa07aeae1")
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, retailoutlets.CodeDataNotFound, xe.Code)
	_, err = f.ro.ListPaymentCodePayments(ctx, "pcode-559bb2df-6ae7-4fb8-bc05-f17aa07aeae1")
	assert.ErrorIs(t, err, xendit.ErrNotFound)
	for _, err := range f.ro.AllPaymentCodePayments(ctx, "pcode-559bb2df-6ae7-4fb8-bc05-f17aa07aeae1") {
		assert.ErrorIs(t, err, xendit.ErrNotFound)
	}
}

func TestCreatePaymentCodeErrors(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := t.Context()
	p := cliqq("order-4")
	p.PaymentCode = xendit.Ptr("abcd12345")
	code, err := f.ro.CreatePaymentCode(ctx, p)
	require.NoError(t, err)
	assert.Equal(t, "TESTABCD12345", code.PaymentCode, "upper-cased, after the prefix")
	_, err = f.ro.CreatePaymentCode(ctx, p)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, retailoutlets.CodeDuplicate, xe.Code)

	p = cliqq("order-5")
	p.ChannelCode = "GOTHAM_MART"
	p.Amount = xendit.Ptr(60.0)
	_, err = f.ro.CreatePaymentCode(ctx, p)
	require.ErrorAs(t, err, &xe, "an unknown channel is the API's to refuse")
	assert.Equal(t, retailoutlets.CodeChannelCodeNotSupported, xe.Code)
}
