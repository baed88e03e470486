package snap_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/jsontest"
	"github.com/seed19b1029f/xendit-go/internal/webhooktest"
	"github.com/seed19b1029f/xendit-go/snap"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// callbackSigner signs callbacks as Xendit would, with a key whose public
// half is the returned verifier's.
func callbackSigner(t testing.TB) (*snap.RSASigner, *snap.Verifier) {
	t.Helper()
	key, err := snap.ParseRSAPrivateKey([]byte(xendittest.SNAPMerchantPrivateKeyPEM))
	require.NoError(t, err)
	signer, err := snap.NewRSASigner(key)
	require.NoError(t, err)
	v, err := snap.NewVerifier(&key.PublicKey)
	require.NoError(t, err)
	return signer, v
}

// signedCallback is a POST of body to path, signed at ts.
func signedCallback(t testing.TB, signer *snap.RSASigner, path string, body []byte, ts time.Time) *http.Request {
	t.Helper()
	r, err := trySignedCallback(signer, path, body, ts)
	require.NoError(t, err)
	return r
}

// trySignedCallback is signedCallback for a body that may not be JSON,
// which cannot be signed.
func trySignedCallback(signer *snap.RSASigner, path string, body []byte, ts time.Time) (*http.Request, error) {
	stamp := ts.In(snap.WIB).Format(snap.TimestampLayout)
	sig, err := signer.Sign(context.Background(), snap.SigningInput{Method: http.MethodPost, Path: path, Body: body, Timestamp: stamp})
	r := httptest.NewRequest(http.MethodPost, path, bytes.NewReader(body))
	r.Header.Set(snap.HeaderTimestamp, stamp)
	r.Header.Set(snap.HeaderSignature, sig)
	return r, err
}

func serve(h http.Handler, r *http.Request) int {
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w.Code
}

// qrCallback is the reference's QR payment callback with its payment id
// replaced, so that each is a new event.
func qrCallback(t testing.TB, id string) []byte {
	t.Helper()
	body := jsontest.Load(t, "snap.qr_payment_callback.webhook.json")
	var cb snap.Callback
	require.NoError(t, cb.UnmarshalJSON(body))
	require.NotNil(t, cb.Payment)
	cb.Payment.AdditionalInfo.ID = id
	out, err := cb.MarshalJSON()
	require.NoError(t, err)
	return out
}

func TestCallbackTimestampFreshness(t *testing.T) {
	t.Parallel()
	signer, v := callbackSigner(t)
	var runs atomic.Int32
	fn := func(context.Context, *snap.Callback) error { runs.Add(1); return nil }
	h, err := snap.NewCallbackHandler(v, fn)
	require.NoError(t, err)
	now := time.Now()
	cases := []struct {
		name string
		at   time.Time
		want int
	}{
		{"now", now, 200},
		{"four minutes old", now.Add(-4 * time.Minute), 200},
		{"six minutes old: a replay", now.Add(-6 * time.Minute), 401},
		{"six minutes ahead", now.Add(6 * time.Minute), 401},
		{"a day old", now.Add(-24 * time.Hour), 401},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := runs.Load()
			r := signedCallback(t, signer, "/cb", qrCallback(t, fmt.Sprint("qr-", i)), c.at)
			assert.Equal(t, c.want, serve(h, r))
			assert.Equal(t, c.want == 200, runs.Load() > before, "processed")
		})
	}

	t.Run("the error says stale", func(t *testing.T) {
		r := signedCallback(t, signer, "/cb", qrCallback(t, "qr-old"), now.Add(-time.Hour))
		body, err := io.ReadAll(r.Body)
		require.NoError(t, err)
		status, err := h.Handle(context.Background(), "/cb", r.Header, body)
		assert.Equal(t, 401, status)
		assert.ErrorIs(t, err, snap.ErrStaleCallback)
	})

	t.Run("a restart forgets processed events; the timestamp still refuses the replay", func(t *testing.T) {
		captured := signedCallback(t, signer, "/cb", qrCallback(t, "qr-captured"), now.Add(-10*time.Minute))
		restarted, err := snap.NewCallbackHandler(v, fn)
		require.NoError(t, err)
		assert.Equal(t, 401, serve(restarted, captured))
	})

	t.Run("a wider tolerance", func(t *testing.T) {
		wide, err := snap.NewCallbackHandler(v, fn, snap.WithTimestampTolerance(10*time.Minute))
		require.NoError(t, err)
		assert.Equal(t, 200, serve(wide, signedCallback(t, signer, "/cb", qrCallback(t, "qr-wide"), now.Add(-6*time.Minute))))
		for _, bad := range []time.Duration{0, -time.Minute, 25 * time.Hour} {
			_, err := snap.NewCallbackHandler(v, fn, snap.WithTimestampTolerance(bad))
			assert.Error(t, err, "tolerance %v", bad)
		}
	})
}

