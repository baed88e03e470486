package disbursements_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go/disbursements"
	"github.com/seed19b1029f/xendit-go/internal/jsontest"
)

func TestReferenceExamplesRoundTrip(t *testing.T) {
	t.Parallel()
	disbursement := func() any { return new(disbursements.Disbursement) }
	params := func() any { return new(disbursements.CreateDisbursementParams) }
	callback := func() any { return new(disbursements.Callback) }
	banks := func() any { return new([]disbursements.Bank) }
	jsontest.RoundTripAll(t, map[string]func() any{
		"disbursements.disbursement_object.response.json":        disbursement,
		"disbursements.create.request.json":                      params,
		"disbursements.create.request.2.json":                    params,
		"disbursements.create.response.json":                     disbursement,
		"disbursements.get.response.json":                        disbursement,
		"disbursements.get_by_external_id.response.json":         func() any { return new([]disbursements.Disbursement) },
		"disbursements.disbursement_callback.webhook.json":       callback,
		"disbursements.disbursement_callback.webhook.2.json":     callback,
		"disbursements.get_banks.response.json":                  banks,
		"disbursements.get_banks.response.2.json":                banks,
		"disbursements.create_batch.request.json":                func() any { return new(disbursements.CreateBatchParams) },
		"disbursements.create_batch.response.json":               func() any { return new(disbursements.Batch) },
		"disbursements.batch_disbursement_callback.webhook.json": callback,
	}, jsontest.Skip(map[string]string{}, "disbursements.create.error.json"))
}

func TestExamplesDecodeIntoNamedFields(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"disbursements.create.response.json", "disbursements.get.response.json",
		"disbursements.disbursement_object.response.json"} {
		var d disbursements.Disbursement
		jsontest.Strict(t, name, &d)
		assert.Equal(t, "57f1ce05bb1a631a65eee662", d.ID)
		assert.Equal(t, disbursements.StatusPending, d.Status)
		assert.True(t, d.Status.Pending())
		assert.Equal(t, 90000.0, d.Amount)
		assert.Equal(t, []string{"somebody@email.com"}, d.EmailTo)
		assert.Nil(t, d.IsInstant, "only callbacks say is_instant")
	}
	var list []disbursements.Disbursement
	jsontest.Strict(t, "disbursements.get_by_external_id.response.json", &list)
	require.Len(t, list, 2)
	assert.Equal(t, disbursements.FailureRejectedByBank, list[1].FailureCode)
	assert.True(t, list[1].Status.Failed())

	for _, name := range []string{"disbursements.create.request.json", "disbursements.create.request.2.json"} {
		var p disbursements.CreateDisbursementParams
		jsontest.Strict(t, name, &p)
		require.NoError(t, p.Validate(), "the reference's own request is valid: %s", name)
	}
	var bp disbursements.CreateBatchParams
	jsontest.Strict(t, "disbursements.create_batch.request.json", &bp)
	require.NoError(t, bp.Validate())
	assert.Equal(t, "demo_123_1", *bp.Disbursements[0].ExternalID)

	var b disbursements.Batch
	jsontest.Strict(t, "disbursements.create_batch.response.json", &b)
	assert.Equal(t, disbursements.BatchStatusUploading, b.Status)
	assert.True(t, b.Status.Pending())
	assert.Equal(t, 2, b.TotalUploadedCount)
	assert.Equal(t, 30000.0, b.TotalUploadedAmount)

	var banks []disbursements.Bank
	jsontest.Strict(t, "disbursements.get_banks.response.json", &banks)
	assert.Equal(t, "MANDIRI", banks[0].Code)
	assert.True(t, *banks[0].CanDisburse)
	var banks2 []disbursements.Bank
	jsontest.Strict(t, "disbursements.get_banks.response.2.json", &banks2)
	assert.Nil(t, banks2[0].CanNameValidate, "the second section's banks have name and code only")
}

func TestCallbackExamplesDecode(t *testing.T) {
	t.Parallel()
	var d disbursements.Disbursement
	jsontest.Strict(t, "disbursements.disbursement_callback.webhook.2.json", &d)
	cb, err := disbursements.ParseCallback(jsontest.Load(t, "disbursements.disbursement_callback.webhook.2.json"))
	require.NoError(t, err)
	require.NotNil(t, cb.Disbursement)
	assert.Nil(t, cb.Batch)
	assert.Equal(t, disbursements.StatusFailed, cb.Disbursement.Status)
	assert.Equal(t, disbursements.FailureInvalidDestination, cb.Disbursement.FailureCode)
	assert.True(t, *cb.Disbursement.IsInstant)
	assert.Equal(t, time.Date(2021, 7, 10, 8, 15, 3, 404e6, time.UTC), cb.Disbursement.Created.Time)

	var b disbursements.Batch
	jsontest.Strict(t, "disbursements.batch_disbursement_callback.webhook.json", &b)
	cb, err = disbursements.ParseCallback(jsontest.Load(t, "disbursements.batch_disbursement_callback.webhook.json"))
	require.NoError(t, err)
	require.NotNil(t, cb.Batch)
	assert.Nil(t, cb.Disbursement)
	assert.True(t, cb.Batch.Status.Succeeded())
	require.Len(t, cb.Batch.Disbursements, 1)
	item := cb.Batch.Disbursements[0]
	assert.Equal(t, "disbursement_test_example@xendit.co", item.EmailTo, "a string here, not a list")
	assert.Equal(t, "123456", item.BankReference)
	assert.True(t, item.Status.Succeeded())
}

// TestParseCallbackRefusesOtherProducts: on a URL shared with other
// products, a body that is not a disbursement or a batch is refused, not
// decoded into a zero disbursement.
func TestParseCallbackRefusesOtherProducts(t *testing.T) {
	t.Parallel()
	for name, body := range map[string]string{
		"envelope with event": `{"event":"payout.succeeded","id":"x","status":"SUCCEEDED","data":{}}`,
		"invoice":             `{"id":"inv_1","external_id":"order-1","status":"PAID","amount":5000}`,
		"payout v2 (flat)":    `{"id":"disb-1","status":"SUCCEEDED","reference_id":"r","account_holder_name":"A"}`,
		"no status":           `{"id":"d_1","external_id":"e","account_holder_name":"A"}`,
	} {
		_, err := disbursements.ParseCallback([]byte(body))
		assert.ErrorIs(t, err, disbursements.ErrNotDisbursementCallback, name)
	}
	_, err := disbursements.ParseCallback([]byte(`{`))
	assert.Error(t, err)
}

func TestCallbackEncodesAsSent(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"disbursements.disbursement_callback.webhook.json", "disbursements.batch_disbursement_callback.webhook.json"} {
		body := jsontest.Load(t, name)
		cb, err := disbursements.ParseCallback(body)
		require.NoError(t, err)
		again, err := json.Marshal(cb)
		require.NoError(t, err)
		assert.Empty(t, jsontest.Diff(body, again), name)
	}
}
