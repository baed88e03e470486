package cards_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/cards"
	"github.com/seed19b1029f/xendit-go/internal/fake"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// fastRetry is the shared test retry policy, for clients built by hand.
var fastRetry = xendit.WithRetryPolicy(fake.FastRetries)

type fixture struct {
	srv *xendittest.Server
	cc  *cards.Client
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	srv, c := fake.Server(t, fake.FastRetries)
	return &fixture{srv: srv, cc: cards.New(c)}
}

// params returns charge params for a fresh token of the fake.
func (f *fixture) params(externalID string, amount float64, tok xendittest.CardToken) *cards.CreateChargeParams {
	tz := f.srv.NewCardToken(tok)
	return &cards.CreateChargeParams{TokenID: tz.ID, AuthenticationID: xendit.Ptr(tz.AuthenticationID), ExternalID: externalID, Amount: amount, Currency: xendit.Ptr(xendit.CurrencyIDR)}
}

// code returns err's API error code, or fails.
func code(t *testing.T, err error) string {
	t.Helper()
	var xe *xendit.Error
	require.True(t, errors.As(err, &xe), "want *xendit.Error, got %v", err)
	return xe.Code
}

// lastBody returns the JSON body of the last request to path.
func lastBody(t *testing.T, srv *xendittest.Server, path string) map[string]any {
	t.Helper()
	reqs := srv.Requests()
	for i := len(reqs) - 1; i >= 0; i-- {
		if reqs[i].Path == path {
			var m map[string]any
			require.NoError(t, json.Unmarshal(reqs[i].Body, &m))
			return m
		}
	}
	t.Fatalf("no request to %s", path)
	return nil
}

func TestAuthorizeCaptureRefund(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	auth, err := f.cc.CreateAuthorization(ctx, f.params("order-1", 100000, xendittest.CardToken{}))
	require.NoError(t, err)
	assert.Equal(t, cards.ChargeStatusAuthorized, auth.Status)
	assert.Equal(t, 100000.0, auth.AuthorizedAmount)
	assert.Equal(t, false, lastBody(t, f.srv, "/credit_card_charges")["capture"], "capture: false is sent")

	_, err = f.cc.CreateRefund(ctx, auth.ID, &cards.CreateRefundParams{Amount: 1000, ExternalID: "r-0"})
	assert.Equal(t, cards.CodeRefundAmountExceeded, code(t, err), "nothing captured yet")

	_, err = f.cc.CaptureCharge(ctx, auth.ID, &cards.CaptureChargeParams{Amount: 100001})
	assert.Equal(t, cards.CodeAmountGreaterThanAuthorized, code(t, err))

	captured, err := f.cc.CaptureCharge(ctx, auth.ID, &cards.CaptureChargeParams{Amount: 90000})
	require.NoError(t, err)
	assert.Equal(t, cards.ChargeStatusCaptured, captured.Status)
	assert.Equal(t, 90000.0, captured.CaptureAmount)
	assert.Equal(t, 90000.0, lastBody(t, f.srv, "/credit_card_charges/"+auth.ID+"/capture")["amount"], "a JSON number")

	_, err = f.cc.CaptureCharge(ctx, auth.ID, &cards.CaptureChargeParams{Amount: 10000})
	assert.Equal(t, cards.CodeInvalidChargeStatus, code(t, err), "one capture per authorization")
	_, err = f.cc.ReverseAuthorization(ctx, auth.ID, &cards.ReverseAuthorizationParams{ExternalID: "rev-1"})
	assert.Equal(t, cards.CodeChargeAlreadyCaptured, code(t, err))

	r1, err := f.cc.CreateRefund(ctx, auth.ID, &cards.CreateRefundParams{Amount: 60000, ExternalID: "r-1"})
	require.NoError(t, err)
	assert.Equal(t, cards.RefundStatusRequested, r1.Status)
	assert.Equal(t, 600.0, r1.FeeRefundAmount)
	_, err = f.cc.CreateRefund(ctx, auth.ID, &cards.CreateRefundParams{Amount: 30001, ExternalID: "r-2"})
	assert.Equal(t, cards.CodeRefundAmountExceeded, code(t, err), "refunds stay within the captured amount")
	_, err = f.cc.CreateRefund(ctx, auth.ID, &cards.CreateRefundParams{Amount: 1000, ExternalID: "r-1"})
	assert.Equal(t, cards.CodeDuplicateRefund, code(t, err))
	assert.ErrorIs(t, err, xendit.ErrDuplicate)
	_, err = f.cc.CreateRefund(ctx, auth.ID, &cards.CreateRefundParams{Amount: 30000, ExternalID: "r-3"})
	require.NoError(t, err, "the rest of the captured amount")

	got, err := f.cc.GetChargeByExternalID(ctx, "order-1")
	require.NoError(t, err)
	assert.Equal(t, auth.ID, got.ID)
}

