package snap_test

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/jsontest"
	"github.com/seed19b1029f/xendit-go/snap"
)

// exampleTypes maps each request and response example to its type.
func exampleTypes() map[string]func() any {
	return map[string]func() any{
		"snap.create_account_binding.request.json":       func() any { return new(snap.CreateAccountBindingParams) },
		"snap.create_account_binding.response.json":      func() any { return new(snap.BindingResponse) },
		"snap.inquire_account_binding.response.json":     func() any { return new(snap.BindingResponse) },
		"snap.unbind_account.response.json":              func() any { return new(snap.BindingResponse) },
		"snap.verify_otp_account_binding.response.json":  func() any { return new(snap.OTPResponse) },
		"snap.create_va.request.json":                    func() any { return new(snap.CreateVAParams) },
		"snap.create_va.response.json":                   func() any { return new(snap.VAResponse) },
		"snap.inquire_va.response.json":                  func() any { return new(snap.VAResponse) },
		"snap.update_va.request.json":                    func() any { return new(snap.UpdateVAParams) },
		"snap.update_va.response.json":                   func() any { return new(snap.VAResponse) },
		"snap.deactivate_va.response.json":               func() any { return new(snap.VAResponse) },
		"snap.create_qr_mpm.request.json":                func() any { return new(snap.CreateQRParams) },
		"snap.create_qr_mpm.response.json":               func() any { return new(snap.QRResponse) },
		"snap.inquire_qr_mpm.response.json":              func() any { return new(snap.QRStatus) },
		"snap.create_direct_debit_payment.request.json":  func() any { return new(snap.CreateDirectDebitParams) },
		"snap.create_direct_debit_payment.response.json": func() any { return new(snap.DirectDebitResponse) },
		"snap.inquire_direct_debit_status.response.json": func() any { return new(snap.DirectDebitStatus) },
		"snap.refund_direct_debit.response.json":         func() any { return new(snap.RefundResponse) },
		"snap.verify_otp_direct_debit.response.json":     func() any { return new(snap.OTPResponse) },
	}
}

func TestExamplesRoundTrip(t *testing.T) {
	t.Parallel()
	types := exampleTypes()
	for _, name := range []string{"snap.va_payment_callback.webhook.json", "snap.qr_payment_callback.webhook.json",
		"snap.direct_debit_callback.webhook.json"} {
		types[name] = func() any { return new(snap.Callback) }
	}
	// The bodies of the calls that name an object by argument are built by
	// the SDK: TestMethodsSendTheReferencesBodies sends each of them.
	errorTables := map[string]string{}
	for name := range sentBodies(t) {
		errorTables[name] = "built from the method's arguments: TestMethodsSendTheReferencesBodies"
	}
	for name := range types {
		if strings.HasSuffix(name, ".response.json") {
			e := strings.TrimSuffix(name, ".response.json") + ".error.json"
			errorTables[e] = "a responseCode error, read by snap.Result (TestEveryExampleDecodesIntoNamedFields)"
		}
	}
	jsontest.RoundTripAll(t, types, errorTables)
}

func TestEveryExampleDecodesIntoNamedFields(t *testing.T) {
	t.Parallel()
	cases := exampleTypes()
	for name, mk := range cases {
		jsontest.Strict(t, name, mk())
	}
	for _, id := range []string{"create_account_binding", "inquire_account_binding", "unbind_account",
		"verify_otp_account_binding", "create_va", "inquire_va", "update_va", "deactivate_va", "create_qr_mpm",
		"inquire_qr_mpm", "create_direct_debit_payment", "inquire_direct_debit_status", "refund_direct_debit",
		"verify_otp_direct_debit"} {
		var r snap.Result
		jsontest.Strict(t, "snap."+id+".error.json", &r)
		assert.Equal(t, "4000000", r.ResponseCode)
	}
}

