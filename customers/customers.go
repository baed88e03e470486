package customers

import (
	"context"
	"iter"
	"net/url"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/pager"
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
	createCustomer    = xendit.MustEndpoint("customers.create_customer")
	getCustomer       = xendit.MustEndpoint("customers.get_customer")
	listByReferenceID = xendit.MustEndpoint("customers.list_customers_by_reference_id")
	updateCustomer    = xendit.MustEndpoint("customers.update_customer")
	pinV20200519      = xendit.WithAPIVersion(V20200519)
	maxReferenceLen   = 255
)

// CreateParams is the body of Create Customer, API version 2020-10-31
// (https://developers.xendit.co/api-reference/#create-customer).
type CreateParams struct {
	// ReferenceID is your id for the customer, unique in the account (at
	// most 255 characters). Required.
	ReferenceID string `json:"reference_id"`
	// Type is INDIVIDUAL or BUSINESS. One version of the reference requires
	// it, the other defaults it to INDIVIDUAL; left empty, the SDK sends
	// INDIVIDUAL explicitly.
	Type Type `json:"type"`
	// IndividualDetail is required for INDIVIDUAL (with GivenNames),
	// BusinessDetail for BUSINESS (with BusinessName and BusinessType).
	IndividualDetail *IndividualDetail `json:"individual_detail,omitempty"`
	BusinessDetail   *BusinessDetail   `json:"business_detail,omitempty"`
	// MobileNumber and PhoneNumber are E.164 ("+6281..."), at most 50
	// characters.
	MobileNumber *string `json:"mobile_number,omitempty"`
	PhoneNumber  *string `json:"phone_number,omitempty"`
	// HashedPhoneNumber is at most 255 characters.
	HashedPhoneNumber *string `json:"hashed_phone_number,omitempty"`
	// Email is at most 255 characters (one table says 50, the Create
	// Customer page and the recurring section say 255; the SDK takes the
	// larger and lets Xendit decide).
	Email            *string           `json:"email,omitempty"`
	Addresses        []Address         `json:"addresses,omitempty"`
	IdentityAccounts []IdentityAccount `json:"identity_accounts,omitempty"`
	KYCDocuments     []KYCDocument     `json:"kyc_documents,omitempty"`
	// Description is at most 500 characters.
	Description            *string `json:"description,omitempty"`
	DateOfRegistration     Date    `json:"date_of_registration,omitzero"`
	DomicileOfRegistration *string `json:"domicile_of_registration,omitempty"`
	// Metadata holds up to 50 keys of at most 40 characters, each value at
	// most 500 characters once encoded.
	Metadata map[string]any `json:"metadata,omitzero"`
}

// Validate applies the reference's rules for Create Customer: a reference
// id, the detail object that matches the type (an empty type counts as
// INDIVIDUAL), the documented lengths, each address's country, each
// identity account's properties, each KYC document's country and type, and
// the metadata limits.
func (p *CreateParams) Validate() error {
	return product.First(
		product.Required("reference_id", p.ReferenceID),
		product.MaxLen("reference_id", p.ReferenceID, maxReferenceLen),
		checkDetails(p.typeOrDefault(), p.IndividualDetail, p.BusinessDetail),
		checkContact(p.MobileNumber, p.PhoneNumber, p.Email),
		product.MaxLenPtr("hashed_phone_number", p.HashedPhoneNumber, maxHashedPhoneLen),
		product.MaxLenPtr("description", p.Description, maxDescriptionLen),
		checkAddresses(p.Addresses),
		checkIdentityAccounts(p.IdentityAccounts),
		checkKYCDocuments(p.KYCDocuments),
		checkMetadata(p.Metadata),
	)
}

func (p *CreateParams) typeOrDefault() Type {
	if p.Type == "" {
		return TypeIndividual
	}
	return p.Type
}

// Create creates a customer. It sends an IDEMPOTENCY-KEY, so a Create
// whose outcome is unknown is retried safely.
//
// API: POST /customers
func (s *Client) Create(ctx context.Context, params *CreateParams, opts ...xendit.RequestOption) (*Customer, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	body := *params
	body.Type = params.typeOrDefault()
	return product.Do[Customer](ctx, s.c, &xendit.Request{Endpoint: createCustomer, Body: &body, Options: opts})
}

// Get returns the customer with Xendit's id (cust-...).
//
// API: GET /customers/{id}
func (s *Client) Get(ctx context.Context, id string, opts ...xendit.RequestOption) (*Customer, error) {
	return product.Do[Customer](ctx, s.c, getRequest(id, opts))
}

// ListByReferenceIDParams selects the customers with one of your reference
// ids, for ListByReferenceID and AllByReferenceID of both API versions.
type ListByReferenceIDParams struct {
	// ReferenceID is your id for the customer. Required.
	ReferenceID string
	// AfterID, a customer id, asks for the customers after it: the
	// reference's has_more says more are "queried with after_id of the last
	// item". AllByReferenceID starts after it.
	AfterID *string
}

// Validate requires a reference id of at most 255 characters.
func (p *ListByReferenceIDParams) Validate() error {
	return product.First(product.Required("reference_id", p.ReferenceID),
		product.MaxLen("reference_id", p.ReferenceID, maxReferenceLen))
}

