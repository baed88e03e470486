// Package directdebit pulls payments straight from a customer's bank
// account or debit card: BRI and BCA in Indonesia, BPI and Unionbank in the
// Philippines, Bangkok Bank, Krungsri, Krungthai and SCB in Thailand.
// API reference: https://developers.xendit.co/api-reference/#direct-debit
//
// # Linking an account
//
// A customer (the customers package) links an account once:
//
//  1. InitializeTokenization with the channel and what it needs
//     ([InitializeTokenizationParams.Validate] says which properties each
//     channel requires) returns a PENDING linked account token (lat-...).
//  2. The customer authorizes: for BRI, with the OTP the bank sends
//     (ValidateTokenOTP); for the other banks, on the bank's page at
//     AuthorizerURL, after which a linked_account_token.successful
//     callback lists the accounts.
//  3. ListAccessibleAccounts returns the accounts (la-...) the token
//     reaches; CreatePaymentMethod turns one into a payment method
//     (pm-...), the source of funds of payments.
//
// UnbindToken ends the link. KTB's unlinking is confirmed by the customer
// on the bank's page: pass [UnbindTokenParams] with the redirect URLs and
// send the customer to the result's AuthorizerURL. When a bank invalidates
// a link (BPI, Unionbank), payment_method.expiry.expiring arrives 7 days
// before and payment_method.expiry.expired when it happens.
//
// # Paying and refunding
//
//	payment, err := dd.CreatePayment(ctx, &directdebit.CreatePaymentParams{
//		ReferenceID:     "order-1234",
//		PaymentMethodID: pm.ID,
//		Currency:        xendit.CurrencyIDR,
//		Amount:          150000,
//	})
//
// The payment is PENDING. Its RequiredAction says what comes next:
// VALIDATE_OTP (pass the customer's OTP to ValidatePaymentOTP),
// VALIDATE_ON_REDIRECT (send the customer to CheckoutURL) or nothing (the
// bank is debiting). The outcome arrives in a direct_debit.payment
// callback, COMPLETED or FAILED with a [FailureCode]; GetPayment reads the
// same state. Decode callbacks in the function of the root package's
// webhook handler, which has checked the callback token and dropped
// repeated deliveries:
//
//	var cb directdebit.Callback
//	if err := event.Decode(&cb); err != nil {
//		return err
//	}
//	if cb.Event == directdebit.EventPayment && cb.Payment.Status.Succeeded() {
//		return markPaid(ctx, cb.Payment.ReferenceID)
//	}
//
// CreateRefund returns all or part of a COMPLETED payment; the
// direct_debit.refund callback reports the result. One [Callback] type
// decodes every direct debit callback, the flat ones (linking, expiry,
// payment: the object's fields beside event and timestamp) and the refund's
// envelope (event, created, business_id, data), and sets the field of the
// event's object, so one handler switches on Event.
//
// # Idempotency
//
// Create Payment and Create Refund require an Idempotency-key header
// (spelled so). The SDK generates one key per call and sends the same key
// on every retry, so a payment retried after a timeout or a 5xx debits
// once; to make a retry across restarts safe too, give your own with
// [xendit.WithIdempotencyKey] (say, the order's reference_id). The key is
// in [xendit.Response].IdempotencyKey on success (read it with
// [xendit.CaptureResponse]) and in [xendit.Error].IdempotencyKey on
// failure. The same key with another body is refused with
// [CodeIdempotencyError] (refunds) or [CodeDuplicateError] (payments).
//
// # Exactly once
//
// InitializeTokenization, ValidateTokenOTP, CreatePaymentMethod and
// ValidatePaymentOTP have no idempotency header, so the SDK sends them once
// when Xendit may have processed them (a 5xx, a timeout, a connection
// dropped after sending); it retries only a 429 and a connection that could
// not be opened. Such an error makes [xendit.OutcomeUnknown] true. Then
// look before trying again:
//
//   - a linking: initialize again; a token nobody authorizes links
//     nothing;
//   - an OTP: GetPayment (a payment) or ListAccessibleAccounts (a linking)
//     says whether the OTP went through;
//   - a payment method: ListPaymentMethods for the customer; a second
//     method for the same account is refused with [CodeDuplicateError];
//   - a payment whose key you lost: ListPaymentsByReferenceID with its
//     reference_id.
//
// # Reference inconsistencies and what the SDK does
//
// Line numbers are those of the API reference text the SDK is built from.
//
//   - Validate Payment OTP: the method line says POST (line 17135), the
//     curl sends -X GET with a JSON body (line 17141). The SDK sends POST:
//     the call carries a body and every SDK sample posts otp_code.
//   - Unbind a Linked Account Token: the method line says DELETE (line
//     16257) but the curl is a copy of Validate OTP, a POST to
//     .../validate_otp (line 16267). The SDK sends DELETE to the token, as
//     the method line and the JavaScript sample (lines 16284-16290) do.
//     The KTB variant (line 16261) is the same DELETE with the two
//     redirect URLs as query parameters: [UnbindTokenParams].
//   - Get Payment by Reference ID: the example is one object under a
//     heading copied from Get Payment by ID (lines 17711-17730), while the
//     Java and C# samples return arrays (lines 17682, 17703) and a
//     reference_id need not be unique. ListPaymentsByReferenceID returns a
//     page and accepts a single object too. The curl's trailing "/" after
//     the reference_id (line 17639) is not sent.
//   - List Refunds: the table describes {data, has_more, links} (lines
//     18057-18067); the example wraps it in an array (line 18036). The SDK
//     reads both. No query parameter is documented, so AllRefunds follows
//     the query of the "next" link.
//   - Amounts: requests take numbers; payments and refunds answer amount
//     as a numeric string ("10000", line 17026) and the payment callback as
//     either ("1000.00" and 1000.00, lines 18223, 18255). They are
//     [xendit.Number], which reads both and re-encodes what was sent.
//   - The basket's price and quantity are typed string and its metadata
//     string (lines 16991-17000): they are numbers and an object, as the
//     PHP, Go and Java samples send (lines 16693-16694).
//   - Validate Payment OTP's error example is a copied DUPLICATE_ERROR
//     about idempotency keys (lines 17277-17282): it has no idempotency
//     header, and the SDK sends none.
//   - The refund callback's example spells its event "“direct_debit.refund"
//     with a stray quote (line 18328); [Callback] drops the quote.
//   - Timestamps carry offsets without a colon ("+0800"); [xendit.Time]
//     reads them and re-encodes them as received.
//   - The v1 payment method tables document only the status ACTIVE; the
//     fake (xendittest) and [PaymentMethodStatusExpired] use EXPIRED for an
//     invalidated method, as the v2 API and the expiry callback name it.
//
// # Trying it
//
// xendittest serves every endpoint with state: it plays the customer and
// the bank (xendittest.DirectDebitOTP is the OTP it accepts;
// CompleteDirectDebitLinking, CompleteDirectDebitPayment,
// FailDirectDebitPayment, ExpireDirectDebitPaymentMethod and
// WarnDirectDebitPaymentMethodExpiry) and delivers the callbacks to the
// URL set with SetCallbacks (product "directdebit").
package directdebit
