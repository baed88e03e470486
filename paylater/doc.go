// Package paylater takes buy-now-pay-later payments through Kredivo,
// Akulaku, Indodana and Atome in Indonesia, and BillEase, Cashalo and Atome
// in the Philippines. API reference:
// https://developers.xendit.co/api-reference/#paylater
//
// # Checkout in three steps
//
//  1. The customer, created with the customers package, must carry
//     given_names, surname, email, mobile_number and an address.
//  2. InitiatePlans sends the order: channel, currency, amount and items.
//     [InitiatePlansParams.Validate] (run by InitiatePlans) checks before
//     sending that the amount equals the items' total ([Total]; the API
//     answers "Amount Does Not Tally" otherwise), that the currency is the
//     channel's and the amount within its limits, and that Atome gets no
//     DISCOUNT item. The plan lists the provider's installment options.
//  3. CreateCharge charges the plan: send the customer to the charge's
//     Actions URL before ExpiresAt. The paylater.payment callback (decode it
//     into a [PaymentCallback]) says SUCCEEDED or FAILED; GetCharge reads
//     the same. CancelCharge cancels a PENDING charge, with no callback.
//
// CreateRefund returns all or part of a SUCCEEDED charge; providers differ
// (BillEase full refunds only, Kredivo within 14 days, Indodana 30).
//
// # Retries and unknown outcomes: reconcile by reference_id
//
// PayLater documents no idempotency header. The SDK therefore repeats a POST
// only when it surely was not processed (429, or a connection that could not
// be opened), never after a 5xx, a timeout or a connection dropped after
// sending. When [xendit.OutcomeUnknown] is true for CreateCharge's error a
// charge may exist, and there is no lookup by reference_id. Store a
// reference_id per attempt before calling; on an unknown outcome do not
// charge again at once: a charge that was created but whose checkout URL the
// customer never saw stays PENDING until ExpiresAt and then fails, and its
// paylater.payment callback carries your reference_id. Start a new attempt
// with a new plan and a new reference_id, and match callbacks to orders by
// Data.ReferenceID; refund a SUCCEEDED charge for an attempt you abandoned.
// For CreateRefund, list the charge's refunds before refunding again.
package paylater
