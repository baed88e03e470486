package remittance_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/customers"
	"github.com/seed19b1029f/xendit-go/internal/fake"
	"github.com/seed19b1029f/xendit-go/remittance"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

type fixture struct {
	srv               *xendittest.Server
	rc                *remittance.Client
	sender, recipient string
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	srv, c := fake.Server(t, fake.NoRetries)
	return fixtureOn(t, srv, c)
}

// fixtureOn is a fixture of srv through c, with its two customers.
func fixtureOn(t *testing.T, srv *xendittest.Server, c *xendit.Client) *fixture {
	t.Helper()
	return &fixture{srv: srv, rc: remittance.New(c), sender: customer(t, c, "sender"), recipient: customer(t, c, "recipient")}
}

// customer creates a customer on the fake: cross-border payouts name their
// sender and recipient by customer id.
func customer(t *testing.T, c *xendit.Client, ref string) string {
	t.Helper()
	cust, err := customers.New(c).Create(t.Context(), &customers.CreateParams{
		ReferenceID: ref, Type: customers.TypeIndividual,
		IndividualDetail: &customers.IndividualDetail{GivenNames: strings.ToUpper(ref)},
	})
	require.NoError(t, err)
	return cust.ID
}

func (f *fixture) params(ref string) *remittance.CreateParams {
	return &remittance.CreateParams{
		ReferenceID: ref, DestinationCurrency: xendit.CurrencyPHP, DestinationAmount: 35,
		SenderCustomerID: f.sender, RecipientCustomerID: f.recipient,
		OriginCurrency: xendit.CurrencyIDR, OriginAmount: 10000, Description: "Family support",
	}
}

func TestPayoutMovesThroughItsStatusesAndCallsBack(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	callbacks := fake.Callbacks[remittance.Callback](t, f.srv)
	p, err := f.rc.Create(t.Context(), f.params("remit-1"))
	require.NoError(t, err)
	assert.Equal(t, remittance.StatusAccepted, p.Status)
	assert.True(t, p.Status.Pending())
	assert.Equal(t, 35.0, p.DestinationAmount.Float64())
	assert.Equal(t, 10000.0, p.OriginAmount.Float64())
	assert.Equal(t, remittance.PurposeOther, p.PurposeCode, "the API's default")

	for _, step := range []struct {
		status remittance.Status
		event  string
	}{
		{remittance.StatusPendingComplianceAssessment, remittance.EventPendingComplianceAssessment},
		{remittance.StatusReady, remittance.EventReady},
		{remittance.StatusLocked, remittance.EventLocked},
		{remittance.StatusSucceeded, remittance.EventSucceeded},
	} {
		require.NoError(t, f.srv.SetRemittancePayoutStatus(p.ID, string(step.status), ""))
		cb := fake.Next(t, callbacks).Payload
		assert.Equal(t, step.event, cb.Event)
		assert.Equal(t, step.status, cb.Status)
		assert.Equal(t, "remit-1", cb.ReferenceID)
		if step.status == remittance.StatusReady {
			assert.NotEmpty(t, cb.DisbursementCode, "the cash pick-up code")
		}
	}
	got, err := f.rc.Get(t.Context(), p.ID)
	require.NoError(t, err)
	assert.True(t, got.Status.Succeeded())
	assert.Error(t, f.srv.SetRemittancePayoutStatus(p.ID, "FAILED", "INVALID_DESTINATION"), "a final payout does not move")
}

func TestFailedPayoutCarriesItsFailureCode(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	callbacks := fake.Callbacks[remittance.Callback](t, f.srv)
	p, err := f.rc.Create(t.Context(), f.params("remit-2"))
	require.NoError(t, err)
	require.NoError(t, f.srv.SetRemittancePayoutStatus(p.ID, "FAILED", string(remittance.FailureInvalidDestination)))
	cb := fake.Next(t, callbacks).Payload
	assert.Equal(t, remittance.EventFailed, cb.Event)
	assert.True(t, cb.Status.Failed())
	assert.Equal(t, remittance.FailureInvalidDestination, cb.FailureCode)
}

