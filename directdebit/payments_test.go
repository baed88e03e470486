package directdebit_test

import (
	"context"
	"iter"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/directdebit"
	"github.com/seed19b1029f/xendit-go/internal/fake"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

type fixture struct {
	srv       *xendittest.Server
	dd        *directdebit.Client
	callbacks <-chan fake.Delivery[directdebit.Callback]
}

func newFixture(t *testing.T, policy xendit.RetryPolicy) *fixture {
	t.Helper()
	srv, c := fake.Server(t, policy)
	return &fixture{srv: srv, dd: directdebit.New(c), callbacks: fake.Callbacks[directdebit.Callback](t, srv)}
}

func (f *fixture) next(t *testing.T) *directdebit.Callback {
	t.Helper()
	return fake.Next(t, f.callbacks).Payload
}

func briLinking(customer string) *directdebit.InitializeTokenizationParams {
	return &directdebit.InitializeTokenizationParams{
		CustomerID: customer, ChannelCode: directdebit.ChannelBRI,
		Properties: &directdebit.TokenizationProperties{
			AccountMobileNumber: xendit.Ptr("+62818555988"), CardLastFour: xendit.Ptr("1234"),
			CardExpiry: xendit.Ptr("06/24"), AccountEmail: xendit.Ptr("email@email.com"),
		},
	}
}

// linkedMethod links a BRI card with its OTP and makes it a payment method.
func (f *fixture) linkedMethod(t *testing.T, customer string) *directdebit.PaymentMethod {
	t.Helper()
	ctx := t.Context()
	tok, err := f.dd.InitializeTokenization(ctx, briLinking(customer))
	require.NoError(t, err)
	require.True(t, tok.NeedsOTP(), "BRI links with an OTP")
	tok, err = f.dd.ValidateTokenOTP(ctx, tok.ID, &directdebit.ValidateOTPParams{OTPCode: xendittest.DirectDebitOTP})
	require.NoError(t, err)
	require.True(t, tok.Status.Linked())
	accounts, err := f.dd.ListAccessibleAccounts(ctx, tok.ID)
	require.NoError(t, err)
	require.Len(t, accounts.Data, 1)
	assert.False(t, accounts.HasMore)
	pm, err := f.dd.CreatePaymentMethod(ctx, &directdebit.CreatePaymentMethodParams{
		CustomerID: xendit.Ptr(customer), Type: accounts.Data[0].Type,
		Properties: directdebit.PaymentMethodTarget{ID: xendit.Ptr(accounts.Data[0].ID)},
	})
	require.NoError(t, err)
	require.True(t, pm.Status.Active())
	return pm
}

func payment(pmID, ref string, amount float64) *directdebit.CreatePaymentParams {
	return &directdebit.CreatePaymentParams{ReferenceID: ref, PaymentMethodID: pmID, Currency: xendit.CurrencyIDR, Amount: amount}
}

func TestPaymentWithOTPCompletesWithCallback(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.FastRetries)
	ctx := t.Context()
	pm := f.linkedMethod(t, "cust-1")
	assert.Equal(t, directdebit.ChannelBRI, pm.Properties.ChannelCode)

	p, err := f.dd.CreatePayment(ctx, payment(pm.ID, "order-1", 150000))
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(p.ID, "ddpy-"), p.ID)
	assert.True(t, p.Status.Pending())
	require.NotNil(t, p.RequiredAction)
	assert.Equal(t, directdebit.RequiredActionValidateOTP, *p.RequiredAction, "BRI asks for an OTP by default")
	assert.Equal(t, 150000.0, p.Amount.Float64())

	_, err = f.dd.ValidatePaymentOTP(ctx, p.ID, &directdebit.ValidateOTPParams{OTPCode: "000000"})
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, directdebit.CodeInvalidOTP, xe.Code)

	v, err := f.dd.ValidatePaymentOTP(ctx, p.ID, &directdebit.ValidateOTPParams{OTPCode: xendittest.DirectDebitOTP})
	require.NoError(t, err)
	assert.True(t, v.Status.Pending(), "the bank debits after the OTP")

	cb := f.next(t)
	assert.Equal(t, directdebit.EventPayment, cb.Event)
	require.NotNil(t, cb.Payment)
	assert.True(t, cb.Payment.Status.Succeeded())
	assert.Equal(t, "order-1", cb.Payment.ReferenceID, "callbacks are matched to orders by reference_id")

	got, err := f.dd.GetPayment(ctx, p.ID)
	require.NoError(t, err)
	assert.Equal(t, directdebit.PaymentStatusCompleted, got.Status)

	_, err = f.dd.ValidatePaymentOTP(ctx, p.ID, &directdebit.ValidateOTPParams{OTPCode: xendittest.DirectDebitOTP})
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, directdebit.CodeDirectDebitAlreadyCompleted, xe.Code)

	byRef, err := f.dd.ListPaymentsByReferenceID(ctx, &directdebit.ListPaymentsByReferenceIDParams{ReferenceID: "order-1"})
	require.NoError(t, err)
	require.Len(t, byRef.Data, 1)
	assert.Equal(t, p.ID, byRef.Data[0].ID)
	all := ids(t, f.dd.AllPaymentsByReferenceID(ctx, &directdebit.ListPaymentsByReferenceIDParams{ReferenceID: "order-1"}),
		func(p *directdebit.Payment) string { return p.ID })
	assert.Equal(t, []string{p.ID}, all)
}

