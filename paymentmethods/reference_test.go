package paymentmethods_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/jsontest"
	"github.com/seed19b1029f/xendit-go/internal/reference"
	"github.com/seed19b1029f/xendit-go/paymentmethods"
)

// The schema examples of payment_method.yaml hold the generator's
// placeholders; "metadata" (an object) is the string "{}" in every one.
const metadataPlaceholder = `"metadata": "{}"`

// schemaExample returns testdata/name with the metadata placeholder made
// the empty object it stands for; nothing else changes.
func schemaExample(t *testing.T, name string) []byte {
	t.Helper()
	b := jsontest.Load(t, name)
	require.Contains(t, string(b), metadataPlaceholder, "%s: the placeholder is gone; round-trip it with the others", name)
	return bytes.ReplaceAll(b, []byte(metadataPlaceholder), []byte(`"metadata": {}`))
}

var schemaResponses = []string{
	"paymentmethods.authorize.response.schema_PaymentMethod.json",
	"paymentmethods.create.response.schema_PaymentMethod.json",
	"paymentmethods.expire.response.schema_PaymentMethod.json",
	"paymentmethods.get.response.schema_PaymentMethod.json",
	"paymentmethods.update.response.schema_PaymentMethod.json",
}

const schemaList = "paymentmethods.list.response.schema_PaymentMethodList.json"

func TestTestdataIsTheReference(t *testing.T) {
	t.Parallel()
	seen := 0
	for _, id := range []string{"paymentmethods.authorize", "paymentmethods.create", "paymentmethods.expire",
		"paymentmethods.get", "paymentmethods.list", "paymentmethods.update", "ewallets.tokenized.create_payment_method"} {
		e, ok := reference.ByID(id)
		require.True(t, ok, id)
		for _, ex := range e.Examples {
			assert.JSONEq(t, string(ex.JSON), string(jsontest.Load(t, ex.Name)), ex.Name)
			seen++
		}
	}
	assert.Equal(t, 14, seen)
}

func TestReferenceExamplesRoundTrip(t *testing.T) {
	t.Parallel()
	method := func() any { return new(paymentmethods.PaymentMethod) }
	skip := map[string]string{schemaList: "a schema example with placeholders: TestSchemaExamplesRoundTrip"}
	for _, n := range schemaResponses {
		skip[n] = skip[schemaList]
	}
	jsontest.RoundTripAll(t, map[string]func() any{
		"paymentmethods.authorize.request.schema_PaymentMethodAuthParameters.json": func() any { return new(paymentmethods.AuthorizeParams) },
		"paymentmethods.create.request.account_linking_for_e_wallet.json":          func() any { return new(paymentmethods.CreateParams) },
		"paymentmethods.create.request.account_linking_for_ph_direct_debit.json":   func() any { return new(paymentmethods.CreateParams) },
		"paymentmethods.expire.request.schema_PaymentMethodExpireParameters.json":  func() any { return new(paymentmethods.ExpireParams) },
		"paymentmethods.update.request.schema_PaymentMethodUpdateParameters.json":  func() any { return new(paymentmethods.UpdateParams) },
		"ewallets.tokenized.create_payment_method.request.json":                    func() any { return new(paymentmethods.CreateParams) },
		"ewallets.tokenized.create_payment_method.request.2.json":                  func() any { return new(paymentmethods.CreateParams) },
		"ewallets.tokenized.create_payment_method.response.json":                   method,
		"ewallets.tokenized.get_payment_method.response.json":                      method,
		"ewallets.tokenized.unlink_payment_method.response.json":                   method,
		"ewallets.tokenized.account_linking_status_callback.webhook.json":          func() any { return new(paymentmethods.Callback) },
		"ewallets.tokenized.token_expiry_callback.webhook.json":                    func() any { return new(paymentmethods.Callback) },
	}, skip)
}

// roundTrip decodes b into v, encodes it again and fails on any key lost
// or changed.
func roundTrip(t *testing.T, name string, b []byte, v any) {
	t.Helper()
	require.NoError(t, json.Unmarshal(b, v), name)
	again, err := json.Marshal(v)
	require.NoError(t, err)
	assert.Empty(t, jsontest.Diff(b, again), name)
}

