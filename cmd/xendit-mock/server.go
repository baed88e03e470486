package main

// Every use of package xendittest is in this file: the rest of the command
// speaks only HTTP and the reference's payloads.

import (
	"context"
	"net/http"
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

// newFake returns the fake as an http.Handler and a function that stops
// it once the callbacks it is still sending have been delivered or given up
// (a few seconds at most).
func newFake(c fakeConfig) (http.Handler, func(), error) {
	var opts []xendittest.Option
	if len(c.keys) > 0 {
		opts = append(opts, xendittest.WithSecretKeys(c.keys...))
	}
	if c.rateLimit > 0 {
		opts = append(opts, xendittest.WithRateLimit(c.rateLimit, c.rateWindow))
	}
	srv := xendittest.New(opts...)
	if c.snapPublicKeyPEM != nil {
		if err := srv.SetSNAPPublicKey(c.snapPublicKeyPEM); err != nil {
			srv.Close()
			return nil, nil, err
		}
	}
	if c.snapClientSecret != "" {
		if err := srv.SetSNAPClientSecret(c.snapClientSecret); err != nil {
			srv.Close()
			return nil, nil, err
		}
	}
	// Each key is a merchant with callbacks of its own; "" stands for those
	// not named.
	for _, key := range c.keys {
		cb, ok := c.callbacks[key]
		if !ok {
			cb, ok = c.callbacks[""]
		}
		if ok {
			srv.SetCallbacks(key, xendittest.Callbacks{URL: cb.url, Token: cb.token})
		}
	}
	stop := func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		for _, key := range c.keys {
			_ = srv.WaitDeliveries(ctx, key)
		}
		srv.Close()
	}
	return srv, stop, nil
}
