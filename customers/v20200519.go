package customers

import (
	"context"
	"fmt"
	"iter"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

// CustomerV20200519 is a customer in API version 2020-05-19. Its id is a bare
// UUID in the reference's examples, and an unset Addresses is null.
type CustomerV20200519 struct {
	ID                string             `json:"id"`
	ReferenceID       string             `json:"reference_id"`
	MobileNumber      *string            `json:"mobile_number,omitzero"`
	Email             *string            `json:"email,omitzero"`
	GivenNames        *string            `json:"given_names,omitzero"`
	MiddleName        *string            `json:"middle_name,omitzero"`
	Surname           *string            `json:"surname,omitzero"`
	Description       *string            `json:"description,omitzero"`
	PhoneNumber       *string            `json:"phone_number,omitzero"`
	HashedPhoneNumber *string            `json:"hashed_phone_number,omitzero"`
	Nationality       *string            `json:"nationality,omitzero"`
	Addresses         []AddressV20200519 `json:"addresses"`
	DateOfBirth       Date               `json:"date_of_birth,omitzero"`
	Metadata          map[string]any     `json:"metadata,omitzero"`
}

// AddressV20200519 is a postal address in version 2020-05-19: province and
// state where 2020-10-31 has province_state, and no category.
type AddressV20200519 struct {
	Country     string  `json:"country"`
	StreetLine1 *string `json:"street_line1,omitempty"`
	StreetLine2 *string `json:"street_line2,omitempty"`
	City        *string `json:"city,omitempty"`
	Province    *string `json:"province,omitempty"`
	State       *string `json:"state,omitempty"`
	PostalCode  *string `json:"postal_code,omitempty"`
}

// CreateParamsV20200519 is the body of Create Customer in version
// 2020-05-19. ReferenceID and GivenNames are required, and so is one of
// MobileNumber and Email.
type CreateParamsV20200519 struct {
	ReferenceID       string             `json:"reference_id"`
	GivenNames        string             `json:"given_names"`
	MobileNumber      *string            `json:"mobile_number,omitempty"`
	Email             *string            `json:"email,omitempty"`
	MiddleName        *string            `json:"middle_name,omitempty"`
	Surname           *string            `json:"surname,omitempty"`
	Description       *string            `json:"description,omitempty"`
	PhoneNumber       *string            `json:"phone_number,omitempty"`
	HashedPhoneNumber *string            `json:"hashed_phone_number,omitempty"`
	Nationality       *string            `json:"nationality,omitempty"`
	Addresses         []AddressV20200519 `json:"addresses,omitempty"`
	DateOfBirth       Date               `json:"date_of_birth,omitzero"`
	Metadata          map[string]any     `json:"metadata,omitzero"`
}

// UpdateParamsV20200519 is the body of Update Customer in version
// 2020-05-19, with the same three states as [UpdateParams].
type UpdateParamsV20200519 struct {
	MobileNumber      xendit.Nullable[string]             `json:"mobile_number,omitzero"`
	Email             xendit.Nullable[string]             `json:"email,omitzero"`
	GivenNames        xendit.Nullable[string]             `json:"given_names,omitzero"`
	MiddleName        xendit.Nullable[string]             `json:"middle_name,omitzero"`
	Surname           xendit.Nullable[string]             `json:"surname,omitzero"`
	Description       xendit.Nullable[string]             `json:"description,omitzero"`
	PhoneNumber       xendit.Nullable[string]             `json:"phone_number,omitzero"`
	HashedPhoneNumber xendit.Nullable[string]             `json:"hashed_phone_number,omitzero"`
	Nationality       xendit.Nullable[string]             `json:"nationality,omitzero"`
	Addresses         xendit.Nullable[[]AddressV20200519] `json:"addresses,omitzero"`
	DateOfBirth       xendit.Nullable[Date]               `json:"date_of_birth,omitzero"`
	Metadata          xendit.Nullable[map[string]any]     `json:"metadata,omitzero"`
}

// pinned puts the version last, so that it wins over a caller's
// WithAPIVersion: these types only fit 2020-05-19.
func pinned(opts []xendit.RequestOption) []xendit.RequestOption {
	return append(opts[:len(opts):len(opts)], pinV20200519)
}

// Validate applies the rules of version 2020-05-19: a reference id, given
// names, a mobile number or an e-mail, the documented lengths, each
// address's country and the metadata limits.
func (p *CreateParamsV20200519) Validate() error {
	return product.First(
		product.Required("reference_id", p.ReferenceID),
		product.MaxLen("reference_id", p.ReferenceID, maxReferenceLen),
		product.Required("given_names", p.GivenNames),
		checkReachable(p.MobileNumber, p.Email),
		checkContact(p.MobileNumber, p.PhoneNumber, p.Email),
		product.MaxLenPtr("description", p.Description, maxDescriptionLen),
		checkAddressesV20200519(p.Addresses),
		checkMetadata(p.Metadata),
	)
}

// Validate applies the rules of version 2020-05-19 to the fields params
// sets.
func (p *UpdateParamsV20200519) Validate() error {
	addresses, _ := p.Addresses.Get()
	metadata, _ := p.Metadata.Get()
	return product.First(
		checkContact(ptr(p.MobileNumber), ptr(p.PhoneNumber), ptr(p.Email)),
		product.MaxLenPtr("description", ptr(p.Description), maxDescriptionLen),
		checkAddressesV20200519(addresses),
		checkMetadata(metadata),
	)
}

// Create creates a customer (2020-05-19). The version documents no
// idempotency header, but the endpoint takes one, and the SDK sends it.
//
// API: POST /customers
func (s *V20200519Client) Create(ctx context.Context, params *CreateParamsV20200519, opts ...xendit.RequestOption) (*CustomerV20200519, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	req := &xendit.Request{Endpoint: createCustomer, Body: params, Options: pinned(opts)}
	return product.Do[CustomerV20200519](ctx, s.c, req)
}

// Get returns the customer with Xendit's id (2020-05-19).
//
// API: GET /customers/{id}
func (s *V20200519Client) Get(ctx context.Context, id string, opts ...xendit.RequestOption) (*CustomerV20200519, error) {
	return product.Do[CustomerV20200519](ctx, s.c, getRequest(id, pinned(opts)))
}

// ListByReferenceID returns the customers with your reference_id
// (2020-05-19); the reference calls it "Get Customer by Reference ID", but
// it answers a list. This version answers a bare array, given as one page
// with HasMore false; no match is an empty page, not an error.
//
// API: GET /customers
func (s *V20200519Client) ListByReferenceID(ctx context.Context, params *ListByReferenceIDParams, opts ...xendit.RequestOption) (*xendit.Page[CustomerV20200519], error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	out, err := product.Do[[]CustomerV20200519](ctx, s.c, listRequest(params, pinned(opts)))
	if err != nil {
		return nil, err
	}
	return &xendit.Page[CustomerV20200519]{Data: *out}, nil
}

// AllByReferenceID returns every customer with your reference_id
// (2020-05-19), as [Client.AllByReferenceID] does; this version answers in
// one page.
//
// API: GET /customers
func (s *V20200519Client) AllByReferenceID(ctx context.Context, params *ListByReferenceIDParams, opts ...xendit.RequestOption) iter.Seq2[*CustomerV20200519, error] {
	return allByReferenceID(ctx, params, func(ctx context.Context, p *ListByReferenceIDParams) (*xendit.Page[CustomerV20200519], error) {
		return s.ListByReferenceID(ctx, p, opts...)
	}, func(c *CustomerV20200519) string { return c.ID })
}

// Update changes the fields params sets (2020-05-19).
//
// API: PATCH /customers/{id}
func (s *V20200519Client) Update(ctx context.Context, id string, params *UpdateParamsV20200519, opts ...xendit.RequestOption) (*CustomerV20200519, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return product.Do[CustomerV20200519](ctx, s.c, updateRequest(id, params, pinned(opts)))
}

func checkReachable(mobile, email *string) error {
	if (mobile == nil || *mobile == "") && (email == nil || *email == "") {
		return xendit.Invalid("mobile_number", "or email is required in API version %s", V20200519)
	}
	return nil
}

func checkAddressesV20200519(as []AddressV20200519) error {
	for i, a := range as {
		if a.Country == "" {
			return xendit.Invalid(fmt.Sprintf("addresses[%d].country", i), "is required")
		}
	}
	return nil
}
