package directdebit_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/directdebit"
	"github.com/seed19b1029f/xendit-go/internal/fake"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

func TestRedirectLinkingCallsBack(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	ctx := t.Context()
	tok, err := f.dd.InitializeTokenization(ctx, &directdebit.InitializeTokenizationParams{
		CustomerID: "cust-t1", ChannelCode: directdebit.ChannelBPI,
		Properties: &directdebit.TokenizationProperties{SuccessRedirectURL: xendit.Ptr("https://shop.example/linked")},
	})
	require.NoError(t, err)
	assert.True(t, tok.Status.Pending())
	assert.False(t, tok.NeedsOTP())
	assert.NotEmpty(t, tok.AuthorizerURL)

	_, err = f.dd.ListAccessibleAccounts(ctx, tok.ID)
	assert.ErrorIs(t, err, xendit.ErrNotFound, "no accounts before the customer authorizes")

	require.NoError(t, f.srv.CompleteDirectDebitLinking(tok.ID))
	cb := f.next(t)
	assert.Equal(t, directdebit.EventLinkedAccountTokenSuccessful, cb.Event)
	require.NotNil(t, cb.LinkedAccountToken)
	assert.Equal(t, tok.ID, cb.LinkedAccountToken.ID)
	require.Len(t, cb.LinkedAccountToken.Accounts, 1)
	acc := cb.LinkedAccountToken.Accounts[0]
	assert.Equal(t, xendit.CurrencyPHP, acc.Currency)
	assert.NotEmpty(t, acc.AccountHash)

	all := ids(t, f.dd.AllAccessibleAccounts(ctx, tok.ID), func(a *directdebit.AccessibleAccount) string { return a.ID })
	assert.Equal(t, []string{acc.ID}, all, "the callback's accounts are the accessible ones")

	pm, err := f.dd.CreatePaymentMethod(ctx, &directdebit.CreatePaymentMethodParams{CustomerID: xendit.Ptr("cust-t1"),
		Type: directdebit.PaymentMethodTypeBankAccount, Properties: directdebit.PaymentMethodTarget{ID: xendit.Ptr(acc.ID)}})
	require.NoError(t, err)
	assert.Equal(t, directdebit.ChannelBPI, pm.Properties.ChannelCode)
	_, err = f.dd.CreatePaymentMethod(ctx, &directdebit.CreatePaymentMethodParams{CustomerID: xendit.Ptr("cust-t1"),
		Type: directdebit.PaymentMethodTypeBankAccount, Properties: directdebit.PaymentMethodTarget{ID: xendit.Ptr(acc.ID)}})
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, directdebit.CodeDuplicateError, xe.Code, "one payment method per account")

	methods := ids(t, f.dd.AllPaymentMethods(ctx, &directdebit.ListPaymentMethodsParams{CustomerID: "cust-t1"}),
		func(m *directdebit.PaymentMethod) string { return m.ID })
	assert.Equal(t, []string{pm.ID}, methods)
}

func TestValidateTokenOTPRefusesAWrongOTPAndARepeat(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	ctx := t.Context()
	tok, err := f.dd.InitializeTokenization(ctx, briLinking("cust-t2"))
	require.NoError(t, err)
	_, err = f.dd.ValidateTokenOTP(ctx, tok.ID, &directdebit.ValidateOTPParams{OTPCode: "999999"})
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, directdebit.CodeInvalidOTP, xe.Code)
	_, err = f.dd.ValidateTokenOTP(ctx, tok.ID, &directdebit.ValidateOTPParams{OTPCode: xendittest.DirectDebitOTP})
	require.NoError(t, err)
	_, err = f.dd.ValidateTokenOTP(ctx, tok.ID, &directdebit.ValidateOTPParams{OTPCode: xendittest.DirectDebitOTP})
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, directdebit.CodeAccountLinkingAlreadyCompleted, xe.Code)
	_, err = f.dd.ValidateTokenOTP(ctx, "lat-unknown", &directdebit.ValidateOTPParams{OTPCode: "123456"})
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, directdebit.CodeDataNotFoundError, xe.Code)
}

func TestUnbindToken(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	ctx := t.Context()
	tok, err := f.dd.InitializeTokenization(ctx, briLinking("cust-t4"))
	require.NoError(t, err)
	res, err := f.dd.UnbindToken(ctx, tok.ID, nil)
	require.NoError(t, err)
	assert.True(t, res.IsDeleted)
	assert.Empty(t, res.AuthorizerURL)
	_, err = f.dd.UnbindToken(ctx, tok.ID, nil)
	assert.ErrorIs(t, err, xendit.ErrNotFound)
	last := f.srv.Requests()[len(f.srv.Requests())-1]
	assert.Equal(t, http.MethodDelete, last.Method, "unbind is a DELETE, not the reference curl's POST to validate_otp")
	assert.Equal(t, "/linked_account_tokens/"+tok.ID, last.Path)
}

func TestUnbindKTBTokenSendsTheRedirectURLs(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	ctx := t.Context()
	tok, err := f.dd.InitializeTokenization(ctx, &directdebit.InitializeTokenizationParams{
		CustomerID: "cust-t5", ChannelCode: directdebit.ChannelKTB,
		Properties: &directdebit.TokenizationProperties{
			AccountMobileNumber: xendit.Ptr("+66812345678"), AccountIdentityDocumentNumber: xendit.Ptr("4845701245280"),
			SuccessRedirectURL: xendit.Ptr("https://shop.example/ok"), FailureRedirectURL: xendit.Ptr("https://shop.example/ko"),
		},
	})
	require.NoError(t, err)
	_, err = f.dd.UnbindToken(ctx, tok.ID, nil)
	assert.ErrorIs(t, err, xendit.ErrValidation, "the fake's KTB wants both URLs")

	res, err := f.dd.UnbindToken(ctx, tok.ID, &directdebit.UnbindTokenParams{
		SuccessRedirectURL: "https://shop.example/unlinked", FailureRedirectURL: "https://shop.example/still-linked",
	})
	require.NoError(t, err)
	assert.False(t, res.IsDeleted, "KTB's customer confirms on the bank's page")
	assert.NotEmpty(t, res.AuthorizerURL)
	last := f.srv.Requests()[len(f.srv.Requests())-1]
	assert.Equal(t, "failure_redirect_url=https%3A%2F%2Fshop.example%2Fstill-linked&success_redirect_url=https%3A%2F%2Fshop.example%2Funlinked", last.Query)
}
