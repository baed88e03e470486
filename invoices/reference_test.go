package invoices_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/jsontest"
	"github.com/seed19b1029f/xendit-go/invoices"
)

func TestReferenceExamplesRoundTrip(t *testing.T) {
	t.Parallel()
	jsontest.RoundTripAll(t, map[string]func() any{
		"invoices.create.request.json":             func() any { return new(invoices.CreateParams) },
		"invoices.create.response.json":            func() any { return new(invoices.Invoice) },
		"invoices.get.response.json":               func() any { return new(invoices.Invoice) },
		"invoices.expire.response.json":            func() any { return new(invoices.Invoice) },
		"invoices.list.response.json":              func() any { return new([]invoices.Invoice) },
		"invoices.invoice_callback.webhook.json":   func() any { return new(invoices.Callback) },
		"invoices.invoice_callback.webhook.2.json": func() any { return new(invoices.Callback) },
		"invoices.invoice_callback.webhook.3.json": func() any { return new(invoices.Callback) },
	}, nil)
}

func TestResponseExamplesDecodeIntoNamedFields(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"invoices.create.response.json", "invoices.get.response.json", "invoices.expire.response.json"} {
		var inv invoices.Invoice
		jsontest.Strict(t, name, &inv)
		assert.NotEmpty(t, inv.ID, name)
		assert.NotEmpty(t, inv.InvoiceURL, name)
		assert.False(t, inv.Created.IsZero(), name)
	}
	var got invoices.Invoice
	jsontest.Strict(t, "invoices.get.response.json", &got)
	assert.Equal(t, "8860810000525", got.AvailableBanks[0].BankAccountNumber.String(), "a string account number")
	assert.Equal(t, invoices.PaymentMethodBankTransfer, got.PaymentMethod)
	assert.Equal(t, time.Date(2020, 1, 2, 11, 0, 0, 306e6, time.UTC), got.PaidAt.Time)
	assert.Equal(t, xendit.CurrencyIDR, got.Currency)

	var expired invoices.Invoice
	jsontest.Strict(t, "invoices.expire.response.json", &expired)
	assert.Equal(t, "1000008", expired.AvailableBanks[0].BankAccountNumber.String(), "a number account number")
	assert.True(t, expired.Status.Failed())

	var created invoices.Invoice
	jsontest.Strict(t, "invoices.create.response.json", &created)
	assert.True(t, created.Status.Pending())
	require.NotNil(t, created.ChannelProperties.Cards.InstallmentConfiguration, "an object, as the example sends")
	assert.Equal(t, []int{3, 6, 12}, created.ChannelProperties.Cards.InstallmentConfiguration.AllowedTerms[0].Terms)
	assert.Equal(t, "Jakarta", created.Metadata["store_branch"])

	var list []invoices.Invoice
	jsontest.Strict(t, "invoices.list.response.json", &list)
	require.Len(t, list, 2)
	assert.True(t, list[1].Status.Succeeded(), "SETTLED means paid")
	assert.Equal(t, 62938.0, *list[1].AdjustedReceivedAmount)
}

func TestRequestExampleDecodesIntoParamsAndIsValid(t *testing.T) {
	t.Parallel()
	var p invoices.CreateParams
	jsontest.Strict(t, "invoices.create.request.json", &p)
	require.NoError(t, p.Validate(), "the reference's own request is valid")
	assert.Equal(t, 86400, *p.InvoiceDuration)
	assert.Equal(t, []invoices.NotificationChannel{"whatsapp", "email", "viber"}, p.CustomerNotificationPreference.InvoicePaid)
}

func TestCallbackExamplesParse(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"invoices.invoice_callback.webhook.json", "invoices.invoice_callback.webhook.2.json", "invoices.invoice_callback.webhook.3.json"} {
		var strict invoices.Callback
		jsontest.Strict(t, name, &strict)
		cb, err := invoices.ParseCallback(jsontest.Load(t, name))
		require.NoError(t, err, name)
		assert.False(t, *cb.IsHigh, name)
	}
	paid, err := invoices.ParseCallback(jsontest.Load(t, "invoices.invoice_callback.webhook.json"))
	require.NoError(t, err)
	assert.True(t, paid.Status.Succeeded())
	assert.Equal(t, "testing-invoice", paid.ExternalID)
	assert.Equal(t, "MANDIRI", paid.BankCode)
	assert.Equal(t, 2000000.0, *paid.PaidAmount)

	expired, err := invoices.ParseCallback(jsontest.Load(t, "invoices.invoice_callback.webhook.3.json"))
	require.NoError(t, err)
	assert.True(t, expired.Status.Failed())
	assert.Equal(t, xendit.CurrencyPHP, expired.Currency)
	assert.True(t, expired.PaidAt.IsZero())
}

// On a shared callback URL, the other products' callbacks carry an
// "event" envelope; ParseCallback refuses them.
func TestParseCallbackRefusesOtherProductsCallbacks(t *testing.T) {
	t.Parallel()
	for name, body := range map[string]string{
		"ewallet envelope":  `{"event":"ewallet.capture","business_id":"b","created":"2020-04-20T16:25:52Z","data":{"id":"ewc_1","status":"SUCCEEDED"}}`,
		"no external_id":    `{"id":"vac_1","status":"ACTIVE"}`,
		"no status":         `{"id":"1","external_id":"x"}`,
		"event with status": `{"event":"recurring.cycle.succeeded","id":"1","external_id":"x","status":"PAID"}`,
		"VA created":        `{"id":"vac_1","external_id":"x","owner_id":"o","account_number":"8808","status":"ACTIVE"}`,
		"disbursement":      `{"id":"d_1","external_id":"x","user_id":"u","status":"COMPLETED","bank_code":"BCA"}`,
		"no user_id":        `{"id":"1","external_id":"x","status":"PAID","merchant_name":"m"}`,
	} {
		_, err := invoices.ParseCallback([]byte(body))
		assert.ErrorIs(t, err, invoices.ErrNotInvoiceCallback, name)
	}
	_, err := invoices.ParseCallback([]byte(`{`))
	assert.Error(t, err)
}

func TestUnknownValuesDecode(t *testing.T) {
	t.Parallel()
	var inv invoices.Invoice
	require.NoError(t, json.Unmarshal([]byte(`{"id":"1","status":"REFUNDED","payment_method":"CRYPTO"}`), &inv))
	assert.Equal(t, invoices.Status("REFUNDED"), inv.Status)
	assert.False(t, inv.Status.Succeeded() || inv.Status.Pending() || inv.Status.Failed())
	assert.Equal(t, invoices.PaymentMethod("CRYPTO"), inv.PaymentMethod)
}

// TestReminderDateDecodes: the reference's response table lists
// reminder_date (line 26477), which no example carries.
func TestReminderDateDecodes(t *testing.T) {
	t.Parallel()
	var inv invoices.Invoice
	require.NoError(t, json.Unmarshal([]byte(`{"id":"i1","reminder_date":"2023-08-22T06:48:50.150Z"}`), &inv))
	assert.Equal(t, time.Date(2023, 8, 22, 6, 48, 50, 150e6, time.UTC), inv.ReminderDate.Time)
	again, err := json.Marshal(inv)
	require.NoError(t, err)
	assert.Contains(t, string(again), `"reminder_date":"2023-08-22T06:48:50.150Z"`)
}
