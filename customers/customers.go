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

// Customer is a customer in API version 2020-10-31. Fields the API may send
// as null are pointers, zero values or nil; enums are open string types, so
// a value added after this SDK was written still decodes.
type Customer struct {
	// ID is Xendit's id, "cust-" and a UUID.
	ID string `json:"id"`
	// ReferenceID is the merchant's own id for the customer.
	ReferenceID string `json:"reference_id"`
	Type        Type   `json:"type"`
	// IndividualDetail is set for INDIVIDUAL customers, BusinessDetail for
	// BUSINESS ones; the other is null.
	IndividualDetail  *IndividualDetail `json:"individual_detail,omitzero"`
	BusinessDetail    *BusinessDetail   `json:"business_detail,omitzero"`
	Email             *string           `json:"email,omitzero"`
	MobileNumber      *string           `json:"mobile_number,omitzero"`
	PhoneNumber       *string           `json:"phone_number,omitzero"`
	HashedPhoneNumber *string           `json:"hashed_phone_number,omitzero"`
	Addresses         []Address         `json:"addresses"`
	IdentityAccounts  []IdentityAccount `json:"identity_accounts"`
	KYCDocuments      []KYCDocument     `json:"kyc_documents"`
	Description       *string           `json:"description,omitzero"`
	// DateOfRegistration and DomicileOfRegistration are missing from some
	// of the reference's examples.
	DateOfRegistration     Date           `json:"date_of_registration,omitzero"`
	DomicileOfRegistration *string        `json:"domicile_of_registration,omitzero"`
	Metadata               map[string]any `json:"metadata,omitzero"`
	// Status is in Xendit's OpenAPI file only; null in its example.
	Status  *Status     `json:"status,omitzero"`
	Created xendit.Time `json:"created"`
	Updated xendit.Time `json:"updated"`
}

// Status is the state of a customer (OpenAPI's EndCustomerStatus). It says
// whether the customer can be used, not whether money moved, so it has no
// Succeeded method.
type Status string

// The statuses of Xendit's OpenAPI file.
const (
	StatusActive   Status = "ACTIVE"
	StatusInactive Status = "INACTIVE"
	StatusPending  Status = "PENDING"
	StatusBlocked  Status = "BLOCKED"
	StatusDeleted  Status = "DELETED"
)

// Type tells individuals from businesses.
type Type string

// The documented customer types.
const (
	TypeIndividual Type = "INDIVIDUAL"
	TypeBusiness   Type = "BUSINESS"
)

// IndividualDetail describes a person. The reference prints employment as a
// string; it is an object, as its examples show.
type IndividualDetail struct {
	// GivenNames is required when creating an INDIVIDUAL customer.
	GivenNames string  `json:"given_names"`
	Surname    *string `json:"surname,omitempty"`
	// MiddleName, the non-Roman names and MotherMaidenName are in Xendit's
	// OpenAPI file only (at most 255 characters each).
	MiddleName         *string `json:"middle_name,omitempty"`
	GivenNamesNonRoman *string `json:"given_names_non_roman,omitempty"`
	SurnameNonRoman    *string `json:"surname_non_roman,omitempty"`
	MotherMaidenName   *string `json:"mother_maiden_name,omitempty"`
	// Nationality is an ISO 3166-2 country code such as "ID".
	Nationality  *string     `json:"nationality,omitempty"`
	PlaceOfBirth *string     `json:"place_of_birth,omitempty"`
	DateOfBirth  Date        `json:"date_of_birth,omitzero"`
	Gender       *Gender     `json:"gender,omitempty"`
	Employment   *Employment `json:"employment,omitempty"`
}

// Gender of an individual.
type Gender string

// The documented genders.
const (
	GenderMale   Gender = "MALE"
	GenderFemale Gender = "FEMALE"
	GenderOther  Gender = "OTHER"
)

// Employment describes an individual's work.
type Employment struct {
	EmployerName     *string `json:"employer_name,omitempty"`
	NatureOfBusiness *string `json:"nature_of_business,omitempty"`
	RoleDescription  *string `json:"role_description,omitempty"`
}