func TestExampleValuesLandWhereExpected(t *testing.T) {
	t.Parallel()
	var va snap.VAResponse
	jsontest.Strict(t, "snap.create_va.response.json", &va)
	assert.Equal(t, "2002700", va.ResponseCode)
	assert.Equal(t, "1234599993701870", va.VirtualAccountData.VirtualAccountNo)
	assert.Equal(t, snap.VAChannelBRI, va.VirtualAccountData.AdditionalInfo.ChannelCode)
	assert.Equal(t, 2023, va.VirtualAccountData.ExpiredDate.Year())

	var vp snap.CreateVAParams
	jsontest.Strict(t, "snap.create_va.request.json", &vp)
	assert.Equal(t, snap.IDR(10000), *vp.TotalAmount)
	_, offset := vp.ExpiredDate.Zone()
	assert.Equal(t, -7*3600, offset, "the example's negative offset is kept")
	require.NoError(t, vp.Validate())

	var b snap.BindingResponse
	jsontest.Strict(t, "snap.inquire_account_binding.response.json", &b)
	pm := b.AdditionalInfo.PaymentMethod
	require.NotNil(t, pm)
	assert.Equal(t, snap.PaymentMethodStatusRequiresAction, pm.Status)
	assert.Equal(t, "8888", *pm.DirectDebit.DebitCard.CardLastFour)
	assert.Equal(t, snap.URLTypeAPI, pm.Actions[0].URLType)
	assert.Equal(t, xendit.CurrencyIDR, b.AccountCurrency)

	var cb snap.BindingResponse
	jsontest.Strict(t, "snap.create_account_binding.response.json", &cb)
	assert.True(t, cb.InProgress())
	assert.Nil(t, cb.AdditionalInfo.PaymentMethod.EWallet.Account.Balance)

	var dd snap.CreateDirectDebitParams
	jsontest.Strict(t, "snap.create_direct_debit_payment.request.json", &dd)
	assert.Equal(t, snap.RedeemPointsAll, *dd.AdditionalInfo.ChannelProperties.RedeemPoints)
	require.NoError(t, dd.Validate())

	var st snap.DirectDebitStatus
	jsontest.Strict(t, "snap.inquire_direct_debit_status.response.json", &st)
	assert.Equal(t, snap.TransactionStatusPending, st.LatestTransactionStatus)
	assert.Equal(t, snap.ServiceDirectDebit, st.ServiceCode)
	assert.Equal(t, snap.ActionTypeResendAuth, st.AdditionalInfo.Actions[0].Action)
	sen, err := st.TransAmount.Sen()
	require.NoError(t, err)
	assert.Equal(t, int64(1000000), sen)

	var qr snap.QRResponse
	jsontest.Strict(t, "snap.create_qr_mpm.response.json", &qr)
	assert.Equal(t, 265367951, qr.AdditionalInfo.Created.Nanosecond(), "nanosecond timestamps")

	var rf snap.RefundResponse
	jsontest.Strict(t, "snap.refund_direct_debit.response.json", &rf)
	assert.Equal(t, snap.RefundStatusSucceeded, rf.AdditionalInfo.Status)
}

