package virtualaccounts_test

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/fake"
	"github.com/seed19b1029f/xendit-go/virtualaccounts"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

const createPath = "/callback_virtual_accounts"

type fixture struct {
	srv       *xendittest.Server
	va        *virtualaccounts.Client
	callbacks <-chan fake.Delivery[virtualaccounts.Callback]
}

func newFixture(t *testing.T, policy xendit.RetryPolicy) *fixture {
	t.Helper()
	srv, c := fake.Server(t, policy)
	return &fixture{srv: srv, va: virtualaccounts.New(c), callbacks: fake.Callbacks[virtualaccounts.Callback](t, srv)}
}

// closedAccount is a single-use BNI account that takes exactly 50,000 IDR.
func closedAccount(externalID string) *virtualaccounts.CreateVirtualAccountParams {
	return &virtualaccounts.CreateVirtualAccountParams{
		ExternalID: externalID, BankCode: virtualaccounts.BankBNI, Name: "Michael Chen",
		IsClosed: xendit.Ptr(true), IsSingleUse: xendit.Ptr(true), ExpectedAmount: xendit.Ptr(50000.0),
	}
}

// create creates params and waits for the created/updated callback that
// says the account is ACTIVE.
func (f *fixture) create(t *testing.T, params *virtualaccounts.CreateVirtualAccountParams) *virtualaccounts.VirtualAccount {
	t.Helper()
	va, err := f.va.CreateVirtualAccount(t.Context(), params)
	require.NoError(t, err)
	assert.True(t, va.Status.Pending(), "Create answers before the bank has set the account up")
	cb := fake.Next(t, f.callbacks).Payload
	require.NotNil(t, cb.VirtualAccount, "the created/updated callback")
	assert.Equal(t, va.ID, cb.VirtualAccount.ID)
	assert.True(t, cb.VirtualAccount.Status.Active())
	assert.False(t, cb.VirtualAccount.Created.IsZero(), "the callback adds created")
	return va
}

func TestCreatePayAndReadThePayment(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	ctx := t.Context()
	va := f.create(t, closedAccount("order-1"))
	assert.Equal(t, virtualaccounts.BankBNI, va.BankCode)
	assert.Equal(t, va.MerchantCode, va.AccountNumber[:len(va.MerchantCode)], "the number starts with the merchant code")
	assert.Equal(t, xendit.CurrencyIDR, va.Currency)

	sim, err := f.va.SimulatePayment(ctx, "order-1", &virtualaccounts.SimulatePaymentParams{Amount: 50000})
	require.NoError(t, err)
	assert.True(t, sim.Status.Succeeded())

	cb := fake.Next(t, f.callbacks).Payload
	require.NotNil(t, cb.Payment, "the payment callback")
	p := cb.Payment
	assert.Equal(t, "order-1", p.ExternalID)
	assert.Equal(t, va.ID, p.CallbackVirtualAccountID)
	assert.Equal(t, 50000.0, p.Amount)
	assert.NotEqual(t, p.ID, p.PaymentID, "GetPayment takes payment_id, not id")
	assert.Equal(t, va.AccountNumber, va.MerchantCode+p.AccountNumber, "the payment's number leaves the merchant code out")

	got, err := f.va.GetPayment(ctx, p.PaymentID)
	require.NoError(t, err)
	assert.Equal(t, p.ID, got.ID)
	assert.Equal(t, p.Amount, got.Amount)

	after, err := f.va.GetVirtualAccount(ctx, va.ID)
	require.NoError(t, err)
	assert.Equal(t, virtualaccounts.StatusInactive, after.Status, "a single-use account is used up")

	_, err = f.va.SimulatePayment(ctx, "order-1", &virtualaccounts.SimulatePaymentParams{Amount: 50000})
	assert.ErrorIs(t, err, xendit.ErrValidation, "an INACTIVE account takes no payment")
}

func TestAClosedAccountTakesOnlyItsExpectedAmount(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	va := f.create(t, closedAccount("order-2"))
	_, err := f.va.SimulatePayment(t.Context(), "order-2", &virtualaccounts.SimulatePaymentParams{Amount: 49999})
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, http.StatusBadRequest, xe.StatusCode)
	_, err = f.srv.PayVirtualAccount(va.ID, 50001)
	assert.Error(t, err)

	got, err := f.va.GetVirtualAccount(t.Context(), va.ID)
	require.NoError(t, err)
	assert.True(t, got.Status.Active(), "a refused payment leaves the account as it was")
}