func (p *ListByReferenceIDParams) query() url.Values {
	q := url.Values{"reference_id": {p.ReferenceID}}
	if p.AfterID != nil {
		q.Set("after_id", *p.AfterID)
	}
	return q
}

// ListByReferenceID returns one page of the customers with your
// reference_id; the reference calls it "Get Customer by Reference ID", but
// it answers a list. No match is an empty page, not an error.
//
// API: GET /customers
func (s *Client) ListByReferenceID(ctx context.Context, params *ListByReferenceIDParams, opts ...xendit.RequestOption) (*xendit.Page[Customer], error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return product.Do[xendit.Page[Customer]](ctx, s.c, listRequest(params, opts))
}

// AllByReferenceID returns every customer with your reference_id, fetching
// pages as the loop needs them (after_id of each page's last customer). It
// stops on the first error, when the loop breaks, or with
// [xendit.ErrPagination] on a repeated cursor. opts apply to every page,
// so [xendit.CaptureResponse] holds the response of the page being read.
//
// API: GET /customers
func (s *Client) AllByReferenceID(ctx context.Context, params *ListByReferenceIDParams, opts ...xendit.RequestOption) iter.Seq2[*Customer, error] {
	return allByReferenceID(ctx, params, func(ctx context.Context, p *ListByReferenceIDParams) (*xendit.Page[Customer], error) {
		return s.ListByReferenceID(ctx, p, opts...)
	}, func(c *Customer) string { return c.ID })
}

// UpdateParams is the body of Update Customer, API version 2020-10-31
// (https://developers.xendit.co/api-reference/#update-customer). Each field
// has three states: unset (the zero value) leaves the stored value alone,
// [xendit.Set] replaces it, and [xendit.Null] clears it. A nested object or
// an array is replaced as a whole: to add an address, send all of them.
//
//	params := &customers.UpdateParams{
//		Email:       xendit.Set("jane@example.com"),
//		PhoneNumber: xendit.Null[string](), // sent as "phone_number": null
//	}
//
// reference_id and type cannot be changed, so they are not here.
type UpdateParams struct {
	IndividualDetail       xendit.Nullable[IndividualDetail]  `json:"individual_detail,omitzero"`
	BusinessDetail         xendit.Nullable[BusinessDetail]    `json:"business_detail,omitzero"`
	MobileNumber           xendit.Nullable[string]            `json:"mobile_number,omitzero"`
	PhoneNumber            xendit.Nullable[string]            `json:"phone_number,omitzero"`
	Email                  xendit.Nullable[string]            `json:"email,omitzero"`
	Addresses              xendit.Nullable[[]Address]         `json:"addresses,omitzero"`
	IdentityAccounts       xendit.Nullable[[]IdentityAccount] `json:"identity_accounts,omitzero"`
	KYCDocuments           xendit.Nullable[[]KYCDocument]     `json:"kyc_documents,omitzero"`
	Description            xendit.Nullable[string]            `json:"description,omitzero"`
	DateOfRegistration     xendit.Nullable[Date]              `json:"date_of_registration,omitzero"`
	DomicileOfRegistration xendit.Nullable[string]            `json:"domicile_of_registration,omitzero"`
	Metadata               xendit.Nullable[map[string]any]    `json:"metadata,omitzero"`
}

// Validate applies the reference's rules to the fields params sets: the
// same lengths and nested rules as [CreateParams.Validate].
func (p *UpdateParams) Validate() error {
	addresses, _ := p.Addresses.Get()
	accounts, _ := p.IdentityAccounts.Get()
	docs, _ := p.KYCDocuments.Get()
	metadata, _ := p.Metadata.Get()
	return product.First(
		checkIndividual(ptr(p.IndividualDetail)),
		checkBusiness(ptr(p.BusinessDetail)),
		checkContact(ptr(p.MobileNumber), ptr(p.PhoneNumber), ptr(p.Email)),
		product.MaxLenPtr("description", ptr(p.Description), maxDescriptionLen),
		checkAddresses(addresses),
		checkIdentityAccounts(accounts),
		checkKYCDocuments(docs),
		checkMetadata(metadata),
	)
}

// Update changes the fields params sets and returns the updated customer.
//
// API: PATCH /customers/{id}
func (s *Client) Update(ctx context.Context, id string, params *UpdateParams, opts ...xendit.RequestOption) (*Customer, error) {
	if err := product.Check(params); err != nil {
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

func listRequest(p *ListByReferenceIDParams, opts []xendit.RequestOption) *xendit.Request {
	return &xendit.Request{Endpoint: listByReferenceID, Query: p.query(), Options: opts}
}

// allByReferenceID is AllByReferenceID for either version's customer type:
// list fetches one page, id names a customer for the next page's after_id.
func allByReferenceID[T any](ctx context.Context, params *ListByReferenceIDParams,
	list func(context.Context, *ListByReferenceIDParams) (*xendit.Page[T], error), id func(*T) string) iter.Seq2[*T, error] {
	if err := product.Check(params); err != nil {
		return func(yield func(*T, error) bool) { yield(nil, err) }
	}
	p := *params
	start := ""
	if p.AfterID != nil {
		start = *p.AfterID
	}
	fetch := func(ctx context.Context, cursor string) (*xendit.Page[T], error) {
		if cursor != "" {
			p.AfterID = &cursor
		}
		return list(ctx, &p)
	}
	return pager.All(ctx, start, fetch, pager.AfterLastID(id))
}
