package fake

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// Loss is how the answer to a request the fake has processed is lost on
// its way back: what makes a create's outcome unknown to the caller while
// the object exists.
type Loss string

// The losses a create must survive without a second object.
const (
	LossDropped Loss = "dropped connection" // the connection closes, no answer
	LossTimeout Loss = "timeout"            // no answer until the client gives up
	Loss500     Loss = "500"                // a gateway answers 500
	Loss502     Loss = "502"                // a gateway answers 502
)

// Losses are every [Loss], for a table test.
var Losses = []Loss{LossDropped, LossTimeout, Loss500, Loss502}

// LoseFirstAnswer starts a proxy in front of srv, closed with the test, and
// returns its URL. The proxy forwards every request to srv and passes the
// answer back, except the first answer to method and path, which srv has
// processed (its objects and idempotency keys are stored) and which the
// proxy loses as loss says. For LossTimeout the client needs a timeout
// (xendit.WithTimeout) or a context deadline.
func LoseFirstAnswer(t testing.TB, srv *xendittest.Server, method, path string, loss Loss) string {
	t.Helper()
	var lost atomic.Bool
	front := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			return
		}
		// The fake finishes what it started even if the client leaves.
		req, err := http.NewRequestWithContext(context.WithoutCancel(r.Context()), r.Method, srv.URL+r.URL.RequestURI(), bytes.NewReader(body))
		if err != nil {
			panic(http.ErrAbortHandler)
		}
		req.Header = r.Header.Clone()
		resp, err := http.DefaultTransport.RoundTrip(req)
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
	}))
	t.Cleanup(front.Close)
	return front.URL
}

// LosingClient returns a client of srv, retrying by policy, whose first
// answer to method and path is lost as loss says ([LoseFirstAnswer]). Its
// timeout only bounds the wait for an answer lost by LossTimeout.
func LosingClient(t testing.TB, srv *xendittest.Server, method, path string, loss Loss, policy xendit.RetryPolicy) *xendit.Client {
	t.Helper()
	c, err := xendit.New(xendittest.SecretKey, xendit.WithBaseURL(LoseFirstAnswer(t, srv, method, path, loss)),
		xendit.WithRetryPolicy(policy), xendit.WithTimeout(200*time.Millisecond))
	require.NoError(t, err)
	return c
}

func lose(w http.ResponseWriter, r *http.Request, loss Loss) {
	switch loss {
	case LossDropped:
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
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
