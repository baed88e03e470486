// Package disbursements sends money from your Xendit balance to bank
// accounts, virtual accounts and e-wallets in Indonesia: one at a time
// (Disbursements) or up to 1000 at once (Batch Disbursements), with the
// callbacks that report the outcome.
//
// The API reference: https://developers.xendit.co/api-reference/#disbursements.
//
// # The flow
//
// [Client.CreateDisbursement] returns a PENDING disbursement. When the bank
// answers, Xendit posts the disbursement callback ([Callback], Status
// COMPLETED or FAILED with a FailureCode); [Client.GetDisbursement] reads
// the same state. Status answers Succeeded, Pending and Failed.
//
//	d, err := disbursements.New(client).CreateDisbursement(ctx, &disbursements.CreateDisbursementParams{
//		ExternalID:        "payout-order-42",
//		BankCode:          "BCA",
//		AccountHolderName: "MICHAEL CHEN",
//		AccountNumber:     "1234567890",
//		Description:       "Refund for order 42",
//		Amount:            90000,
//	})
//
// [CreateDisbursementParams.Validate] (run before sending) applies what the
// reference documents: required fields, external_id up to 1000
// characters, an account number of digits and hyphens (10 digits for
// BCA), a positive whole amount, at most three addresses per email list.
// The per-bank minimum and maximum amounts are not in the reference:
// Xendit refuses them (RECIPIENT_AMOUNT_ERROR, MAXIMUM_TRANSFER_LIMIT_ERROR).
// [Client.ListBanks] returns the bank codes Xendit takes.
//
// For a xenPlatform sub-account pass [xendit.ForUserID] to any method.
//
// # Exactly once
//
// Both creates send an X-IDEMPOTENCY-KEY, which the reference marks
// optional: the SDK generates one per call (or sends yours, given with
// [xendit.WithIdempotencyKey]; your external_id is a good one) and reuses
// it on every retry, so a retry after a dropped connection, a timeout or a
// 502/503/504 gets the first disbursement back instead of paying twice.
// The key is on the result's [xendit.Response] ([xendit.CaptureResponse])
// and on every [*xendit.Error] (IdempotencyKey).
//
// A 500 is not retried (Xendit documents it as indeterminate: the
// disbursement may still complete), nor is a call whose context ended.
// When CreateDisbursement fails with an error for which
// [xendit.OutcomeUnknown] holds, do one of:
//
//   - repeat it with the same key,
//     xendit.WithIdempotencyKey(xe.IdempotencyKey): Xendit answers with
//     the first disbursement if there was one, and makes it once if not.
//     This is the safe way: it can never make a second one.
//   - or look it up with [Client.ListDisbursementsByExternalID] (one
//     external_id per payout). A disbursement found was made; an empty
//     page means none exists yet, but after a 500 Xendit may still make
//     it, so look again later, or repeat with the key, before paying by
//     another way.
//
// Never create it again under a new key without one of those: that is how
// money goes out twice. A batch has no endpoint to read it back, so for
// [Client.CreateBatch] only the first way exists (or the Dashboard).
//
// # Batches
//
// [Client.CreateBatch] uploads up to [MaxBatchItems] items; the batch is
// UPLOADING and is approved in the Dashboard. Its outcome arrives in the
// batch callback ([Callback].Batch): COMPLETED when every item was paid,
// CHECK when some were (read each item's Status), FAILED or DELETED.
//
// # Callbacks
//
// Neither callback has an "event" field: each is the object itself, flat.
// Give each its own URL in the Dashboard (types disbursement for Indonesia,
// ph_disbursement for the Philippines, batch_disbursement; reference lines
// 33396-33398) and nothing needs telling apart; on a shared URL,
// [ParseCallback] tells a disbursement from a batch by their fields and
// refuses other products' callbacks with [ErrNotDisbursementCallback]. The
// root package's webhook handler verifies x-callback-token and drops
// repeated webhook-ids before a body gets here.
//
// # Reference inconsistencies and what the SDK does
//
// Line numbers are those of the API reference text the SDK is built from.
//
//   - Get Disbursements by External ID answers a bare array (lines
//     23270-23310) and 404 DIRECT_DISBURSEMENT_NOT_FOUND_ERROR (lines 23320-23322)
//     when none matches: [Client.ListDisbursementsByExternalID] returns a
//     page, empty for that 404.
//   - Get Available Banks is documented twice (lines 23407 and 23877), the
//     first example with can_disburse and can_name_validate, the second
//     without: [Bank] has both as optional fields.
//   - The batch callback's items send email_to, email_cc and email_bcc as
//     single strings (lines 23820, 23867-23869), where the request sends
//     lists: [BatchDisbursement] has strings, [BatchItem] lists.
//   - Create Disbursement requires 10 digits for a BCA account (line
//     22962); the batch section documents no such rule and its example
//     sends an 8-digit BCA account (line 23523): only single
//     disbursements are checked for it.
//   - The error example spells BANK_CODE_NOT_SUPPORTED (line 23024), the
//     error table BANK_CODE_NOT_SUPPORTED_ERROR (line 23043):
//     [CodeBankCodeNotSupported] is the table's; compare both if you
//     match it.
//   - The reference gives no payload for the Philippine callback
//     (ph_disbursement, line 33397), only the Indonesian one: the SDK
//     decodes both with [Disbursement].
package disbursements
