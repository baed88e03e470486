package xenplatform_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/fake"
	"github.com/seed19b1029f/xendit-go/xendittest"
	"github.com/seed19b1029f/xendit-go/xenplatform"
)

// TestCreatesAreNeverRepeatedAfterAnAmbiguousFailure proves, with a client
// that retries, that no xenPlatform create (none has an idempotency
// header) is sent twice when Xendit may have processed it (a 5xx, a
// dropped connection, a timeout: fake.EachFault), and that the error says
// the outcome is unknown.
func TestCreatesAreNeverRepeatedAfterAnAmbiguousFailure(t *testing.T) {
	t.Parallel()
	creates := map[string]func(xp *xenplatform.Client, platform string) error{
		"/v2/accounts": func(xp *xenplatform.Client, _ string) error {
			_, err := xp.CreateAccount(context.Background(), owned("a@example.com"))
			return err
		},
		"/account_holders": func(xp *xenplatform.Client, _ string) error {
			_, err := xp.CreateAccountHolder(context.Background(), holderParams())
			return err
		},
		"/transfers": func(xp *xenplatform.Client, platform string) error {
			_, err := xp.CreateTransfer(context.Background(), &xenplatform.CreateTransferParams{Reference: "t-1", Amount: 1,
				SourceUserID: platform, DestinationUserID: "5cafeb170a2b18519b1b8761"})
			return err
		},
		"/split_rules": func(xp *xenplatform.Client, platform string) error {
			_, err := xp.CreateSplitRule(context.Background(), &xenplatform.CreateSplitRuleParams{Name: "fee", Routes: []xenplatform.Route{
				{FlatAmount: xendit.Ptr(100.0), Currency: xendit.CurrencyIDR, DestinationAccountID: platform, ReferenceID: "fee"}}})
			return err
		},
	}
	for path, create := range creates {
		t.Run(path, func(t *testing.T) {
			t.Parallel()
			fake.EachFault(t, fake.AmbiguousFaults(), fake.FastRetries, func(t *testing.T, srv *xendittest.Server, c *xendit.Client, fault xendittest.Fault) {
				fault.Method, fault.Path, fault.Times = http.MethodPost, path, 3
				srv.InjectFault(fault)
				err := create(xenplatform.New(c), srv.PlatformUserID(""))
				require.Error(t, err)
				assert.Equal(t, 1, fake.Count(srv, http.MethodPost, path), "exactly one attempt")
				assert.True(t, xendit.OutcomeUnknown(err), "the caller must reconcile")
			})
		})
	}
}

// The reconciliation the package doc gives for a transfer: look it up by
// reference; not found, send it again with the same reference.
func TestTransferWithAnUnknownOutcomeIsReconciledByReference(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	sub := f.subAccount(t, "sub@example.com")
	f.srv.SetBalance(xendittest.Account{Currency: "IDR"}, 10_000)
	params := &xenplatform.CreateTransferParams{Reference: "t-1", Amount: 4_000, SourceUserID: f.srv.PlatformUserID(""), DestinationUserID: sub.ID}
	f.srv.InjectFault(xendittest.Fault{Method: http.MethodPost, Path: "/transfers", Drop: true})
	_, err := f.xp.CreateTransfer(t.Context(), params)
	require.True(t, xendit.OutcomeUnknown(err))

	_, err = f.xp.GetTransferByReference(t.Context(), params.Reference)
	require.ErrorIs(t, err, xendit.ErrNotFound, "the dropped request was not processed")
	tr, err := f.xp.CreateTransfer(t.Context(), params)
	require.NoError(t, err)
	assert.Equal(t, "t-1", tr.Reference)
	// Had the first gone through, the second would say so.
	_, err = f.xp.CreateTransfer(t.Context(), params)
	assert.ErrorIs(t, err, xendit.ErrDuplicate)
	assert.Equal(t, 4_000.0, f.balanceOf(t, xendit.ForUserID(sub.ID)), "moved once")
}

func TestCreateRetriesA429(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	f.srv.InjectFault(xendittest.Fault{Method: http.MethodPost, Path: "/split_rules", Status: http.StatusTooManyRequests})
	var resp xendit.Response
	_, err := f.xp.CreateSplitRule(t.Context(), &xenplatform.CreateSplitRuleParams{Name: "fee", Routes: []xenplatform.Route{
		{PercentAmount: xendit.Ptr(1.5), Currency: xendit.CurrencyIDR, DestinationAccountID: f.srv.PlatformUserID(""), ReferenceID: "fee"}}},
		xendit.CaptureResponse(&resp))
	require.NoError(t, err, "a 429 was rejected before processing")
	assert.Equal(t, 2, resp.Attempts)
}
