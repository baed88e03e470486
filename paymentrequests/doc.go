// Package paymentrequests charges customers through Xendit's unified
// Payments API: one Payment Request for every channel (cards, eWallets,
// direct debit, virtual accounts, QR codes, over-the-counter codes), with
// captures for payments authorised first and captured later. Refunds of
// payment requests are in the refunds package.
//
// It covers payment requests (create, get, list), their OTP authorisation
// (authorize, resend), captures (create, list) and the payment and capture
// callbacks. The contract is Xendit's OpenAPI file payment_request.yaml
// (late 2023); the API reference's own Payments API section only names
// it.
//
// # Taking a payment
//
// Charge a new payment method, described in the request, or a saved one by
// its id (a linked eWallet or a card tokenized with Xendit's libraries):
//
//	pr, err := paymentrequests.New(client).CreatePaymentRequest(ctx, &paymentrequests.CreatePaymentRequestParams{
//		ReferenceID: xendit.Ptr("order-1234"),
//		Amount:      xendit.Ptr(15000.0),
//		Currency:    xendit.CurrencyIDR,
//		PaymentMethod: &paymentrequests.PaymentMethodParams{
//			Type:        paymentrequests.PaymentMethodTypeEWallet,
//			Reusability: paymentrequests.ReusabilityOneTimeUse,
//			EWallet: &paymentrequests.ChannelParams{
//				ChannelCode:       "SHOPEEPAY",
//				ChannelProperties: map[string]any{"success_return_url": "https://shop.example/paid"},
//			},
//		},
//	})
//
// [CreatePaymentRequestParams.Validate], run before anything is sent,
// checks the currency, the amount, that exactly one of PaymentMethod and
// PaymentMethodID is given, and that a new payment method carries exactly
// the channel object its type names.
//
// # Status lifecycle
//
// A payment request starts in one of two states:
//
//   - REQUIRES_ACTION: the customer must act. Actions say how: an AUTH
//     action with a WEB, MOBILE or DEEPLINK URL (eWallets, card 3-D
//     Secure; [PaymentRequest.ActionURL]), an AUTH action of type API (a
//     direct debit's OTP: pass the code the customer received to
//     [Client.AuthorizePaymentRequest], or ask for a new one with
//     [Client.ResendAuth]), or PRESENT_TO_CUSTOMER with a QR code to show.
//   - PENDING: the channel works without the customer (a linked eWallet),
//     or waits for a transfer (a virtual account, a retail outlet code).
//
// It ends SUCCEEDED (the money moved) or FAILED (FailureCode says why);
// CANCELED, VOIDED and UNKNOWN are documented too. With CaptureMethod
// MANUAL, an authorised payment stops at AWAITING_CAPTURE until
// [Client.CreateCapture] takes all or part of it; then it is SUCCEEDED.
// [Status] answers Succeeded, Pending, AwaitingCapture and Failed.
//
// # Callbacks
//
// The outcome arrives as a callback; set the URLs of the webhook types
// payment_succeeded, payment_awaiting_capture, payment_pending,
// payment_failed, capture_succeeded and capture_failed in the Dashboard.
// Decode the body in the function of the root package's webhook handler,
// which has checked the callback token and deduplicated the delivery:
//
//	var cb paymentrequests.Callback
//	if err := event.Decode(&cb); err != nil {
//		return err
//	}
//	switch cb.Event {
//	case paymentrequests.EventPaymentSucceeded:
//		return markPaid(ctx, cb.Payment.ReferenceID)
//	case paymentrequests.EventPaymentAwaitingCapture:
//		return capture(ctx, cb.Payment.PaymentRequestID)
//	}
//
// The API reference names these webhook types (Set Webhook URLs, lines
// 33386-33391 of the reference text) but prints no payload, and the
// OpenAPI file defines no webhooks. The envelope (event, business_id,
// created, data) is the one of Xendit's other v2 callbacks; the data of a
// payment event is a payment (id "py-...", payment_request_id, status,
// amount, payment_method...), of a capture event a [Capture]. [Payment]
// keeps fields it does not name in Extra, so a difference in detail loses
// nothing. payment_request_completed (Thailand and Malaysia only) is not
// typed: it decodes with Data holding its payload.
//
// # The payment method a payment carries
//
// A payment request, a capture and a payment carry the payment method
// charged as a [paymentmethods.PaymentMethod], the type the Payment Methods
// API returns: one type for one object, so a payment method read from a
// payment request is passed to the paymentmethods package (or compared
// with what it returned) without a conversion. The object is polymorphic:
// Type says which channel object is set (a card carries card, an eWallet
// ewallet, ...), each typed per channel, and
// [paymentmethods.PaymentMethod.ChannelCode] reads the channel code
// whatever the type. Keys no type names (a channel type newer than the
// SDK) are kept in Extra and encoded back, so a payment method read here
// and stored or forwarded keeps every key with its value; a null the API
// sends for an absent channel object comes back absent. A new payment
// method made with the payment ([PaymentMethodParams]) takes the same
// [paymentmethods.Type] and [paymentmethods.Reusability].
//
// # Idempotency
//
// Create Payment Request takes an optional idempotency-key. The SDK always
// sends one, generated once per call and reused on every retry (or the
// caller's, with [xendit.WithIdempotencyKey]), so a create is retried after
// a timeout, a dropped connection or a 5xx without charging twice. The key
// is in [xendit.Response].IdempotencyKey (through [xendit.CaptureResponse])
// on success and in [xendit.Error].IdempotencyKey on failure: store it to
// repeat the call with the same key later.
//
// # Exactly once
//
// Capture and Authorize document no idempotency header, so the SDK never
// repeats them once they may have reached Xendit: [xendit.OutcomeUnknown]
// then reports true, and the capture or the authorisation may have
// happened. Before capturing again, list the request's captures
// ([Client.ListCaptures]) and look for the reference_id you gave the
// capture, or get the payment request: SUCCEEDED means it was captured.
// Before sending an OTP again, get the payment request: if it is no
// longer REQUIRES_ACTION, the code was taken.
//
// When a create fails with an unknown outcome and its idempotency key is
// lost, look the payment up by your reference_id
// (ListPaymentRequestsParams.ReferenceIDs) before creating again.
//
// # What the SDK decided where the file disagrees with itself
//
// Line numbers are those of payment_request.yaml.
//
//   - The response schemas' examples are generated placeholders
//     ("created": "created", "metadata": "{}", status null for a required
//     status; PaymentRequest at line 1637, Capture at 2319). The types
//     follow the schemas: timestamps are [xendit.Time], metadata an object,
//     and enums that the examples show as null are omitted when empty.
//   - The create examples send country (lines 128, 153), which the
//     PaymentRequestParameters schema (line 2180) does not list: the SDK
//     sends it when given (CreatePaymentRequestParams.Country).
//   - The fixed-amount QR example spells its channel code with curly
//     quotes (“QRIS”, line 145): a slip; the SDK does not check channel
//     codes' spelling, which Xendit extends without notice.
//   - The PaymentMethodParameters schema has no card object: a card is
//     charged by PaymentMethodID, the id of a card payment method made
//     with Xendit's tokenization, so the SDK never handles card numbers.
//   - A capture's channel_properties is an object in the schema and the
//     string "{}" in the example (line 2330): [Capture].ChannelProperties
//     keeps whatever is sent.
//   - The list endpoints document limit but no maximum: Validate refuses
//     only a limit below 1. List Captures documents no cursor:
//     AllCaptures stops with [xendit.ErrPagination] rather than miss
//     captures if a page says more follow.
//
// # Trying it
//
// `go run ./examples/payment-request` pays an order by eWallet and by
// card, captures both and refunds one, offline against xendittest, which
// plays the customer (CompletePaymentRequest, FailPaymentRequest) and
// delivers the callbacks to your handler.
package paymentrequests