// ids walks an All iterator and returns the ids of what it yields.
func ids[T any](t *testing.T, all iter.Seq2[*T, error], id func(*T) string) []string {
	t.Helper()
	var out []string
	for v, err := range all {
		require.NoError(t, err)
		out = append(out, id(v))
	}
	return out
}

func TestPaymentWithoutOTPFailsWithCallback(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	pm := f.linkedMethod(t, "cust-2")
	params := payment(pm.ID, "order-2", 5000)
	params.EnableOTP = xendit.Ptr(false)
	p, err := f.dd.CreatePayment(t.Context(), params)
	require.NoError(t, err)
	assert.Nil(t, p.RequiredAction, "without an OTP the debit is in progress")
	require.NoError(t, f.srv.FailDirectDebitPayment(p.ID, string(directdebit.FailureInsufficientBalance)))
	cb := f.next(t)
	assert.True(t, cb.Payment.Status.Failed())
	assert.Equal(t, directdebit.FailureInsufficientBalance, *cb.Payment.FailureCode)
	assert.Error(t, f.srv.CompleteDirectDebitPayment(p.ID), "a settled payment cannot settle again")
}

// TestIdempotencyKeyIsReusedOnRetry: CreatePayment's required
// Idempotency-key is generated once and sent unchanged on the retry after a
// 503, so the payment is made once, and the key is reported.
func TestIdempotencyKeyIsReusedOnRetry(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.FastRetries)
	pm := f.linkedMethod(t, "cust-3")
	f.srv.InjectFault(xendittest.Fault{Method: http.MethodPost, Path: "/direct_debits", Status: http.StatusServiceUnavailable})
	var resp xendit.Response
	p, err := f.dd.CreatePayment(t.Context(), payment(pm.ID, "order-3", 1000), xendit.CaptureResponse(&resp))
	require.NoError(t, err)
	assert.Equal(t, 2, resp.Attempts)
	var keys []string
	for _, r := range f.srv.Requests() {
		if r.Method == http.MethodPost && r.Path == "/direct_debits" {
			keys = append(keys, r.Header.Get("Idempotency-key"))
		}
	}
	require.Len(t, keys, 2)
	assert.NotEmpty(t, keys[0])
	assert.Equal(t, keys[0], keys[1], "one key per call, on every attempt")
	assert.Equal(t, keys[0], resp.IdempotencyKey)

	list, err := f.dd.ListPaymentsByReferenceID(t.Context(), &directdebit.ListPaymentsByReferenceIDParams{ReferenceID: "order-3"})
	require.NoError(t, err)
	require.Len(t, list.Data, 1, "one payment")
	assert.Equal(t, p.ID, list.Data[0].ID)

	// The key is on the error too, and calling again with it replays.
	f.srv.InjectFault(xendittest.Fault{Method: http.MethodPost, Path: "/direct_debits", Status: http.StatusBadGateway, Times: 3})
	_, err = f.dd.CreatePayment(t.Context(), payment(pm.ID, "order-4", 1000))
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	require.NotEmpty(t, xe.IdempotencyKey)
	again, err := f.dd.CreatePayment(t.Context(), payment(pm.ID, "order-4", 1000), xendit.WithIdempotencyKey(xe.IdempotencyKey))
	require.NoError(t, err)
	same, err := f.dd.CreatePayment(t.Context(), payment(pm.ID, "order-4", 1000), xendit.WithIdempotencyKey(xe.IdempotencyKey))
	require.NoError(t, err)
	assert.Equal(t, again.ID, same.ID, "the same key replays the first answer")
}

