package virtualaccounts_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/fake"
	"github.com/seed19b1029f/xendit-go/internal/jsontest"
	"github.com/seed19b1029f/xendit-go/virtualaccounts"
)

func TestReferenceExamplesRoundTrip(t *testing.T) {
	t.Parallel()
	account := func() any { return new(virtualaccounts.VirtualAccount) }
	payment := func() any { return new(virtualaccounts.Payment) }
	callback := func() any { return new(virtualaccounts.Callback) }
	banks := func() any { return new([]virtualaccounts.Bank) }
	jsontest.RoundTripAll(t, map[string]func() any{
		"virtualaccounts.create.request.json":                  func() any { return new(virtualaccounts.CreateVirtualAccountParams) },
		"virtualaccounts.create.request.2.json":                func() any { return new(virtualaccounts.CreateVirtualAccountParams) },
		"virtualaccounts.create.request.3.json":                func() any { return new(virtualaccounts.CreateVirtualAccountParams) },
		"virtualaccounts.create.response.json":                 account,
		"virtualaccounts.create.response.2.json":               account,
		"virtualaccounts.create.response.3.json":               account,
		"virtualaccounts.update.request.json":                  func() any { return new(virtualaccounts.UpdateVirtualAccountParams) },
		"virtualaccounts.update.response.json":                 account,
		"virtualaccounts.get.response.json":                    account,
		"virtualaccounts.virtual_account_object.response.json": account,
		"virtualaccounts.simulate_payment.request.json":        func() any { return new(virtualaccounts.SimulatePaymentParams) },
		"virtualaccounts.simulate_payment.response.json":       func() any { return new(virtualaccounts.Simulation) },
		"virtualaccounts.get_payment.response.json":            payment,
		"virtualaccounts.payment_object.response.json":         payment,
		"virtualaccounts.get_banks.response.json":              banks,
		"virtualaccounts.get_banks.response.2.json":            banks,
		"virtualaccounts.payment_callback.webhook.json":        callback,
		"virtualaccounts.status_callback.webhook.json":         callback,
	}, jsontest.Skip(map[string]string{},
		"virtualaccounts.create.error.json", "virtualaccounts.update.error.json", "virtualaccounts.get.error.json"))
}

func TestAccountExamplesDecodeIntoNamedFields(t *testing.T) {
	t.Parallel()
	for _, name := range []string{
		"virtualaccounts.create.response.json", "virtualaccounts.create.response.2.json", "virtualaccounts.create.response.3.json",
		"virtualaccounts.update.response.json", "virtualaccounts.get.response.json", "virtualaccounts.virtual_account_object.response.json",
	} {
		var va virtualaccounts.VirtualAccount
		jsontest.Strict(t, name, &va)
		assert.NotEmpty(t, va.ID, name)
		assert.NotEmpty(t, va.AccountNumber, name)
		assert.True(t, va.Status.Pending(), name)
		assert.False(t, va.Status.Active(), name)
	}
	var closed virtualaccounts.VirtualAccount
	jsontest.Strict(t, "virtualaccounts.create.response.2.json", &closed)
	assert.Equal(t, virtualaccounts.BankBRI, closed.BankCode)
	assert.True(t, closed.IsClosed)
	assert.Equal(t, 50000.0, *closed.ExpectedAmount)
	assert.Equal(t, 50000.0, *closed.SuggestedAmount)
	assert.Equal(t, time.Date(2021, 9, 27, 17, 0, 0, 0, time.UTC), closed.ExpirationDate.Time)
	assert.Equal(t, "Utensils Payment 27 September 2021", closed.Description)

	var open virtualaccounts.VirtualAccount
	jsontest.Strict(t, "virtualaccounts.create.response.json", &open)
	assert.Nil(t, open.ExpectedAmount, "an open account has no expected amount")
	assert.Equal(t, virtualaccounts.CountryID, open.Country)
	assert.Equal(t, xendit.CurrencyIDR, open.Currency)

	var vn virtualaccounts.VirtualAccount
	jsontest.Strict(t, "virtualaccounts.create.response.3.json", &vn)
	assert.Equal(t, xendit.CurrencyVND, vn.Currency)
	require.Len(t, vn.AlternativeDisplays, 1)
	assert.Equal(t, virtualaccounts.AlternativeDisplayTypeQRString, vn.AlternativeDisplays[0].Type)
	assert.NotEmpty(t, vn.AlternativeDisplays[0].Data)
}

func TestMinAndMaxAmountsDecodeAsNumbersOrStrings(t *testing.T) {
	t.Parallel()
	var va virtualaccounts.VirtualAccount
	require.NoError(t, json.Unmarshal([]byte(`{"min_amount":"10000","max_amount":500000}`), &va))
	assert.Equal(t, 10000.0, va.MinAmount.Float64(), "a string, as the VA Object documents it")
	assert.Equal(t, 500000.0, va.MaxAmount.Float64(), "an integer, as Create documents it")
	again, err := json.Marshal(va)
	require.NoError(t, err)
	assert.Contains(t, string(again), `"min_amount":"10000"`)
	assert.Contains(t, string(again), `"max_amount":500000`)
}

