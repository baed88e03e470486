package xendittest

// This file and dedupestore.go are the only ones that use the SDK: they
// hand out a client for the fake and check a DedupeStore. The fake's
// handling code does not import it (TestHandlingCodeDoesNotUseTheSDK).

import (
	"net/http"

	"github.com/seed19b1029f/xendit-go"
)

// offlineURL is the base URL of a client that calls a server with no
// listener; nothing resolves it, the in-memory transport answers.
const offlineURL = "https://xendittest.invalid"

// Client returns a client for the server and its first accepted key, with
// the given options added: at URL when the server listens, else through
// [Server.Transport].
func (s *Server) Client(opts ...xendit.Option) (*xendit.Client, error) {
	base := []xendit.Option{xendit.WithBaseURL(s.URL)}
	if s.hs == nil {
		base = []xendit.Option{xendit.WithBaseURL(offlineURL), xendit.WithHTTPClient(&http.Client{Transport: s.transport})}
	}
	return xendit.New(s.keys[0], append(base, opts...)...)
}
