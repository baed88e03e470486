package cards_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/cards"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// captured returns a CAPTURED charge of amount on the fake.
func (f *fixture) captured(t *testing.T, externalID string, amount float64) *cards.Charge {
	t.Helper()
	c, err := f.cc.CreateCharge(context.Background(), f.params(externalID, amount, xendittest.CardToken{}))
	require.NoError(t, err)
	require.Equal(t, cards.ChargeStatusCaptured, c.Status)
	return c
}

// requestsTo returns the requests the fake received for method and path.
func requestsTo(srv *xendittest.Server, method, path string) []xendittest.Request {
	var out []xendittest.Request
	for _, r := range srv.Requests() {
		if r.Method == method && r.Path == path {
			out = append(out, r)
		}
	}
	return out
}

func TestRefundRetriedAfter503KeepsItsIdempotencyKey(t *testing.T) {
	t.Parallel()
	for name, opts := range map[string][]xendit.RequestOption{
		"generated":    nil,
		"caller's own": {xendit.WithIdempotencyKey("refund-order-1-a")},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t)
			c := f.captured(t, "order-1", 100000)
			path := "/credit_card_charges/" + c.ID + "/refunds"
			f.srv.InjectFault(xendittest.Fault{Method: http.MethodPost, Path: path, Status: http.StatusServiceUnavailable, Times: 2})
			var resp xendit.Response
			r, err := f.cc.CreateRefund(context.Background(), c.ID, &cards.CreateRefundParams{Amount: 5000, ExternalID: "r-1"},
				append(opts, xendit.CaptureResponse(&resp))...)
			require.NoError(t, err)
			assert.Equal(t, cards.RefundStatusRequested, r.Status)
			assert.Equal(t, 3, resp.Attempts)

			sent := requestsTo(f.srv, http.MethodPost, path)
			require.Len(t, sent, 3)
			key := sent[0].Header.Get("X-IDEMPOTENCY-KEY")
			require.NotEmpty(t, key)
			if len(opts) > 0 {
				assert.Equal(t, "refund-order-1-a", key, "the caller's key is never replaced")
			}
			for _, s := range sent {
				assert.Equal(t, key, s.Header.Get("X-IDEMPOTENCY-KEY"), "one key for every attempt")
				assert.Equal(t, "2019-05-01", s.Header.Get("x-api-version"))
			}
			assert.Equal(t, key, resp.IdempotencyKey)
		})
	}
}

// TestRefundWhoseAnswerWasLostIsMadeOnce loses the answer to a refund that
// Xendit processed: the retry carries the same key and gets the first
// refund back instead of a second one.
func TestRefundWhoseAnswerWasLostIsMadeOnce(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.captured(t, "order-2", 100000)
	target, err := url.Parse(f.srv.URL)
	require.NoError(t, err)
	var lost atomic.Bool
	proxy := httputil.NewSingleHostReverseProxy(target)
	proxy.ModifyResponse = func(*http.Response) error {
		if lost.CompareAndSwap(false, true) {
			return errors.New("answer lost") // the proxy answers 502
		}
		return nil
	}
	front := httptest.NewServer(proxy)
	defer front.Close()
	client, err := xendit.New(xendittest.SecretKey, xendit.WithBaseURL(front.URL), fastRetry)
	require.NoError(t, err)

	var resp xendit.Response
	r, err := cards.New(client).CreateRefund(context.Background(),
		c.ID, &cards.CreateRefundParams{Amount: 60000, ExternalID: "r-1"}, xendit.CaptureResponse(&resp))
	require.NoError(t, err)
	assert.Equal(t, 2, resp.Attempts)

	// Had the retry refunded again, 120000 of 100000 would be refunded and
	// the remaining 40000 could not be.
	_, err = f.cc.CreateRefund(context.Background(), c.ID, &cards.CreateRefundParams{Amount: 40000, ExternalID: "r-2"})
	require.NoError(t, err, "only one refund of 60000 was made")
	assert.NotEmpty(t, r.ID)
}