// callbackPayload decodes a callback example's envelope and payload
// strictly and returns it as ParseCallback reads it.
func callbackPayload(t *testing.T, name string, v any) *snap.Callback {
	t.Helper()
	b := jsontest.Load(t, name)
	var env struct {
		Type    string            `json:"type"`
		Payload json.RawMessage   `json:"payload"`
		Headers map[string]string `json:"headers"`
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	require.NoError(t, dec.Decode(&env), name)
	dec = json.NewDecoder(bytes.NewReader(env.Payload))
	dec.DisallowUnknownFields()
	require.NoError(t, dec.Decode(v), name)
	cb, err := snap.ParseCallback(b)
	require.NoError(t, err)
	return cb
}

func TestCallbackExamplesDecodeIntoNamedFields(t *testing.T) {
	t.Parallel()
	cb := callbackPayload(t, "snap.va_payment_callback.webhook.json", new(snap.VAPayment))
	assert.Equal(t, snap.EventVAPayment, cb.Type)
	require.NotNil(t, cb.VAPayment)
	assert.Equal(t, "trx-1726657919", cb.VAPayment.TrxID)
	assert.Equal(t, snap.VAPaymentStatusSucceeded, cb.VAPayment.AdditionalInfo.Status)
	assert.Equal(t, snap.VAChannelBCA, cb.VAPayment.AdditionalInfo.VirtualAccountInfo.ChannelCode)
	assert.Equal(t, "XENDIT", cb.Headers["x-external-id"])
	assert.Equal(t, "snap_virtual_account.payment:95ee9898-e6f6-4dba-aeb3-3198fcdf3cf9", cb.DedupeKey())

	cb = callbackPayload(t, "snap.qr_payment_callback.webhook.json", new(snap.PaymentNotice))
	require.NotNil(t, cb.Payment)
	assert.True(t, cb.Payment.Succeeded())
	assert.True(t, strings.HasPrefix(cb.Payment.AdditionalInfo.ID, "qrpy-"))

	cb = callbackPayload(t, "snap.direct_debit_callback.webhook.json", new(snap.PaymentNotice))
	assert.Equal(t, snap.EventDirectDebitSucceeded, cb.Type)
	assert.Equal(t, "ddpy-6d1c8be4-f4d9-421c-9f0b-ab3b2b6bbc39", cb.Payment.AdditionalInfo.ID)
	assert.Equal(t, 2020, cb.Payment.CreatedTime.Year())

	unknown, err := snap.ParseCallback([]byte(`{"type":"snap.something_new","payload":{"a":1}}`))
	require.NoError(t, err, "unknown types decode")
	assert.Nil(t, unknown.VAPayment)
	assert.JSONEq(t, `{"a":1}`, string(unknown.Payload))
}

// sentBodies maps each reference request example whose body the SDK builds
// from a method's arguments to that call.
func sentBodies(t *testing.T) map[string]func(context.Context, *snap.Client) error {
	t.Helper()
	amount := snap.IDR(100000)
	ref := "0f38e017-007f-4134-9e5d-86657ec0cf77"
	trx := "pm-6d1c8be4-f4d9-421c-9f0b-ab3b2b6bbc39"
	otp := func(id string, typ snap.OTPType) func(context.Context, *snap.Client) error {
		return func(ctx context.Context, sc *snap.Client) error {
			_, err := sc.VerifyOTP(ctx, id, &snap.VerifyOTPParams{OTP: "123456", Type: typ})
			return err
		}
	}
	return map[string]func(context.Context, *snap.Client) error{
		"snap.inquire_account_binding.request.json": func(ctx context.Context, sc *snap.Client) error {
			_, err := sc.InquireAccountBinding(ctx, "371d8a6e-587c-4789-bea5-fac4319b2409")
			return err
		},
		"snap.unbind_account.request.json": func(ctx context.Context, sc *snap.Client) error {
			_, err := sc.UnbindAccount(ctx, "371d8a6e-587c-4789-bea5-fac4319b2409")
			return err
		},
		"snap.verify_otp_account_binding.request.json": otp("pm-bc9faa22-23e5-486e-bfee-869c46d32cc3", snap.OTPTypeBinding),
		"snap.verify_otp_direct_debit.request.json":    otp("pr-bc9faa22-23e5-486e-bfee-869c46d32cc3", snap.OTPTypePayment),
		"snap.inquire_va.request.json": func(ctx context.Context, sc *snap.Client) error {
			_, err := sc.InquireVA(ctx, trx)
			return err
		},
		"snap.deactivate_va.request.json": func(ctx context.Context, sc *snap.Client) error {
			_, err := sc.DeactivateVA(ctx, trx)
			return err
		},
		"snap.inquire_qr_mpm.request.json": func(ctx context.Context, sc *snap.Client) error {
			_, err := sc.InquireQR(ctx, snap.PartnerReferenceNo(ref))
			return err
		},
		"snap.inquire_direct_debit_status.request.json": func(ctx context.Context, sc *snap.Client) error {
			_, err := sc.InquireDirectDebit(ctx, snap.PartnerReferenceNo(ref))
			return err
		},
		"snap.refund_direct_debit.request.json": func(ctx context.Context, sc *snap.Client) error {
			_, err := sc.RefundDirectDebit(ctx, snap.PartnerReferenceNo(ref), &snap.RefundDirectDebitParams{
				PartnerRefundNo: xendit.Ptr("5eea215e-e116-439a-a087-76fc906501e1"),
				Reason:          xendit.Ptr(snap.RefundReasonFraudulent), RefundAmount: &amount})
			return err
		},
	}
}

// TestMethodsSendTheReferencesBodies: a method that takes the object's id
// as an argument sends the body the reference shows, to the byte's meaning.
func TestMethodsSendTheReferencesBodies(t *testing.T) {
	t.Parallel()
	for name, call := range sentBodies(t) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			sc, sent := recordingServer(t)
			require.NoError(t, call(t.Context(), sc))
			bodies := sent.Bodies()
			require.Len(t, bodies, 1)
			assert.JSONEq(t, string(jsontest.Load(t, name)), string(bodies[0]))
		})
	}
}
