package retailoutlets_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/fake"
	"github.com/seed19b1029f/xendit-go/retailoutlets"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// TestCreatesAreNeverRepeatedAfterAnAmbiguousFailure proves, with a client
// that retries, that neither create (no idempotency header) is sent twice
// when Xendit may have processed it: a 5xx, a dropped connection (through
// a real server), a timeout (on a synctest bubble's clock, fake.Each).
func TestCreatesAreNeverRepeatedAfterAnAmbiguousFailure(t *testing.T) {
	t.Parallel()
	creates := map[string]func(ctx context.Context, ro *retailoutlets.Client, opts ...xendit.RequestOption) error{
		"/fixed_payment_code": func(ctx context.Context, ro *retailoutlets.Client, opts ...xendit.RequestOption) error {
			_, err := ro.CreateFixedPaymentCode(ctx, alfamart("order-1"), opts...)
			return err
		},
		"/payment_codes": func(ctx context.Context, ro *retailoutlets.Client, opts ...xendit.RequestOption) error {
			_, err := ro.CreatePaymentCode(ctx, cliqq("order-1"), opts...)
			return err
		},
	}
	faults := fake.AmbiguousFaults()
	faults["503 GENERATION_ERROR"] = xendittest.Fault{Status: http.StatusServiceUnavailable,
		Body: `{"error_code":"GENERATION_ERROR","message":"Error occurred while generating payment code."}`}
	for path, create := range creates {
		t.Run(path, func(t *testing.T) {
			t.Parallel()
			fake.EachFault(t, faults, fake.FastRetries, func(t *testing.T, srv *xendittest.Server, c *xendit.Client, fault xendittest.Fault) {
				fault.Method, fault.Path, fault.Times = http.MethodPost, path, 3
				srv.InjectFault(fault)
				var resp xendit.Response
				err := create(t.Context(), retailoutlets.New(c), xendit.CaptureResponse(&resp))
				require.Error(t, err)
				assert.Equal(t, 1, fake.Count(srv, http.MethodPost, path), "exactly one request")
				assert.Equal(t, 1, resp.Attempts)
				assert.True(t, xendit.OutcomeUnknown(err), "the caller reconciles by its own id")
			})
		})
	}
}

// TestReadsAreRetried: a get is safe to repeat, so a 503 is retried.
func TestReadsAreRetried(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	code, err := f.ro.CreatePaymentCode(t.Context(), cliqq("order-2"))
	require.NoError(t, err)
	f.srv.InjectFault(xendittest.Fault{Method: http.MethodGet, Path: "/payment_codes/" + code.ID, Status: http.StatusServiceUnavailable})
	var resp xendit.Response
	got, err := f.ro.GetPaymentCode(t.Context(), code.ID, xendit.CaptureResponse(&resp))
	require.NoError(t, err)
	assert.Equal(t, code.ID, got.ID)
	assert.Equal(t, 2, resp.Attempts)
}

// TestUpdatesAreNotRepeatedEither: a PATCH has no idempotency header, so
// the SDK leaves resending it to the caller.
func TestUpdatesAreNotRepeatedEither(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	code, err := f.ro.CreatePaymentCode(t.Context(), cliqq("order-3"))
	require.NoError(t, err)
	path := "/payment_codes/" + code.ID
	f.srv.InjectFault(xendittest.Fault{Method: http.MethodPatch, Path: path, Status: http.StatusServiceUnavailable, Times: 3})
	_, err = f.ro.UpdatePaymentCode(t.Context(), code.ID, &retailoutlets.UpdatePaymentCodeParams{Amount: xendit.Set(100.0)})
	require.Error(t, err)
	assert.True(t, xendit.OutcomeUnknown(err))
	assert.Equal(t, 1, fake.Count(f.srv, http.MethodPatch, path))
}