func TestCancelUntilLocked(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	p, err := f.rc.Create(t.Context(), f.params("remit-3"))
	require.NoError(t, err)
	cancelled, err := f.rc.Cancel(t.Context(), p.ID)
	require.NoError(t, err)
	assert.Equal(t, remittance.StatusCancelled, cancelled.Status)
	assert.True(t, cancelled.Status.Failed())

	locked, err := f.rc.Create(t.Context(), f.params("remit-4"))
	require.NoError(t, err)
	require.NoError(t, f.srv.SetRemittancePayoutStatus(locked.ID, "LOCKED", ""))
	_, err = f.rc.Cancel(t.Context(), locked.ID)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, remittance.CodeCancellationNotAllowed, xe.Code, "match the code: the reference lists it with 404")

	_, err = f.rc.Get(t.Context(), "rpo_missing")
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, remittance.CodeNotFound, xe.Code)
}

func TestXenditRefusesUnknownCustomers(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	p := f.params("remit-5")
	p.RecipientCustomerID = "cust-missing"
	_, err := f.rc.Create(t.Context(), p)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, remittance.CodeCustomerDataNotFound, xe.Code)
	assert.NotEmpty(t, xe.IdempotencyKey, "the key is on every error")
}

// TestPayoutWhoseAnswerIsLostIsMadeOnce: Xendit made the payout and the
// answer was lost. The SDK retries with the same Idempotency-key where it
// may and gets the first payout back; after a 500 the caller repeats with
// the key on the error. One payout exists either way.
func TestPayoutWhoseAnswerIsLostIsMadeOnce(t *testing.T) {
	t.Parallel()
	fake.EachLoss(t, fake.Losses, http.MethodPost, "/remittance_payouts", fake.FastRetries, func(t *testing.T, srv *xendittest.Server, c *xendit.Client, loss fake.Loss) {
		f := fixtureOn(t, srv, c)
		var resp xendit.Response
		p, err := f.rc.Create(t.Context(), f.params("remit-6"), xendit.CaptureResponse(&resp))
		if loss == fake.Loss500 {
			require.Error(t, err)
			assert.True(t, xendit.OutcomeUnknown(err))
			var xe *xendit.Error
			require.ErrorAs(t, err, &xe)
			p, err = f.rc.Create(t.Context(), f.params("remit-6"), xendit.WithIdempotencyKey(xe.IdempotencyKey),
				xendit.CaptureResponse(&resp))
		}
		require.NoError(t, err)
		assert.Equal(t, f.srv.RemittancePayoutIDs(), []string{p.ID}, "one payout, and it is the one returned")
		var keys []string
		for _, r := range f.srv.Requests() {
			if r.Method == http.MethodPost && r.Path == "/remittance_payouts" {
				keys = append(keys, r.Header.Get("Idempotency-key"))
			}
		}
		require.Len(t, keys, 2)
		assert.Equal(t, []string{resp.IdempotencyKey, resp.IdempotencyKey}, keys)
	})
}

func TestRepeatedKeyReplaysAndAnotherBodyConflicts(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	key := xendit.WithIdempotencyKey("remit-7")
	first, err := f.rc.Create(t.Context(), f.params("remit-7"), key)
	require.NoError(t, err)
	again, err := f.rc.Create(t.Context(), f.params("remit-7"), key)
	require.NoError(t, err)
	assert.Equal(t, first.ID, again.ID)

	other := f.params("remit-7")
	other.DestinationAmount = 36
	_, err = f.rc.Create(t.Context(), other, key)
	require.ErrorIs(t, err, xendit.ErrIdempotencyConflict)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, http.StatusConflict, xe.StatusCode)
	assert.Equal(t, remittance.CodeIdempotency, xe.Code)
	assert.Equal(t, "remit-7", xe.IdempotencyKey)
	assert.Equal(t, f.srv.RemittancePayoutIDs(), []string{first.ID})
}