func TestAMultipleUseAccountTakesPaymentAfterPayment(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	va := f.create(t, &virtualaccounts.CreateVirtualAccountParams{ExternalID: "customer-7", BankCode: virtualaccounts.BankBCA,
		Name: "Michael Chen", MinAmount: xendit.Ptr[int64](10_000), MaxAmount: xendit.Ptr[int64](100_000)})
	for _, amount := range []float64{15_000, 99_000} {
		id, err := f.srv.PayVirtualAccount(va.ID, amount)
		require.NoError(t, err)
		cb := fake.Next(t, f.callbacks).Payload
		require.NotNil(t, cb.Payment)
		assert.Equal(t, id, cb.Payment.PaymentID)
		assert.Equal(t, amount, cb.Payment.Amount)
	}
	_, err := f.srv.PayVirtualAccount(va.ID, 100_001)
	assert.Error(t, err, "above max_amount")
	got, err := f.va.GetVirtualAccount(t.Context(), va.ID)
	require.NoError(t, err)
	assert.True(t, got.Status.Active())
	assert.Equal(t, 100_000.0, got.MaxAmount.Float64())
}

func TestUpdateSendsOnlyWhatIsSetAndAPastDateExpires(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	ctx := t.Context()
	va := f.create(t, &virtualaccounts.CreateVirtualAccountParams{ExternalID: "order-3", BankCode: virtualaccounts.BankBRI,
		Name: "Michael Chen", Description: xendit.Ptr("Utensils")})

	updated, err := f.va.UpdateVirtualAccount(ctx, va.ID, &virtualaccounts.UpdateVirtualAccountParams{
		SuggestedAmount: xendit.Set(20000.0), Description: xendit.Null[string]()})
	require.NoError(t, err)
	reqs := f.srv.Requests()
	assert.JSONEq(t, `{"suggested_amount":20000,"description":null}`, string(reqs[len(reqs)-1].Body))
	assert.Empty(t, updated.Description, "null cleared it")
	assert.Equal(t, 20000.0, *updated.SuggestedAmount)
	cb := fake.Next(t, f.callbacks).Payload
	require.NotNil(t, cb.VirtualAccount, "an update sends the created/updated callback")

	expired, err := f.va.UpdateVirtualAccount(ctx, va.ID, &virtualaccounts.UpdateVirtualAccountParams{
		ExpirationDate: xendit.Set(xendit.Time{Time: time.Now().Add(-time.Hour)})})
	require.NoError(t, err)
	assert.Equal(t, virtualaccounts.StatusInactive, expired.Status)
	fake.Next(t, f.callbacks)

	_, err = f.va.UpdateVirtualAccount(ctx, va.ID, &virtualaccounts.UpdateVirtualAccountParams{IsSingleUse: xendit.Set(true)})
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, virtualaccounts.CodeInactiveVirtualAccount, xe.Code)
}

func TestNotFoundAndDuplicate(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	ctx := t.Context()
	_, err := f.va.GetVirtualAccount(ctx, "57f6fbf26b9f064272622aa6")
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, virtualaccounts.CodeCallbackVirtualAccountNotFound, xe.Code)
	assert.ErrorIs(t, err, xendit.ErrNotFound)
	_, err = f.va.GetPayment(ctx, "5f218745736e619164dc8608")
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, virtualaccounts.CodeCallbackVirtualAccountPaymentNotFound, xe.Code)

	// A chosen number makes a second create safe: it is refused.
	p := closedAccount("order-4")
	p.VirtualAccountNumber = xendit.Ptr("9999100101")
	f.create(t, p)
	_, err = f.va.CreateVirtualAccount(ctx, p)
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, virtualaccounts.CodeDuplicateCallbackVirtualAccount, xe.Code)
	assert.ErrorIs(t, err, xendit.ErrDuplicate)
}

func TestListBanks(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	page, err := f.va.ListBanks(t.Context())
	require.NoError(t, err)
	require.NotEmpty(t, page.Data)
	assert.False(t, page.HasMore)
	n := 0
	for b, err := range f.va.AllBanks(t.Context()) {
		require.NoError(t, err)
		assert.NotEmpty(t, b.Code)
		n++
	}
	assert.Equal(t, len(page.Data), n)
	assert.Equal(t, 2, fake.Count(f.srv, http.MethodGet, "/available_virtual_account_banks"), "AllBanks asks once")
}

