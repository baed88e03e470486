// Package cards takes card payments: charges, authorizations with capture
// and reversal, refunds, charge options and promotions.
//
// It covers Visa, Mastercard and JCB cards, and AMEX with your own BCA
// account. API reference:
// https://developers.xendit.co/api-reference/#credit-cards
//
//	cc := cards.New(client)
//	auth, err := cc.CreateAuthorization(ctx, &cards.CreateChargeParams{
//		TokenID: tokenID, AuthenticationID: xendit.Ptr(authID),
//		ExternalID: "order-1234-attempt-1", Amount: 150000, Currency: xendit.Ptr(xendit.CurrencyIDR),
//	})
//	// auth.Status is AUTHORIZED, or FAILED with auth.FailureReason (a decline is not an error)
//	charge, err := cc.CaptureCharge(ctx, auth.ID, &cards.CaptureChargeParams{Amount: 120000})
//	refund, err := cc.CreateRefund(ctx, charge.ID, &cards.CreateRefundParams{
//		Amount: 50000, ExternalID: "order-1234-refund-1",
//	})
//	// refund.Status.Succeeded() is true for REQUESTED
//
// Every method names the endpoint it sends to on its last doc line
// ("API: POST /credit_card_charges"). Path ids (the charge id, the
// promotion id) are arguments, in the order of the path; params say what
// to do, and their Validate runs before anything is sent.
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
// server message echoes the request. That scrub is why the package sends
// through its own wrapper of the shared call rather than the bare one.
//
// # Charge, or authorize then capture
//
// CreateCharge charges at once: the charge comes back CAPTURED
// ([ChargeStatus.Succeeded]), or FAILED ([ChargeStatus.Failed]) with a
// [FailureReason] (a declined card is a 2xx answer, not an error;
// [FailureReason.Retryable] says whether the same card may be tried
// again). CreateAuthorization (capture: false) only holds the funds: the
// charge is AUTHORIZED, and within 7 days you CaptureCharge all or part of
// it, once, or ReverseAuthorization to release it; after that the
// authorization expires (AUTHORIZATION_EXPIRED). A zero-amount
// authorization cannot be reversed. CreateZeroAmountAuthorization
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
// A successful card refund has status REQUESTED: the reference's statuses
// table reads "REQUESTED Refund request succeeded". Ask
// [RefundStatus.Succeeded] rather than comparing spellings: other products
// say SUCCEEDED or SUCCESS for the same thing.
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
// # Optional fields
//
// Optional request fields are pointers ([xendit.Ptr]): Currency,
// AuthenticationID, Descriptor, the billing details. A field you leave nil
// is not sent, so an empty string or a zero is only ever sent when you
// chose it. Xendit.js hands the authentication id as a string; set
// AuthenticationID only when it is not empty. Update Promotion is a PATCH:
// its fields are [xendit.Nullable], unset to keep a value, [xendit.Set] to
// replace it, [xendit.Null] to clear it.
//
// # Codes
//
// Statuses, failure reasons, CVN codes ([CVNCode]), ECI codes ([ECI]),
// charge types, card types and promotion statuses are typed string
// constants named after their type and value (ChargeStatusCaptured,
// FailureReasonStolenCard, PromotionStatusActive); values the reference
// does not list still decode. CVN and ECI codes are the exception: their
// values are a letter or a digit, so the constants are named after what
// the code means (CVNMatch is "M"; ECIAuthenticated is "5" and
// ECIMastercardAuthenticated "2", the same result for different schemes).
// The API zero-pads ECI codes ("05"): compare with [ECI.Code], or ask
// [ECI.Authenticated]. The error codes each endpoint documents are the
// Code* constants, matched against [xendit.Error].Code.
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
//
// List Promotions answers every match at once, as a bare array (and its
// reference example as a single object; both decode): ListPromotions
// returns it as one [xendit.Page] with HasMore false, and AllPromotions
// iterates it, so that code written today keeps working if Xendit adds
// paging.
//
// # No callbacks
//
// The card endpoints answer synchronously and the reference documents no
// callback for them, so this package has no callbacks.go and no
// ParseCallback.
//
// # Testing
//
// [github.com/seed19b1029f/xendit-go/xendittest] plays Xendit.js
// (srv.NewCardToken, with a decline reason or a multiple-use token if you
// like) and enforces the capture, reversal and refund rules, the amount
// limits and the refund's version header. The example programs run against
// it: go run ./examples/card-authorize-capture, go run
// ./examples/card-charge-refund.
package cards
