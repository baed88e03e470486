package directdebit_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/directdebit"
	"github.com/seed19b1029f/xendit-go/internal/jsontest"
)

func TestReferenceExamplesRoundTrip(t *testing.T) {
	t.Parallel()
	payment := func() any { return new(directdebit.Payment) }
	refund := func() any { return new(directdebit.Refund) }
	callback := func() any { return new(directdebit.Callback) }
	token := func() any { return new(directdebit.LinkedAccountToken) }
	otp := func() any { return new(directdebit.ValidateOTPParams) }
	jsontest.RoundTripAll(t, map[string]func() any{
		"directdebit.initialize_tokenization.request.json":          func() any { return new(directdebit.InitializeTokenizationParams) },
		"directdebit.initialize_tokenization.response.json":         token,
		"directdebit.validate_token_otp.request.json":               otp,
		"directdebit.validate_token_otp.response.json":              token,
		"directdebit.get_accessible_accounts.response.json":         func() any { return new([]directdebit.AccessibleAccount) },
		"directdebit.unbind_token.response.json":                    func() any { return new(directdebit.UnbindResult) },
		"directdebit.unbind_token.response.2.json":                  func() any { return new(directdebit.UnbindResult) },
		"directdebit.create_payment_method.request.json":            func() any { return new(directdebit.CreatePaymentMethodParams) },
		"directdebit.create_payment_method.response.json":           func() any { return new(directdebit.PaymentMethod) },
		"directdebit.list_payment_methods.response.json":            func() any { return new([]directdebit.PaymentMethod) },
		"directdebit.create_payment.request.json":                   func() any { return new(directdebit.CreatePaymentParams) },
		"directdebit.create_payment.response.json":                  payment,
		"directdebit.validate_payment_otp.request.json":             otp,
		"directdebit.validate_payment_otp.response.json":            payment,
		"directdebit.get_payment.response.json":                     payment,
		"directdebit.get_payment_by_reference_id.response.json":     payment,
		"directdebit.create_refund.request.json":                    func() any { return new(directdebit.CreateRefundParams) },
		"directdebit.create_refund.response.json":                   refund,
		"directdebit.list_refunds.response.json":                    func() any { return new([]xendit.Page[directdebit.Refund]) },
		"directdebit.linked_account_token_callback.webhook.json":    callback,
		"directdebit.linked_account_token_callback.webhook.2.json":  callback,
		"directdebit.payment_method_expiring_callback.webhook.json": callback,
		"directdebit.payment_method_expired_callback.webhook.json":  callback,
		"directdebit.payment_callback.webhook.json":                 callback,
		"directdebit.payment_callback.webhook.2.json":               callback,
		"directdebit.refund_callback.webhook.json":                  callback,
	}, jsontest.Skip(map[string]string{
		"directdebit.recurring_payment_callback.webhook.json": "the Recurring API's legacy invoice callback (no event), not one of this package's flows",
	}, "directdebit.create_payment.error.json", "directdebit.create_refund.error.json", "directdebit.get_refund.error.json",
		"directdebit.list_refunds.error.json", "directdebit.validate_payment_otp.error.json"))
}

func TestRequestExamplesAreValid(t *testing.T) {
	t.Parallel()
	var init directdebit.InitializeTokenizationParams
	jsontest.Strict(t, "directdebit.initialize_tokenization.request.json", &init)
	require.NoError(t, init.Validate(), "the reference's own BRI linking is valid")
	assert.Equal(t, directdebit.ChannelBRI, init.ChannelCode)

	var pm directdebit.CreatePaymentMethodParams
	jsontest.Strict(t, "directdebit.create_payment_method.request.json", &pm)
	require.NoError(t, pm.Validate())

	var pay directdebit.CreatePaymentParams
	jsontest.Strict(t, "directdebit.create_payment.request.json", &pay)
	require.NoError(t, pay.Validate())
	assert.Equal(t, 1500.0, pay.Amount)

	var ref directdebit.CreateRefundParams
	jsontest.Strict(t, "directdebit.create_refund.request.json", &ref)
	require.NoError(t, ref.Validate())
	assert.Equal(t, directdebit.RefundReasonRequestedByCustomer, ref.Reason)
}

