// Package payouts sends money to bank accounts, e-wallets and
// over-the-counter outlets in Indonesia, the Philippines, Thailand,
// Malaysia and Vietnam, through Xendit's Payouts API (v2), the successor
// of Disbursements. API reference:
// https://developers.xendit.co/api-reference/#payouts
//
// # Paying a seller
//
// CreatePayout takes the destination channel, the account and the amount;
// [CreatePayoutParams.Validate] (run by CreatePayout) checks the
// reference's rules before anything is sent: required fields and lengths,
// the channel's country against the currency (ID_ pays IDR, PH_ PHP, TH_
// THB, MY_ MYR, VN_ VND), whole amounts for IDR and VND and at most two
// decimals otherwise, the account types of proxy transfers (MY_DUITNOW,
// THB) and at most three receipt addresses per list. A broken rule is a
// [*xendit.ValidationError] naming the field
// ("channel_properties.account_number").
//
//	payout, err := payouts.New(client).CreatePayout(ctx, &payouts.CreatePayoutParams{
//		ReferenceID: "settlement-2024-06-seller-42",
//		ChannelCode: payouts.ChannelBCA,
//		ChannelProperties: payouts.ChannelProperties{
//			AccountHolderName: "Michael Chen",
//			AccountNumber:     "0000000000",
//		},
//		Amount:   150000,
//		Currency: xendit.CurrencyIDR,
//	}, xendit.WithIdempotencyKey("settlement-2024-06-seller-42"))
//
// Each channel has a minimum, a maximum and an amount increment, which
// change over time: ListChannels reads them, and [Channel.CheckAmount]
// applies them before you send.
//
// The payout is ACCEPTED. Its outcome arrives in a callback, decoded in
// the function of the root package's webhook handler (which has checked
// the callback token and deduplicated the delivery):
//
//	var cb payouts.Callback
//	if err := event.Decode(&cb); err != nil {
//		return err
//	}
//	if cb.Event == payouts.EventSucceeded {
//		return markPaid(ctx, cb.Payout.ReferenceID)
//	}
//
// payout.failed carries a [FailureCode] saying whether to try again;
// payout.reversed reports a SUCCEEDED payout that came back. GetPayout
// reads the same state; Status answers Succeeded, Pending and Failed.
// CancelPayout stops a payout that is still ACCEPTED.
//
// # Exactly once
//
// Create Payout requires an Idempotency-key header. The SDK generates one
// per call unless [xendit.WithIdempotencyKey] gives one, and sends the same
// key on every retry: a request that timed out or got a 5xx is retried
// safely, and Xendit answers a repeated key with the first payout. The key
// is on the result ([xendit.CaptureResponse], Response.IdempotencyKey) and
// on every error ([xendit.Error].IdempotencyKey).
//
// When a call still ends in doubt ([xendit.OutcomeUnknown] reports true:
// the connection dropped, the retries ran out, the context ended), the
// payout may exist. Before paying again, either
//
//   - call CreatePayout again with the same params and
//     xendit.WithIdempotencyKey(err's IdempotencyKey): Xendit answers with
//     the payout the first call made, or makes it now; or
//   - list the payouts of your reference_id (ListPayouts) and create a new
//     one only if none is there.
//
// A key reused with a different body is refused: the reference documents
// 400 DUPLICATE_ERROR (line 22225), payout.yaml 409 DUPLICATE_ERROR; both
// match [xendit.ErrDuplicate] ([CodeDuplicate]). The SDK's fake,
// xendittest, answers 409 IDEMPOTENCY_ERROR
// ([xendit.ErrIdempotencyConflict]), as it does for every product. Use a
// key per payout, never per attempt, and never reuse one across test and
// live mode.
//
// # What the SDK decided
//
//   - Cancel is POST /v2/payouts/{id}/cancel: the reference's method line
//     prints GET (line 22453), its curl sends POST (line 22467), as do
//     Cross-border Cancel and the official payout.yaml.
//   - Get Payouts by Reference ID answers {data, has_more, links} as the
//     table and payout.yaml say (lines 22416-22442); the example is a bare
//     array (line 22376), which decodes too, as a page without more.
//     links is a list in the reference (line 22427) and one object in
//     payout.yaml; one object reads as a list of one.
//   - The callback is documented as an envelope with event and data (lines
//     22593-22611) and shown flat (lines 22548, 22573): [Callback] reads
//     both.
//   - receipt_notification is an object, as every example sends it, not
//     the "array of object" of the request table (line 22167).
//   - Payout ids are opaque: the reference prints both disb- and disb_
//     prefixes (lines 21849, 22291).
package payouts
