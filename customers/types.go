package customers

import "github.com/seed19b1029f/xendit-go"

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