func TestReverseAuthorization(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	auth, err := f.cc.CreateAuthorization(ctx, f.params("order-2", 50000, xendittest.CardToken{}))
	require.NoError(t, err)
	rev, err := f.cc.ReverseAuthorization(ctx, auth.ID, &cards.ReverseAuthorizationParams{ExternalID: "rev-2"})
	require.NoError(t, err)
	assert.Equal(t, cards.ReversalStatusSucceeded, rev.Status)
	assert.Equal(t, auth.ID, rev.ChargeID)
	assert.Equal(t, 50000.0, rev.Amount)

	_, err = f.cc.ReverseAuthorization(ctx, auth.ID, &cards.ReverseAuthorizationParams{ExternalID: "rev-3"})
	assert.Equal(t, cards.CodeChargeAlreadyReversed, code(t, err))
	_, err = f.cc.CaptureCharge(ctx, auth.ID, &cards.CaptureChargeParams{Amount: 1})
	assert.Equal(t, cards.CodeInvalidChargeStatus, code(t, err))
	got, err := f.cc.GetCharge(ctx, auth.ID)
	require.NoError(t, err)
	assert.Equal(t, cards.ChargeStatusReversed, got.Status)

	_, err = f.cc.ReverseAuthorization(ctx, "nope", &cards.ReverseAuthorizationParams{ExternalID: "rev-4"})
	assert.Equal(t, cards.CodeCreditCardChargeNotFound, code(t, err))
	assert.ErrorIs(t, err, xendit.ErrNotFound)
}

func TestZeroAmountAuthorizationSendsAmountZero(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	p := f.params("verify-1", 75000, xendittest.CardToken{MultipleUse: true})
	c, err := f.cc.CreateZeroAmountAuthorization(context.Background(), p)
	require.NoError(t, err)
	body := lastBody(t, f.srv, "/credit_card_charges")
	require.Contains(t, body, "amount", "amount 0 must be sent, not omitted")
	assert.Equal(t, 0.0, body["amount"])
	assert.Equal(t, 75000.0, p.Amount, "the caller's params are not modified")
	assert.Equal(t, cards.ChargeStatusAuthorized, c.Status)
	assert.Equal(t, cards.ChargeTypeMultipleUseToken, c.ChargeType)

	_, err = f.cc.ReverseAuthorization(context.Background(), c.ID, &cards.ReverseAuthorizationParams{ExternalID: "rev-0"})
	assert.Equal(t, cards.CodeInvalidAmountForReverseAuthorization, code(t, err))
}

func TestChargeOutcomes(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()

	declined, err := f.cc.CreateCharge(ctx, f.params("order-3", 20000, xendittest.CardToken{Decline: string(cards.FailureReasonInsufficientBalance)}))
	require.NoError(t, err, "a declined card is a FAILED charge, not an error")
	assert.Equal(t, cards.ChargeStatusFailed, declined.Status)
	assert.Equal(t, cards.FailureReasonInsufficientBalance, declined.FailureReason)
	_, err = f.cc.ReverseAuthorization(ctx, declined.ID, &cards.ReverseAuthorizationParams{ExternalID: "rev-5"})
	assert.Equal(t, cards.CodeChargeFailed, code(t, err))

	p := f.params("order-4", 20000, xendittest.CardToken{})
	c, err := f.cc.CreateCharge(ctx, p)
	require.NoError(t, err)
	assert.Equal(t, cards.ChargeStatusCaptured, c.Status)
	assert.NotContains(t, lastBody(t, f.srv, "/credit_card_charges"), "capture", "nil Capture is the API's default")
	p.ExternalID = "order-5"
	_, err = f.cc.CreateCharge(ctx, p)
	assert.Equal(t, cards.CodeTokenAlreadyUsed, code(t, err))

	_, err = f.cc.CreateCharge(ctx, f.params("order-6", 4999, xendittest.CardToken{}))
	assert.Equal(t, cards.CodeAmountBelowMinimumLimit, code(t, err))
	_, err = f.cc.CreateCharge(ctx, &cards.CreateChargeParams{TokenID: "unknown", ExternalID: "order-7", Amount: 10000})
	assert.Equal(t, cards.CodeTokenNotFound, code(t, err))

	_, err = f.cc.GetChargeByExternalID(ctx, "never-created")
	assert.ErrorIs(t, err, xendit.ErrNotFound)
}

func TestExpiredAuthorizationCannotBeCaptured(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	auth, err := f.cc.CreateAuthorization(context.Background(), f.params("order-8", 30000, xendittest.CardToken{}))
	require.NoError(t, err)
	require.NoError(t, f.srv.ExpireCardAuthorization(auth.ID))
	_, err = f.cc.CaptureCharge(context.Background(), auth.ID, &cards.CaptureChargeParams{Amount: 30000})
	assert.Equal(t, cards.CodeAuthorizationExpired, code(t, err))
}

func TestGetToken(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	tz := f.srv.NewCardToken(xendittest.CardToken{CardNumber: "5200000000001096"})
	tok, err := f.cc.GetToken(context.Background(), tz.ID)
	require.NoError(t, err)
	assert.Equal(t, tz.ID, tok.ID)
	assert.Equal(t, "MASTERCARD", tok.CardInfo.Brand)
	assert.Equal(t, "520000XXXXXX1096", tz.MaskedCardNumber)

	_, err = f.cc.GetToken(context.Background(), "5f0000000000000000000000")
	assert.Equal(t, cards.CodeCreditCardTokenNotFound, code(t, err))
	assert.NotContains(t, err.Error(), "5f0000000000000000000000")
}
