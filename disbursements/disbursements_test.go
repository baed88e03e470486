package disbursements_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/disbursements"
	"github.com/seed19b1029f/xendit-go/internal/fake"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

type fixture struct {
	srv *xendittest.Server
	dc  *disbursements.Client
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	srv, c := fake.Server(t, fake.NoRetries)
	return &fixture{srv: srv, dc: disbursements.New(c)}
}

func toBCA(externalID string) *disbursements.CreateDisbursementParams {
	return &disbursements.CreateDisbursementParams{
		ExternalID: externalID, BankCode: "BCA", AccountHolderName: "MICHAEL CHEN",
		AccountNumber: "1234567890", Description: "Refund for shoes", Amount: 90000,
	}
}

func TestDisbursementCompletesAndCallsBack(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	callbacks := fake.Callbacks[disbursements.Callback](t, f.srv)
	p := toBCA("order-1")
	p.EmailTo = []string{"finance@example.com"}
	d, err := f.dc.CreateDisbursement(t.Context(), p)
	require.NoError(t, err)
	assert.Equal(t, disbursements.StatusPending, d.Status)
	assert.Equal(t, "Refund for shoes", d.DisbursementDescription)
	assert.Equal(t, []string{"finance@example.com"}, d.EmailTo)

	require.NoError(t, f.srv.CompleteDisbursement(d.ID))
	cb := fake.Next(t, callbacks).Payload
	require.NotNil(t, cb.Disbursement, "a flat disbursement callback, no event")
	assert.Equal(t, d.ID, cb.Disbursement.ID)
	assert.Equal(t, "order-1", cb.Disbursement.ExternalID)
	assert.True(t, cb.Disbursement.Status.Succeeded())
	assert.Equal(t, "1234567890", cb.Disbursement.AccountNumber)

	got, err := f.dc.GetDisbursement(t.Context(), d.ID)
	require.NoError(t, err)
	assert.Equal(t, disbursements.StatusCompleted, got.Status)
}

func TestFailedDisbursementCarriesItsFailureCode(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	callbacks := fake.Callbacks[disbursements.Callback](t, f.srv)
	d, err := f.dc.CreateDisbursement(t.Context(), toBCA("order-2"))
	require.NoError(t, err)
	require.NoError(t, f.srv.FailDisbursement(d.ID, string(disbursements.FailureInvalidDestination)))
	cb := fake.Next(t, callbacks).Payload
	assert.True(t, cb.Disbursement.Status.Failed())
	assert.Equal(t, disbursements.FailureInvalidDestination, cb.Disbursement.FailureCode)
}

// TestPhilippineCallbackGoesToItsOwnURL: the Dashboard has a URL for
// Indonesian disbursements and one for Philippine ones; both get the same
// payload.
func TestPhilippineCallbackGoesToItsOwnURL(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	callbacks := fake.Callbacks[disbursements.Callback](t, f.srv)
	d, err := f.dc.CreateDisbursement(t.Context(), &disbursements.CreateDisbursementParams{
		ExternalID: "ph-1", BankCode: "PH_GCASH", AccountHolderName: "JUAN CRUZ",
		AccountNumber: "09171234567", Description: "Payout", Amount: 500,
	})
	require.NoError(t, err)
	require.NoError(t, f.srv.CompleteDisbursement(d.ID))
	cb := fake.Next(t, callbacks).Payload
	assert.Equal(t, "ph-1", cb.Disbursement.ExternalID)
	deliveries := f.srv.Deliveries("")
	require.Len(t, deliveries, 1)
	assert.Equal(t, "ph_disbursements", deliveries[0].Product)
}

func TestListByExternalIDFindsEveryDisbursementAndNoneIsAnEmptyPage(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	page, err := f.dc.ListDisbursementsByExternalID(t.Context(), "order-3")
	require.NoError(t, err, "Xendit's 404 for no match is an empty page")
	assert.Empty(t, page.Data)
	assert.NotNil(t, page.Data)
	assert.Equal(t, 1, fake.Count(f.srv, http.MethodGet, "/disbursements"))

	first, err := f.dc.CreateDisbursement(t.Context(), toBCA("order-3"))
	require.NoError(t, err)
	second, err := f.dc.CreateDisbursement(t.Context(), toBCA("order-3"))
	require.NoError(t, err)
	page, err = f.dc.ListDisbursementsByExternalID(t.Context(), "order-3")
	require.NoError(t, err)
	require.Len(t, page.Data, 2, "external ids are not unique: two calls, two keys, two disbursements")
	assert.Equal(t, first.ID, page.Data[0].ID)
	assert.Equal(t, second.ID, page.Data[1].ID)
	assert.False(t, page.HasMore)

	var ids []string
	for d, err := range f.dc.AllDisbursementsByExternalID(t.Context(), "order-3") {
		require.NoError(t, err)
		ids = append(ids, d.ID)
	}
	assert.Equal(t, []string{first.ID, second.ID}, ids)

	_, err = f.dc.ListDisbursementsByExternalID(t.Context(), "")
	fake.Invalid(t, err, "external_id")
}

func TestOtherNotFoundsAreErrors(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	_, err := f.dc.GetDisbursement(t.Context(), "5f0000000000000000000000")
	require.ErrorIs(t, err, xendit.ErrNotFound)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, disbursements.CodeNotFound, xe.Code)
}

