// Package paymentmethods is Xendit's Payment Methods (v2) API: how a
// customer pays, whatever the channel — a card, an eWallet, a direct debit
// account, a virtual account, a payment code at a retail outlet or a QR
// code — saved for later payments (MULTIPLE_USE) or for one
// (ONE_TIME_USE). Payment Requests charge a payment method; this package
// creates, reads, lists, updates and expires them.
//
// # The flow
//
//	pms := paymentmethods.New(client)
//	pm, err := pms.Create(ctx, &paymentmethods.CreateParams{
//		Type: paymentmethods.TypeEWallet, Reusability: paymentmethods.ReusabilityMultipleUse,
//		CustomerID: xendit.Ptr(customerID),
//		EWallet: &paymentmethods.EWallet{ChannelCode: paymentmethods.EWalletChannelDANA,
//			ChannelProperties: &paymentmethods.EWalletChannelProperties{
//				SuccessReturnURL: xendit.Ptr("https://shop.example/linked"),
//				FailureReturnURL: xendit.Ptr("https://shop.example/failed")}},
//	})
//	// pm.Status is REQUIRES_ACTION: send the customer to
//	// pm.AuthURL(paymentmethods.URLTypeWeb), or, when the action's url_type
//	// is API, pass the OTP the customer received to Authorize.
//
// Then a payment_method.activated callback (see [Callback]) says the
// payment method is ACTIVE and can be charged. Update switches it between
// ACTIVE and INACTIVE and changes a payment code's or virtual account's
// amounts; Expire ends it for good (EXPIRED), and Xendit may expire it
// itself (payment_method.expiry.expired).
//
// # Statuses
//
// PENDING and REQUIRES_ACTION wait for the channel or the customer
// ([Status.Pending]); ACTIVE can be charged ([Status.Active]); INACTIVE is
// paused; EXPIRED is over; FAILED never became active (FailureCode says
// why; [Status.Failed]).
//
// # Channel types
//
// A payment method is one of several channel types: Type says which, and
// the object of that name carries the details (EWallet for EWALLET, Card
// for CARD, DirectDebit, OverTheCounter, QRCode, VirtualAccount); the
// others are absent. Each has its typed channel properties and its channel
// code type ([EWalletChannelCode], [DirectDebitChannelCode], ...).
// [PaymentMethod.ChannelCode] reads the code whatever the type. Xendit adds
// fields and types without notice: the keys a type has no field for are
// kept in its Extra and encoded back, so a payment method stored or
// forwarded loses nothing. A create sends a card's number once, in
// [CardParams]; responses carry only the token ([CardInformation]).
//
// # Exactly once
//
// No endpoint of this API takes an idempotency key, so the SDK never
// repeats Create, Update, Expire, Authorize or SimulatePayment after an
// ambiguous failure (a dropped connection, a timeout, a 5xx):
// [xendit.OutcomeUnknown] reports it. A payment method may then exist.
// Before creating again, look it up by the ReferenceID you sent:
//
//	page, err := pms.List(ctx, &paymentmethods.ListParams{ReferenceID: xendit.Ptr(ref)})
//
// and use the one found (one that is still REQUIRES_ACTION was never shown
// to the customer: expire it and create a new one). Expire and Update can
// simply be checked with Get.
//
// # Callbacks
//
// Set the "Payment Method" callback URL in the Dashboard. The root
// package's webhook handler verifies and dedupes; decode the event into a
// [Callback] (or use [ParseCallback]). payment_method.yaml defines no
// webhooks: the payment_method.* shapes are the API reference's (eWallets,
// "Tokenized - Account Linking Status Callback", lines 12340-12537, and
// "Token Expiry Callback"), the envelope of event, business_id, created and
// the payment method as data. A payment made with a payment method
// (payment.succeeded, payment.failed) is the payment request's callback:
// decode it with paymentrequests.ParseCallback, whose Payment carries the
// [PaymentMethod] (a handler on one URL tries each package's ParseCallback;
// here a payment event decodes with only Data set). Direct debit's flat payment_method.expiry.* webhooks
// (reference lines 18165-18210) belong to the directdebit API.
//
// # eWallets
//
// The eWallets package's account linking (CreatePaymentMethod,
// GetPaymentMethod, ExpirePaymentMethod) is this package: its types are
// aliases of these and its methods forward here.
//
// # Where the sources disagree
//
// The endpoints are payment_method.yaml's (late 2023). The API reference's
// eWallets section documents three of them (create, get, expire, lines
// 12029-12947) differently; the SDK decided:
//   - Create answers 201 in the file (line 181); the reference shows no
//     status. Any 2xx is success.
//   - country: the reference marks it required (line 12102), the file
//     optional; it is optional, and Validate requires it for an eWallet
//     present in several countries (SHOPEEPAY, GRABPAY).
//   - customer_id: required in the reference (line 12099), optional in the
//     file, whose examples send a customer object instead (lines 143-177);
//     Validate requires customer_id or customer to link (MULTIPLE_USE) an
//     eWallet or direct debit account.
//   - actions: an object in the reference (line 12234), an array in the
//     file and in every example; an array.
//   - description: an object in the reference's response (line 12315), a
//     string in the file; a string.
//   - Expire: no body in the reference, optional return URLs in the file
//     (lines 344-409); [ExpireParams] may be nil.
//   - TOUCHNGO is a linking channel in the reference and missing from the
//     file's eWallet channel codes; [EWalletChannelTouchNGo] keeps it.
//   - The path's id is {id} in the reference, {paymentMethodId} in the
//     file; the request line is the same.
//
// The file's own faults: list_payments answers an untyped object
// ([Payment] types the fields of Xendit's Payments documentation and keeps
// the rest in Extra), simulate_payment answers no body (SimulatePayment
// returns only an error), and the schema examples carry placeholders
// ("metadata": "{}", a string where an object belongs).
//
// `go run ./examples/payment-methods` pays a virtual account, links a
// direct debit account with an OTP, pauses, lists and unlinks it, offline
// against xendittest by default.
//
// # Idempotency and responses
//
// As no endpoint here documents an idempotency header, none is sent. To
// read the request id or rate limit of a call, pass
// xendit.CaptureResponse(&resp); on failure they are on [*xendit.Error].
package paymentmethods
