package paymentrequests_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/jsontest"
	"github.com/seed19b1029f/xendit-go/paymentmethods"
	"github.com/seed19b1029f/xendit-go/paymentrequests"
)

func TestTestdataIsTheFilesExamples(t *testing.T) {
	t.Parallel()
	jsontest.PinnedToReference(t, "paymentrequests")
}

// assertAllNamed fails when the payment method of an example left fields
// in Extra: every field the file documents lands in a named field.
func assertAllNamed(t *testing.T, pm *paymentmethods.PaymentMethod, name string) {
	t.Helper()
	require.NotNil(t, pm, name)
	assert.Empty(t, pm.Extra, name)
	require.NotNil(t, pm.Card, name)
	assert.Empty(t, pm.Card.Extra, name)
}

func TestPaymentRequestExamplesDecodeIntoNamedFields(t *testing.T) {
	t.Parallel()
	for _, name := range []string{
		"paymentrequests.create.response.schema_PaymentRequest.json",
		"paymentrequests.get.response.schema_PaymentRequest.json",
		"paymentrequests.authorize.response.schema_PaymentRequest.json",
		"paymentrequests.resend_auth.response.schema_PaymentRequest.json",
	} {
		var pr paymentrequests.PaymentRequest
		jsontest.Strict(t, name, &pr)
		assert.Equal(t, "id", pr.ID, name)
		assert.Empty(t, pr.Status, "the example's status is null")
		assert.Equal(t, time.Date(2023, 1, 24, 7, 5, 7, 859000000, time.UTC), pr.Created.Time)
		require.Len(t, pr.Actions, 2)
		assert.Equal(t, paymentrequests.ActionTypeAuth, pr.Actions[0].Action)
		assert.Equal(t, "url", pr.ActionURL(paymentrequests.ActionTypeAuth, paymentrequests.URLTypeAPI))
		require.Len(t, pr.Items, 2)
		assert.Equal(t, "name", pr.Items[0].Name)
		assert.Equal(t, "country", pr.ShippingInformation.Country)
		assert.Equal(t, "CHALLENGE", *pr.PaymentMethod.Card.CardVerificationResults.ThreeDSecure.Flow)
		assert.Equal(t, "VISA", pr.PaymentMethod.Card.CardInformation.Network)
		assert.Equal(t, "https://redirect.me/good", *pr.PaymentMethod.Card.ChannelProperties.SuccessReturnURL)
		assert.Nil(t, pr.PaymentMethod.EWallet, "null channel objects stay nil")
		assertAllNamed(t, pr.PaymentMethod, name)
	}

	var list xendit.Page[paymentrequests.PaymentRequest]
	jsontest.Strict(t, "paymentrequests.list.response.schema_PaymentRequestListResponse.json", &list)
	require.Len(t, list.Data, 2)
	assert.True(t, list.HasMore)
	assertAllNamed(t, list.Data[1].PaymentMethod, "list")
}

func TestCaptureExamplesDecodeIntoNamedFields(t *testing.T) {
	t.Parallel()
	var c paymentrequests.Capture
	jsontest.Strict(t, "paymentrequests.capture.response.schema_Capture.json", &c)
	assert.True(t, c.Status.Succeeded())
	assert.Equal(t, 6.027456183070403, c.CapturedAmount)
	assert.Equal(t, "{}", c.ChannelProperties, "the example's string is kept")
	assertAllNamed(t, c.PaymentMethod, "capture")

	var list xendit.Page[paymentrequests.Capture]
	jsontest.Strict(t, "paymentrequests.list_captures.response.schema_CaptureListResponse.json", &list)
	require.NotEmpty(t, list.Data)
	assert.True(t, list.HasMore)
}

