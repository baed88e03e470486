package fake

import (
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// Loss is how the answer to a request Xendit has already processed gets
// lost on the way back.
type Loss int

// The losses of [LosingProxy].
const (
	// LossDrop closes the connection instead of answering.
	LossDrop Loss = iota
	// LossBadGateway answers 502, as a proxy whose upstream answered late.
	LossBadGateway
	// LossTimeout holds the answer until the client gives up.
	LossTimeout
)

// AnswerLost names the losses for table tests. Unlike [AmbiguousFaults],
// which strike before the fake processes a request, these strike after it
// did: the object exists, and only the answer is gone.
func AnswerLost() map[string]Loss {
	return map[string]Loss{"dropped connection": LossDrop, "502": LossBadGateway, "timeout": LossTimeout}
}

// lossTimeout is the client's wait for headers behind a LossTimeout proxy.
const lossTimeout = 100 * time.Millisecond

// LosingProxy starts a real server, closed with the test, in front of srv,
// and returns a client for it retrying by policy. The first n requests with
// method and path are processed by srv and their answer is lost by loss;
// the others pass through.
func LosingProxy(t testing.TB, srv *xendittest.Server, policy xendit.RetryPolicy, method, path string, loss Loss, n int) *xendit.Client {
	t.Helper()
	var mu sync.Mutex
	left := n
	front := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		lose := r.Method == method && r.URL.Path == path && left > 0
		if lose {
			left--
		}
		mu.Unlock()
		if !lose {
			srv.ServeHTTP(w, r)
			return
		}
		srv.ServeHTTP(httptest.NewRecorder(), r) // processed; the answer goes nowhere
		switch loss {
		case LossDrop:
			if conn, _, err := w.(http.Hijacker).Hijack(); err == nil {
				conn.Close()
			}
		case LossBadGateway:
			xendittest.WriteError(w, http.StatusBadGateway, "SERVER_ERROR", "Bad Gateway")
		case LossTimeout:
			<-r.Context().Done()
		}
	}))
	t.Cleanup(front.Close)
	c, err := xendit.New(xendittest.SecretKey, xendit.WithBaseURL(front.URL), xendit.WithRetryPolicy(policy),
		xendit.WithTimeout(lossTimeout))
	require.NoError(t, err)
	return c
}
