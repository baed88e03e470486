package snap_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/snap"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

func xenditVerifier(t *testing.T) *snap.Verifier {
	t.Helper()
	v, err := snap.NewVerifierPEM([]byte(xendittest.SNAPXenditPublicKeyPEM))
	require.NoError(t, err)
	return v
}

// delivery is a callback as it reached the receiver.
type delivery struct {
	header http.Header
	body   []byte
}

// recordingReceiver serves h at a test URL and keeps every delivery, to
// replay and tamper with.
func recordingReceiver(t *testing.T, h http.Handler) (string, func() []delivery) {
	t.Helper()
	var mu sync.Mutex
	var seen []delivery
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		seen = append(seen, delivery{r.Header.Clone(), b})
		mu.Unlock()
		r.Body = io.NopCloser(bytes.NewReader(b))
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s.URL, func() []delivery { mu.Lock(); defer mu.Unlock(); return append([]delivery(nil), seen...) }
}

func post(t *testing.T, h http.Handler, path string, d delivery) int {
	t.Helper()
	r := httptest.NewRequest(http.MethodPost, path, bytes.NewReader(d.body))
	r.Header = d.header.Clone()
	return serve(h, r)
}

func TestVAPaymentCallbackIsSignedVerifiedAndDeduplicated(t *testing.T) {
	t.Parallel()
	srv, sc := newFake(t)
	var processed []*snap.Callback
	var fail atomic.Bool
	h, err := snap.NewCallbackHandler(xenditVerifier(t), func(_ context.Context, cb *snap.Callback) error {
		if fail.Load() {
			return errors.New("database down")
		}
		processed = append(processed, cb)
		return nil
	})
	require.NoError(t, err)
	url, deliveries := recordingReceiver(t, h)
	const path = "/callbacks/snap?tenant=1"
	srv.SetCallbacks("", xendittest.Callbacks{URL: url + path})

	open := vaParams("order-cb")
	open.TotalAmount = nil
	open.AdditionalInfo.Reusability = xendit.Ptr(snap.ReusabilityMultipleUse)
	_, err = sc.CreateVA(t.Context(), open)
	require.NoError(t, err)

	fail.Store(true)
	assert.ErrorContains(t, srv.PaySNAPVA(t.Context(), "order-cb", "10000.00"), "answered 500",
		"a failing function makes Xendit retry")
	fail.Store(false)
	first := deliveries()[0]
	assert.Equal(t, http.StatusOK, post(t, h, path, first), "the retry of the released event is processed")
	require.Len(t, processed, 1)
	cb := processed[0]
	assert.Equal(t, snap.EventVAPayment, cb.Type)
	assert.Equal(t, "order-cb", cb.VAPayment.TrxID)
	assert.Equal(t, snap.IDR(10000), cb.VAPayment.PaidAmount)
	assert.Equal(t, snap.VAPaymentStatusSucceeded, cb.VAPayment.AdditionalInfo.Status)

	assert.Equal(t, http.StatusOK, post(t, h, path, first), "a duplicate is acknowledged")
	assert.Len(t, processed, 1, "and not processed again")

	tampered := delivery{first.header, bytes.Replace(first.body, []byte(`"10000.00"`), []byte(`"99999.00"`), 1)}
	assert.Equal(t, http.StatusUnauthorized, post(t, h, path, tampered))
	assert.Equal(t, http.StatusUnauthorized, post(t, h, "/elsewhere", first), "the path is signed")
	unsigned := delivery{http.Header{"Content-Type": {"application/json"}}, first.body}
	assert.Equal(t, http.StatusUnauthorized, post(t, h, path, unsigned))
	assert.Len(t, processed, 1)

	require.NoError(t, srv.PaySNAPVA(t.Context(), "order-cb", "25000.00"), "an open VA takes any amount, again")
	require.Len(t, processed, 2)
	assert.NotEqual(t, processed[0].DedupeKey(), processed[1].DedupeKey())
}

func TestVerifyCallbackRejectsTheMerchantsOwnKey(t *testing.T) {
	t.Parallel()
	signer := testSigner(t)
	body := []byte(`{"type":"snap_qr.payment","payload":{}}`)
	sig, err := signer.Sign(t.Context(), snap.SigningInput{Method: "POST", Path: "/cb", Body: body, Timestamp: "2024-05-01T10:00:00+07:00"})
	require.NoError(t, err)
	h := http.Header{"X-Timestamp": {"2024-05-01T10:00:00+07:00"}, "X-Signature": {sig}}
	assert.ErrorIs(t, snap.VerifyCallback(xenditVerifier(t), "POST", "/cb", h, body), snap.ErrSignature)
}

func TestCallbackHandlerRefusesBadRequests(t *testing.T) {
	t.Parallel()
	h, err := snap.NewCallbackHandler(xenditVerifier(t), func(context.Context, *snap.Callback) error { return nil })
	require.NoError(t, err)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/cb", nil))
	assert.Equal(t, http.StatusMethodNotAllowed, w.Code)
	w = httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodPost, "/cb", bytes.NewReader(make([]byte, xendit.DefaultWebhookMaxBody+1))))
	assert.Equal(t, http.StatusRequestEntityTooLarge, w.Code)
	_, err = snap.NewCallbackHandler(nil, nil)
	assert.Error(t, err, "fails closed without Xendit's key")
}
