// Package snap calls Xendit's BI SNAP API, Bank Indonesia's Standard
// Open API (Standar Nasional Open API Pembayaran): account binding, virtual
// accounts, QRIS (merchant-presented QR) and direct debit, with signed
// requests and verifiable callbacks. API reference, section "BI SNAP":
// https://developers.xendit.co/api-reference/#bi-snap
//
// # Client and signing
//
// A snap [Client] wraps a core [xendit.Client], which authenticates with
// Basic Auth (your secret key), retries, rate-limits and generates
// X-EXTERNAL-ID. The snap client adds on every request X-TIMESTAMP
// (yyyy-MM-ddTHH:mm:ss+07:00, in [WIB] unless [WithTimeZone]),
// X-PARTNER-ID (your Xendit Client ID), CHANNEL-ID ("unknown" unless
// [WithChannelID] or [ChannelID]) and X-SIGNATURE:
//
//	key, _ := os.ReadFile("snap-private-key.pem") // its public half is registered with Xendit
//	signer, err := snap.NewRSASignerPEM(key)
//	sc, err := snap.New(client, clientID, signer)
//
// The reference names X-SIGNATURE but not its algorithm. The default,
// [RSASigner], follows the BI SNAP standard's asymmetric scheme:
// base64(SHA256withRSA(private key, [StringToSign])), where the string to
// sign is
//
//	POST:/snap/v1.0/transfer-va/create-va:lowercase(hex(sha256(minified body))):X-TIMESTAMP
//
// [HMACSigner] is the standard's symmetric variant (HMAC-SHA512 with a
// client secret). Any other scheme, or a key held in a KMS, plugs in as a
// [Signer]. Confirm with Xendit which scheme and key your account uses.
//
// The body is encoded once, signed, and sent as signed. X-TIMESTAMP and
// X-SIGNATURE are computed once per call, not per attempt: a retry after a
// 5xx or a dropped connection resends the same request with the same
// X-EXTERNAL-ID, X-TIMESTAMP and X-SIGNATURE, and Xendit's idempotency on
// X-EXTERNAL-ID (kept 24 hours) makes it act once. [WithExternalID] sets
// the key yourself, to repeat a call whose outcome is unknown.
//
// # Money, times and enums
//
// Amounts are {"value": "10000.00", "currency": "IDR"}: build them with
// [IDR], [IDRSen], [ParseAmount] or [NewAmount], never by formatting a
// float. Timestamps decode from every layout the reference uses. Enums are
// typed string constants; unknown values decode.
//
// # Errors
//
// Every SNAP response carries a 7-digit responseCode: HTTP status, service
// code, case code ("4092701": 409, Create VA, duplicate reference). A
// failure is an [*Error] exposing those parts, and errors.Is matches the
// SDK's categories: xendit.ErrValidation (400), ErrUnauthorized (401),
// ErrForbidden (403), ErrIdempotencyConflict (409 case 00: X-EXTERNAL-ID
// reused), ErrDuplicate (409 case 01: partnerReferenceNo or trxId reused).
// The reference prints its 403 rows with a 401 prefix ("4012723" for an
// amount out of range); the class is therefore taken from the HTTP status
// line, and the case from the code. A 2xx whose responseCode is not a 2xx
// code is an error too. 2020700 "Request In Progress" is a success:
// [Result.InProgress].
//
// # Callbacks
//
// Xendit POSTs snap_virtual_account.payment, snap_qr.payment and
// snap.direct_debit.succeeded to the URL in Dashboard > Webhooks, signed
// in x-signature. [CallbackHandler] verifies the signature with Xendit's
// public key ([VerifyCallback]: the same string to sign, over your
// callback's path), decodes a typed [Callback], and processes each event
// once ([Callback.DedupeKey]; the callbacks' x-external-id is a constant).
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