func TestResponseExamplesDecodeIntoNamedFields(t *testing.T) {
	t.Parallel()
	var created directdebit.Payment
	jsontest.Strict(t, "directdebit.create_payment.response.json", &created)
	assert.Equal(t, 10000.0, created.Amount.Float64(), "amount is a numeric string")
	assert.True(t, created.Status.Pending())
	require.NotNil(t, created.RequiredAction)
	assert.Equal(t, directdebit.RequiredActionValidateOTP, *created.RequiredAction)
	assert.Equal(t, time.Date(2020, 3, 25, 21, 44, 26, 0, time.UTC), created.Created.UTC())
	assert.Nil(t, created.Description, "null stays null")

	var got directdebit.Payment
	jsontest.Strict(t, "directdebit.get_payment.response.json", &got)
	require.NotNil(t, got.Description)
	assert.Empty(t, *got.Description, `"" stays ""`)
	assert.True(t, got.OTPExpirationTimestamp.IsZero(), `"" is no timestamp`)

	var pm directdebit.PaymentMethod
	jsontest.Strict(t, "directdebit.create_payment_method.response.json", &pm)
	assert.True(t, pm.Status.Active())
	assert.Equal(t, "la-aa620619-124f-41db-995b-66a52abe036a", pm.Properties.ID)
	assert.Equal(t, "1234", pm.Properties.CardLastFour)
	assert.Equal(t, xendit.CurrencyIDR, directdebit.ChannelBRI.Currency())

	var accounts []directdebit.AccessibleAccount
	jsontest.Strict(t, "directdebit.get_accessible_accounts.response.json", &accounts)
	require.Len(t, accounts, 1)
	assert.Equal(t, directdebit.PaymentMethodTypeDebitCard, accounts[0].Type)

	var r directdebit.Refund
	jsontest.Strict(t, "directdebit.create_refund.response.json", &r)
	assert.Equal(t, 1500.0, r.Amount.Float64())
	assert.True(t, r.Status.Pending())
}

func TestCallbackExamplesDecode(t *testing.T) {
	t.Parallel()
	parse := func(name string) *directdebit.Callback {
		cb, err := directdebit.ParseCallback(jsontest.Load(t, name))
		require.NoError(t, err, name)
		return cb
	}
	cb := parse("directdebit.linked_account_token_callback.webhook.2.json")
	assert.Equal(t, directdebit.EventLinkedAccountTokenSuccessful, cb.Event)
	require.NotNil(t, cb.LinkedAccountToken)
	assert.Equal(t, directdebit.ChannelBPI, cb.LinkedAccountToken.ChannelCode)
	assert.Equal(t, "5789fb5c4b051701928af5ac268c8178", cb.LinkedAccountToken.Accounts[0].AccountHash)

	cb = parse("directdebit.payment_method_expiring_callback.webhook.json")
	require.NotNil(t, cb.PaymentMethodExpiry)
	assert.Equal(t, "pm-c30d4800-afe4-4e58-ad5f-cc006d169139", cb.PaymentMethodExpiry.ID)
	assert.Equal(t, 2021, cb.PaymentMethodExpiry.ExpirationTimestamp.Year())
	assert.Equal(t, "5f21361959ef2b788cbbe97f", cb.BusinessID)
	assert.Equal(t, directdebit.EventPaymentMethodExpired, parse("directdebit.payment_method_expired_callback.webhook.json").Event)

	cb = parse("directdebit.payment_callback.webhook.json")
	require.NotNil(t, cb.Payment)
	assert.True(t, cb.Payment.Status.Succeeded())
	assert.Equal(t, 1000.0, cb.Payment.Amount.Float64(), `amount "1000.00" is a string here`)
	assert.Equal(t, "e17a0ac8-6fed-11ea-bc55-0242ac130003", cb.Payment.ReferenceID)
	assert.Equal(t, 2020, cb.Timestamp.Year())

	cb = parse("directdebit.payment_callback.webhook.2.json")
	assert.True(t, cb.Payment.Status.Failed())
	assert.Equal(t, directdebit.FailureInsufficientBalance, *cb.Payment.FailureCode)
	assert.Equal(t, 1000.0, cb.Payment.Amount.Float64(), "and a number there")

	cb = parse("directdebit.refund_callback.webhook.json")
	assert.Equal(t, directdebit.EventRefund, cb.Event, "the stray quote of the example is dropped")
	require.NotNil(t, cb.Refund)
	assert.True(t, cb.Refund.Status.Succeeded())
	assert.Nil(t, cb.Payment)

	cb = parse("directdebit.recurring_payment_callback.webhook.json")
	assert.Empty(t, cb.Event)
	assert.Nil(t, cb.Payment, "an unknown callback decodes, with nothing typed")
	assert.NotEmpty(t, cb.Raw)
}

func TestCallbackWithoutItsObjectIsAnError(t *testing.T) {
	t.Parallel()
	_, err := directdebit.ParseCallback([]byte(`{"event":"direct_debit.refund","data":null}`))
	assert.Error(t, err)
}