func TestRequestExamplesDecodeIntoParams(t *testing.T) {
	t.Parallel()
	for name, valid := range map[string]bool{
		"paymentrequests.create.request.e_wallet_one_time_payment_via_redirect_url.json":                   true,
		"paymentrequests.create.request.fixed_amount_dynamic_qr.json":                                      true,
		"paymentrequests.create.request.fixed_amount_single_use_virtual_account.json":                      true,
		"paymentrequests.create.request.subsequent_ph_direct_debit_payments_after_account_linking.json":    true,
		"paymentrequests.create.request.subsequent_tokenized_e_wallet_payments_after_account_linking.json": true,
	} {
		var p paymentrequests.CreatePaymentRequestParams
		jsontest.Strict(t, name, &p)
		assert.Equal(t, valid, p.Validate() == nil, "%s: %v", name, p.Validate())
	}
	var va paymentrequests.CreatePaymentRequestParams
	jsontest.Strict(t, "paymentrequests.create.request.fixed_amount_single_use_virtual_account.json", &va)
	assert.Equal(t, "BNI", va.PaymentMethod.VirtualAccount.ChannelCode)
	assert.Equal(t, paymentrequests.CountryID, *va.Country)

	var c paymentrequests.CreateCaptureParams
	jsontest.Strict(t, "paymentrequests.capture.request.schema_CaptureParameters.json", &c)
	require.NoError(t, c.Validate())
	var a paymentrequests.AuthorizePaymentRequestParams
	jsontest.Strict(t, "paymentrequests.authorize.request.schema_PaymentRequestAuthParameters.json", &a)
	require.NoError(t, a.Validate())
}

// TestUnknownFieldsSurvive: a payment request whose payment method is of
// a type the SDK does not know, with fields no type names, re-encodes
// with every key it came with.
func TestUnknownFieldsSurvive(t *testing.T) {
	t.Parallel()
	in := `{"id":"pr-1","business_id":"b","reference_id":"order-1","amount":100,"currency":"IDR","status":"SUCCEEDED",
		"payment_method":{"id":"pm-1","business_id":"b","type":"PAYLATER","status":"ACTIVE","reusability":"ONE_TIME_USE",
		"reference_id":"r","description":null,"created":"2024-01-02T03:04:05.678Z","updated":"2024-01-02T03:04:05.678Z",
		"metadata":null,"card":null,"customer_id":"cust-1","paylater":{"channel_code":"AKULAKU","x":[1,2]},
		"ewallet":{"channel_code":"OVO","channel_properties":null,"account":{"balance":1000},"new_flag":true}},
		"created":"2024-01-02T03:04:05.678Z","updated":"2024-01-02T03:04:05.678Z"}`
	var pr paymentrequests.PaymentRequest
	require.NoError(t, json.Unmarshal([]byte(in), &pr))
	pm := pr.PaymentMethod
	assert.Equal(t, paymentmethods.Type("PAYLATER"), pm.Type)
	assert.Contains(t, pm.Extra, "paylater")
	assert.Contains(t, pm.EWallet.Extra, "new_flag")
	assert.Equal(t, "OVO", pm.ChannelCode())
	out, err := json.Marshal(pr)
	require.NoError(t, err)
	assert.Empty(t, jsontest.Diff([]byte(in), out), "every key comes back (a null may come back absent)")
}

func TestReferenceExamplesRoundTrip(t *testing.T) {
	t.Parallel()
	pr := func() any { return new(paymentrequests.PaymentRequest) }
	create := func() any { return new(paymentrequests.CreatePaymentRequestParams) }
	jsontest.RoundTripAll(t, map[string]func() any{
		"paymentrequests.authorize.request.schema_PaymentRequestAuthParameters.json":                       func() any { return new(paymentrequests.AuthorizePaymentRequestParams) },
		"paymentrequests.authorize.response.schema_PaymentRequest.json":                                    pr,
		"paymentrequests.capture.request.schema_CaptureParameters.json":                                    func() any { return new(paymentrequests.CreateCaptureParams) },
		"paymentrequests.capture.response.schema_Capture.json":                                             func() any { return new(paymentrequests.Capture) },
		"paymentrequests.create.request.e_wallet_one_time_payment_via_redirect_url.json":                   create,
		"paymentrequests.create.request.fixed_amount_dynamic_qr.json":                                      create,
		"paymentrequests.create.request.fixed_amount_single_use_virtual_account.json":                      create,
		"paymentrequests.create.request.subsequent_ph_direct_debit_payments_after_account_linking.json":    create,
		"paymentrequests.create.request.subsequent_tokenized_e_wallet_payments_after_account_linking.json": create,
		"paymentrequests.create.response.schema_PaymentRequest.json":                                       pr,
		"paymentrequests.get.response.schema_PaymentRequest.json":                                          pr,
		"paymentrequests.list.response.schema_PaymentRequestListResponse.json":                             func() any { return new(xendit.Page[paymentrequests.PaymentRequest]) },
		"paymentrequests.list_captures.response.schema_CaptureListResponse.json":                           func() any { return new(xendit.Page[paymentrequests.Capture]) },
		"paymentrequests.resend_auth.response.schema_PaymentRequest.json":                                  pr,
	}, map[string]string{})
}

