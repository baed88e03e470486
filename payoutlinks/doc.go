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
// The reference's curl sends the body form-encoded; the API takes JSON,
// which the SDK sends.
package payoutlinks
