package disbursements_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/disbursements"
	"github.com/seed19b1029f/xendit-go/internal/fake"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// keysSent returns the X-IDEMPOTENCY-KEY of each request to POST path.
func keysSent(srv *xendittest.Server, path string) []string {
	var keys []string
	for _, r := range srv.Requests() {
		if r.Method == http.MethodPost && r.Path == path {
			keys = append(keys, r.Header.Get("X-IDEMPOTENCY-KEY"))
		}
	}
	return keys
}

// TestDisbursementWhoseAnswerIsLostIsMadeOnce: Xendit made the
// disbursement and the answer was lost. The SDK retries with the same key
// where it may (a dropped connection, a timeout, a 502) and gets the first
// disbursement back; after a 500 it does not retry, reports OutcomeUnknown
// with the key, and the caller's repeat with that key gets the first
// disbursement back. Either way one disbursement exists.
func TestDisbursementWhoseAnswerIsLostIsMadeOnce(t *testing.T) {
	t.Parallel()
	fake.EachLoss(t, fake.Losses, http.MethodPost, "/disbursements", fake.FastRetries, func(t *testing.T, srv *xendittest.Server, c *xendit.Client, loss fake.Loss) {
		dc := disbursements.New(c)
		var resp xendit.Response
		d, err := dc.CreateDisbursement(t.Context(), toBCA("order-1"), xendit.CaptureResponse(&resp))
		if loss == fake.Loss500 {
			require.Error(t, err)
			assert.True(t, xendit.OutcomeUnknown(err))
			var xe *xendit.Error
			require.ErrorAs(t, err, &xe)
			require.NotEmpty(t, xe.IdempotencyKey)
			assert.Len(t, keysSent(srv, "/disbursements"), 1, "a 500 is not retried")
			d, err = dc.CreateDisbursement(t.Context(), toBCA("order-1"), xendit.WithIdempotencyKey(xe.IdempotencyKey),
				xendit.CaptureResponse(&resp))
		}
		require.NoError(t, err)
		assert.Equal(t, srv.DisbursementIDs(), []string{d.ID}, "one disbursement, and it is the one returned")
		keys := keysSent(srv, "/disbursements")
		require.Len(t, keys, 2)
		assert.Equal(t, keys[0], keys[1], "the repeat carried the first key")
		assert.Equal(t, keys[0], resp.IdempotencyKey)
	})
}

// TestDisbursementOutcomeUnknownIsReconciledByExternalID is the other way
// back from an unknown outcome: look the disbursement up by external_id.
func TestDisbursementOutcomeUnknownIsReconciledByExternalID(t *testing.T) {
	t.Parallel()
	fake.EachLoss(t, fake.Losses, http.MethodPost, "/disbursements", fake.NoRetries, func(t *testing.T, srv *xendittest.Server, c *xendit.Client, loss fake.Loss) {
		dc := disbursements.New(c)
		_, err := dc.CreateDisbursement(t.Context(), toBCA("order-1"))
		require.Error(t, err)
		assert.True(t, xendit.OutcomeUnknown(err), "%v", err)
		page, err := dc.ListDisbursementsByExternalID(t.Context(), "order-1")
		require.NoError(t, err)
		require.Len(t, page.Data, 1, "it was made: do not create it again")
		assert.Equal(t, srv.DisbursementIDs(), []string{page.Data[0].ID})
	})
}

func TestBatchWhoseAnswerIsLostIsMadeOnce(t *testing.T) {
	t.Parallel()
	fake.EachLoss(t, fake.Losses, http.MethodPost, "/batch_disbursements", fake.FastRetries, func(t *testing.T, srv *xendittest.Server, c *xendit.Client, loss fake.Loss) {
		dc := disbursements.New(c)
		b, err := dc.CreateBatch(t.Context(), batch("payday-1"))
		if loss == fake.Loss500 {
			var xe *xendit.Error
			require.ErrorAs(t, err, &xe)
			assert.True(t, xendit.OutcomeUnknown(err))
			b, err = dc.CreateBatch(t.Context(), batch("payday-1"), xendit.WithIdempotencyKey(xe.IdempotencyKey))
		}
		require.NoError(t, err)
		assert.Equal(t, srv.BatchDisbursementIDs(), []string{b.ID})
	})
}

func batch(reference string) *disbursements.CreateBatchParams {
	return &disbursements.CreateBatchParams{Reference: reference, Disbursements: []disbursements.BatchItem{
		{Amount: 20000, BankCode: "BCA", BankAccountName: "Stanley Nguyen", BankAccountNumber: "1234567890",
			Description: "Salary", ExternalID: xendit.Ptr("payday-1-1")},
		{Amount: 10000, BankCode: "MANDIRI", BankAccountName: "Lutfi", BankAccountNumber: "1234567891",
			Description: "Salary", EmailTo: []string{"lutfi@example.com"}},
	}}
}

// TestRepeatedKeyReplaysAndAnotherBodyConflicts: the same key and body get
// the first disbursement; the same key with another body is a 409, with
// the key on the error.
func TestRepeatedKeyReplaysAndAnotherBodyConflicts(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	key := xendit.WithIdempotencyKey("order-7")
	first, err := f.dc.CreateDisbursement(ctx, toBCA("order-7"), key)
	require.NoError(t, err)
	again, err := f.dc.CreateDisbursement(ctx, toBCA("order-7"), key)
	require.NoError(t, err)
	assert.Equal(t, first.ID, again.ID)

	other := toBCA("order-7")
	other.Amount = 100000
	_, err = f.dc.CreateDisbursement(ctx, other, key)
	require.ErrorIs(t, err, xendit.ErrIdempotencyConflict)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, http.StatusConflict, xe.StatusCode)
	assert.Equal(t, "order-7", xe.IdempotencyKey)
	assert.Equal(t, f.srv.DisbursementIDs(), []string{first.ID})

	b1, err := f.dc.CreateBatch(ctx, batch("payday-2"), xendit.WithIdempotencyKey("payday-2"))
	require.NoError(t, err)
	b2, err := f.dc.CreateBatch(ctx, batch("payday-2"), xendit.WithIdempotencyKey("payday-2"))
	require.NoError(t, err)
	assert.Equal(t, b1.ID, b2.ID)
	_, err = f.dc.CreateBatch(ctx, batch("payday-3"), xendit.WithIdempotencyKey("payday-2"))
	require.ErrorIs(t, err, xendit.ErrIdempotencyConflict)
}

// TestEveryCreateCarriesAKey: without WithIdempotencyKey the SDK sends one
// of its own, a new one per call, and says which on the response.
func TestEveryCreateCarriesAKey(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	var r1, r2 xendit.Response
	_, err := f.dc.CreateDisbursement(t.Context(), toBCA("order-8"), xendit.CaptureResponse(&r1))
	require.NoError(t, err)
	_, err = f.dc.CreateDisbursement(t.Context(), toBCA("order-8"), xendit.CaptureResponse(&r2))
	require.NoError(t, err)
	assert.Equal(t, keysSent(f.srv, "/disbursements"), []string{r1.IdempotencyKey, r2.IdempotencyKey})
	assert.NotEqual(t, r1.IdempotencyKey, r2.IdempotencyKey)
}
