package fake

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/memtransport"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// Loss is how the answer to a request the fake has processed is lost on
// its way back: what makes a create's outcome unknown to the caller while
// the object exists.
type Loss string

// The losses a create must survive without a second object.
const (
	LossDropped Loss = "dropped connection" // the connection closes, no answer
	LossTimeout Loss = Timeout              // no answer until the client gives up
	Loss500     Loss = "500"                // a gateway answers 500
	Loss502     Loss = "502"                // a gateway answers 502
)

// Losses are every [Loss], for a table test.
var Losses = []Loss{LossDropped, LossTimeout, Loss500, Loss502}

// LoseFirstAnswer starts a proxy in front of srv, closed with the test, and
// returns its URL. The proxy passes every request to srv and its answer
// back, except the first answer to method and path, which srv has
// processed (its objects and idempotency keys are stored) and which the
// proxy loses as loss says. For LossTimeout use [LosingClient] inside
// [EachLoss], whose client gives up on the bubble's clock.
func LoseFirstAnswer(t testing.TB, srv *xendittest.Server, method, path string, loss Loss) string {
	t.Helper()
	front := httptest.NewServer(loser(srv, method, path, loss))
	t.Cleanup(front.Close)
	return front.URL
}

// LosingClient returns a client of srv, retrying by policy, whose first
// answer to method and path is lost as loss says ([LoseFirstAnswer]): it
// reaches srv through a proxy on loopback when srv listens, else in memory.
// For LossTimeout, srv must not listen and the test must run inside a
// testing/synctest bubble, as [EachLoss] does: the client gives up after
// [Patience] on the bubble's clock, once the request has surely arrived.
func LosingClient(t testing.TB, srv *xendittest.Server, method, path string, loss Loss, policy xendit.RetryPolicy) *xendit.Client {
	t.Helper()
	opts := []xendit.Option{xendit.WithRetryPolicy(policy)}
	if srv.URL != "" {
		if loss == LossTimeout {
			t.Fatal("fake: a timeout against a listening fake races the request on the real clock; use EachLoss")
		}
		opts = append(opts, xendit.WithBaseURL(LoseFirstAnswer(t, srv, method, path, loss)))
	} else {
		opts = append(opts, xendit.WithBaseURL("https://lossy.invalid"),
			xendit.WithHTTPClient(memtransport.New(loser(srv, method, path, loss)).Client()))
	}
	if loss == LossTimeout {
		opts = append(opts, xendit.WithTimeout(Patience))
	}
	c, err := xendit.New(xendittest.SecretKey, opts...)
	require.NoError(t, err)
	return c
}

// loser is the proxy of [LoseFirstAnswer]. It calls srv in memory
// whether or not srv listens: the leg under test is the client's.
func loser(srv *xendittest.Server, method, path string, loss Loss) http.Handler {
	var lost atomic.Bool
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			return
		}
		// The fake finishes what it started even if the client leaves.
		req, err := http.NewRequestWithContext(context.WithoutCancel(r.Context()), r.Method, "https://fake.invalid"+r.URL.RequestURI(), bytes.NewReader(body))
		if err != nil {
			panic(http.ErrAbortHandler)
		}
		req.Header = r.Header.Clone()
		resp, err := srv.Transport().RoundTrip(req)
		if err != nil {
			panic(http.ErrAbortHandler)
		}
		answer, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if r.Method == method && r.URL.Path == path && lost.CompareAndSwap(false, true) {
			lose(w, r, loss)
			return
		}
		for k, vs := range resp.Header {
			w.Header()[k] = vs
		}
		w.WriteHeader(resp.StatusCode)
		_, _ = w.Write(answer)
	})
}

func lose(w http.ResponseWriter, r *http.Request, loss Loss) {
	switch loss {
	case LossDropped:
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				conn.Close()
				return
			}
		}
		panic(http.ErrAbortHandler) // in memory: how memtransport drops
	case LossTimeout:
		<-r.Context().Done() // the client gave up
	case Loss500:
		xendittest.WriteError(w, http.StatusInternalServerError, "SERVER_ERROR", "upstream error")
	case Loss502:
		xendittest.WriteError(w, http.StatusBadGateway, "SERVER_ERROR", "bad gateway")
	default:
		panic("fake: unknown loss " + string(loss))
	}
}
