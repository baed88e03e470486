package retailoutlets_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/jsontest"
	"github.com/seed19b1029f/xendit-go/internal/reference"
	"github.com/seed19b1029f/xendit-go/retailoutlets"
)

func TestReferenceExamplesRoundTrip(t *testing.T) {
	t.Parallel()
	fixed := func() any { return new(retailoutlets.FixedPaymentCode) }
	code := func() any { return new(retailoutlets.PaymentCode) }
	callback := func() any { return new(retailoutlets.Callback) }
	jsontest.RoundTripAll(t, map[string]func() any{
		"retailoutlets.create_fixed_payment_code.request.json":         func() any { return new(retailoutlets.CreateFixedPaymentCodeParams) },
		"retailoutlets.create_fixed_payment_code.response.json":        fixed,
		"retailoutlets.update_fixed_payment_code.request.json":         func() any { return new(retailoutlets.UpdateFixedPaymentCodeParams) },
		"retailoutlets.update_fixed_payment_code.response.json":        fixed,
		"retailoutlets.get_fixed_payment_code.response.json":           fixed,
		"retailoutlets.list_fixed_payment_code_payments.response.json": func() any { return new(retailoutlets.FixedPaymentCodePaymentsPage) },
		"retailoutlets.fixed_payment_code_callback.webhook.json":       callback,
		"retailoutlets.create_payment_code.request.json":               func() any { return new(retailoutlets.CreatePaymentCodeParams) },
		"retailoutlets.create_payment_code.response.json":              code,
		"retailoutlets.update_payment_code.request.json":               func() any { return new(retailoutlets.UpdatePaymentCodeParams) },
		"retailoutlets.update_payment_code.response.json":              code,
		"retailoutlets.get_payment_code.response.json":                 code,
		"retailoutlets.list_payment_code_payments.response.json":       func() any { return new(retailoutlets.PaymentCodePayment) }, // one item: the example shows one object
		"retailoutlets.payment_code_callback.webhook.json":             callback,
	}, map[string]string{})
}

// TestTestdataIsTheReference keeps testdata equal to the reference's
// examples as internal/reference holds them.
func TestTestdataIsTheReference(t *testing.T) {
	t.Parallel()
	n := 0
	check := func(examples []reference.Example) {
		for _, ex := range examples {
			want, err := json.Marshal(ex.JSON)
			require.NoError(t, err)
			assert.JSONEq(t, string(want), string(jsontest.Load(t, ex.Name)), ex.Name)
			n++
		}
	}
	for _, e := range reference.Endpoints() {
		if e.Area == "retailoutlets" {
			check(e.Examples)
		}
	}
	for _, w := range reference.Webhooks() {
		if w.Area == "retailoutlets" {
			check(w.Examples)
		}
	}
	assert.Equal(t, 14, n)
}

func TestExamplesDecodeIntoNamedFields(t *testing.T) {
	t.Parallel()
	var fpc retailoutlets.FixedPaymentCode
	jsontest.Strict(t, "retailoutlets.create_fixed_payment_code.response.json", &fpc)
	assert.Equal(t, retailoutlets.RetailOutletNameAlfamart, fpc.RetailOutletName)
	assert.True(t, fpc.Status.Active())
	assert.Equal(t, retailoutlets.FixedPaymentCodeTypeUser, fpc.Type)
	assert.Equal(t, 10000.0, fpc.ExpectedAmount)
	assert.Equal(t, time.Date(2051, 11, 1, 17, 0, 0, 0, time.UTC), fpc.ExpirationDate.Time)

	var page retailoutlets.FixedPaymentCodePaymentsPage
	jsontest.Strict(t, "retailoutlets.list_fixed_payment_code_payments.response.json", &page)
	require.Len(t, page.Data, 1)
	assert.True(t, page.Data[0].Status.Settled())
	require.Len(t, page.Links, 1, "links is one object")
	assert.Equal(t, "next", page.Links[0].Rel)

	var pc retailoutlets.PaymentCode
	jsontest.Strict(t, "retailoutlets.create_payment_code.response.json", &pc)
	assert.Equal(t, retailoutlets.Channel7ElevenCliqq, pc.ChannelCode)
	assert.Equal(t, xendit.CurrencyPHP, pc.Currency)
	assert.Equal(t, 50.0, *pc.Amount)
	assert.Equal(t, retailoutlets.CountryPH, pc.Market)
	assert.Nil(t, pc.Metadata)

	var list retailoutlets.PaymentCodePayments
	require.NoError(t, json.Unmarshal(jsontest.Load(t, "retailoutlets.list_payment_code_payments.response.json"), &list))
	require.Len(t, list, 1, "the example's single object is a list of one")
	require.NoError(t, json.Unmarshal([]byte(`[{"id":"a"},{"id":"b"}]`), &list))
	assert.Len(t, list, 2, "the documented array")

	var p retailoutlets.CreatePaymentCodeParams
	jsontest.Strict(t, "retailoutlets.create_payment_code.request.json", &p)
	assert.NoError(t, p.Validate(), "the reference's own request is valid")
	var f retailoutlets.CreateFixedPaymentCodeParams
	jsontest.Strict(t, "retailoutlets.create_fixed_payment_code.request.json", &f)
	assert.NoError(t, f.Validate(), "the reference's own request is valid")
}

func TestCallbackExamplesDecode(t *testing.T) {
	t.Parallel()
	cb, err := retailoutlets.ParseCallback(jsontest.Load(t, "retailoutlets.fixed_payment_code_callback.webhook.json"))
	require.NoError(t, err)
	require.NotNil(t, cb.FixedPaymentCode)
	assert.Nil(t, cb.PaymentCode)
	assert.Equal(t, "fixed-payment-code-14876410", cb.FixedPaymentCode.ExternalID)
	assert.True(t, cb.FixedPaymentCode.Status.Succeeded(), "SETTLING: the customer paid")
	assert.False(t, cb.FixedPaymentCode.Status.Settled())
	assert.Equal(t, 123456.0, cb.FixedPaymentCode.Amount)

	cb, err = retailoutlets.ParseCallback(jsontest.Load(t, "retailoutlets.payment_code_callback.webhook.json"))
	require.NoError(t, err)
	require.NotNil(t, cb.PaymentCode)
	assert.Nil(t, cb.FixedPaymentCode)
	assert.Equal(t, retailoutlets.EventPaymentCodePayment, cb.PaymentCode.Event)
	assert.Equal(t, "payment-code-14876410", cb.PaymentCode.ReferenceID)
	assert.True(t, cb.PaymentCode.Status.Succeeded())

	for _, body := range []string{
		`{"event":"qr.payment","data":{}}`,
		`{"event":"virtual_account.paid","fixed_payment_code_payment_id":"x"}`,
		`{"id":"inv-1","external_id":"order-1","status":"PAID"}`,
		`{}`,
	} {
		_, err = retailoutlets.ParseCallback([]byte(body))
		assert.ErrorIs(t, err, retailoutlets.ErrNotRetailOutletCallback, body)
	}
	_, err = retailoutlets.ParseCallback([]byte(`[`))
	assert.Error(t, err)
}
