// Package xendittest is a fake Xendit for tests, examples and local
// development: an http.Handler that keeps state, checks requests the way
// Xendit documents them, and sends callbacks.
//
// # Calling it
//
// [New] makes a server with no listener: call it in memory through
// [Server.Transport] (no socket, so tests run under testing/synctest), or
// mount it in your own http.Server (it is an http.Handler). [NewServer]
// also listens on loopback at [Server.URL]. [Server.Client] hands out an
// SDK client wired to either.
//
//	srv := xendittest.New()
//	defer srv.Close()
//	hc := &http.Client{Transport: srv.Transport()} // any client, any SDK
//
// # What it checks
//
// It does not share the SDK's endpoint table, types or validation, so that
// it can catch the SDK's mistakes: Basic Auth with a known secret key (401
// INVALID_API_KEY), the headers each endpoint documents spelled as
// documented (X-IDEMPOTENCY-KEY is not IDEMPOTENCY-KEY, x-api-version is
// not API-Version), required fields (400 API_VALIDATION_ERROR), SNAP's
// headers and X-SIGNATURE computed per the BI SNAP standard (a 7-digit
// responseCode on failure), and idempotency keys (same key and body: the
// same response; another body: 409).
//
// # Merchants and callbacks
//
// Each secret key ([WithSecretKeys]) is a merchant, and so is each
// for-user-id of a xenPlatform sub-account: an object belongs to the
// account that made it. [Server.SetCallbacks] says where an account's
// callbacks go (one URL, or one per product, and its x-callback-token);
// SNAP callbacks are signed instead, with the key whose public half is
// [SNAPXenditPublicKeyPEM]. Every callback carries a webhook-id; a
// receiver that does not answer 2xx gets it again on
// [XenditRedeliverySchedule], compressed (a minute becomes 100µs). Test
// hooks that play the customer ([Server.CompleteEWalletCharge],
// [Server.PaySNAPVA], ...) return once their callback is delivered;
// [Server.WaitDeliveries] waits for the ones the server sends on its own,
// and [Server.Deliveries] lists them.
//
// # Time
//
// The server has one clock: object timestamps, rate-limit windows, report
// delays and redeliveries follow it. By default it is time.Now and real
// timers, so inside a testing/synctest bubble it is the bubble's clock;
// [WithClock] gives it yours, and then [Server.Advance] moves it.
//
// # Faults and limits
//
// [WithRateLimit] sends Rate-Limit-* headers and real 429s past a limit;
// [Server.InjectFault] makes the next matching requests fail (a status, a
// dropped connection, a delay) before authentication, as a proxy or an
// overloaded Xendit would. [Server.Requests] lists what the server
// received.
//
// [NewWebhook] builds a single webhook the way Xendit sends one, to test a
// handler without a server.
package xendittest
