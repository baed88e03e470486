package main

// Every use of package xendittest is in this file: the rest of the command
// speaks only HTTP and the reference's payloads.

import (
	"errors"
	"net/http"
	"net/http/httputil"
	"net/url"
	"time"

	"github.com/seed19b1029f/xendit-go/xendittest"
)

// The fake's test credentials, printed at start so that a service in any
// language can be configured with them. They grant nothing anywhere else.
const (
	defaultSecretKey     = xendittest.SecretKey
	defaultCallbackToken = xendittest.CallbackToken
	snapPartnerID        = xendittest.SNAPPartnerID
	snapXenditPublicKey  = xendittest.SNAPXenditPublicKeyPEM
	snapXenditPrivateKey = xendittest.SNAPXenditPrivateKeyPEM
	snapMerchantKey      = xendittest.SNAPMerchantPrivateKeyPEM
)

// fakeConfig is what serve's flags ask of the fake.
type fakeConfig struct {
	keys []string
	// callbacks by secret key; the key "" applies to every key.
	callbacks        map[string]callbackTarget
	rateLimit        int
	rateWindow       time.Duration
	snapPublicKeyPEM []byte
	snapClientSecret string
}

// callbackTarget is where a merchant's callbacks go.
type callbackTarget struct {
	url, token string
}

// errPerKeyCallbacks is returned while the fake has one callback URL per
// server.
var errPerKeyCallbacks = errors.New("this build of the fake has one callback URL for all keys: give -callback-url without KEY=")

// newFake returns the fake as an http.Handler and a function that stops it.
func newFake(c fakeConfig) (http.Handler, func(), error) {
	var opts []xendittest.Option
	if len(c.keys) > 0 {
		opts = append(opts, xendittest.WithSecretKeys(c.keys...))
	}
	if c.rateLimit > 0 {
		opts = append(opts, xendittest.WithRateLimit(c.rateLimit, c.rateWindow))
	}
	srv := xendittest.NewServer(opts...)
	fail := func(err error) (http.Handler, func(), error) {
		srv.Close()
		return nil, nil, err
	}
	for key, cb := range c.callbacks {
		if key != "" {
			return fail(errPerKeyCallbacks)
		}
		srv.SetEWalletCallbackURL(cb.url, cb.token)
		srv.SetPayLaterCallbackURL(cb.url, cb.token)
		srv.SetReportCallbackURL(cb.url, cb.token)
		srv.SetSNAPCallbackURL(cb.url)
	}
	if c.snapPublicKeyPEM != nil {
		if err := srv.SetSNAPPublicKey(c.snapPublicKeyPEM); err != nil {
			return fail(err)
		}
	}
	if c.snapClientSecret != "" {
		if err := srv.SetSNAPClientSecret(c.snapClientSecret); err != nil {
			return fail(err)
		}
	}
	// This build of xendittest listens on its own loopback port; the
	// command's listener passes requests on to it.
	target, err := url.Parse(srv.URL)
	if err != nil {
		return fail(err)
	}
	proxy := &httputil.ReverseProxy{Rewrite: func(r *httputil.ProxyRequest) { r.SetURL(target) }}
	return proxy, func() { srv.WaitCallbacks(); srv.Close() }, nil
}
