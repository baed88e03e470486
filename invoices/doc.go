// Package invoices creates Xendit invoices: a hosted checkout page
// (InvoiceURL) on which the customer pays with any channel the account
// offers (virtual accounts, cards, e-wallets, retail outlets, QR codes,
// direct debit, PayLater).
//
// The API reference: https://developers.xendit.co/api-reference/#invoices.
//
// # The flow
//
// [Client.Create] returns a PENDING invoice; send the customer to its
// InvoiceURL. When they pay, Xendit posts the invoice callback ([Callback],
// Status PAID) and the invoice reads PAID, later SETTLED once the money
// reaches the balance. An invoice not paid by its ExpiryDate (24 hours by
// default, CreateParams.InvoiceDuration) expires; [Client.Expire] expires it
// at once. Both PAID and SETTLED mean paid: ask Status.Succeeded().
//
//	inv, err := invoices.New(client).Create(ctx, &invoices.CreateParams{
//		ExternalID: "order-42",
//		Amount:     150000,
//		Currency:   xendit.Ptr(xendit.CurrencyIDR),
//	})
//	if err != nil {
//		return err
//	}
//	redirect(inv.InvoiceURL)
//
// For a xenPlatform sub-account pass [xendit.ForUserID] to any method; to
// split the payment, pass [xendit.WithSplitRule] to Create.
//
// # An ambiguous create
//
// Create Invoice documents no idempotency header, and Xendit does not
// refuse a second invoice with the same external_id. The SDK therefore
// never repeats a Create after a failure that Xendit may have processed (a
// timeout, a dropped connection, a 5xx); it retries only what was refused
// before processing (429, a failed dial). When Create fails with an error
// for which [xendit.OutcomeUnknown] is true, look the invoice up with
// [Client.ListByExternalID] before creating it again: an empty page means
// no invoice was made. Use one external_id per order for that to work.
//
// # Listing
//
// [Client.List] reads one page, newest first; [Client.All] walks every
// page with the last_invoice_id cursor. The API answers a bare array with
// no has_more, so a full page (as many invoices as the limit, 10 by
// default, at most 100) is taken to mean more may follow and the walk ends
// on the first short page. (The template's rule for a bare array, HasMore
// always false, is for endpoints without a cursor; this one has one.) Statuses, client types and payment channels go
// out as repeated query keys. Each time filter applies only with both of
// its bounds (created_after and created_before, ...), so Validate refuses
// a lone bound rather than let Xendit ignore it.
//
// # Callbacks
//
// The invoice callback is the invoice itself, flat: no "event" field, no
// "data" envelope. Expired-invoice callbacks are off by default (reference
// line 27540); enable them in the Dashboard to receive Status EXPIRED. The
// Dashboard has a callback URL per product ("invoice", line 33375): give
// invoices their own URL and nothing needs telling apart. On a URL shared
// with other products, an invoice callback is the body without "event"
// that has "id", "external_id", "status", "user_id" and "merchant_name";
// every product callback with an envelope has "event", and the other flat
// ones (virtual accounts, fixed payment codes, disbursements) lack
// "merchant_name". [ParseCallback] applies that rule and returns
// [ErrNotInvoiceCallback] for anything else, so a shared handler can try
// it first. Callbacks may arrive more than once: the root package's
// webhook handler verifies x-callback-token and drops repeated webhook-ids.
//
// `go run ./examples/invoice-checkout` runs the whole flow against the
// fake: create, the PAID callback, an expiry, and the recovery from an
// ambiguous create.
//
// # Reference inconsistencies and what the SDK does
//
// Line numbers are those of the API reference text the SDK is built from.
// Each decision is one line to change if Xendit proves the other reading.
//
//   - Get and Expire list invoice_id in a "Query Parameter" table (lines
//     26686-26689, 27025-27028) although their method lines put it in the
//     path (26610, 26947): it is a path segment.
//   - Expire's path is unversioned and ends in "!" (line 26947):
//     POST /invoices/{invoice_id}/expire! is sent exactly, "!" included.
//   - "Get Invoice by External ID" (lines 26614-26616) is the list
//     endpoint's external_id filter: [Client.ListByExternalID], which
//     returns a page since external ids are not unique.
//   - List's curl filters with after= and before= and JSON-array literals
//     (line 27207); its table names created_after, created_before and the
//     paid_ and expired_ pairs (lines 27386-27408): the SDK sends the table's
//     names, and the arrays as repeated keys, as Xendit's OpenAPI file
//     declares them (form style, explode: true); ListParams.query is the
//     one place to change if the live API wants the curl's JSON arrays.
//   - The cursor is last_invoice_id in the table and curl (line 27409);
//     Xendit's OpenAPI file names it last_invoice: the SDK sends
//     last_invoice_id.
//   - channel_properties.cards.installment_configuration is typed "array of
//     objects" (line 26139) but the request example sends an object (line
//     25430): [InstallmentConfiguration] is an object.
//   - The callback types payment_details.source as a number (line 27580)
//     while its examples ("OVO", "GOPAY") and the Get Invoice table (line
//     26884) make it a string: [PaymentDetails].Source is a string.
//   - bank_account_number is a string in Get Invoice's example and a
//     number in Expire Invoice's: [AccountNumber] decodes both.
//   - The items quantity "Maximum value 510000" (line 26100) reads as an
//     example value pasted into a limit: not enforced.
//   - The with-split-rule row speaks of "this card charge" (line 25952), a
//     copy from Cards: the header applies to the invoice.
//   - Xendit's OpenAPI file writes the create path "/v2/invoices/"; the
//     reference's method line (25353) has no trailing slash, and neither
//     does the SDK.
package invoices
