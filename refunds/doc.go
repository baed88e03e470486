// Package refunds gives back all or part of a payment made through
// Xendit's unified Payments API (a payment request; or an invoice's
// payment), whatever its channel: card, eWallet, direct debit, QR code.
//
// It covers refunds (create, get, list, cancel) and the refund callbacks.
// The contract is Xendit's OpenAPI file refund.yaml (late 2023).
//
// # Refunding a payment
//
//	r, err := refunds.New(client).Create(ctx, &refunds.CreateParams{
//		PaymentRequestID: xendit.Ptr(pr.ID),
//		ReferenceID:      xendit.Ptr("order-1234-refund-1"),
//		Amount:           xendit.Ptr(5000.0), // nil refunds what is left
//		Reason:           xendit.Ptr(refunds.ReasonRequestedByCustomer),
//	})
//
// [CreateParams.Validate], run before anything is sent, requires exactly
// one of PaymentRequestID and InvoiceID, a positive amount and a
// documented reason.
//
// A refund is PENDING until the channel answers, then SUCCEEDED or FAILED
// (FailureCode says why); a PENDING refund can be cancelled
// ([Client.Cancel]), and is then CANCELLED. [Status] answers Succeeded,
// Pending and Failed. The outcome arrives as a refund.succeeded or
// refund.failed callback (the webhook type of the Dashboard's Refund
// setting); decode it in the function of the root package's webhook
// handler:
//
//	var cb refunds.Callback
//	if err := event.Decode(&cb); err != nil {
//		return err
//	}
//	if cb.Event == refunds.EventRefundSucceeded {
//		return markRefunded(ctx, cb.Refund.ReferenceID)
//	}
//
// The file defines no webhooks; the payload is the envelope of Xendit's
// other v2 callbacks (event, business_id, created) with the refund as data.
//
// # Idempotency
//
// Create and Cancel take an optional idempotency-key. The SDK always sends
// one, generated once per call and reused on every retry (or the caller's,
// with [xendit.WithIdempotencyKey]), so both are retried after a timeout,
// a dropped connection or a 5xx without refunding twice. The key is in
// [xendit.Response].IdempotencyKey (through [xendit.CaptureResponse]) on
// success and in [xendit.Error].IdempotencyKey on failure: store it to
// repeat the call with the same key later.
//
// # Exactly once
//
// When a create fails even after its retries with an unknown outcome
// ([xendit.OutcomeUnknown]) and its key is lost, the refund may exist:
// list the payment's refunds (ListParams.PaymentRequestID) and look for
// your reference_id before refunding again.
//
// # What the SDK decided where the file disagrees with itself
//
// Line numbers are those of refund.yaml.
//
//   - The Refund schema (line 326) has no status and no reason, which
//     Xendit's refunds and their callbacks carry and without which a
//     refund's outcome cannot be read: [Refund] has both, omitted when
//     absent.
//   - Get Refund documents an idempotency-key header (line 169): a GET is
//     repeated safely without one, and the SDK sends none.
//   - The list example's ids end in a stray quote (line 387): kept as
//     sent.
//   - The list documents limit but no maximum: Validate refuses only a
//     limit below 1.
package refunds
