// Package customers creates, reads, looks up and updates customers: the person or business a payment, a payment method or a KYC check belongs to.
//
// The API reference: https://developers.xendit.co/api-reference/#customers.
//
// # Versions
//
// The Customers API has two versions whose JSON shapes differ, so every call
// pins one in the API-VERSION header instead of taking the account's
// Dashboard default:
//
//   - 2020-10-31 ([New], the latest): INDIVIDUAL and BUSINESS customers,
//     with [IndividualDetail] or [BusinessDetail], identity accounts (bank
//     accounts, e-wallets, cards, ...) and KYC documents.
//   - 2020-05-19 ([NewV20200519], the original): individuals only, with
//     their names at the top level ([CustomerV20200519]).
//
// # Looking customers up by your reference id
//
// The reference calls it "Get Customer by Reference ID", but it answers a
// list, so the SDK names it as one: [Client.ListByReferenceID] returns a
// page ([xendit.Page]) and [Client.AllByReferenceID] walks every page,
// following after_id from each page's last customer as the reference's
// has_more describes. 2020-10-31 answers {"data": [...], "has_more": ...};
// 2020-05-19 answers a bare JSON array, given as one page with HasMore
// false. No match is an empty page, not an error.
//
//	for cust, err := range customers.New(client).AllByReferenceID(ctx,
//		&customers.ListByReferenceIDParams{ReferenceID: "customer-42"}) {
//		...
//	}
//
// Integrations on the original API version use
// customers.NewV20200519(client), whose methods have the same names.
//
// # Creating and updating
//
// [Client.Create] sends an IDEMPOTENCY-KEY (generated once per call unless
// [xendit.WithIdempotencyKey] gives one), so a Create whose outcome is
// unknown is retried safely. A reference_id already in use is a 409
// DUPLICATE_ERROR: update that customer instead.
//
// [Client.Update] is a PATCH: every field of [UpdateParams] is an
// [xendit.Nullable]; fields left unset are unchanged, [xendit.Set] replaces a
// value (arrays and nested objects wholesale), and [xendit.Null] clears it.
// reference_id and type cannot be changed.
//
//	cust, err := customers.New(client).Create(ctx, &customers.CreateParams{
//		ReferenceID:      "customer-42",
//		Type:             customers.TypeIndividual,
//		IndividualDetail: &customers.IndividualDetail{GivenNames: "John", Surname: xendit.Ptr("Doe")},
//		Email:            xendit.Ptr("john@example.com"),
//	})
//	// PATCH: set one field, clear another, leave the rest alone.
//	cust, err = customers.New(client).Update(ctx, cust.ID, &customers.UpdateParams{
//		PhoneNumber: xendit.Set("+628121234567"),
//		Email:       xendit.Null[string](),
//	})
//
// Params are checked before sending against the reference's required fields
// and length limits (each params type's exported Validate, which a form
// handler can call too); a broken rule is a [*xendit.ValidationError]
// naming the field. CreateParams.Type stays a value although the API lets
// it be left out: the SDK always sends it, INDIVIDUAL when it is empty, so
// an empty type never reaches Xendit. The properties of
// [AccountProperties] stay values too: which are required depends on the
// account's type, and an empty one is left out. The reference's "alphanumeric only" notes are not enforced: its
// own examples break them.
//
// # Dates
//
// Dates without a time (date_of_birth, date_of_registration, expires_at)
// are [Date], YYYY-MM-DD: a response's date that is not YYYY-MM-DD keeps its
// text ([Date.Raw]) and re-encodes it, and [Date.Time] reports the error,
// instead of failing the call.
//
// Customers sends no callbacks, so the package has no callbacks.go.
//
// # The reference and Xendit's OpenAPI file
//
// The types follow the API reference and add what Xendit's OpenAPI file
// (customer.yaml) has besides: a customer's status ([Status]); an
// address's id, status, meta, created and updated; an identity account's id,
// code, holder_name and created; an individual's middle_name,
// given_names_non_roman, surname_non_roman and mother_maiden_name. Fields
// only the reference has stay: hashed_phone_number, the top-level
// date_of_registration and domicile_of_registration, trading_name, and the
// SOCIAL_MEDIA account's account_handle. Where the two disagree, the
// reference wins:
//
//   - Identity account types: the reference lists PAY_LATER and
//     SOCIAL_MEDIA; the OpenAPI file has no SOCIAL_MEDIA, and its response
//     schema says CARDLESS_CREDIT where its request schema says PAY_LATER.
//     The SDK sends the reference's values and decodes any.
//   - Required fields: Create's OpenAPI schema requires client and entity,
//     which it never defines, and an address's category, city, postal
//     code, province and street lines; the SDK checks the reference's
//     rules (an address needs only country).
//   - expires_at of identity accounts and KYC documents is YYYY-MM-DD in
//     the reference and any string in the OpenAPI file: a response's [Date]
//     that is not YYYY-MM-DD keeps its text ([Date.Raw]) instead of
//     failing the call, and [Date.Time] reports the error.
//   - Address names: the OpenAPI request schema says line_1, line_2,
//     country_code and suburb where its response schema and the reference
//     say street_line1, street_line2 and country; the SDK uses the latter.
//   - The OpenAPI example writes metadata and meta as the string "{}"; its
//     schema, the reference and the SDK say object.
package customers
