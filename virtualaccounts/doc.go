// Package virtualaccounts takes bank transfers into callback virtual
// accounts: account numbers at a bank, created for a customer or an order,
// that the customer pays from an ATM or a banking app, in Indonesia,
// Vietnam, Thailand and Malaysia. API reference:
// https://developers.xendit.co/api-reference/#virtual-accounts
//
// # The flow: create, wait for the payment callback
//
// Create an account with your own external_id (an order id, a customer
// id); [CreateVirtualAccountParams.Validate] (run by CreateVirtualAccount)
// checks the reference's rules before anything is sent: the name's
// characters, the country's currencies, the bank's range for a closed
// account's expected amount and the features only some banks have. A
// broken rule is a [*xendit.ValidationError] naming the field.
//
//	va, err := virtualaccounts.New(client).CreateVirtualAccount(ctx, &virtualaccounts.CreateVirtualAccountParams{
//		ExternalID:     "order-1234",
//		BankCode:       virtualaccounts.BankBNI,
//		Name:           "Michael Chen",
//		IsClosed:       xendit.Ptr(true),
//		IsSingleUse:    xendit.Ptr(true),
//		ExpectedAmount: xendit.Ptr(50000.0),
//	})
//
// Show the customer va.BankCode and va.AccountNumber. The account is
// PENDING while the bank sets it up; the created/updated callback says
// when it is ACTIVE ([Status.Active]). Each payment arrives as a payment
// callback carrying your external_id; decode both with [Callback] in the
// function of the root package's webhook handler, which has checked the
// x-callback-token and deduplicated the delivery by webhook-id. Neither
// callback has an "event" field: they are told apart by shape, and a body
// of another product is refused with [ErrNotVirtualAccountCallback], so
// one URL can serve several products. Rather than a type per callback, as
// the SDK's template has it for products that send several, one
// [Callback] sets VirtualAccount or Payment: with no event to read, the
// caller cannot pick a type before decoding, as with eWallets' union.
// GetPayment reads a payment again by its payment_id.
//
// A closed account accepts only its expected amount; an open one any
// amount (between MinAmount and MaxAmount at BCA, BNC and CIMB). A
// single-use account becomes INACTIVE once paid; a multiple-use one takes
// payment after payment, each with its own callback. UpdateVirtualAccount
// changes an account that is not INACTIVE; an ExpirationDate in the past
// expires it at once.
//
// In test mode, SimulatePayment plays the customer paying an account (by
// its external_id), and Xendit sends the payment callback. ListBanks says
// which banks the account may use.
//
// # Exactly once: reconcile by external_id
//
// No virtual account endpoint documents an idempotency header. So the SDK
// repeats CreateVirtualAccount only when the request surely was not
// processed (429, or a connection that could not be opened), never after a
// 5xx, a timeout or a connection dropped after sending: a retry could
// create a second account. Such an error makes [xendit.OutcomeUnknown]
// true, and the account may or may not exist. The API has no lookup by
// external_id, so:
//
//  1. Store the order and its external_id before calling, one external_id
//     per account you mean to create.
//  2. On an unknown outcome, do not create again at once. If the account
//     was created, its created/updated callback (the Dashboard's
//     fva_status URL) arrives with your external_id and the account's id:
//     record it, and it is the one. Xendit redelivers an unacknowledged
//     callback for 24 hours, so give it time before concluding none was
//     created.
//  3. If you choose the number (VirtualAccountNumber), creating again with
//     the same number is safe: Xendit refuses a number in use with
//     [CodeDuplicateCallbackVirtualAccount] (which matches
//     [xendit.ErrDuplicate]), meaning the first attempt went through.
//  4. Otherwise, if you create again, two accounts may exist for one
//     order: match payment callbacks by ExternalID, not by account id, and
//     expire the one you do not show (UpdateVirtualAccount with an
//     ExpirationDate in the past) once its callback tells you its id.
//
// SimulatePayment has no idempotency header either and is never repeated
// after an ambiguous failure. No endpoint here takes an idempotency key, so
// [xendit.Response].IdempotencyKey and [xendit.Error].IdempotencyKey stay
// empty, and a call given [xendit.WithIdempotencyKey] is refused before
// sending rather than sent with a header Xendit would ignore.
//
// # What the SDK decided where the reference disagrees with itself
//
//   - min_amount and max_amount are "integer positive" in Create Virtual
//     Account (lines 18607-18614) but strings in Update (lines 18888-18893)
//     and in the Virtual Account Object (lines 19186-19191). The SDK sends
//     integers in both requests (int64) and decodes either a number or a
//     numeric string ([xendit.Number]) in responses.
//   - Create's description is "Available for BRI and BSI" (line 18626);
//     Update documents no such limit (line 18903). Validate applies it on
//     Create only, where the bank is known.
//   - country defaults to ID (line 18554), yet the Vietnamese, Thai and
//     Malaysian bank codes (lines 18521-18533) cannot be Indonesian. Without
//     a country, Validate assumes the bank's country for the currency rule;
//     with one, it refuses a bank of another country.
//   - Simulate Payment and Get Virtual Account Payment print the literal
//     segments "external_id=" and "payment_id=" in their paths (lines
//     19230, 19365); the SDK sends them so.
//   - The VA Object's currency is "available for API version 2018-12-21"
//     (line 19172), but no endpoint of this section documents a version
//     header: none is sent, and the fields decode as documented.
//
// # Trying it
//
// `go run ./examples/virtual-account` runs the flow offline: an account for
// an order, its ready callback, a simulated transfer, the payment callback
// matched to the order by external_id, and a create whose outcome is
// unknown.
//
// xendittest serves these endpoints statefully: Create answers PENDING and
// sends the created/updated callback with the account ACTIVE; Simulate
// Payment checks the amount against a closed account, records the payment
// for GetPayment and sends the payment callback; a test can also pay an
// account directly with [xendittest.Server.PayVirtualAccount].
package virtualaccounts