func TestListBanks(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	page, err := f.dc.ListBanks(t.Context())
	require.NoError(t, err)
	assert.False(t, page.HasMore)
	var codes []string
	for b, err := range f.dc.AllBanks(t.Context()) {
		require.NoError(t, err)
		codes = append(codes, b.Code)
	}
	assert.Contains(t, codes, "BCA")
	assert.Len(t, codes, len(page.Data))
}

func TestXenditRefusesWhatTheSDKCannotCheck(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	p := toBCA("order-4")
	p.BankCode = "NOSUCHBANK"
	_, err := f.dc.CreateDisbursement(t.Context(), p)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, disbursements.CodeBankCodeNotSupported, xe.Code)
	assert.NotEmpty(t, xe.IdempotencyKey, "the key is on every error")
}

func TestCreateDisbursementValidate(t *testing.T) {
	t.Parallel()
	long := make([]byte, 1001)
	for i := range long {
		long[i] = 'x'
	}
	for name, tc := range map[string]struct {
		change func(*disbursements.CreateDisbursementParams)
		field  string
	}{
		"valid":                  {func(*disbursements.CreateDisbursementParams) {}, ""},
		"no external_id":         {func(p *disbursements.CreateDisbursementParams) { p.ExternalID = "" }, "external_id"},
		"external_id too long":   {func(p *disbursements.CreateDisbursementParams) { p.ExternalID = string(long) }, "external_id"},
		"no bank_code":           {func(p *disbursements.CreateDisbursementParams) { p.BankCode = "" }, "bank_code"},
		"no holder name":         {func(p *disbursements.CreateDisbursementParams) { p.AccountHolderName = "" }, "account_holder_name"},
		"no account number":      {func(p *disbursements.CreateDisbursementParams) { p.AccountNumber = "" }, "account_number"},
		"letters in the account": {func(p *disbursements.CreateDisbursementParams) { p.AccountNumber = "12345abcde" }, "account_number"},
		"BCA needs 10 digits":    {func(p *disbursements.CreateDisbursementParams) { p.AccountNumber = "123456789" }, "account_number"},
		"other banks any length": {func(p *disbursements.CreateDisbursementParams) { p.BankCode, p.AccountNumber = "MANDIRI", "12-34" }, ""},
		"no description":         {func(p *disbursements.CreateDisbursementParams) { p.Description = "" }, "description"},
		"zero amount":            {func(p *disbursements.CreateDisbursementParams) { p.Amount = 0 }, "amount"},
		"decimals":               {func(p *disbursements.CreateDisbursementParams) { p.Amount = 1000.5 }, "amount"},
		"four emails":            {func(p *disbursements.CreateDisbursementParams) { p.EmailTo = []string{"a", "b", "c", "d"} }, "email_to"},
		"cc without to":          {func(p *disbursements.CreateDisbursementParams) { p.EmailCC = []string{"a"} }, "email_to"},
		"four bcc": {func(p *disbursements.CreateDisbursementParams) {
			p.EmailTo, p.EmailBCC = []string{"a"}, []string{"a", "b", "c", "d"}
		}, "email_bcc"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p := toBCA("order-v")
			tc.change(p)
			fake.Invalid(t, p.Validate(), tc.field)
		})
	}
}

func TestInvalidParamsAreNotSent(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	_, err := f.dc.CreateDisbursement(t.Context(), nil)
	fake.Invalid(t, err, "params")
	p := toBCA("order-5")
	p.Amount = -1
	_, err = f.dc.CreateDisbursement(t.Context(), p)
	fake.Invalid(t, err, "amount")
	_, err = f.dc.CreateBatch(t.Context(), &disbursements.CreateBatchParams{Reference: "b"})
	fake.Invalid(t, err, "disbursements")
	assert.Empty(t, f.srv.Requests())
}

// TestFakeRefusesWhatXenditRefuses sends, past Validate, what Xendit
// refuses: the fake answers with the reference's error codes.
func TestFakeRefusesWhatXenditRefuses(t *testing.T) {
	t.Parallel()
	srv, c := fake.Server(t, fake.NoRetries)
	send := func(id string, body map[string]any) string {
		err := c.Do(t.Context(), &xendit.Request{Endpoint: xendit.MustEndpoint(id), Body: body}, nil)
		var xe *xendit.Error
		require.ErrorAs(t, err, &xe)
		return xe.Code
	}
	short := map[string]any{"external_id": "e", "bank_code": "BCA", "account_holder_name": "A",
		"account_number": "12345", "description": "d", "amount": 10000}
	assert.Equal(t, disbursements.CodeRecipientAccount, send("disbursements.create_disbursement", short))
	items := make([]any, disbursements.MaxBatchItems+1)
	for i := range items {
		items[i] = map[string]any{"amount": 1, "bank_code": "BCA", "bank_account_name": "A",
			"bank_account_number": "1234567890", "description": "d"}
	}
	assert.Equal(t, disbursements.CodeBatchRowsLimitExceeded,
		send("disbursements.create_batch", map[string]any{"reference": "r", "disbursements": items}))
	assert.Empty(t, srv.DisbursementIDs())
	assert.Empty(t, srv.BatchDisbursementIDs())
}