func TestRefundReplayWithAnotherBodyIsAnIdempotencyConflict(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.captured(t, "order-3", 100000)
	ctx := context.Background()
	key := xendit.WithIdempotencyKey("refund-order-3")
	first, err := f.cc.CreateRefund(ctx, c.ID, &cards.CreateRefundParams{Amount: 1000, ExternalID: "r-1"}, key)
	require.NoError(t, err)

	again, err := f.cc.CreateRefund(ctx, c.ID, &cards.CreateRefundParams{Amount: 1000, ExternalID: "r-1"}, key)
	require.NoError(t, err, "same key, same body: the first answer")
	assert.Equal(t, first.ID, again.ID)

	_, err = f.cc.CreateRefund(ctx, c.ID, &cards.CreateRefundParams{Amount: 2000, ExternalID: "r-1"}, key)
	require.ErrorIs(t, err, xendit.ErrIdempotencyConflict)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, "refund-order-3", xe.IdempotencyKey)
}

// TestNonIdempotentCallsAreNeverRepeatedAfterAnAmbiguousFailure proves end
// to end that charges, captures and reversals, which have no idempotency
// header, are sent once when Xendit may have processed them.
func TestNonIdempotentCallsAreNeverRepeatedAfterAnAmbiguousFailure(t *testing.T) {
	t.Parallel()
	faults := map[string]xendittest.Fault{
		"503":                {Status: http.StatusServiceUnavailable},
		"500":                {Status: http.StatusInternalServerError},
		"dropped connection": {Drop: true},
	}
	for name, fault := range faults {
		t.Run("create charge/"+name, func(t *testing.T) {
			t.Parallel()
			fault := fault
			f := newFixture(t)
			p := f.params("order-4", 20000, xendittest.CardToken{})
			fault.Method, fault.Path, fault.Times = http.MethodPost, "/credit_card_charges", 3
			f.srv.InjectFault(fault)
			var resp xendit.Response
			_, err := f.cc.CreateCharge(context.Background(), p, xendit.CaptureResponse(&resp))
			require.Error(t, err)
			assert.Equal(t, 1, resp.Attempts)
			assert.Len(t, requestsTo(f.srv, http.MethodPost, "/credit_card_charges"), 1, "exactly one attempt")
			assert.True(t, xendit.OutcomeUnknown(err), "the caller must reconcile by external_id")

			// The reconciliation the package doc describes: nothing was
			// created, so the lookup says not found.
			_, err = f.cc.GetChargeByExternalID(context.Background(), "order-4")
			assert.ErrorIs(t, err, xendit.ErrNotFound)
		})
		// Capture and reversal act on an authorization: the last path
		// segment and the call are what differ.
		for op, call := range map[string]func(cc *cards.Client, id string) error{
			"capture": func(cc *cards.Client, id string) error {
				_, err := cc.CaptureCharge(context.Background(), id, &cards.CaptureChargeParams{Amount: 20000})
				return err
			},
			"auth_reversal": func(cc *cards.Client, id string) error {
				_, err := cc.ReverseAuthorization(context.Background(), id, &cards.ReverseAuthorizationParams{ExternalID: "rev-5"})
				return err
			},
		} {
			t.Run(op+"/"+name, func(t *testing.T) {
				t.Parallel()
				fault := fault
				f := newFixture(t)
				auth, err := f.cc.CreateAuthorization(context.Background(), f.params("order-5", 20000, xendittest.CardToken{}))
				require.NoError(t, err)
				path := "/credit_card_charges/" + auth.ID + "/" + op
				fault.Method, fault.Path, fault.Times = http.MethodPost, path, 3
				f.srv.InjectFault(fault)
				err = call(f.cc, auth.ID)
				require.Error(t, err)
				assert.Len(t, requestsTo(f.srv, http.MethodPost, path), 1)
				assert.True(t, xendit.OutcomeUnknown(err))
			})
		}
	}
}

func TestCreateChargeRetriesA429(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	f.srv.InjectFault(xendittest.Fault{Method: http.MethodPost, Path: "/credit_card_charges", Status: http.StatusTooManyRequests})
	var resp xendit.Response
	c, err := f.cc.CreateCharge(context.Background(), f.params("order-6", 20000, xendittest.CardToken{}), xendit.CaptureResponse(&resp))
	require.NoError(t, err, "a 429 was not processed, so it is retried")
	assert.Equal(t, 2, resp.Attempts)
	assert.Equal(t, cards.ChargeStatusCaptured, c.Status)
}