func TestCreateValidate(t *testing.T) {
	t.Parallel()
	valid := func() *remittance.CreateParams {
		return &remittance.CreateParams{ReferenceID: "r", DestinationCurrency: xendit.CurrencyPHP, DestinationAmount: 35,
			SenderCustomerID: "s", RecipientCustomerID: "r", OriginCurrency: xendit.CurrencyIDR, OriginAmount: 10000,
			Description: "d"}
	}
	for name, tc := range map[string]struct {
		change func(*remittance.CreateParams)
		field  string
	}{
		"valid":                 {func(*remittance.CreateParams) {}, ""},
		"two decimals":          {func(p *remittance.CreateParams) { p.DestinationAmount = 35.25 }, ""},
		"no reference_id":       {func(p *remittance.CreateParams) { p.ReferenceID = "" }, "reference_id"},
		"no destination":        {func(p *remittance.CreateParams) { p.DestinationCurrency = "" }, "destination_currency"},
		"USD is not paid out":   {func(p *remittance.CreateParams) { p.DestinationCurrency = xendit.CurrencyUSD }, "destination_currency"},
		"zero destination":      {func(p *remittance.CreateParams) { p.DestinationAmount = 0 }, "destination_amount"},
		"three decimals":        {func(p *remittance.CreateParams) { p.DestinationAmount = 35.125 }, "destination_amount"},
		"no sender":             {func(p *remittance.CreateParams) { p.SenderCustomerID = "" }, "sender_customer_id"},
		"no recipient":          {func(p *remittance.CreateParams) { p.RecipientCustomerID = "" }, "recipient_customer_id"},
		"no origin currency":    {func(p *remittance.CreateParams) { p.OriginCurrency = "" }, "origin_currency"},
		"bad origin currency":   {func(p *remittance.CreateParams) { p.OriginCurrency = "rupiah" }, "origin_currency"},
		"negative origin":       {func(p *remittance.CreateParams) { p.OriginAmount = -1 }, "origin_amount"},
		"no description":        {func(p *remittance.CreateParams) { p.Description = "" }, "description"},
		"description of 101":    {func(p *remittance.CreateParams) { p.Description = strings.Repeat("x", 101) }, "description"},
		"description of 100 ok": {func(p *remittance.CreateParams) { p.Description = strings.Repeat("x", 100) }, ""},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p := valid()
			tc.change(p)
			fake.Invalid(t, p.Validate(), tc.field)
		})
	}
}

func TestInvalidParamsAreNotSent(t *testing.T) {
	t.Parallel()
	srv, c := fake.Server(t, fake.NoRetries)
	_, err := remittance.New(c).Create(t.Context(), nil)
	fake.Invalid(t, err, "params")
	assert.Empty(t, srv.Requests())
}

// TestFakeRefusesWhatXenditRefuses sends, past Validate, what Xendit
// refuses: the fake answers with the reference's error codes.
func TestFakeRefusesWhatXenditRefuses(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	srv := f.srv
	client, err := srv.Client(xendit.WithRetryPolicy(fake.NoRetries))
	require.NoError(t, err)
	send := func(change func(map[string]any)) string {
		body := map[string]any{"reference_id": "r", "destination_currency": "PHP", "destination_amount": 35,
			"sender_customer_id": f.sender, "recipient_customer_id": f.recipient, "origin_currency": "IDR",
			"origin_amount": 10000, "description": "d"}
		change(body)
		err := client.Do(t.Context(), &xendit.Request{Endpoint: xendit.MustEndpoint("remittance.create_payout"), Body: body}, nil)
		var xe *xendit.Error
		require.ErrorAs(t, err, &xe)
		return xe.Code
	}
	assert.Equal(t, remittance.CodeDestinationCurrencyNotSupported, send(func(b map[string]any) { b["destination_currency"] = "USD" }))
	assert.Equal(t, remittance.CodeAmountFormat, send(func(b map[string]any) { b["origin_amount"] = 100.125 }))
	assert.Empty(t, srv.RemittancePayoutIDs())
}
