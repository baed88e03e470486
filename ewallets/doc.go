// Package ewallets takes payments from e-wallets in Indonesia, the
// Philippines, Vietnam, Thailand and Malaysia (OVO, DANA, ShopeePay, GCash,
// Maya, GrabPay, MoMo, Touch 'n Go, ...): charges, voids, refunds, linked
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
// channel's country and its minimum amount.
//
//	charge, err := ewallets.New(client).CreateCharge(ctx, &ewallets.CreateChargeParams{
//		ReferenceID:    "order-1234-attempt-1",
//		Currency:       ewallets.IDR,
//		Amount:         25000,
//		CheckoutMethod: ewallets.OneTimePayment,
//		ChannelCode:    ewallets.ChannelShopeePayID,
//		ChannelProperties: &ewallets.ChannelProperties{
//			SuccessRedirectURL: "https://shop.example/orders/1234/paid",
//		},
//	})
//
// The charge is PENDING. When IsRedirectRequired, send the customer to
// [Charge.CheckoutURL] (or show Actions.QRCheckoutString); OVO and Jenius
// Pay push the request to the customer's app instead. The outcome arrives as
// an ewallet.capture callback, SUCCEEDED or FAILED (with a FailureCode):
// decode it from the root package's webhook handler with
// event.Decode(&cb) into a [Callback]. GetCharge reads the same state.
//
// # Void and refund
//
// VoidCharge cancels a SUCCEEDED charge in full on the day of payment (the
// ewallet.void callback confirms it); CreateRefund returns all or part of it
// later (ewallet.refund). Which wallets allow partial or repeated refunds
// varies; the API answers with error codes such as
// PARTIAL_REFUND_NOT_SUPPORTED and REFUND_IN_PROGRESS.
//
// # Tokenized payments
//
// Link a customer's wallet once with CreatePaymentMethod (the customer comes
// from the customers package), send the customer to the payment method's
// AuthURL, wait for the payment_method.activated callback, then charge with
// CheckoutMethod TokenizedPayment and PaymentMethodID. ExpirePaymentMethod
// unlinks it; payment_method.expiry.expired says the wallet ended the link.
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
package ewallets