// BusinessDetail describes a business. BusinessName and BusinessType are
// required when creating a BUSINESS customer. TradingName is documented for
// Create only; Update's body does not list it.
type BusinessDetail struct {
	BusinessName     string       `json:"business_name"`
	TradingName      *string      `json:"trading_name,omitempty"`
	BusinessType     BusinessType `json:"business_type"`
	NatureOfBusiness *string      `json:"nature_of_business,omitempty"`
	// BusinessDomicile is an ISO 3166-2 country code.
	BusinessDomicile   *string `json:"business_domicile,omitempty"`
	DateOfRegistration Date    `json:"date_of_registration,omitzero"`
}

// BusinessType is the legal form of a business.
type BusinessType string

// The documented business types.
const (
	BusinessTypeCorporation    BusinessType = "CORPORATION"
	BusinessTypeSoleProprietor BusinessType = "SOLE_PROPRIETOR"
	BusinessTypePartnership    BusinessType = "PARTNERSHIP"
	BusinessTypeCooperative    BusinessType = "COOPERATIVE"
	BusinessTypeTrust          BusinessType = "TRUST"
	BusinessTypeNonProfit      BusinessType = "NON_PROFIT"
	BusinessTypeGovernment     BusinessType = "GOVERNMENT"
)

// Address is a postal address (2020-10-31). Country is required.
type Address struct {
	Country       string           `json:"country"`
	StreetLine1   *string          `json:"street_line1,omitempty"`
	StreetLine2   *string          `json:"street_line2,omitempty"`
	City          *string          `json:"city,omitempty"`
	ProvinceState *string          `json:"province_state,omitempty"`
	PostalCode    *string          `json:"postal_code,omitempty"`
	Category      *AddressCategory `json:"category,omitempty"`
	// IsPrimary defaults to false.
	IsPrimary *bool `json:"is_primary,omitempty"`
	// ID, Status, Meta, Created and Updated come in responses only, and
	// are in Xendit's OpenAPI file only; its request schema has status
	// alone, so clear the others before sending an address back.
	ID      string         `json:"id,omitempty"`
	Status  *AddressStatus `json:"status,omitempty"`
	Meta    map[string]any `json:"meta,omitzero"`
	Created xendit.Time    `json:"created,omitzero"`
	Updated xendit.Time    `json:"updated,omitzero"`
}

// AddressStatus is the state of an address (OpenAPI's AddressStatus).
type AddressStatus string

// The address statuses of Xendit's OpenAPI file.
const (
	AddressStatusActive  AddressStatus = "ACTIVE"
	AddressStatusDeleted AddressStatus = "DELETED"
)

// AddressCategory says what an address is for.
type AddressCategory string

// The documented address categories.
const (
	AddressCategoryHome       AddressCategory = "HOME"
	AddressCategoryWork       AddressCategory = "WORK"
	AddressCategoryProvincial AddressCategory = "PROVINCIAL"
)

// IdentityAccount is an account the customer holds elsewhere: a bank
// account, an e-wallet, a card, ... Which Properties apply depends on Type.
type IdentityAccount struct {
	Type        AccountType `json:"type"`
	Company     *string     `json:"company,omitempty"`
	Description *string     `json:"description,omitempty"`
	Country     *string     `json:"country,omitempty"`
	// Properties is printed as a string in the reference; it is an object
	// whose keys depend on Type (see AccountProperties).
	Properties *AccountProperties `json:"properties,omitempty"`
	// ID, Code, HolderName and Created are in Xendit's OpenAPI file only;
	// ID and Created come in responses only.
	ID         string      `json:"id,omitempty"`
	Code       *string     `json:"code,omitempty"`
	HolderName *string     `json:"holder_name,omitempty"`
	Created    xendit.Time `json:"created,omitzero"`
}

// AccountType is the kind of an identity account.
type AccountType string

// The documented identity account types.
const (
	AccountTypeBankAccount AccountType = "BANK_ACCOUNT"
	AccountTypeEWallet     AccountType = "EWALLET"
	AccountTypeCreditCard  AccountType = "CREDIT_CARD"
	AccountTypePayLater    AccountType = "PAY_LATER"
	AccountTypeOTC         AccountType = "OTC"
	AccountTypeQRCode      AccountType = "QR_CODE"
	AccountTypeSocialMedia AccountType = "SOCIAL_MEDIA"
)

