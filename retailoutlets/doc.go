// Package retailoutlets takes cash payments at retail outlets: Indonesia's
// fixed payment codes (Alfamart, Indomaret) and the Philippines' payment
// codes (7-Eleven, Cebuana, ECPay, LBC and DragonPay's partners). API
// reference: https://developers.xendit.co/api-reference/#retail-outlets
//
// # The flow
//
// Create a code, show it to the customer (or, for Alfamart, a barcode of
// it), and wait for the payment callback. The customer tells the cashier
// the code and pays in cash; Xendit then posts the callback to the URL set
// in the Dashboard:
//
//	code, err := retailoutlets.New(client).CreateFixedPaymentCode(ctx, &retailoutlets.CreateFixedPaymentCodeParams{
//		ExternalID:       "order-1234",
//		RetailOutletName: retailoutlets.RetailOutletNameAlfamart,
//		Name:             "Rika Sutanto",
//		ExpectedAmount:   50000,
//		IsSingleUse:      xendit.Ptr(true),
//	})
//	// show code.PaymentCode to the customer
//
// The Philippine API is a different one, with its own names
// (reference_id, channel_code, customer_name, amount, expires_at):
//
//	code, err := ro.CreatePaymentCode(ctx, &retailoutlets.CreatePaymentCodeParams{
//		ReferenceID:  "order-1234",
//		ChannelCode:  retailoutlets.Channel7ElevenCliqq,
//		Amount:       xendit.Ptr(500.0),
//		Currency:     xendit.CurrencyPHP,
//		CustomerName: "Juan dela Cruz",
//		Market:       retailoutlets.CountryPH,
//	})
//
// Validate (run by every method) checks what the reference documents
// before anything is sent: required fields, lengths and the characters a
// cashier can read in a name, the outlet's or channel's amount range
// (rupiah are whole), PHP and PH, no chosen code on 7ELEVEN, multiple use
// only on the channels that have it. A broken rule is a
// [*xendit.ValidationError] naming the field.
//
// # Callbacks
//
// Each payment sends one callback, decoded by one type, [Callback], in the
// function of the root package's webhook handler (which has checked the
// callback token and dropped repeated webhook-ids): FixedPaymentCode is
// set for Indonesia's callback, which has no "event" field and is told
// apart by its fixed_payment_code_payment_id; PaymentCode for the
// Philippines' payment_code.payment. Match a payment to your order by
// ExternalID (Indonesia) or ReferenceID (the Philippines), never by
// amount: a multiple-use code is paid many times. A payment's
// [PaymentStatus] answers Succeeded for both SETTLING and COMPLETED (the
// customer paid) and Settled once the money is in your balance.
//
// A single-use code turns INACTIVE when paid; a code turns EXPIRED (in
// Indonesia) when its expiry passes, and an update that sets the expiry in
// the past expires it at once. The payments of a code are listed by
// ListFixedPaymentCodePayments / AllFixedPaymentCodePayments and
// ListPaymentCodePayments / AllPaymentCodePayments: the way to catch up on
// callbacks you missed.
//
// # Exactly once
//
// No retail outlet endpoint documents an idempotency header, and no
// endpoint looks a code up by external_id or reference_id. So the SDK
// never repeats a create after a 5xx, a timeout or a connection dropped
// after sending (it retries only a 429 or a connection that never
// opened); such an error makes [xendit.OutcomeUnknown] true, and the code
// may or may not exist. To get exactly one code per order:
//
//  1. Store the order with its external_id / reference_id before calling
//     Create, one id per attempt ("order-1234-1").
//  2. On an unknown outcome, do not show the customer any code; create a
//     new one with a new id ("order-1234-2") and keep the old id as
//     abandoned. A code from the lost attempt cannot be paid, as nobody
//     knows its number.
//  3. Match payment callbacks by that id. Should one ever arrive for an
//     abandoned id, the customer paid that order: treat it as paid.
//
// Updates are not repeated by the SDK after an ambiguous failure either
// (they are PATCHes without an idempotency header), but you may send one
// again yourself: it sets the same values again. Reads are retried.
//
// A successful call's details (request id, rate limit) are in
// [xendit.CaptureResponse]; a failed one's in [*xendit.Error].
//
// # Decisions on the reference
//
//   - The fixed payment code payments list sends "links" as one object
//     (lines 20540, 20579), where other lists send a list; the SDK reads
//     either into [xendit.Page].Links. Its after_id is the id of the last
//     payment of a page (line 20541), which AllFixedPaymentCodePayments
//     follows.
//   - The payment code payments list is documented as an array (line
//     21622) but its example is one object (lines 21624-21635); the SDK
//     reads either, as a page with HasMore false, and documents no paging,
//     so AllPaymentCodePayments makes one request.
//   - The expected amount's maximum is Rp 2,500,000 for Alfamart and Rp
//     5,000,000 for Indomaret (line 19926); the error table says
//     5,000,000 only. Create checks the outlet's own maximum; Update,
//     which does not name the outlet, the wider one.
//   - The list of channels beside the payment_code rule (lines 20883-20892)
//     adds ROBINSONS_BILLS and SM_BILLS to the channels of line 20815; they
//     are constants here, with no amount range, as the reference gives
//     none.
//
// # Trying it
//
// [github.com/seed19b1029f/xendit-go/xendittest] serves these endpoints
// with their state; the reference has no test-mode payment endpoint, so
// the fake pays a code through its test hooks PayFixedPaymentCode and
// PayPaymentCode, which deliver the callback to your handler.
package retailoutlets
