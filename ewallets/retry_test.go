package ewallets_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/ewallets"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// countCreates counts the Create Charge requests the fake received.
func countCreates(srv *xendittest.Server) int {
	n := 0
	for _, r := range srv.Requests() {
		if r.Method == http.MethodPost && r.Path == "/ewallets/charges" {
			n++
		}
	}
	return n
}

// TestCreateChargeIsNeverRepeatedAfterAnAmbiguousFailure proves end to end
// that a create without an idempotency header is sent once when Xendit may
// have processed it.
func TestCreateChargeIsNeverRepeatedAfterAnAmbiguousFailure(t *testing.T) {
	for name, fault := range map[string]xendittest.Fault{
		"503":                {Status: http.StatusServiceUnavailable},
		"502":                {Status: http.StatusBadGateway},
		"500":                {Status: http.StatusInternalServerError},
		"dropped connection": {Drop: true},
	} {
		t.Run(name, func(t *testing.T) {
			f := newFixture(t)
			fault.Method, fault.Path, fault.Times = http.MethodPost, "/ewallets/charges", 3
			f.srv.InjectFault(fault)
			var resp xendit.Response
			_, err := f.ew.CreateCharge(context.Background(), shopeePay("order-1"), xendit.CaptureResponse(&resp))
			require.Error(t, err)
			assert.Equal(t, 1, countCreates(f.srv), "exactly one attempt")
			assert.Equal(t, 1, resp.Attempts)
			assert.True(t, xendit.OutcomeUnknown(err), "the caller must reconcile by reference_id")
		})
	}
}

func TestCreateChargeRetriesA429(t *testing.T) {
	f := newFixture(t)
	f.srv.InjectFault(xendittest.Fault{Method: http.MethodPost, Path: "/ewallets/charges", Status: http.StatusTooManyRequests})
	var resp xendit.Response
	c, err := f.ew.CreateCharge(context.Background(), shopeePay("order-1"), xendit.CaptureResponse(&resp))
	require.NoError(t, err)
	assert.Equal(t, 2, resp.Attempts)
	assert.Equal(t, 2, countCreates(f.srv), "the 429 was rejected before processing, the retry created it")
	got, err := f.ew.GetCharge(context.Background(), c.ID)
	require.NoError(t, err)
	assert.Equal(t, "order-1", got.ReferenceID)
}

func TestCreateChargeRetriesAFailedDial(t *testing.T) {
	// Nothing listens on the address: the request never left, so retrying
	// is safe, and every attempt is made.
	srv := xendittest.NewServer()
	url := srv.URL
	srv.Close()
	c, err := xendit.New(xendittest.SecretKey, xendit.WithBaseURL(url), fastRetry)
	require.NoError(t, err)
	var resp xendit.Response
	_, err = ewallets.New(c).CreateCharge(context.Background(), shopeePay("order-1"), xendit.CaptureResponse(&resp))
	require.Error(t, err)
	assert.Equal(t, 3, resp.Attempts)
	assert.False(t, xendit.OutcomeUnknown(err), "a request that never left created nothing")
}

func TestCreateRefundIsNotRepeatedAfterA503(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	c, err := f.ew.CreateCharge(ctx, shopeePay("order-1"))
	require.NoError(t, err)
	require.NoError(t, f.srv.CompleteEWalletCharge(c.ID))
	f.next(t)
	path := "/ewallets/charges/" + c.ID + "/refunds"
	f.srv.InjectFault(xendittest.Fault{Method: http.MethodPost, Path: path, Status: http.StatusServiceUnavailable, Times: 3})
	var resp xendit.Response
	_, err = f.ew.CreateRefund(ctx, &ewallets.CreateRefundParams{ChargeID: c.ID}, xendit.CaptureResponse(&resp))
	require.Error(t, err)
	assert.Equal(t, 1, resp.Attempts)

	// GETs are safe to repeat.
	f.srv.InjectFault(xendittest.Fault{Method: http.MethodGet, Path: "/ewallets/charges/" + c.ID, Status: http.StatusServiceUnavailable})
	_, err = f.ew.GetCharge(ctx, c.ID, xendit.CaptureResponse(&resp))
	require.NoError(t, err)
	assert.Equal(t, 2, resp.Attempts)
}
