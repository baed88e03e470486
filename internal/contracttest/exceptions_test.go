package contracttest

import "regexp"

// patch is one exception: a known defect of Xendit's OpenAPI file, fixed in
// the copy Prism serves. Old must occur exactly N times in File.
type patch struct {
	File, Why, Old, New string
	N                   int
}

const (
	customerFile = "customer.yaml"
	balanceFile  = "balance_and_transaction.yaml"
	invoiceFile  = "invoice.yaml"
	payoutFile   = "payout.yaml"
	refundFile   = "refund.yaml"
	prFile       = "payment_request.yaml"
)

// exceptions, with roundTripExceptions and responseOnlyValues below, is the
// whole list of what the test forgives the files, each with the reason.
// Nothing else is patched or filtered: any other violation Prism reports
// fails the test.
var exceptions = []patch{
	// Requests.
	{
		// CustomerRequest and PatchCustomer require client and entity,
		// properties neither schema defines and the reference never
		// mentions: no request could be valid.
		File: customerFile, Why: "create and update require undefined client and entity",
		Old: "      - client\n      - entity\n", New: "", N: 2,
	},
	{
		// The reference documents SOCIAL_MEDIA identity accounts; the
		// request enum (2023) lacks them. The reference wins.
		File: customerFile, Why: "the request's identity account enum lacks SOCIAL_MEDIA",
		Old: "      - QR_CODE\n      type: string\n    IdentityAccountRequest:",
		New: "      - QR_CODE\n      - SOCIAL_MEDIA\n      type: string\n    IdentityAccountRequest:", N: 1,
	},
	{
		// The id path parameter of Get and Update is a bare UUID in the
		// file; the reference's 2020-10-31 ids are "cust-" and a UUID.
		File: customerFile, Why: "the path's customer id is a bare uuid",
		Old: "        name: id\n        required: true\n        schema:\n          example: d290f1ee-6c54-4b01-90e6-d701748f0851\n          format: uuid\n",
		New: "        name: id\n        required: true\n        schema:\n          example: d290f1ee-6c54-4b01-90e6-d701748f0851\n", N: 2,
	},

	{
		// The reference authenticates every call with HTTP Basic, the
		// secret key as user name (line 18); the file declares an
		// x-api-key header, which no operation uses.
		File: invoiceFile, Why: "the security scheme is an x-api-key header, not HTTP Basic",
		Old: "    ApiKeyAuth:\n      in: header\n      name: x-api-key\n      type: apiKey\n",
		New: "    ApiKeyAuth:\n      scheme: basic\n      type: http\n", N: 1,
	},
	{
		// Each operation requires only the empty security requirement,
		// and Prism answers 401 to a request that carries credentials
		// anyway. Requiring Basic instead also checks the SDK sends it.
		File: invoiceFile, Why: "every operation requires no authentication",
		Old: "      security:\n      - {}\n", New: "      security:\n      - ApiKeyAuth: []\n", N: 4,
	},
	{
		// The file creates at POST /v2/invoices/, the reference (line
		// 25353) and the SDK at POST /v2/invoices, where the file has only
		// the list: these two patches put the create operation on the
		// list's path too (a YAML alias).
		File: invoiceFile, Why: "create's path has a trailing slash",
		Old: "  /v2/invoices/:\n    post:\n", New: "  /v2/invoices/:\n    post: &createInvoice\n", N: 1,
	},
	{
		File: invoiceFile, Why: "create's path has a trailing slash (the path without it)",
		Old: "  /v2/invoices:\n    get:\n", New: "  /v2/invoices:\n    post: *createInvoice\n    get:\n", N: 1,
	},

	{
		// invoice_duration is a number of seconds in the reference (line
		// 25415 and its example); the file says string.
		File: invoiceFile, Why: "invoice_duration is a string",
		Old: "        invoice_duration:\n          description: The duration of the invoice.\n          type: string\n",
		New: "        invoice_duration:\n          description: The duration of the invoice.\n          type: number\n", N: 1,
	},

	// Responses.
	{
		// An Invoice requires status_updated, a property the schema does
		// not define and the reference never mentions: no answer is valid.
		File: invoiceFile, Why: "Invoice requires the undefined status_updated",
		Old: "      - status_updated\n", New: "", N: 1,
	},
	{
		// An item's quantity has exclusiveMinimum 0 (its description says
		// "greater than or equal to 0"), yet Prism's generator still makes
		// 0 and then refuses its own answer.
		File: invoiceFile, Why: "items.quantity's exclusive minimum 0 fails Prism's own answers",
		Old: "          exclusiveMinimum: true\n          minimum: 0\n", New: "          minimum: 0\n", N: 1,
	},

	// Static examples that break their own schema, so that Prism --errors
	// answers them instead of a 500. Dynamic answers need none of these.
	{
		// The Customer example writes metadata, and an address's meta, as
		// the string "{}"; the schema (and the reference) say object.
		File: customerFile, Why: `metadata is the string "{}" in the examples`,
		Old: `metadata: "{}"`, New: `metadata: {}`, N: 5,
	},
	{
		File: customerFile, Why: `an address's meta is the string "{}" in the examples`,
		Old: `meta: "{}"`, New: `meta: {}`, N: 7,
	},
	{
		// Unquoted in YAML, +6281295412345 is a number; the schema says
		// string (E.164).
		File: customerFile, Why: "phone numbers are YAML numbers in the examples",
		Old: ": +6281295412345", New: `: "+6281295412345"`, N: 16,
	},
	{
		// An identity account's properties are null in the examples; the
		// schema (anyOf of objects) is not nullable.
		File: customerFile, Why: "identity account properties are null in the examples",
		Old: "properties: null", New: "properties: {}", N: 12,
	},
	{
		// A KYC document's type and sub_type are "" in the examples, in
		// neither enum.
		File: customerFile, Why: `KYC document sub_type is "" in the examples`,
		Old: `sub_type: ""`, New: `sub_type: NATIONAL_ID`, N: 7,
	},
	{
		File: customerFile, Why: `KYC document type is "" in the examples`,
		Old: ` type: ""`, New: ` type: IDENTITY_CARD`, N: 7,
	},
	{
		// Create's and Expire's answers refer to InvoiceExample, a real
		// invoice, but write value: null beside the $ref: asked for the
		// example (invoices_test.go), Prism serves the null.
		File: invoiceFile, Why: "the InvoiceExample references carry value: null",
		Old: "$ref: '#/components/examples/InvoiceExample'\n                  value: null\n",
		New: "$ref: '#/components/examples/InvoiceExample'\n", N: 2,
	},
	{
		// A transaction's type is null in the examples; the schema requires
		// a string.
		File: balanceFile, Why: "transaction type is null in the examples",
		Old: "type: null", New: "type: PAYMENT", N: 3,
	},
	{
		// The channel list's example names the channel "name" where the
		// schema (and the reference, line 22688) require channel_name.
		File: payoutFile, Why: "the channel example has name for channel_name",
		Old: "                  name: ", New: "                  channel_name: ", N: 2,
	},
	{
		// The same example writes its limits as the strings "1," and
		// "5000000,"; the schema and the reference have numbers.
		File: payoutFile, Why: "the channel example's limits are strings with a trailing comma",
		Old: `: "1,"`, New: ": 1", N: 2,
	},
	{
		File: payoutFile, Why: "the channel example's maxima are strings with a trailing comma",
		Old: `maximum: "5000000,"`, New: "maximum: 5000000", N: 1,
	},
	{
		File: payoutFile, Why: "the channel example's maxima are strings with a trailing comma (GCash)",
		Old: `maximum: "50000,"`, New: "maximum: 50000", N: 1,
	},
	{
		// A refund's created and updated are timestamps (the examples
		// show RFC 3339 with nanoseconds) but the schema types them as
		// plain strings, so Prism's dynamic answers are words.
		File: refundFile, Why: "a refund's timestamps have no date-time format",
		Old: "          example: 2023-01-24T07:05:07.859363326Z\n          type: string\n",
		New: "          example: 2023-01-24T07:05:07.859363326Z\n          format: date-time\n          type: string\n", N: 2,
	},
	{
		// The Refund example's metadata is the string "{}" where the
		// schema says object or null: Prism's static answer breaks its
		// own schema.
		File: refundFile, Why: "the refund example's metadata is a string",
		Old: "        metadata: \"{}\"\n", New: "        metadata: {}\n", N: 1,
	},
	{
		// payment_request.yaml types created and updated as plain strings,
		// so Prism's dynamic answers are words; Xendit sends RFC 3339.
		File: prFile, Why: "payment request timestamps have no date-time format",
		Old: "        created:\n          type: string\n", New: "        created:\n          format: date-time\n          type: string\n", N: 3,
	},
	{
		File: prFile, Why: "payment request timestamps have no date-time format (updated)",
		Old: "        updated:\n          type: string\n", New: "        updated:\n          format: date-time\n          type: string\n", N: 3,
	},
	{
		// The generator wrote each property's name as its example where
		// the file gives none: "created: created" is no timestamp.
		File: prFile, Why: "the examples' timestamps are the generator's placeholders",
		Old: "created: created\n", New: "created: 2023-01-24T07:05:07.859Z\n", N: 13,
	},
	{
		File: prFile, Why: "the examples' timestamps are the generator's placeholders (updated)",
		Old: "updated: updated\n", New: "updated: 2023-01-24T07:05:07.859Z\n", N: 13,
	},
	{
		// Objects the generator printed as the string "{}": Prism's static
		// answers would break the file's own schema.
		File: prFile, Why: "the examples' metadata is a string",
		Old: "metadata: \"{}\"\n", New: "metadata: {}\n", N: 23,
	},
	{
		File: prFile, Why: "the examples' customer is a string",
		Old: "customer: \"{}\"\n", New: "customer: {}\n", N: 4,
	},
	{
		File: prFile, Why: "the capture examples' channel_properties is a string",
		Old: "channel_properties: \"{}\"\n", New: "channel_properties: {}\n", N: 3,
	},
}

