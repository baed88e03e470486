// Package customers creates, reads and updates Xendit customers: the person
// or business a payment, a payment method or a KYC check belongs to
// (https://developers.xendit.co/api-reference/#customers).
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
// Get by reference id answers {"data": [...], "has_more": ...} in 2020-10-31
// and a bare JSON array in 2020-05-19; each client decodes its own shape.
//
// # Creating and updating
//
// Create sends an IDEMPOTENCY-KEY (generated once per call unless
// [xendit.WithIdempotencyKey] gives one), so a Create whose outcome is
// unknown is retried safely. A reference_id already in use is a 409
// DUPLICATE_ERROR: update that customer instead.
//
// Update is a PATCH: fields left unset are unchanged, [xendit.Set] replaces a
// value (arrays and nested objects wholesale), and [xendit.Null] clears it.
// reference_id and type cannot be changed.
//
//	cust, err := customers.New(client).Create(ctx, &customers.CreateParams{
//		ReferenceID:      "customer-42",
//		Type:             customers.Individual,
//		IndividualDetail: &customers.IndividualDetail{GivenNames: "John", Surname: xendit.Ptr("Doe")},
//		Email:            xendit.Ptr("john@example.com"),
//	})
//
// Params are checked before sending against the reference's required fields
// and length limits; a broken rule is a [*xendit.ValidationError] naming the
// field. The reference's "alphanumeric only" notes are not enforced: its
// own examples break them.
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

import (
	"context"
	"net/url"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

// The API versions the types of this package follow.
const (
	V20201031 = "2020-10-31"
	V20200519 = "2020-05-19"
)

// Error codes of the Customers API.
const (
	CodeDuplicate   = xendit.CodeDuplicate // reference_id already used
	CodeIdempotency = xendit.CodeIdempotency
	CodeNotFound    = "DATA_NOT_FOUND"
)

var (
	createCustomer  = xendit.MustEndpoint("customers.create")
	getCustomer     = xendit.MustEndpoint("customers.get")
	getByReference  = xendit.MustEndpoint("customers.get_by_reference_id")
	updateCustomer  = xendit.MustEndpoint("customers.update")
	pinV20200519    = xendit.WithAPIVersion(V20200519)
	maxReferenceLen = 255
)

// Client calls the Customers API, version 2020-10-31.
type Client struct{ c *xendit.Client }

// New returns a client for the 2020-10-31 Customers API.
func New(c *xendit.Client) *Client { return &Client{c: c} }

// Create creates a customer.
func (s *Client) Create(ctx context.Context, params *CreateParams, opts ...xendit.RequestOption) (*Customer, error) {
	body, err := params.body()
	if err != nil {
		return nil, err
	}
	return product.Do[Customer](ctx, s.c, &xendit.Request{Endpoint: createCustomer, Body: body, Options: opts})
}

// Get returns the customer with Xendit's id (cust-...).
func (s *Client) Get(ctx context.Context, id string, opts ...xendit.RequestOption) (*Customer, error) {
	return product.Do[Customer](ctx, s.c, getRequest(id, opts))
}

// List is the 2020-10-31 answer to a lookup by reference id. No match is an
// empty Data, not an error.
type List struct {
	Data    []Customer `json:"data"`
	HasMore bool       `json:"has_more"`
}

// GetByReferenceID returns the customers with the merchant's reference_id.
func (s *Client) GetByReferenceID(ctx context.Context, referenceID string, opts ...xendit.RequestOption) (*List, error) {
	req, err := referenceRequest(referenceID, opts)
	if err != nil {
		return nil, err
	}
	return product.Do[List](ctx, s.c, req)
}

// Update changes the fields params sets and returns the updated customer.
func (s *Client) Update(ctx context.Context, id string, params *UpdateParams, opts ...xendit.RequestOption) (*Customer, error) {
	if err := params.validate(); err != nil {
		return nil, err
	}
	return product.Do[Customer](ctx, s.c, updateRequest(id, params, opts))
}

func getRequest(id string, opts []xendit.RequestOption) *xendit.Request {
	return &xendit.Request{Endpoint: getCustomer, PathParams: map[string]string{"id": id}, Options: opts}
}

func updateRequest(id string, body any, opts []xendit.RequestOption) *xendit.Request {
	return &xendit.Request{Endpoint: updateCustomer, PathParams: map[string]string{"id": id}, Body: body, Options: opts}
}

func referenceRequest(referenceID string, opts []xendit.RequestOption) (*xendit.Request, error) {
	if err := product.First(product.Required("reference_id", referenceID),
		product.MaxLen("reference_id", referenceID, maxReferenceLen)); err != nil {
		return nil, err
	}
	return &xendit.Request{Endpoint: getByReference, Query: url.Values{"reference_id": {referenceID}}, Options: opts}, nil
}
