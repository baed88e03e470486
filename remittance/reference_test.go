package remittance_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/jsontest"
	"github.com/seed19b1029f/xendit-go/remittance"
)

func TestReferenceExamplesRoundTrip(t *testing.T) {
	t.Parallel()
	payout := func() any { return new(remittance.Payout) }
	callback := func() any { return new(remittance.Callback) }
	jsontest.RoundTripAll(t, map[string]func() any{
		"remittance.cross_border_payout_object.response.json": payout,
		"remittance.create.response.json":                     payout,
		"remittance.get.response.json":                        payout,
		"remittance.cancel.response.json":                     payout,
		"remittance.payout_callback.webhook.json":             callback,
		"remittance.payout_callback.webhook.2.json":           callback,
		"remittance.payout_callback.webhook.3.json":           callback,
	}, jsontest.Skip(map[string]string{
		"remittance.create.request.json":   "sends the amounts as strings; the SDK sends numbers (TestRequestExamplesAreValidParams)",
		"remittance.create.request.2.json": "sends the amounts as strings; the SDK sends numbers (TestRequestExamplesAreValidParams)",
	}, "remittance.create.error.json"))
}

func TestPayoutExamplesDecodeIntoNamedFields(t *testing.T) {
	t.Parallel()
	for name, status := range map[string]remittance.Status{
		"remittance.cross_border_payout_object.response.json": remittance.StatusAccepted,
		"remittance.create.response.json":                     remittance.StatusAccepted,
		"remittance.get.response.json":                        remittance.StatusFailed,
		"remittance.cancel.response.json":                     remittance.StatusCancelled,
	} {
		var p remittance.Payout
		jsontest.Strict(t, name, &p)
		assert.Equal(t, status, p.Status, name)
		assert.Equal(t, "rpo_cde3dcb8-37d7-4ea1-a275-8f54af81feb0", p.ID)
		assert.Equal(t, xendit.CurrencyPHP, p.DestinationCurrency)
		assert.Equal(t, 35.0, p.DestinationAmount.Float64())
		assert.Equal(t, 10000.0, p.OriginAmount.Float64(), "origin_amount is a string in the examples")
		assert.Equal(t, remittance.PurposeOther, p.PurposeCode)
		assert.Equal(t, remittance.RelationshipCustomer, p.Relationship)
		assert.Equal(t, time.Date(2024, 5, 1, 7, 15, 22, 0, time.UTC), p.Created.Time)
	}
	var cancelled remittance.Payout
	jsontest.Strict(t, "remittance.cancel.response.json", &cancelled)
	assert.True(t, cancelled.Status.Failed())
	assert.Empty(t, cancelled.FailureCode, "null")
}

// TestRequestExamplesAreValidParams reads the reference's requests, whose
// amounts are strings, as numbers: the rest decodes into CreateParams and
// passes Validate.
func TestRequestExamplesAreValidParams(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"remittance.create.request.json", "remittance.create.request.2.json"} {
		var raw map[string]any
		require.NoError(t, json.Unmarshal(jsontest.Load(t, name), &raw))
		for _, k := range []string{"destination_amount", "origin_amount"} {
			n, ok := raw[k].(string)
			require.True(t, ok, "%s: %s is a string in the example", name, k)
			raw[k] = json.Number(n)
		}
		b, err := json.Marshal(raw)
		require.NoError(t, err)
		var p remittance.CreateParams
		require.NoError(t, json.Unmarshal(b, &p), name)
		require.NoError(t, p.Validate(), name)
		assert.Equal(t, 35.0, p.DestinationAmount)
		assert.Equal(t, remittance.SourceOfFundOther, *p.SourceOfFund)
	}
}

func TestCallbackExamplesDecode(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]struct {
		event  string
		status remittance.Status
	}{
		"remittance.payout_callback.webhook.json":   {remittance.EventPendingComplianceAssessment, remittance.StatusPendingComplianceAssessment},
		"remittance.payout_callback.webhook.2.json": {remittance.EventSucceeded, remittance.StatusSucceeded},
		// The reference's failed example is labelled succeeded.
		"remittance.payout_callback.webhook.3.json": {remittance.EventSucceeded, remittance.StatusFailed},
	} {
		var strict remittance.Callback
		jsontest.Strict(t, name, &strict)
		cb, err := remittance.ParseCallback(jsontest.Load(t, name))
		require.NoError(t, err)
		assert.Equal(t, want.event, cb.Event, name)
		assert.Equal(t, want.status, cb.Status, name)
		assert.Equal(t, "49d056bd-21e5-4997-85f2-2127544c2196", cb.ReferenceID)
	}
	cb, err := remittance.ParseCallback(jsontest.Load(t, "remittance.payout_callback.webhook.3.json"))
	require.NoError(t, err)
	assert.True(t, cb.Status.Failed())
	assert.Equal(t, remittance.FailureInvalidDestination, cb.FailureCode)

	ready, err := remittance.ParseCallback([]byte(`{"event":"remittance_payout.ready","id":"rpo_1","status":"READY","disbursement_code":"XENDIT-12341"}`))
	require.NoError(t, err)
	assert.Equal(t, "XENDIT-12341", ready.DisbursementCode)
	assert.True(t, ready.Status.Pending())
}