// TestCreatesAreNeverRepeatedAfterAnAmbiguousFailure proves through the
// fake (a real server, or a synctest bubble for the timeout: fake.Each)
// that Create Virtual Account and Simulate Payment, which have no
// idempotency header, are sent once when Xendit may have acted on them,
// even with retries enabled, and that no idempotency header is sent.
func TestCreatesAreNeverRepeatedAfterAnAmbiguousFailure(t *testing.T) {
	t.Parallel()
	fake.EachFault(t, fake.AmbiguousFaults(), fake.FastRetries, func(t *testing.T, srv *xendittest.Server, c *xendit.Client, fault xendittest.Fault) {
		va := virtualaccounts.New(c)
		fault.Method, fault.Path = http.MethodPost, createPath // a retry would succeed, and be counted
		srv.InjectFault(fault)
		var resp xendit.Response
		_, err := va.CreateVirtualAccount(t.Context(), closedAccount("order-5"), xendit.CaptureResponse(&resp))
		require.Error(t, err)
		assert.Equal(t, 1, fake.Count(srv, http.MethodPost, createPath), "exactly one attempt")
		assert.Equal(t, 1, resp.Attempts)
		assert.True(t, xendit.OutcomeUnknown(err), "the caller must reconcile by external_id")
		var xe *xendit.Error
		require.ErrorAs(t, err, &xe)
		assert.Empty(t, xe.IdempotencyKey, "the endpoint has no idempotency header")
		assert.Empty(t, srv.Requests()[0].Header.Get("Idempotency-Key"))

		_, err = va.CreateVirtualAccount(t.Context(), closedAccount("order-5"))
		require.NoError(t, err)
		simulate := "/callback_virtual_accounts/external_id=order-5/simulate_payment"
		fault.Path = simulate
		srv.InjectFault(fault)
		_, err = va.SimulatePayment(t.Context(), "order-5", &virtualaccounts.SimulatePaymentParams{Amount: 50000})
		require.Error(t, err)
		assert.Equal(t, 1, fake.Count(srv, http.MethodPost, simulate), "exactly one attempt")
		assert.True(t, xendit.OutcomeUnknown(err))
	})
}

func TestCreateRetriesA429(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.FastRetries)
	f.srv.InjectFault(xendittest.Fault{Method: http.MethodPost, Path: createPath, Status: http.StatusTooManyRequests})
	var resp xendit.Response
	_, err := f.va.CreateVirtualAccount(t.Context(), closedAccount("order-6"), xendit.CaptureResponse(&resp))
	require.NoError(t, err)
	assert.Equal(t, 2, resp.Attempts, "a 429 was refused before processing")
}

func TestCallbacksGoThroughTheWebhookPipeline(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	va := f.create(t, closedAccount("order-8"))
	_, err := f.srv.PayVirtualAccount(va.ID, 50000)
	require.NoError(t, err)
	d := fake.Next(t, f.callbacks)
	assert.NotEmpty(t, d.Header.Get(xendit.HeaderWebhookID), "deduplicated by webhook-id")
	raw, err := json.Marshal(d.Payload)
	require.NoError(t, err)
	again, err := virtualaccounts.ParseCallback(raw)
	require.NoError(t, err)
	assert.Equal(t, d.Payload.Payment, again.Payment, "a callback re-encodes as Xendit sent it")
	assert.True(t, errors.Is(json.Unmarshal([]byte(`{"event":"x"}`), new(virtualaccounts.Callback)), virtualaccounts.ErrNotVirtualAccountCallback))
}

// A platform creates accounts for a xenPlatform sub-account: only that
// account sees them, and their callbacks go to its URL.
func TestSubAccountsOwnTheirAccountsAndCallbacks(t *testing.T) {
	t.Parallel()
	srv, c := fake.Server(t, fake.NoRetries)
	vas := virtualaccounts.New(c)
	receiver := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	t.Cleanup(receiver.Close)
	const sub = "5cd2b5f1f80a6b4e6e8a8c11"
	srv.SetCallbacks(sub, xendittest.Callbacks{Products: map[string]string{"virtualaccounts": receiver.URL}})

	va, err := vas.CreateVirtualAccount(t.Context(), closedAccount("order-9"), xendit.ForUserID(sub))
	require.NoError(t, err)
	_, err = vas.GetVirtualAccount(t.Context(), va.ID)
	assert.ErrorIs(t, err, xendit.ErrNotFound, "the platform's own key does not see it")
	_, err = vas.SimulatePayment(t.Context(), "order-9", &virtualaccounts.SimulatePaymentParams{Amount: 50000}, xendit.ForUserID(sub))
	require.NoError(t, err)
	require.NoError(t, srv.WaitDeliveries(t.Context(), sub))
	var got []string // the two callbacks, in either order
	for _, d := range srv.Deliveries(sub) {
		assert.True(t, d.Delivered)
		cb, err := virtualaccounts.ParseCallback(d.Body)
		require.NoError(t, err)
		if cb.Payment != nil {
			got = append(got, "paid "+cb.Payment.ExternalID)
		} else {
			got = append(got, "ready "+cb.VirtualAccount.ExternalID)
		}
	}
	assert.ElementsMatch(t, []string{"ready order-9", "paid order-9"}, got)
	assert.Empty(t, srv.Deliveries(""), "nothing went to the platform")
}
