package xendit_test

import (
	"context"
	"encoding/base64"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/balance"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// TestClientsWithDifferentKeysKeepTheirOwnCredentials runs two clients from
// 64 goroutines at once (run it with -race): every request must carry the key
// of the client that sent it, and each account sees its own balance.
func TestClientsWithDifferentKeysKeepTheirOwnCredentials(t *testing.T) {
	const keyA, keyB = "xnd_development_merchant_a", "xnd_development_merchant_b"
	srv := xendittest.NewServer(xendittest.WithSecretKeys(keyA, keyB))
	defer srv.Close()
	srv.SetBalance(xendittest.Account{Currency: "IDR", ForUserID: "a"}, 100)
	srv.SetBalance(xendittest.Account{Currency: "IDR", ForUserID: "b"}, 200)

	clientA, err := xendit.New(keyA, xendit.WithBaseURL(srv.URL), xendit.WithDefaults(xendit.ForUserID("a")))
	require.NoError(t, err)
	clientB, err := xendit.New(keyB, xendit.WithBaseURL(srv.URL), xendit.WithDefaults(xendit.ForUserID("b")))
	require.NoError(t, err)

	const goroutines, calls = 64, 8
	var wg sync.WaitGroup
	errs := make(chan error, goroutines*calls)
	wrong := make(chan float64, goroutines*calls)
	for g := range goroutines {
		c, want := clientA, 100.0
		if g%2 == 1 {
			c, want = clientB, 200.0
		}
		wg.Go(func() {
			for range calls {
				b, err := balance.New(c).Get(context.Background(), &balance.GetParams{Currency: xendit.Ptr(xendit.CurrencyIDR)})
				if err != nil {
					errs <- err
					continue
				}
				if b.Balance != want {
					wrong <- b.Balance
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	close(wrong)
	for err := range errs {
		t.Error(err)
	}
	assert.Empty(t, wrong, "a client read another account's balance")

	reqs := srv.Requests()
	require.Len(t, reqs, goroutines*calls)
	keyFor := map[string]string{"a": keyA, "b": keyB}
	for _, r := range reqs {
		raw, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(r.Header.Get("Authorization"), "Basic "))
		require.NoError(t, err)
		assert.Equal(t, keyFor[r.Header.Get("for-user-id")]+":", string(raw))
	}
}