func TestPaymentExamplesDecodeIntoNamedFields(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"virtualaccounts.get_payment.response.json", "virtualaccounts.payment_object.response.json"} {
		var p virtualaccounts.Payment
		jsontest.Strict(t, name, &p)
		assert.Equal(t, "5f218745736e619164dc8608", p.PaymentID, name)
		assert.Equal(t, "598d5f71bf64853820c49a18", p.CallbackVirtualAccountID)
		assert.Equal(t, "demo-1502437214715", p.ExternalID)
		assert.Equal(t, virtualaccounts.BankBNC, p.BankCode)
		assert.Equal(t, 50000.0, p.Amount)
		assert.Equal(t, time.Date(2021, 7, 24, 5, 22, 55, 115e6, time.UTC), p.TransactionTimestamp.Time)
		require.NotNil(t, p.PaymentDetail)
		assert.Equal(t, virtualaccounts.PaymentInterfaceMobileBanking, p.PaymentDetail.PaymentInterface)
		assert.Equal(t, virtualaccounts.TransferMethodInhouse, p.PaymentDetail.TransferMethod)
		assert.Equal(t, "66143641700", p.PaymentDetail.Reference)
	}
}

func TestOtherExamplesDecode(t *testing.T) {
	t.Parallel()
	var banks []virtualaccounts.Bank
	jsontest.Strict(t, "virtualaccounts.get_banks.response.json", &banks)
	require.Len(t, banks, 12)
	assert.Equal(t, virtualaccounts.Bank{Name: "The Development Bank of Singapore", Code: virtualaccounts.BankDBS,
		Country: virtualaccounts.CountryID, Currency: xendit.CurrencyUSD}, banks[11], "one entry per bank and currency")

	var sim virtualaccounts.Simulation
	jsontest.Strict(t, "virtualaccounts.simulate_payment.response.json", &sim)
	assert.True(t, sim.Status.Succeeded())

	var p virtualaccounts.SimulatePaymentParams
	jsontest.Strict(t, "virtualaccounts.simulate_payment.request.json", &p)
	assert.NoError(t, p.Validate())

	var u virtualaccounts.UpdateVirtualAccountParams
	jsontest.Strict(t, "virtualaccounts.update.request.json", &u)
	amount, _ := u.ExpectedAmount.Get()
	assert.Equal(t, 150000.0, amount)
	assert.NoError(t, u.Validate(), "a past expiration date is how an update expires an account")
}

func TestRequestExamplesAreValid(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"virtualaccounts.create.request.json", "virtualaccounts.create.request.3.json"} {
		var p virtualaccounts.CreateVirtualAccountParams
		jsontest.Strict(t, name, &p)
		assert.NoError(t, p.Validate(), name)
	}
	var p virtualaccounts.CreateVirtualAccountParams
	jsontest.Strict(t, "virtualaccounts.create.request.2.json", &p)
	fake.Invalid(t, p.Validate(), "expiration_date") // 2021: the rule is the example's only fault
	p.ExpirationDate = xendit.Time{Time: time.Now().Add(time.Hour)}
	assert.NoError(t, p.Validate())
}

func TestCallbackExamplesDecode(t *testing.T) {
	t.Parallel()
	cb, err := virtualaccounts.ParseCallback(jsontest.Load(t, "virtualaccounts.payment_callback.webhook.json"))
	require.NoError(t, err)
	require.NotNil(t, cb.Payment)
	assert.Nil(t, cb.VirtualAccount)
	assert.Equal(t, "demo-1502437214715", cb.Payment.ExternalID)
	assert.Equal(t, virtualaccounts.CountryID, cb.Payment.Country)
	var strict virtualaccounts.Payment
	jsontest.Strict(t, "virtualaccounts.payment_callback.webhook.json", &strict)

	cb, err = virtualaccounts.ParseCallback(jsontest.Load(t, "virtualaccounts.status_callback.webhook.json"))
	require.NoError(t, err)
	require.NotNil(t, cb.VirtualAccount)
	assert.Nil(t, cb.Payment)
	assert.True(t, cb.VirtualAccount.Status.Active())
	assert.Equal(t, "va-1475804036622", cb.VirtualAccount.ExternalID)
	var account virtualaccounts.VirtualAccount
	jsontest.Strict(t, "virtualaccounts.status_callback.webhook.json", &account)
}

// Another product's callback on a shared URL is refused, so a router can
// try each product's parser in turn.
func TestOtherCallbacksAreRefused(t *testing.T) {
	t.Parallel()
	for name, body := range map[string]string{
		"an envelope":             `{"event":"qr.payment","business_id":"b","data":{"id":"x","account_number":"1","status":"SUCCEEDED"}}`,
		"an invoice":              `{"id":"579c8d61f23fa4ca35e52da4","external_id":"invoice_123124123","user_id":"5781d19b2e2385880609791c","status":"PAID","bank_code":"PERMATA","amount":50000}`,
		"a retail outlet payment": `{"id":"5f2a2f8a","fixed_payment_code_payment_id":"p","fixed_payment_code_id":"f","payment_id":"1","external_id":"e","status":"COMPLETED"}`,
	} {
		_, err := virtualaccounts.ParseCallback([]byte(body))
		assert.True(t, errors.Is(err, virtualaccounts.ErrNotVirtualAccountCallback), "%s: %v", name, err)
	}
}
