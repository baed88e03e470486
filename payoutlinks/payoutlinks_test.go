package payoutlinks_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/fake"
	"github.com/seed19b1029f/xendit-go/payoutlinks"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

const createPath = "/payouts"

func refund(ext string) *payoutlinks.CreateParams {
	return &payoutlinks.CreateParams{ExternalID: ext, Amount: 50000, Email: "buyer@example.com"}
}

func TestCreateGetVoid(t *testing.T) {
	t.Parallel()
	srv, c := fake.Server(t, fake.NoRetries)
	pl := payoutlinks.New(c)
	link, err := pl.Create(t.Context(), refund("refund-1"))
	require.NoError(t, err)
	assert.Equal(t, payoutlinks.StatusPending, link.Status)
	assert.NotEmpty(t, link.PayoutURL)
	reqs := srv.Requests()
	assert.Empty(t, reqs[len(reqs)-1].Header.Get("Idempotency-Key"), "the endpoint documents no idempotency header")

	got, err := pl.Get(t.Context(), link.ID)
	require.NoError(t, err)
	assert.Equal(t, "refund-1", got.ExternalID)

	voided, err := pl.Void(t.Context(), link.ID)
	require.NoError(t, err)
	assert.True(t, voided.Status.Failed())

	_, err = pl.Get(t.Context(), "nope")
	assert.ErrorIs(t, err, xendit.ErrNotFound)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, payoutlinks.CodePayoutNotFound, xe.Code)
}

func TestClaimedLinkCannotBeVoided(t *testing.T) {
	t.Parallel()
	srv, c := fake.Server(t, fake.NoRetries)
	pl := payoutlinks.New(c)
	link, err := pl.Create(t.Context(), refund("refund-2"))
	require.NoError(t, err)
	require.NoError(t, srv.ClaimPayoutLink(link.ID))
	got, err := pl.Get(t.Context(), link.ID)
	require.NoError(t, err)
	assert.True(t, got.Status.Succeeded())
	assert.Equal(t, "BCA", got.BankCode)
	_, err = pl.Void(t.Context(), link.ID)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, payoutlinks.CodeClaimedPayout, xe.Code)
}

func TestDuplicateExternalIDIsErrDuplicate(t *testing.T) {
	t.Parallel()
	_, c := fake.Server(t, fake.NoRetries)
	pl := payoutlinks.New(c)
	_, err := pl.Create(t.Context(), refund("refund-3"))
	require.NoError(t, err)
	_, err = pl.Create(t.Context(), refund("refund-3"))
	assert.ErrorIs(t, err, xendit.ErrDuplicate)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, payoutlinks.CodeDuplicatePayout, xe.Code)
}

// TestCreateIsNeverRepeated proves that Create, which has no idempotency
// header, is sent once after a failure that may have come after Xendit
// made the link (dropped connection, 500, 502, timeout: fake.EachLoss),
// even with retries on; and that creating again with the same external_id
// resolves the doubt.
func TestCreateIsNeverRepeated(t *testing.T) {
	t.Parallel()
	fake.EachLoss(t, fake.Losses, http.MethodPost, createPath, fake.FastRetries, func(t *testing.T, srv *xendittest.Server, c *xendit.Client, _ fake.Loss) {
		pl := payoutlinks.New(c)
		var resp xendit.Response
		_, err := pl.Create(t.Context(), refund("refund-4"), xendit.CaptureResponse(&resp))
		require.Error(t, err)
		assert.True(t, xendit.OutcomeUnknown(err))
		assert.Equal(t, 1, resp.Attempts)
		assert.Equal(t, 1, fake.Count(srv, http.MethodPost, createPath), "exactly one request")

		_, err = pl.Create(t.Context(), refund("refund-4"))
		assert.ErrorIs(t, err, xendit.ErrDuplicate, "the first call made the link")
	})
	for name, fault := range fake.AmbiguousFaults() {
		t.Run("before processing/"+name, func(t *testing.T) {
			t.Parallel()
			srv, c := fake.Server(t, fake.FastRetries)
			fault.Method, fault.Path = http.MethodPost, createPath
			srv.InjectFault(fault)
			pl := payoutlinks.New(c)
			_, err := pl.Create(t.Context(), refund("refund-5"))
			require.Error(t, err)
			assert.True(t, xendit.OutcomeUnknown(err))
			assert.Equal(t, 1, fake.Count(srv, http.MethodPost, createPath))
			link, err := pl.Create(t.Context(), refund("refund-5"))
			require.NoError(t, err, "nothing was made: the same external_id is free")
			assert.Equal(t, "refund-5", link.ExternalID)
		})
	}
}

func TestCreateRules(t *testing.T) {
	t.Parallel()
	for field, p := range map[string]*payoutlinks.CreateParams{
		"":            refund("ok"),
		"external_id": {Amount: 10000, Email: "a@b.co"},
		"amount":      {ExternalID: "x", Amount: 9999, Email: "a@b.co"},
		"email":       {ExternalID: "x", Amount: 10000},
	} {
		fake.Invalid(t, p.Validate(), field)
	}
	for name, p := range map[string]*payoutlinks.CreateParams{
		"external_id over 200": {ExternalID: strings.Repeat("e", 201), Amount: 10000, Email: "a@b.co"},
		"amount whole":         {ExternalID: "x", Amount: 10000.5, Email: "a@b.co"},
		"email shape":          {ExternalID: "x", Amount: 10000, Email: "buyer"},
	} {
		var ve *xendit.ValidationError
		require.ErrorAs(t, p.Validate(), &ve, name)
		assert.Equal(t, strings.Fields(name)[0], ve.Field, name)
	}
	srv, c := fake.Server(t, fake.NoRetries)
	_, err := payoutlinks.New(c).Create(t.Context(), nil)
	fake.Invalid(t, err, "params")
	assert.Empty(t, srv.Requests())
}
