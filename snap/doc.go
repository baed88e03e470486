// Package snap calls Xendit's BI SNAP API: account binding, virtual accounts, QRIS and direct debit, signed.
//
// SNAP is Bank Indonesia's Standard Open API (Standar Nasional Open API
// Pembayaran); requests and callbacks are signed. API reference, section
// "BI SNAP":
// https://developers.xendit.co/api-reference/#bi-snap
//
// # Client and signing
//
// A snap [Client] wraps a core [xendit.Client], which authenticates with
// Basic Auth (your secret key), retries, rate-limits and generates
// X-EXTERNAL-ID. SNAP has credentials of its own, so [New] takes them and
// returns an error, as xendit.New does, instead of failing at the first
// call:
//
//	key, _ := os.ReadFile("snap-private-key.pem") // its public half is registered with Xendit
//	signer, err := snap.NewRSASignerPEM(key)
//	sc, err := snap.New(client, clientID, signer)
//
// [NewFromEnv] reads XENDIT_SNAP_CLIENT_ID and the private key as PEM in
// XENDIT_SNAP_PRIVATE_KEY (newlines may be written `\n`) or from the file
// named by XENDIT_SNAP_PRIVATE_KEY_FILE. Its errors name the variable, never
// its value.
//
// The client adds on every request X-TIMESTAMP (yyyy-MM-ddTHH:mm:ss+07:00,
// in [WIB] unless [WithTimeZone]), X-PARTNER-ID (your Xendit Client ID),
// CHANNEL-ID ("unknown" unless [WithChannelID] or [ChannelID]) and
// X-SIGNATURE.
//
// The reference names X-SIGNATURE but not its algorithm. The default,
// [RSASigner], follows the BI SNAP standard's asymmetric scheme:
// base64(SHA256withRSA(private key, [StringToSign])), where the string to
// sign is
//
//	POST:/snap/v1.0/transfer-va/create-va:lowercase(hex(sha256(minified body))):X-TIMESTAMP
//
// [HMACSigner] is the standard's symmetric variant (HMAC-SHA512 with a
// client secret). Any other scheme, or a key held in a KMS or an HSM, plugs
// in as a [Signer]. Confirm with Xendit which scheme and key your account
// uses before going live.
//
// The body is encoded once, signed, and sent as signed. X-TIMESTAMP and
// X-SIGNATURE are computed once per call, not per attempt: a retry after a
// 5xx or a dropped connection resends the same bytes with the same
// X-EXTERNAL-ID, X-TIMESTAMP and X-SIGNATURE, and Xendit's idempotency on
// X-EXTERNAL-ID (kept 24 hours) makes it act once. [WithExternalID] sets
// the key yourself, to repeat a call whose outcome is unknown.
//
// # Methods, and how they name an object
//
// Every SNAP endpoint is a POST with a JSON body; none has an id in its
// path. The package keeps the SDK's rule for path ids all the same: the
// identifier that selects an existing object is an argument, after ctx and
// before params, and never a field of params; what the call does with the
// object is params:
//
//	sc.InquireAccountBinding(ctx, partnerReferenceNo)
//	sc.UnbindAccount(ctx, partnerReferenceNo)
//	sc.VerifyOTP(ctx, originalReferenceNo, &snap.VerifyOTPParams{OTP: otp, Type: snap.OTPTypePayment})
//	sc.InquireVA(ctx, trxID)
//	sc.UpdateVA(ctx, trxID, &snap.UpdateVAParams{...})
//	sc.DeactivateVA(ctx, trxID)
//	sc.InquireQR(ctx, snap.PartnerReferenceNo("table-7-bill-42"))
//	sc.InquireDirectDebit(ctx, snap.ReferenceNo(debit.ReferenceNo))
//	sc.RefundDirectDebit(ctx, snap.PartnerReferenceNo("order-77"), &snap.RefundDirectDebitParams{})
//
// The SDK writes the argument into the body under the reference's name.
// Where the API takes either of two ids of one transaction (yours,
// originalPartnerReferenceNo, or Xendit's, originalReferenceNo), the
// argument is a [Ref], made by [PartnerReferenceNo] or [ReferenceNo]. A
// create names the new object in its params (partnerReferenceNo, trxId), as
// any create does. Fields the reference marks "ignored by Xendit" in the
// bodies of inquiries and deactivations (partnerServiceId, customerNo,
// virtualAccountNo) are not sent.
//
// Methods are named after the reference's titles: CreateAccountBinding,
// InquireAccountBinding, UnbindAccount, VerifyOTP, CreateVA, InquireVA,
// UpdateVA, DeactivateVA, CreateQR, InquireQR, CreateDirectDebit,
// InquireDirectDebit, RefundDirectDebit. Each body has a Params type whose
// exported Validate applies the reference's rules before sending (the
// methods call it, and refuse nil params); required fields are values,
// optional ones pointers ([xendit.Ptr]). Update VA is a POST that replaces
// what it is sent; the reference documents no way to clear a field, so its
// params use pointers rather than [xendit.Nullable]. SNAP has no list
// endpoint.
//
// # Flows
//
// Virtual account: [Client.CreateVA] with your trxId (a closed VA with
// TotalAmount, an open one without); the payer transfers; Xendit posts
// snap_virtual_account.payment; [Client.InquireVA], [Client.UpdateVA] and
// [Client.DeactivateVA] take the trxId.
//
// QRIS: [Client.CreateQR] returns QRContent to render; the customer pays;
// Xendit posts snap_qr.payment; [Client.InquireQR] reads the status.
//
// Direct debit: link an account once with [Client.CreateAccountBinding]
// (the answer is 2020700 "Request In Progress", [Result.InProgress]); the
// customer approves on the wallet's page, or you pass the OTP they receive
// to [Client.VerifyOTP] with [OTPTypeBinding]; [Client.InquireAccountBinding]
// until the payment method is ACTIVE. Then [Client.CreateDirectDebit] with
// its payment method id; when the response's Actions ask for an OTP,
// [Client.VerifyOTP] with [OTPTypePayment]; Xendit posts
// snap.direct_debit.succeeded. [Client.RefundDirectDebit] refunds all or
// part of it; [Client.UnbindAccount] ends the link.
//
// # Money, times and enums
//
// Amounts are {"value": "10000.00", "currency": "IDR"}: SNAP sends them as
// strings, so [Amount] keeps them as strings (the SDK's one exception to
// float64 amounts) and its currency is an [xendit.Currency]; only
// [xendit.CurrencyIDR] is accepted. Build them with [IDR], [IDRSen],
// [ParseAmount] or [NewAmount], never by formatting a float. Timestamps
// ([Time]) decode from every layout the reference uses and re-encode as
// received.
//
// Enums are typed strings named after their type ([ReusabilityOneTimeUse],
// [VAChannelBRI], [RedeemPointsNone]); unknown values decode. Status types
// answer one question whatever SNAP spells: [TransactionStatus.Succeeded]
// ("00"), [RefundStatus.Succeeded] ("SUCCESS"), [VAPaymentStatus.Succeeded]
// ("SUCCEEDED"), with Pending and Failed beside them. A
// [PaymentMethodStatus] says whether a VA, a QR or a linked account can be
// used, not whether money moved: it has Active and Pending instead.
//
// # Errors
//
// Every SNAP response carries a 7-digit responseCode: HTTP status, service
// code, case code ("4092701": 409, Create VA, duplicate reference). A
// failure is an [*Error] exposing those parts, and errors.Is matches the
// SDK's categories: xendit.ErrValidation (400), ErrUnauthorized (401),
// ErrForbidden (403), ErrIdempotencyConflict (409 case 00: X-EXTERNAL-ID
// reused), ErrDuplicate (409 case 01: partnerReferenceNo, trxId or
// partnerRefundNo reused). The reference prints its 403 rows with a 401
// prefix ("4012723" for an amount out of range); the class is therefore
// taken from the HTTP status line, and the case from the code. A 2xx whose
// responseCode is not a 2xx code is an error too. 2020700 "Request In
// Progress" is a success: [Result.InProgress]. A body that is not SNAP's
// (a proxy's page, Xendit's error_code body) keeps the core's
// [*xendit.Error].
//
// # Callbacks
//
// Xendit POSTs snap_virtual_account.payment, snap_qr.payment and
// snap.direct_debit.succeeded to the URL in Dashboard > Webhooks, signed
// in x-signature. They share one envelope, so one [Callback] type decodes
// them all ([ParseCallback]), with the payload of the documented types in
// VAPayment or Payment.
//
// [NewCallbackHandler] returns a [CallbackHandler]: the root's
// [xendit.WebhookHandler] with a verifier that checks the signature with
// Xendit's public key ([VerifyCallback]: the same string to sign, over your
// callback's path) and refuses an X-TIMESTAMP more than 5 minutes from now
// ([WithTimestampTolerance]), so that a captured callback cannot be
// replayed after the dedupe TTL or a restart. It processes each event once
// ([Callback.DedupeKey]; the callbacks' x-external-id is a constant).
// Everything the root handler does holds for it, and its options pass
// through [WithHandlerOptions]: share processed events between replicas
// with
//
//	snap.NewCallbackHandler(verifier, fn, snap.WithHandlerOptions(xendit.WithDedupeStore(store)))
//
// # Testing
//
// xendittest serves every SNAP endpoint, checks headers and signatures
// like Xendit (with xendittest.SNAPMerchantPrivateKeyPEM and
// xendittest.SNAPPartnerID), and sends signed callbacks (Server.PaySNAPVA,
// Server.PaySNAPQR, Server.SetCallbacks). See the programs in
// examples/snap-va, examples/snap-qr and examples/snap-direct-debit.
//
// # Known gaps in the reference
//
// Update VA names no field identifying the VA: the SDK sends trxId. The QR
// expiry field is printed as a second "metadata": the SDK sends
// paymentMethodExpiresAt. Unbinding shows the inquiry's service code (08).
// VA inquire and update show Create VA's success code (2002700). None of
// these codes is checked against the endpoint. latestTransactionStatus
// values other than 00 and 03 are named after the BI SNAP standard.
package snap