func TestSchemaExamplesRoundTrip(t *testing.T) {
	t.Parallel()
	for _, name := range schemaResponses {
		var pm paymentmethods.PaymentMethod
		roundTrip(t, name, schemaExample(t, name), &pm)
		assert.Equal(t, "id", pm.ID)
		assert.Empty(t, pm.Extra, "every documented key has a field")
		require.NotNil(t, pm.Card)
		assert.Empty(t, pm.Card.Extra)
		assert.Equal(t, "token_id", pm.Card.CardInformation.TokenID)
		assert.Equal(t, "CHALLENGE", *pm.Card.CardVerificationResults.ThreeDSecure.Flow)
		assert.Equal(t, "https://redirect.me/good", *pm.Card.ChannelProperties.SuccessReturnURL)
		assert.Equal(t, "postal_code", *pm.BillingInformation.PostalCode)
		assert.Len(t, pm.Actions, 2)
		assert.Nil(t, pm.EWallet, "null channel objects stay nil")
		assert.JSONEq(t, `"{}"`, string(pm.Customer), "customer is kept as sent")
		assert.Equal(t, time.Date(2016, 8, 29, 9, 12, 33, 1_000_000, time.UTC), pm.Created.Time)
	}
	var list xendit.Page[paymentmethods.PaymentMethod]
	roundTrip(t, schemaList, schemaExample(t, schemaList), &list)
	assert.Len(t, list.Data, 2)
	assert.True(t, list.HasMore)
}

func TestRequestExamplesDecodeIntoParams(t *testing.T) {
	t.Parallel()
	var ew paymentmethods.CreateParams
	require.NoError(t, json.Unmarshal(jsontest.Load(t, "paymentmethods.create.request.account_linking_for_e_wallet.json"), &ew))
	assert.Empty(t, ew.Extra)
	assert.Equal(t, paymentmethods.TypeEWallet, ew.Type)
	assert.Equal(t, paymentmethods.EWalletChannelOVO, ew.EWallet.ChannelCode)
	assert.NoError(t, ew.Validate(), "the file's own eWallet example is valid (customer instead of customer_id)")

	var dd paymentmethods.CreateParams
	require.NoError(t, json.Unmarshal(jsontest.Load(t, "paymentmethods.create.request.account_linking_for_ph_direct_debit.json"), &dd))
	assert.Equal(t, paymentmethods.DirectDebitChannelBPI, dd.DirectDebit.ChannelCode)
	// The example puts email and mobile_number (a number) beside the
	// direct_debit object instead of in its channel properties: they are
	// kept, and sent back, as extra keys.
	assert.Equal(t, []string{"email", "mobile_number"}, keys(dd.Extra))
	assert.NoError(t, dd.Validate())

	var up paymentmethods.UpdateParams
	require.NoError(t, json.Unmarshal(jsontest.Load(t, "paymentmethods.update.request.schema_PaymentMethodUpdateParameters.json"), &up))
	assert.True(t, up.Status.IsNull(), "null is kept apart from unset")
	va, ok := up.VirtualAccount.Get()
	require.True(t, ok)
	props, _ := va.ChannelProperties.Get()
	suggested, _ := props.SuggestedAmount.Get()
	assert.Equal(t, 100000.0, suggested)
}

func keys(x paymentmethods.Extra) []string {
	var out []string
	for k := range x {
		out = append(out, k)
	}
	if len(out) == 2 && out[0] > out[1] {
		out[0], out[1] = out[1], out[0]
	}
	return out
}

func TestEWalletExamplesDecodeIntoNamedFields(t *testing.T) {
	t.Parallel()
	for name, channel := range map[string]paymentmethods.EWalletChannelCode{
		"ewallets.tokenized.create_payment_method.response.json": paymentmethods.EWalletChannelOVO,
		"ewallets.tokenized.get_payment_method.response.json":    paymentmethods.EWalletChannelShopeePay,
		"ewallets.tokenized.unlink_payment_method.response.json": paymentmethods.EWalletChannelOVO,
	} {
		var pm paymentmethods.PaymentMethod
		require.NoError(t, json.Unmarshal(jsontest.Load(t, name), &pm))
		assert.Empty(t, pm.Extra, name)
		assert.Empty(t, pm.EWallet.Extra, name)
		assert.Equal(t, paymentmethods.TypeEWallet, pm.Type)
		assert.Equal(t, string(channel), pm.ChannelCode(), name)
		assert.True(t, strings.HasPrefix(pm.AuthURL(paymentmethods.URLTypeWeb), "https://link-web.xendit.co/"))
	}
}

func TestCallbackExamplesDecode(t *testing.T) {
	t.Parallel()
	for name, event := range map[string]string{
		"ewallets.tokenized.account_linking_status_callback.webhook.json": paymentmethods.EventActivated,
		"ewallets.tokenized.token_expiry_callback.webhook.json":           paymentmethods.EventExpired,
	} {
		cb, err := paymentmethods.ParseCallback(jsontest.Load(t, name))
		require.NoError(t, err)
		assert.Equal(t, event, cb.Event)
		require.NotNil(t, cb.PaymentMethod)
		assert.Empty(t, cb.PaymentMethod.Extra, name)
		assert.Equal(t, 10000.0, *cb.PaymentMethod.EWallet.Account.Balance)
	}
}
