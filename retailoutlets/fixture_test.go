package retailoutlets_test

import (
	"testing"

	"github.com/seed19b1029f/xendit-go/internal/fake"
	"github.com/seed19b1029f/xendit-go/retailoutlets"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

type fixture struct {
	srv       *xendittest.Server
	ro        *retailoutlets.Client
	callbacks <-chan fake.Delivery[retailoutlets.Callback]
}

// newFixture starts a fake Xendit that delivers its callbacks, through the
// root package's webhook handler, to a receiver the fixture reads.
func newFixture(t *testing.T) *fixture {
	t.Helper()
	srv, c := fake.Server(t, fake.FastRetries)
	return &fixture{srv: srv, ro: retailoutlets.New(c), callbacks: fake.Callbacks[retailoutlets.Callback](t, srv)}
}

func (f *fixture) next(t *testing.T) *retailoutlets.Callback {
	t.Helper()
	return fake.Next(t, f.callbacks).Payload
}