// TestCallbackHandlerIsTheRootPipeline: SNAP callbacks get the root
// handler's guarantees, not a copy of them: 409 while in progress, a
// release on panic, a logger, a store timeout.
func TestCallbackHandlerIsTheRootPipeline(t *testing.T) {
	t.Parallel()
	signer, v := callbackSigner(t)
	started, finish := make(chan struct{}), make(chan struct{})
	var runs atomic.Int32
	var logs webhooktest.Buffer
	h, err := snap.NewCallbackHandler(v, func(_ context.Context, cb *snap.Callback) error {
		switch runs.Add(1) {
		case 1:
			close(started)
			<-finish
			return nil
		case 2:
			panic("handler bug")
		}
		return nil
	}, snap.WithHandlerOptions(xendit.WithWebhookLogger(slog.New(slog.NewTextHandler(&logs, nil))), xendit.WithWebhookTimeout(time.Second)))
	require.NoError(t, err)

	body := qrCallback(t, "qr-pipeline")
	first := make(chan int, 1)
	go func() { first <- serve(h, signedCallback(t, signer, "/cb", body, time.Now())) }()
	<-started
	assert.Equal(t, http.StatusConflict, serve(h, signedCallback(t, signer, "/cb", body, time.Now())), "a copy while the first runs")
	close(finish)
	assert.Equal(t, 200, <-first)
	assert.Equal(t, 200, serve(h, signedCallback(t, signer, "/cb", body, time.Now())), "a duplicate")
	assert.EqualValues(t, 1, runs.Load())

	other := qrCallback(t, "qr-panics")
	assert.Panics(t, func() { serve(h, signedCallback(t, signer, "/cb", other, time.Now())) })
	assert.Equal(t, 200, serve(h, signedCallback(t, signer, "/cb", other, time.Now())), "the retry after a panic runs")
	assert.EqualValues(t, 3, runs.Load())
	assert.Contains(t, logs.String(), "being processed by another delivery", "the root handler's logger")

	notSNAP := []byte(`{"payload":{}}`)
	assert.Equal(t, 400, serve(h, signedCallback(t, signer, "/cb", notSNAP, time.Now())), "no type: not a SNAP callback")
}

func smallStore(t testing.TB) xendit.DedupeStore {
	s, err := xendit.NewMemoryDedupeStore(16)
	require.NoError(t, err)
	return s
}

// FuzzSNAPCallbackHandler sends arbitrary bodies, signed at arbitrary
// times and sometimes tampered with, through a CallbackHandler twice, as a
// delivery and its retry. It must answer only the documented statuses,
// never run the function for a tampered or stale callback, and never run
// it twice for a delivery it acknowledged.
//
//	go test -run='^$' -fuzz=FuzzSNAPCallbackHandler -fuzztime=60s ./snap
//
// Seeds are the reference's three callbacks and the corpus in
// testdata/fuzz/FuzzSNAPCallbackHandler.
func FuzzSNAPCallbackHandler(f *testing.F) {
	for _, name := range []string{"snap.va_payment_callback.webhook.json", "snap.qr_payment_callback.webhook.json",
		"snap.direct_debit_callback.webhook.json"} {
		f.Add(jsontest.Load(f, name), int64(0), false, false)
	}
	f.Add([]byte(`{"type":"snap_qr.payment","payload":null}`), int64(0), false, false)
	f.Add([]byte(`{"type":"other","payload":{"x":1}}`), int64(-400), false, false)
	f.Add([]byte(`{"type":"snap_qr.payment","payload":{}}`), int64(0), true, false)
	f.Add([]byte(`[]`), int64(0), false, true)

	signer, v := callbackSigner(f)
	allowed := []int{200, 400, 401, 413, 500}
	const maxBody = 4096
	f.Fuzz(func(t *testing.T, body []byte, offsetSeconds int64, tamper, fail bool) {
		offset := time.Duration(offsetSeconds%(48*3600)) * time.Second
		var runs int
		h, err := snap.NewCallbackHandler(v, func(_ context.Context, cb *snap.Callback) error {
			runs++
			if cb.Type == "" {
				t.Error("ran the function for a callback without a type")
			}
			if fail {
				return fmt.Errorf("fail")
			}
			return nil
		}, snap.WithHandlerOptions(xendit.WithMaxBodyBytes(maxBody), xendit.WithDedupeStore(smallStore(t))))
		require.NoError(t, err)
		// One signature for both deliveries: RSA signing is what the
		// fuzzer would spend its time on.
		signed, err := trySignedCallback(signer, "/cb", body, time.Now().Add(offset))
		if err != nil {
			tamper = true // not JSON, which cannot be signed: sent with a bad signature
		}
		if tamper {
			signed.Header.Set(snap.HeaderSignature, rand.Text())
		}
		deliver := func() int {
			r := httptest.NewRequest(http.MethodPost, "/cb", bytes.NewReader(body))
			r.Header = signed.Header.Clone()
			code := serve(h, r)
			if !slices.Contains(allowed, code) {
				t.Fatalf("status %d is not one of %v", code, allowed)
			}
			return code
		}
		first := deliver()
		margin := snap.DefaultTimestampTolerance + time.Minute
		stale := offset > margin || offset < -margin
		if (tamper || stale) && runs > 0 {
			t.Fatalf("ran the function for a tampered (%v) or stale (%v) callback", tamper, offset)
		}
		second := deliver()
		if second != first {
			t.Fatalf("the same delivery answered %d, then %d", first, second)
		}
		if want := map[int]int{200: 1, 500: 2}[first]; runs != want {
			t.Fatalf("after %d then %d: %d runs, want %d", first, second, runs, want)
		}
	})
}