// AccountProperties holds the properties of every identity account type;
// set those of the account's Type. Required per type (checked before
// sending): BANK_ACCOUNT account_number and account_holder_name; EWALLET
// account_number; CREDIT_CARD token_id; OTC payment_code; QR_CODE qr_string;
// PAY_LATER and SOCIAL_MEDIA account_id.
type AccountProperties struct {
	// BANK_ACCOUNT and EWALLET
	AccountNumber string `json:"account_number,omitempty"`
	// BANK_ACCOUNT, EWALLET and PAY_LATER
	AccountHolderName string `json:"account_holder_name,omitempty"`
	// BANK_ACCOUNT
	SwiftCode      string `json:"swift_code,omitempty"`
	AccountType    string `json:"account_type,omitempty"`
	AccountDetails string `json:"account_details,omitempty"`
	// BANK_ACCOUNT, EWALLET and PAY_LATER
	Currency xendit.Currency `json:"currency,omitempty"`
	// CREDIT_CARD
	TokenID string `json:"token_id,omitempty"`
	// OTC
	PaymentCode string `json:"payment_code,omitempty"`
	ExpiresAt   Date   `json:"expires_at,omitzero"`
	// QR_CODE
	QRString string `json:"qr_string,omitempty"`
	// PAY_LATER and SOCIAL_MEDIA
	AccountID string `json:"account_id,omitempty"`
	// SOCIAL_MEDIA
	AccountHandle string `json:"account_handle,omitempty"`
}

// KYCDocument is an identity document. DocumentImages are ids of files
// uploaded with the files package (purpose KYC_DOCUMENT); an empty list
// received stays one when the document is encoded again.
type KYCDocument struct {
	Country        string           `json:"country"`
	Type           DocumentType     `json:"type"`
	SubType        *DocumentSubType `json:"sub_type,omitempty"`
	DocumentName   *string          `json:"document_name,omitempty"`
	DocumentNumber *string          `json:"document_number,omitempty"`
	ExpiresAt      Date             `json:"expires_at,omitzero"`
	HolderName     *string          `json:"holder_name,omitempty"`
	DocumentImages []string         `json:"document_images,omitzero"`
}

// DocumentType is the kind of a KYC document.
type DocumentType string

// The documented KYC document types.
const (
	DocumentTypeBirthCertificate     DocumentType = "BIRTH_CERTIFICATE"
	DocumentTypeBankStatement        DocumentType = "BANK_STATEMENT"
	DocumentTypeDrivingLicense       DocumentType = "DRIVING_LICENSE"
	DocumentTypeIdentityCard         DocumentType = "IDENTITY_CARD"
	DocumentTypePassport             DocumentType = "PASSPORT"
	DocumentTypeVisa                 DocumentType = "VISA"
	DocumentTypeBusinessRegistration DocumentType = "BUSINESS_REGISTRATION"
	DocumentTypeBusinessLicense      DocumentType = "BUSINESS_LICENSE"
)

// DocumentSubType refines IDENTITY_CARD.
type DocumentSubType string

// The documented identity card sub-types.
const (
	DocumentSubTypeNationalID      DocumentSubType = "NATIONAL_ID"
	DocumentSubTypeConsularID      DocumentSubType = "CONSULAR_ID"
	DocumentSubTypeVoterID         DocumentSubType = "VOTER_ID"
	DocumentSubTypePostalID        DocumentSubType = "POSTAL_ID"
	DocumentSubTypeResidencePermit DocumentSubType = "RESIDENCE_PERMIT"
	DocumentSubTypeTaxID           DocumentSubType = "TAX_ID"
	DocumentSubTypeStudentID       DocumentSubType = "STUDENT_ID"
	DocumentSubTypeMilitaryID      DocumentSubType = "MILITARY_ID"
	DocumentSubTypeMedicalID       DocumentSubType = "MEDICAL_ID"
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
		return pager.Failed[T](err)
	}
	return pager.ByAfterID(ctx, params, func(p *ListByReferenceIDParams) **string { return &p.AfterID }, list, id)
}
