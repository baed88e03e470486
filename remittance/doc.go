// Package remittance sends cross-border payouts (Xendit's remittance
// payouts): money from your Xendit account, on behalf of a sender, to a
// recipient's bank account, e-wallet or cash pick-up in Indonesia, the
// Philippines, Singapore, Thailand or Vietnam.
//
// The API reference: https://developers.xendit.co/api-reference/#cross-border-payouts.
//
// # The flow
//
// Create the sender and the recipient as customers first (package
// customers; the recipient's identity_accounts name the channel and the
// account), then the payout:
//
//	p, err := remittance.New(client).Create(ctx, &remittance.CreateParams{
//		ReferenceID:         "remit-2024-0042",
//		DestinationCurrency: xendit.CurrencyPHP,
//		DestinationAmount:   35,
//		SenderCustomerID:    sender.ID,
//		RecipientCustomerID: recipient.ID,
//		OriginCurrency:      xendit.CurrencyIDR,
//		OriginAmount:        10000,
//		Description:         "Family support, May",
//	}, xendit.WithIdempotencyKey("remit-2024-0042"))
//
// [CreateParams.Validate] (run before sending) checks the required fields,
// the destination currency ([DestinationCurrencies]), positive amounts
// with at most two decimals and a description of at most 100 characters.
// Channel minimums, maximums and increments depend on the recipient's
// channel, which the payout does not name: Xendit refuses those
// (MINIMUM_TRANSFER_LIMIT_ERROR, AMOUNT_INCREMENT_NOT_SUPPORTED, ...).
//
// The payout starts ACCEPTED (risk scoring). It may go to
// PENDING_COMPLIANCE_ASSESSMENT (and on to COMPLIANCE_REJECTED), then
// REQUESTED, and ends SUCCEEDED or FAILED (with a FailureCode); a cash
// payout goes through READY (with a DisbursementCode for the pick-up) and
// LOCKED (pick-up in progress) and may EXPIRE. Each step comes as a
// callback ([Callback], events remittance_payout.*); [Client.Get] reads
// the same state. Status answers Succeeded, Pending and Failed.
// [Client.Cancel] stops a payout Xendit has not processed yet (not once
// LOCKED or final); no callback follows a cancellation.
//
// # Exactly once
//
// Create requires an Idempotency-key. The SDK generates one per call
// unless [xendit.WithIdempotencyKey] gives one, and reuses it on every
// retry: Xendit answers a repeated key with the first payout, and a
// different body under the same key with 409 IDEMPOTENCY_ERROR
// ([xendit.ErrIdempotencyConflict]). The key is on the result's
// [xendit.Response] ([xendit.CaptureResponse]) and on every
// [*xendit.Error] (IdempotencyKey).
//
// Xendit has no lookup by reference_id, so the way to reconcile a Create
// that failed with [xendit.OutcomeUnknown] (a 500, a context that ended,
// retries used up) is to repeat it with the same key and the same params:
// you get the payout that was made, or it is made now, once. Use your
// reference_id as the key, as above: a process that crashes mid-call
// finds the key again from its own records. Never repeat a payout under a
// new key before that: it would be a second payout.
//
// # Reference inconsistencies and what the SDK does
//
// Line numbers are those of the API reference text the SDK is built from.
//
//   - The header table spells the key Idempotency-key (line 24657); the
//     curl and the SERVER_ERROR text spell it IDEMPOTENCY-KEY (lines 24638,
//     24826). HTTP header names are case-insensitive: the SDK sends
//     Idempotency-key.
//   - destination_amount and origin_amount are typed number (lines 24690,
//     24717) but the request examples send strings ("35", "10000"), and
//     the responses send origin_amount as a string: the SDK sends numbers
//     and decodes either into [xendit.Number].
//   - The "Failed Event" example carries event remittance_payout.succeeded
//     with status FAILED (lines 25011-25033): [Callback] decodes it as
//     sent; switch on Status, which is right in every example.
//   - Cancel "can only be cancelled while in the following status :" ends
//     without the list (line 24886): the SDK does not check the status
//     before sending; Xendit answers CANCELLATION_NOT_ALLOWED.
//   - CANCELLATION_NOT_ALLOWED is listed with HTTP 404 (lines 24928-24929)
//     and with 400 under Payouts: match [CodeCancellationNotAllowed] on
//     [xendit.Error].Code, not on the status or [xendit.ErrNotFound].
//   - The object example has "failure_code": "string" (line 24527), the
//     cancel example null: FailureCode is empty unless the payout FAILED.
package remittance