// TestCreatesWithoutIdempotencyAreNeverRepeated proves through the fake
// that every POST without an idempotency header is sent once when Xendit
// may have processed it, and that the error says the outcome is unknown.
func TestCreatesWithoutIdempotencyAreNeverRepeated(t *testing.T) {
	t.Parallel()
	calls := map[string]struct {
		path func(f *fixture, t *testing.T) string
		call func(ctx context.Context, f *fixture, id string) error
	}{
		"initialize": {
			path: func(*fixture, *testing.T) string { return "/linked_account_tokens/auth" },
			call: func(ctx context.Context, f *fixture, _ string) error {
				_, err := f.dd.InitializeTokenization(ctx, briLinking("cust-9"))
				return err
			},
		},
		"validate token otp": {
			path: func(f *fixture, t *testing.T) string {
				tok, err := f.dd.InitializeTokenization(t.Context(), briLinking("cust-9"))
				require.NoError(t, err)
				return "/linked_account_tokens/" + tok.ID + "/validate_otp"
			},
			call: func(ctx context.Context, f *fixture, path string) error {
				id := strings.Split(path, "/")[2]
				_, err := f.dd.ValidateTokenOTP(ctx, id, &directdebit.ValidateOTPParams{OTPCode: xendittest.DirectDebitOTP})
				return err
			},
		},
		"create payment method": {
			path: func(*fixture, *testing.T) string { return "/payment_methods" },
			call: func(ctx context.Context, f *fixture, _ string) error {
				_, err := f.dd.CreatePaymentMethod(ctx, &directdebit.CreatePaymentMethodParams{CustomerID: xendit.Ptr("cust-9"),
					Type: directdebit.PaymentMethodTypeDebitCard, Properties: directdebit.PaymentMethodTarget{ID: xendit.Ptr("la-1")}})
				return err
			},
		},
		"validate payment otp": {
			path: func(f *fixture, t *testing.T) string {
				pm := f.linkedMethod(t, "cust-9")
				p, err := f.dd.CreatePayment(t.Context(), payment(pm.ID, "order-9", 1000))
				require.NoError(t, err)
				return "/direct_debits/" + p.ID + "/validate_otp"
			},
			call: func(ctx context.Context, f *fixture, path string) error {
				_, err := f.dd.ValidatePaymentOTP(ctx, strings.Split(path, "/")[2], &directdebit.ValidateOTPParams{OTPCode: xendittest.DirectDebitOTP})
				return err
			},
		},
	}
	for name, c := range calls {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			fake.EachFault(t, fake.AmbiguousFaults(), fake.FastRetries, func(t *testing.T, srv *xendittest.Server, cl *xendit.Client, fault xendittest.Fault) {
				f := &fixture{srv: srv, dd: directdebit.New(cl)}
				path := c.path(f, t)
				fault.Method, fault.Path, fault.Times = http.MethodPost, path, 3
				srv.InjectFault(fault)
				err := c.call(t.Context(), f, path)
				require.Error(t, err)
				assert.Equal(t, 1, fake.Count(srv, http.MethodPost, path), "exactly one attempt")
				assert.True(t, xendit.OutcomeUnknown(err), "the caller must reconcile before trying again")
			})
		})
	}
}

func TestPaymentMethodExpiryCallbacks(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	pm := f.linkedMethod(t, "cust-5")
	at := time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)
	require.NoError(t, f.srv.WarnDirectDebitPaymentMethodExpiry(pm.ID, at))
	cb := f.next(t)
	assert.Equal(t, directdebit.EventPaymentMethodExpiring, cb.Event)
	require.NotNil(t, cb.PaymentMethodExpiry)
	assert.True(t, at.Equal(cb.PaymentMethodExpiry.ExpirationTimestamp.Time))
	assert.Equal(t, "cust-5", cb.PaymentMethodExpiry.CustomerID)

	require.NoError(t, f.srv.ExpireDirectDebitPaymentMethod(pm.ID))
	cb = f.next(t)
	assert.Equal(t, directdebit.EventPaymentMethodExpired, cb.Event)
	assert.Equal(t, pm.ID, cb.PaymentMethodExpiry.ID)

	methods, err := f.dd.ListPaymentMethods(t.Context(), &directdebit.ListPaymentMethodsParams{CustomerID: "cust-5"})
	require.NoError(t, err)
	require.Len(t, methods.Data, 1)
	assert.False(t, methods.Data[0].Status.Active())
	_, err = f.dd.CreatePayment(t.Context(), payment(pm.ID, "order-5", 1000))
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, directdebit.CodeInvalidPaymentMethod, xe.Code)
}