func TestCallbacksDecodeAndRoundTrip(t *testing.T) {
	t.Parallel()
	payment := `{"event":"payment.succeeded","business_id":"b","created":"2024-01-02T03:04:05.678Z","api_version":"v3",
		"data":{"id":"py-1","payment_request_id":"pr-1","business_id":"b","reference_id":"order-1","customer_id":null,
		"amount":15000,"currency":"IDR","country":"ID","status":"SUCCEEDED","capture_method":"AUTOMATIC",
		"payment_method":{"id":"pm-1","type":"EWALLET","reusability":"ONE_TIME_USE","status":"ACTIVE","reference_id":"r",
		"description":null,"created":"2024-01-02T03:04:05.678Z","updated":"2024-01-02T03:04:05.678Z","metadata":null,
		"card":null,"direct_debit":null,"over_the_counter":null,"qr_code":null,"virtual_account":null,
		"ewallet":{"channel_code":"SHOPEEPAY","channel_properties":{"success_return_url":"https://shop.example/ok"}}},
		"channel_properties":null,"payment_detail":{"receipt_id":"r-1"},"failure_code":null,"description":null,
		"metadata":null,"created":"2024-01-02T03:04:05.678Z","updated":"2024-01-02T03:04:05.678Z","new_field":[1]}}`
	cb, err := paymentrequests.ParseCallback([]byte(payment))
	require.NoError(t, err)
	require.NotNil(t, cb.Payment)
	assert.Nil(t, cb.Capture)
	assert.True(t, cb.Payment.Status.Succeeded())
	assert.Equal(t, "SHOPEEPAY", cb.Payment.PaymentMethod.ChannelCode())
	assert.Equal(t, "v3", *cb.APIVersion)
	out, err := json.Marshal(cb)
	require.NoError(t, err)
	assert.Empty(t, jsontest.Diff([]byte(payment), out), "fields the types do not name survive (a null may come back absent)")

	capture := `{"event":"capture.failed","business_id":"b","created":"2024-01-02T03:04:05.678Z","data":{"id":"cptr-1",
		"payment_request_id":"pr-1","payment_id":"py-1","reference_id":"c-1","customer_id":null,"currency":"IDR",
		"authorized_amount":100,"captured_amount":0,"status":"FAILED","payment_method":null,"failure_code":"PROCESSOR_ERROR",
		"channel_properties":null,"metadata":null,"created":"2024-01-02T03:04:05.678Z","updated":"2024-01-02T03:04:05.678Z"}}`
	cb, err = paymentrequests.ParseCallback([]byte(capture))
	require.NoError(t, err)
	require.NotNil(t, cb.Capture)
	assert.True(t, cb.Capture.Status.Failed())
	out, err = json.Marshal(cb)
	require.NoError(t, err)
	assert.JSONEq(t, capture, string(out))

	cb, err = paymentrequests.ParseCallback([]byte(`{"event":"payment_request.succeeded","data":{"id":"pr-1"}}`))
	require.NoError(t, err)
	assert.Nil(t, cb.Payment)
	assert.JSONEq(t, `{"id":"pr-1"}`, string(cb.Data))
	_, err = paymentrequests.ParseCallback([]byte(`{"event":"payment.failed"}`))
	assert.Error(t, err)
}
