// Package cards takes credit and debit card payments (Visa, Mastercard, JCB,
// and AMEX with your own BCA account): charges, authorizations and their
// captures and reversals, refunds, charge options (installments and
// promotions for a card), and promotions. API reference:
// https://developers.xendit.co/api-reference/#credit-cards
//
// # Card data stays in the browser
//
// Tokenization and 3DS authentication happen in the customer's browser (or
// app) with Xendit.js and your public key: Xendit.card.createToken turns the
// card number and CVN into a token id and, with bundled authentication, an
// authentication id; Xendit.card.createAuthentication authenticates a saved
// multiple-use token. No server endpoint exists for them and this package
// has none: your page posts the token id and authentication id to your
// server (the [Tokenization] and [Authentication] types decode what
// Xendit.js returns), and the server charges with the secret key. The card
// number and CVN never reach your server, which keeps it out of most of
// PCI DSS.
//
// The ids you pass are treated as secrets anyway: errors returned by this
// package are scrubbed of token and authentication ids, of metadata and
// billing values, and of anything shaped like a card number, in case a
// server message echoes the request.
//
// # Charge, or authorize then capture
//
// CreateCharge charges at once: the charge comes back CAPTURED, or FAILED
// with a [FailureReason] (a declined card is a 2xx answer, not an error).
// CreateAuthorization (capture: false) only holds the funds: the charge is
// AUTHORIZED, and within 7 days you CaptureCharge all or part of it, once,
// or ReverseAuthorization to release it; after that the authorization
// expires (AUTHORIZATION_EXPIRED). CreateZeroAmountAuthorization
// (amount: 0, always sent) checks a card without holding anything, to save
// a multiple-use token. See Example_authorizeThenCapture.
//
// # Refunds are idempotent
//
// CreateRefund refunds a captured charge, in several parts if you like, up
// to the captured amount. The SDK pins x-api-version 2019-05-01, which the
// endpoint requires and which makes the refund synchronous, and sends
// X-IDEMPOTENCY-KEY: generated once per call unless you give one with
// [xendit.WithIdempotencyKey], the same on every retry, never replaced. So
// a refund retried after a 503 or a dropped connection happens once. The
// same key with a different body is [xendit.ErrIdempotencyConflict]. See
// Example_chargeThenRefund.
//
// # Charges are not idempotent: reconcile by external_id
//
// Create Charge, Capture Charge and Reverse Authorization document no
// idempotency header, so the SDK retries them only when the request surely
// was not processed (a 429, or a connection that could not be opened) and
// never after a 5xx, a timeout or a connection dropped after sending:
// repeating could charge the card twice. Such an error makes
// [xendit.OutcomeUnknown] true. Then:
//
//  1. Store the order with a fresh external_id (up to 64 characters) before
//     calling CreateCharge, one per attempt ("order-1234-attempt-1").
//  2. On an unknown outcome, call GetChargeByExternalID. A charge means the
//     attempt happened: use it (CAPTURED, AUTHORIZED) or act on its
//     FailureReason. CREDIT_CARD_CHARGE_NOT_FOUND_ERROR ([xendit.ErrNotFound])
//     means it did not: charge again with a new external_id. If the lookup
//     itself fails, retry the lookup, never the charge.
//  3. For a capture or a reversal, GetCharge's status (CAPTURED, REVERSED)
//     says whether it happened.
//
// A single-use token cannot be charged twice anyway
// (TOKEN_ALREADY_USED_ERROR), but a multiple-use token can.
//
// # Codes
//
// Statuses, failure reasons, CVN codes ([CVNCode]), ECI codes ([ECI]; the
// API zero-pads them, compare with [ECI.Code]) and charge types are typed
// string constants; values the reference does not list still decode. The
// error codes each endpoint documents are the Code* constants, matched
// against [xendit.Error].Code.
//
// # Promotions and installments
//
// CreatePromotion defines a discount for some BINs, a bank or a promo
// code; GetChargeOption (or CalculatePromotion) tells, for a card and an
// amount, which promotions apply and which installment plans the bank
// offers. Charge the promotion's FinalAmount with
// CreateChargeParams.Promotion set, or a plan with
// CreateChargeParams.Installment. The API sends some promotion amounts as
// strings and promotion times with a space instead of "T"; the types decode
// both through [xendit.Number] and [xendit.Time], and re-encode them as
// received (build a request's amount with [xendit.NumberOf]).
package cards
