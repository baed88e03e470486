// Package qrcodes takes payments by QR code: QRIS in Indonesia (any bank
// or e-wallet app on the QRIS network pays it) and QRPh in the
// Philippines.
//
// It covers QR codes (create, get), their payments (list, and simulate in
// test mode), refunds of a payment (create, get, list) and the qr.payment
// and qr.refund callbacks. API reference:
// https://developers.xendit.co/api-reference/#qr-codes
//
// # Taking a payment
//
// Create a QR code for the order and render its QRString as an image for
// the payer. [CreateQRCodeParams.Validate] (run by CreateQRCode) checks the
// reference's rules first: the required fields, IDR or PHP and the
// channel's currency, the amount a DYNAMIC code needs (1 to 10,000,000 IDR,
// 1 to 50,000 PHP), that QRPh has neither STATIC codes nor a custom expiry.
// A broken rule is a [*xendit.ValidationError] naming the field.
//
//	qr, err := qrcodes.New(client).CreateQRCode(ctx, &qrcodes.CreateQRCodeParams{
//		ReferenceID: "order-1234-attempt-1",
//		Type:        qrcodes.QRCodeTypeDynamic,
//		Currency:    xendit.CurrencyIDR,
//		Amount:      xendit.Ptr(25000.0),
//	}, qrcodes.WithWebhookURL("https://shop.example/hooks/xendit/qr"))
//
// A DYNAMIC code carries its amount and is paid once, after which it is
// INACTIVE; a STATIC code lets the payer type the amount and can be paid
// many times. Each payment arrives as a qr.payment callback, at the URL of
// [WithWebhookURL] (the per-request webhook-url header) or else the
// Dashboard's "QR code paid" URL. Decode it in the function of the root
// package's webhook handler, which has checked the callback token and
// deduplicated the delivery:
//
//	var cb qrcodes.Callback
//	if err := event.Decode(&cb); err != nil {
//		return err
//	}
//	switch cb.Event {
//	case qrcodes.EventPayment:
//		return markPaid(ctx, cb.Payment.ReferenceID, cb.Payment.Amount)
//	case qrcodes.EventRefund:
//		return recordRefund(ctx, cb.Refund)
//	}
//
// Payments carry the QR code's ReferenceID: match them to orders by it.
// ListPayments (one page) and AllPayments (every payment) read a code's
// payments afterwards; GetQRCode says whether it is still ACTIVE.
//
// In test mode, SimulatePayment pays a code as a payer would: Xendit
// answers with the payment and sends the same qr.payment callback. The
// SDK's fake, xendittest, does the same, so a program can take a QR
// payment end to end offline.
//
// # Refunds
//
// CreateRefund returns all or part of a payment (qrpy_..., from the
// callback), as often as the refunds add up to no more than the payment. A
// full refund within 24 hours voids the payment and returns Xendit's fee;
// otherwise the fee is kept. The refund is PENDING until the qr.refund
// callback says SUCCEEDED or FAILED (with a [RefundFailureCode]). Which
// issuers allow partial refunds varies: the API answers
// [CodePartialRefundNotSupported] or [CodeRefundNotSupported].
//
// # API versions
//
// The QR Codes API has two versions, chosen by the api-version header:
// 2022-07-31 and 2020-07-01 (reference lines 14526-14533). The SDK pins
// 2022-07-31 on the endpoints that document the header (create, get,
// simulate) and sends no version to the others, which document none. One
// client serves it, not a client per version as the customers package has:
// the reference prints only 2022-07-31's shapes and says the older version
// lacks nothing but the custom expiry of a dynamic code (expires_at), so
// there is no second shape to type. [xendit.WithAPIVersion] still sends
// another version for a call; the response then decodes as far as the
// fields agree.
//
// # Idempotency
//
// Create QR Code and Create Refund take an optional idempotency-key. The
// SDK always sends one, generated once per call and reused on every retry
// (or the caller's, with [xendit.WithIdempotencyKey]), so both are retried
// after a timeout, a dropped connection or a 5xx without making a second
// code or refund; Xendit keeps a key for 24 hours. The key is in
// [xendit.Response].IdempotencyKey (through [xendit.CaptureResponse]) on
// success and in [xendit.Error].IdempotencyKey on failure: store it to
// repeat the call with the same key later.
//
// # Exactly once
//
// Simulate Payment documents no idempotency header, so the SDK never
// repeats it once it may have reached Xendit (a 5xx, a timeout, a dropped
// connection): [xendit.OutcomeUnknown] then reports true and the payment may
// exist. Before simulating again, list the code's payments (ListPayments);
// a DYNAMIC code that was paid is also INACTIVE in GetQRCode.
//
// When a create fails even after its retries with an unknown outcome, and
// the idempotency key is lost, the QR code may exist. The API has no lookup
// by reference_id, so: store the order and a reference_id per attempt
// ("order-1234-attempt-1") before creating; on an unknown outcome, create
// again with a new reference_id rather than the same one, and match
// payments to orders by Payment.ReferenceID. A payment for an attempt you
// gave up on is refunded with CreateRefund.
//
// # What the SDK decided where the reference disagrees with itself
//
//   - Get QR Code and Get QR Refund are printed as GET (lines 14799, 15462;
//     their text says "This GET endpoint", lines 14793, 15456) with curl
//     samples that send -X POST (lines 14800, 15463). A POST to a read is
//     not what either section describes: the SDK sends GET.
//   - The basket's sub-category is spelt with a hyphen in the QR section
//     (lines 14608, 14718, 14938) and sub_category everywhere else,
//     including the other payment sections (line 10033) and the SDK samples
//     of Direct Debit (line 16696): the SDK sends sub_category.
//   - The qr.payment payload table names the version field api-version
//     (line 15100); the payload (line 15064) and the qr.refund table (line
//     15441) spell it api_version, which the SDK reads.
//   - Refund QR Payment's curl sends amount as the string "50000" (line
//     15321); its table types it as a number (line 15340): the SDK sends a
//     number.
//   - Simulate Payment's response is headed "QR Code Object" (line 15146)
//     but is a QR Payment Object, which the SDK returns.
//
// # Trying it
//
// `go run ./examples/qr-payment` creates a QR code, pays it, receives its
// callbacks and refunds part of it offline against xendittest, which models
// the codes' states (a dynamic code is paid once; codes expire), answers
// Simulate Payment and delivers qr.payment and qr.refund to the code's
// webhook-url or the merchant's callback URL. Like Xendit, it refuses to
// create a code with neither (404 [CodeCallbackURLNotFound]): set one with
// SetCallbacks or [WithWebhookURL].
package qrcodes
