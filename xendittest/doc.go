// Package xendittest is a fake Xendit for tests, examples and local
// development: an http.Handler that keeps state, checks every request
// against the API reference, and sends callbacks the way Xendit does.
//
// # Calling it
//
// [New] makes a server that listens nowhere: call it in memory through
// [Server.Transport] (no socket, so a test can run inside a
// testing/synctest bubble), or mount it in your own http.Server, as the
// standalone command does. [NewServer] also listens on loopback at
// [Server.URL]. [Server.Client] hands out an SDK client wired to either.
//
//	srv := xendittest.New()
//	defer srv.Close()
//	hc := &http.Client{Transport: srv.Transport()} // any HTTP client, any SDK
//
// # What it checks
//
// It shares nothing with the SDK it tests: no endpoint table, no types, no
// validation (a test keeps its handling code from importing them). Routes,
// headers, required fields and default answers come from the reference
// data (internal/reference), so when the SDK is wrong the fake says so:
//
//   - Basic Auth with a known secret key, else 401 INVALID_API_KEY;
//   - the headers an endpoint requires, and only the idempotency and
//     version header it documents, spelled as documented: IDEMPOTENCY-KEY
//     sent where X-IDEMPOTENCY-KEY is documented, or API-Version where
//     x-api-version is, is a 400 API_VALIDATION_ERROR (Xendit would ignore
//     the header, and the caller would think it had sent it);
//   - documented version values, required query parameters, required body
//     fields (with the channel_properties of the chosen channel) and enums:
//     400 API_VALIDATION_ERROR, or for SNAP the 7-digit responseCode
//     (400xx02 missing, 400xx01 invalid, xx the endpoint's service code);
//   - SNAP's X-SIGNATURE, computed by the fake itself per the BI SNAP
//     standard (SHA256withRSA with [SNAPMerchantPrivateKeyPEM]'s public
//     half, or HMAC-SHA512 after [Server.SetSNAPClientSecret]): 401xx00;
//   - idempotency: the same key and body replay the first answer, the same
//     key with another body is 409.
//
// Where the reference contradicts itself (a field marked required that its
// own example leaves out, or that has a default), the fake does not refuse;
// exceptions.go lists each such field with the reference's words.
//
// Endpoints with state changes have hand-written models: invoices,
// eWallets, payment methods (v2), virtual accounts, QR codes, retail
// outlets, direct debit, cards, PayLater, subscriptions, payouts, payout
// links, disbursements, remittance, xenPlatform, SNAP, reports, files,
// customers, transactions and balance. Every other endpoint of the reference answers from its
// examples: a create returns the example with the request's fields and a
// fresh id, and a get or update finds what was created.
//
// # Merchants and callbacks
//
// Each secret key ([WithSecretKeys]) is a merchant, and so is each
// for-user-id of a xenPlatform sub-account: an object belongs to the
// account that made it, and only that account sees it. [Server.SetCallbacks]
// says where an account's callbacks go (one URL, or one per product) and
// with which x-callback-token; SNAP callbacks are signed instead, with the
// key whose public half is [SNAPXenditPublicKeyPEM]. Every callback carries a
// webhook-id; a receiver that does not answer 2xx gets the same webhook-id
// and body again on [XenditRedeliverySchedule], compressed by default (a
// minute becomes 100µs; [WithRedeliverySchedule] changes it).
//
// # Money
//
// A payment that settles (an invoice paid, an eWallet charge or PayLater
// charge SUCCEEDED, a virtual account, QR code or retail code paid, a
// direct debit COMPLETED, a card charge CAPTURED, a subscription cycle
// SUCCEEDED) credits the CASH balance of the account it was made for, and
// is that account's PAYMENT transaction (GET /transactions), with the
// reference's channel_category: the for-user-id's sub-account, not the
// platform. The split rule its create named (with-split-rule, where the
// reference documents it) then moves each route's part on, as TRANSFER
// transactions of both accounts. [Server.SetBalance] and
// [Server.AddTransactions] set the rest. The balance is credited before
// the payment's callback goes out.
//
// Test hooks that play the customer or Xendit ([Server.CompleteEWalletCharge],
// [Server.PaySNAPVA], [Server.FinishReport], ...) return once their callback
// is delivered or given up. [Server.WaitDeliveries] waits for the callbacks
// the server sends on its own (after a void, a refund, a report's delay),
// per merchant; [Server.Deliveries] lists them with each attempt's status.
//
// # Time
//
// The server has one clock: the times it stamps, rate-limit windows, report
// delays and redeliveries all follow it. By default it is time.Now and real
// timers, which inside a testing/synctest bubble are the bubble's fake
// ones, so Xendit's real 24-hour redelivery schedule runs in an instant.
// [WithClock] gives it your clock; then timers fire only when
// [Server.Advance] moves past them.
//
// # Faults and limits
//
// [WithRateLimit] sends Rate-Limit-* headers and real 429s past a limit per
// key and endpoint. [Server.InjectFault] makes the next matching requests
// fail before authentication, as a proxy or an overloaded Xendit would: a
// status, a dropped connection, or a delay that gives way to the caller's
// deadline. [Server.Requests] lists what the server received.
//
// [NewWebhook] builds a single webhook the way Xendit sends one, to test a
// handler without a server; [TestDedupeStore] checks a custom dedupe store.
package xendittest
