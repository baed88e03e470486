package refunds_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/jsontest"
	"github.com/seed19b1029f/xendit-go/refunds"
)

func TestTestdataIsTheFilesExamples(t *testing.T) {
	t.Parallel()
	jsontest.PinnedToReference(t, "refunds")
}

func TestRefundExamplesDecodeIntoNamedFields(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"refunds.create.response.schema_Refund.json", "refunds.get.response.schema_Refund.json",
		"refunds.cancel.response.schema_Refund.json"} {
		var r refunds.Refund
		jsontest.Strict(t, name, &r)
		assert.Equal(t, "rfd-3ece8615-41b7-4983-a3f0-a037430b6036", r.ID, name)
		assert.Equal(t, "pr-f4a6f77c-4835-4630-9617-2cdc34ee26ee", r.PaymentRequestID)
		assert.Equal(t, 1500.0, r.Amount)
		assert.Equal(t, xendit.CurrencyPHP, r.Currency)
		assert.Equal(t, "SHOPEEPAY", r.ChannelCode)
		assert.Equal(t, "REFUND_FAILED", *r.FailureCode)
		assert.Equal(t, 859363326, r.Created.Nanosecond(), "nanoseconds survive")
		assert.Empty(t, r.Status, "refund.yaml's Refund has no status")
	}
	var list xendit.Page[refunds.Refund]
	jsontest.Strict(t, "refunds.list.response.schema_RefundList.json", &list)
	require.Len(t, list.Data, 2)
	assert.Nil(t, list.Data[0].RefundFeeAmount)
	assert.Equal(t, "GRABPAY", list.Data[1].ChannelCode)
}

func TestRequestExampleDecodesIntoParams(t *testing.T) {
	t.Parallel()
	var p refunds.CreateParams
	jsontest.Strict(t, "refunds.create.request.schema_CreateRefund.json", &p)
	assert.Equal(t, refunds.ReasonCancellation, *p.Reason)
	assert.ErrorContains(t, p.Validate(), "invoice_id",
		"the file's example gives both payment_request_id and invoice_id, which Xendit refuses")
	p.InvoiceID = nil
	require.NoError(t, p.Validate())
}

func TestCallbackRoundTrip(t *testing.T) {
	t.Parallel()
	in := `{"event":"refund.succeeded","business_id":"5f27a14a9bf05c73dd040bc8","created":"2024-01-02T03:04:05.678Z",
		"data":{"id":"rfd-1","payment_request_id":"pr-1","amount":1500,"channel_code":"SHOPEEPAY","country":"PH",
		"currency":"PHP","reference_id":null,"status":"SUCCEEDED","reason":"OTHERS","failure_code":null,
		"refund_fee_amount":null,"metadata":null,"created":"2024-01-02T03:04:05.678Z","updated":"2024-01-02T03:04:05.678Z"}}`
	cb, err := refunds.ParseCallback([]byte(in))
	require.NoError(t, err)
	require.NotNil(t, cb.Refund)
	assert.True(t, cb.Refund.Status.Succeeded())
	assert.Equal(t, time.Date(2024, 1, 2, 3, 4, 5, 678000000, time.UTC), cb.Created.Time)
	out, err := json.Marshal(cb)
	require.NoError(t, err)
	assert.JSONEq(t, in, string(out))

	cb, err = refunds.ParseCallback([]byte(`{"event":"refund.something_new","data":{"id":"x"}}`))
	require.NoError(t, err)
	assert.Nil(t, cb.Refund)
	assert.JSONEq(t, `{"id":"x"}`, string(cb.Data))
	_, err = refunds.ParseCallback([]byte(`{"event":"refund.failed","data":null}`))
	assert.Error(t, err)
}

func TestReferenceExamplesRoundTrip(t *testing.T) {
	t.Parallel()
	refund := func() any { return new(refunds.Refund) }
	jsontest.RoundTripAll(t, map[string]func() any{
		"refunds.cancel.response.schema_Refund.json":      refund,
		"refunds.create.request.schema_CreateRefund.json": func() any { return new(refunds.CreateParams) },
		"refunds.create.response.schema_Refund.json":      refund,
		"refunds.get.response.schema_Refund.json":         refund,
		"refunds.list.response.schema_RefundList.json":    func() any { return new(xendit.Page[refunds.Refund]) },
	}, map[string]string{})
}
