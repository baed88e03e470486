package fake

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// Timeout names the case in which no answer comes and the client gives up
// after [Patience]; [EachFault] and [EachLoss] run it inside a
// testing/synctest bubble.
const Timeout = "timeout"

// Patience is how long a client in a [Timeout] case waits for an answer,
// on the bubble's clock.
const Patience = time.Second

// EachFault runs test once per fault in faults and once more for
// [Timeout] (a fault that holds the request an hour), each in a parallel
// subtest named after it, with a fake and a client of it that retries by
// policy. test sets the fault's Method and Path (and Times) and injects
// it. See [Each] for how the timeout case is kept off the real clock.
func EachFault(t *testing.T, faults map[string]xendittest.Fault, policy xendit.RetryPolicy,
	test func(t *testing.T, srv *xendittest.Server, c *xendit.Client, fault xendittest.Fault)) {
	t.Helper()
	names := make([]string, 0, len(faults)+1)
	for name := range faults {
		names = append(names, name)
	}
	Each(t, append(names, Timeout), func(t *testing.T, name string, srv *xendittest.Server) {
		opts := []xendit.Option{xendit.WithRetryPolicy(policy)}
		fault := faults[name]
		if name == Timeout {
			opts = append(opts, xendit.WithTimeout(Patience))
			fault = xendittest.Fault{Delay: time.Hour}
		}
		c, err := srv.Client(opts...)
		require.NoError(t, err)
		test(t, srv, c, fault)
	})
}

// EachLoss runs test once per loss in losses ([Losses], or those a test
// is about), each in a parallel subtest named after it, with a fake and a
// client of it, retrying by policy, whose first answer to method and path
// is lost ([LosingClient]). See [Each] for how [LossTimeout] is kept off
// the real clock.
func EachLoss(t *testing.T, losses []Loss, method, path string, policy xendit.RetryPolicy,
	test func(t *testing.T, srv *xendittest.Server, c *xendit.Client, loss Loss)) {
	t.Helper()
	names := make([]string, len(losses))
	for i, loss := range losses {
		names[i] = string(loss)
	}
	Each(t, names, func(t *testing.T, name string, srv *xendittest.Server) {
		test(t, srv, LosingClient(t, srv, method, path, Loss(name), policy), Loss(name))
	})
}

// Each runs test in a parallel subtest per name, on a fake closed with it.
//
// The [Timeout] case runs inside a testing/synctest bubble on a fake that
// listens nowhere (its client calls it in memory). There a client's
// timeout passes on the bubble's clock, which moves only when every
// goroutine in the bubble waits: the client gives up only once its request
// has reached the fake and the fake holds it, so the test sees exactly one
// request, every time. With a real timer the request races the timer, and
// on a loaded machine the timer fires before anything is sent.
//
// The other cases run on a fake listening on loopback, so that their
// faults (a status, a dropped connection) go through real connections.
func Each(t *testing.T, names []string, test func(t *testing.T, name string, srv *xendittest.Server)) {
	t.Helper()
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if name != Timeout {
				srv := xendittest.NewServer()
				t.Cleanup(srv.Close)
				test(t, name, srv)
				return
			}
			synctest.Test(t, func(t *testing.T) {
				srv := xendittest.New()
				t.Cleanup(srv.Close) // inside the bubble, before it ends
				test(t, name, srv)
			})
		})
	}
}
