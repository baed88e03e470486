// Package payoutlinks sends money through a link: Xendit emails the
// recipient a page where they choose their own bank account, so you need
// not know it. It was called Payouts before Payouts v2 (package payouts)
// took the name. API reference:
// https://developers.xendit.co/api-reference/#payout-links
//
//	link, err := payoutlinks.New(client).Create(ctx, &payoutlinks.CreateParams{
//		ExternalID: "refund-order-1234",
//		Amount:     50000,
//		Email:      "buyer@example.com",
//	})
//
// The link is PENDING until the recipient claims it, then COMPLETED or
// FAILED (FailureReason); Void cancels it while it is PENDING, and it
// EXPIRES after three days. Get reads its state; Status answers
// Succeeded, Pending and Failed. The reference documents no callback for
// payout links: poll Get.
//
// [CreateParams.Validate] (run by Create) checks the reference's rules
// before sending: external_id up to 200 characters, a whole amount of at
// least 10000 (IDR), an email address.
//
// # Exactly once
//
// Create has no idempotency header, so the SDK never sends it twice: after
// a dropped connection, a timeout or a 5xx, the call fails and
// [xendit.OutcomeUnknown] reports true. The link may exist. Xendit refuses
// a second link with the same external_id ([CodeDuplicatePayout], matching
// [xendit.ErrDuplicate]), so call Create again with the same params: a
// link comes back if the first call made none, DUPLICATE_PAYOUT_ERROR if
// it did. There is no lookup by external_id; keep the id of each link you
// make.
//
// # What the SDK decided
//
//   - The reference's curl sends the body form-encoded (line 23956); the
//     API takes JSON, as its other examples do, and the SDK sends JSON.
//   - amount is documented as a positive integer of at least 10000 (line
//     24043): it is a float64, as every amount of the SDK, and Validate
//     refuses a fraction.
//   - No error code of Create is an idempotency conflict: the external_id
//     is the only deduplication, so keep it unique per payout.
package payoutlinks
