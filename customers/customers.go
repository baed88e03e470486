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