// responseOnlyValues are enum values the file's responses may carry that
// the SDK names differently.
var responseOnlyValues = map[string]string{
	// The response's identity account enum says CARDLESS_CREDIT where the
	// request enum and the reference say PAY_LATER; the SDK decodes it as
	// an AccountType it has no constant for.
	"CARDLESS_CREDIT": "customer.yaml IdentityAccountResponse.type",
}

// roundTripExceptions are the differences a decoded answer may show when
// re-encoded, each a regular expression over one line of jsontest.Diff.
var roundTripExceptions = []struct {
	Why string
	re  *regexp.Regexp
}{
	{
		// The file lets these be null in a response: an address's and a KYC
		// document's country, a business's business_type, an identity
		// account's and a KYC document's type. The reference requires them
		// (the SDK checks them before sending), and the file's own example
		// has "" for some, so the SDK's fields are strings: a null reads as
		// "", and no string tag could re-encode both null and "" as sent.
		Why: "a null required string reads as the empty string",
		re: regexp.MustCompile(`^\$(\.data\[\d+\])?` +
			`(\.(addresses|kyc_documents)\[\d+\]\.country|\.business_detail\.business_type|\.(identity_accounts|kyc_documents)\[\d+\]\.type)` +
			`: absent or null became ""$`),
	},
	{
		// invoice.yaml's responses have properties the reference's
		// Invoices section never mentions; the SDK follows the reference.
		Why: "invoice properties only the file has",
		re: regexp.MustCompile(`^\$(\[\d+\])?\.(available_banks\[\d+\]\.alternative_displays|available_paylaters\[\d+\]\.should_exclude|` +
			`available_retail_outlets\[\d+\]\.merchant_name|items\[\d+\]\.reference_id|customer\.(id|customer_id|phone_number)|` +
			`customer\.addresses\[\d+\]\.province|customer_notification_preference\.invoice_expired): .* is gone$`),
	},
	{
		// An invoice's customer and notification preference are the
		// request's types, which leave out an empty list: an empty list
		// of addresses or channels reads as none.
		Why: "an invoice's empty address or channel list reads as absent",
		re:  regexp.MustCompile(`^\$(\[\d+\])?\.(customer\.addresses|customer_notification_preference\.invoice_(created|reminder|paid)): \[\] is gone$`),
	},
	{
		// payout.yaml lets a payout's account_holder_name be null; the
		// reference requires it (line 21916), so the SDK's field is a
		// string and a null reads as "".
		Why: "a payout's null account holder name reads as the empty string",
		re:  regexp.MustCompile(`^\$(\.data\[\d+\])?\.channel_properties\.account_holder_name: absent or null became ""$`),
	},
	{
		// A page's links is one object in payout.yaml and a list in the
		// reference (line 22427) and in xendit.Page: the object reads as
		// a list of one.
		Why: "a payout page's links object reads as a list of one",
		re:  regexp.MustCompile(`^\$\.links: \{.* became \[\{`),
	},
	{
		// payment_request.yaml's basket item schema is nullable, so
		// Prism puts null items in a basket; a basket of real items has
		// none, and the SDK's items are values: a null reads as an empty
		// item.
		Why: "a payment request's null basket item reads as an empty item",
		re:  regexp.MustCompile(`^\$(\.data\[\d+\])?\.items\[\d+\]: absent or null became \{"category":""`),
	},
}
