// Package ewallets takes payments from e-wallets in Indonesia, the
// Philippines, Vietnam, Thailand and Malaysia.
//
// It covers OVO, DANA, ShopeePay, GCash, Maya, GrabPay, MoMo, Touch 'n Go
// and the other wallets of those countries: charges, voids, refunds, linked
// accounts for tokenized payments, and their callbacks. API reference:
// https://developers.xendit.co/api-reference/#ewallets
//
// # A one-time checkout
//
// Create a charge with the wallet's channel code; [CreateChargeParams.Validate]
// (run by CreateCharge) checks the rules of the API reference's channel
// table before anything is sent: the channel_properties the channel and
// checkout method need (the mobile number for OVO, redirect URLs for
// redirect flows, device_type for WeChat Pay Malaysia), the currency of the
// channel's country and its minimum amount. A broken rule is a
// [*xendit.ValidationError] naming the field
// ("channel_properties.success_redirect_url").
//
//	charge, err := ewallets.New(client).CreateCharge(ctx, &ewallets.CreateChargeParams{
//		ReferenceID:    "order-1234-attempt-1",
//		Currency:       xendit.CurrencyIDR,
//		Amount:         25000,
//		CheckoutMethod: ewallets.CheckoutMethodOneTimePayment,
//		ChannelCode:    xendit.Ptr(ewallets.ChannelShopeePayID),
//		ChannelProperties: &ewallets.ChannelProperties{
//			SuccessRedirectURL: xendit.Ptr("https://shop.example/orders/1234/paid"),
//		},
//	})
//
// Optional fields are pointers ([xendit.Ptr]): every channel property is
// optional for some channel, so all of them are, and nil is not sent.
// Charges echo the properties back in the same type.
//
// The charge is PENDING. When IsRedirectRequired, send the customer to
// [Charge.CheckoutURL] (or show Actions.QRCheckoutString); OVO and Jenius
// Pay push the request to the customer's app instead. The outcome arrives as
// an ewallet.capture callback, SUCCEEDED or FAILED (with a FailureCode):
// decode it in the function of the root package's webhook handler, which
// has checked the callback token and deduplicated the delivery:
//
//	var cb ewallets.Callback
//	if err := event.Decode(&cb); err != nil {
//		return err
//	}
//	if cb.Event == ewallets.EventCapture && cb.Charge.Status.Succeeded() {
//		return markPaid(ctx, cb.Charge.ReferenceID)
//	}
//
// GetCharge reads the same state. Status types answer Succeeded, Pending
// and Failed, so callers need not learn each spelling.
//
// eWallets send callbacks about three resources (charges, refunds, linked
// accounts), often to one URL. Rather than a type per resource, as the
// template of this SDK has it for such products, one [Callback] decodes
// them all and sets Charge, Refund or PaymentMethod by the event: the
// caller cannot pick a type before reading the event, and a union lets one
// handler switch on it.
//
// # Void and refund
//
// VoidCharge cancels a SUCCEEDED charge in full on the day of payment (the
// ewallet.void callback confirms it); CreateRefund returns all or part of it
// later (ewallet.refund). Which wallets allow partial or repeated refunds
// varies; the API answers with error codes such as
// [CodePartialRefundNotSupported] and [CodeRefundInProgress].
//
//	refund, err := ew.CreateRefund(ctx, charge.ID, &ewallets.CreateRefundParams{
//		Amount: xendit.Ptr(5000.0),
//		Reason: xendit.Ptr(ewallets.RefundReasonRequestedByCustomer),
//	})
//
// ListRefunds returns one page of a charge's refunds ([xendit.Page]) and
// AllRefunds every one of them, lazily. The reference documents limit (1 to
// 50) and status for this list, and has_more in its answer, but no cursor:
// there is no way to ask for the refunds after a page. So AllRefunds asks
// for one page of 50, the most the API returns (or of params.Limit when set);
// should that page still say has_more, the loop gets its refunds and then
// an error wrapping [xendit.ErrPagination], rather than refunds silently
// missing. A charge rarely has that many refunds.
//
// # Tokenized payments
//
// Link a customer's wallet once with CreatePaymentMethod (the customer comes
// from the customers package; [CheckLinkingCustomer] says what the channel
// needs in it), send the customer to the payment method's AuthURL, wait for
// the payment_method.activated callback, then charge with CheckoutMethod
// [CheckoutMethodTokenizedPayment] and PaymentMethodID. ExpirePaymentMethod
// unlinks it; payment_method.expiry.expired says the wallet ended the link.
//
// A linked wallet is a Payment Method (v2), and these three methods and
// their types are package
// [github.com/seed19b1029f/xendit-go/paymentmethods]'s, under the names
// this package has always used: PaymentMethod is paymentmethods.PaymentMethod,
// CreatePaymentMethod builds a paymentmethods.CreateParams of type EWALLET.
// That package also lists, updates and authorizes payment methods.
//
// # Retries and unknown outcomes: reconcile by reference_id
//
// No eWallet endpoint documents an idempotency header. So the SDK retries a
// create only when the request surely was not processed (429, or a
// connection that could not be opened) and never after a 5xx, a timeout or
// a connection dropped after sending: a retry could take the customer's
// money twice. Such an error makes [xendit.OutcomeUnknown] true, and the
// charge may or may not exist. The API has no lookup by reference_id, so:
//
//  1. Store the order and the reference_id before calling CreateCharge, one
//     reference_id per attempt ("order-1234-attempt-1").
//  2. On an unknown outcome, do not charge again at once. If the charge was
//     created, its ewallet.capture callback arrives with your reference_id:
//     FAILED (the customer never saw a checkout URL, so a redirect charge
//     expires) or, for push channels such as OVO, possibly SUCCEEDED.
//  3. Match callbacks to orders by Charge.ReferenceID, not by charge id. A
//     new attempt gets a new reference_id; a SUCCEEDED callback for an
//     attempt you gave up on is refunded (or voided the same day).
//
// The same holds for CreateRefund (list the charge's refunds before
// refunding again) and CreatePaymentMethod.
//
// # Trying it
//
// `go run ./examples/ewallet-checkout` runs a checkout, its callback and a
// refund offline against xendittest, which plays the customer
// (CompleteEWalletCharge, FailEWalletCharge, ActivatePaymentMethod) and
// delivers the callbacks to your handler.
package ewallets
