package customers

import (
	"encoding/json"
	"unicode/utf8"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
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

// Documented length limits.
const (
	maxPhoneLen       = 50
	maxHashedPhoneLen = 255
	maxEmailLen       = 255
	maxDescriptionLen = 500
	maxLineLen        = 255
	maxCompanyLen     = 100
	maxAccountDescLen = 255
	maxMetadataKeys   = 50
	maxMetadataKeyLen = 40
	maxMetadataValLen = 500
)

func (p *CreateParams) body() (*CreateParams, error) {
	if p == nil {
		return nil, xendit.Invalid("params", "is required")
	}
	b := *p
	if b.Type == "" {
		b.Type = Individual
	}
	if err := product.First(
		product.Required("reference_id", b.ReferenceID),
		product.MaxLen("reference_id", b.ReferenceID, maxReferenceLen),
		checkDetails(b.Type, b.IndividualDetail, b.BusinessDetail),
		checkContact(b.MobileNumber, b.PhoneNumber, b.Email),
		product.MaxLenPtr("hashed_phone_number", b.HashedPhoneNumber, maxHashedPhoneLen),
		product.MaxLenPtr("description", b.Description, maxDescriptionLen),
		checkAddresses(b.Addresses),
		checkIdentityAccounts(b.IdentityAccounts),
		checkKYCDocuments(b.KYCDocuments),
		checkMetadata(b.Metadata),
	); err != nil {
		return nil, err
	}
	return &b, nil
}

// checkDetails requires the detail object that matches the type, and only
// that one.
func checkDetails(t Type, ind *IndividualDetail, bus *BusinessDetail) error {
	switch t {
	case Individual:
		if bus != nil {
			return xendit.Invalid("business_detail", "is for BUSINESS customers, not INDIVIDUAL")
		}
		if ind == nil {
			return xendit.Invalid("individual_detail", "is required for INDIVIDUAL customers")
		}
	case Business:
		if ind != nil {
			return xendit.Invalid("individual_detail", "is for INDIVIDUAL customers, not BUSINESS")
		}
		if bus == nil {
			return xendit.Invalid("business_detail", "is required for BUSINESS customers")
		}
	}
	return product.First(checkIndividual(ind), checkBusiness(bus))
}

func checkIndividual(d *IndividualDetail) error {
	if d == nil {
		return nil
	}
	return product.Required("individual_detail.given_names", d.GivenNames)
}

func checkBusiness(d *BusinessDetail) error {
	if d == nil {
		return nil
	}
	return product.First(product.Required("business_detail.business_name", d.BusinessName),
		product.Required("business_detail.business_type", string(d.BusinessType)))
}

func checkContact(mobile, phone, email *string) error {
	return product.First(
		product.MaxLenPtr("mobile_number", mobile, maxPhoneLen),
		product.MaxLenPtr("phone_number", phone, maxPhoneLen),
		product.MaxLenPtr("email", email, maxEmailLen),
	)
}

func checkAddresses(as []Address) error {
	for i, a := range as {
		at := product.ItemOf("addresses", i)
		if err := product.First(
			at.Required("country", a.Country),
			at.MaxLenPtr("street_line1", a.StreetLine1, maxLineLen),
			at.MaxLenPtr("street_line2", a.StreetLine2, maxLineLen),
			at.MaxLenPtr("city", a.City, maxLineLen),
			at.MaxLenPtr("province_state", a.ProvinceState, maxLineLen),
			at.MaxLenPtr("postal_code", a.PostalCode, maxLineLen),
		); err != nil {
			return err
		}
	}
	return nil
}

// requiredProperties are the properties each documented account type needs.
var requiredProperties = map[AccountType][]string{
	BankAccount: {"account_number", "account_holder_name"},
	EWallet:     {"account_number"},
	CreditCard:  {"token_id"},
	OTC:         {"payment_code"},
	QRCode:      {"qr_string"},
	PayLater:    {"account_id"},
	SocialMedia: {"account_id"},
}

func (p *AccountProperties) value(name string) string {
	if p == nil {
		return ""
	}
	switch name {
	case "account_number":
		return p.AccountNumber
	case "account_holder_name":
		return p.AccountHolderName
	case "token_id":
		return p.TokenID
	case "payment_code":
		return p.PaymentCode
	case "qr_string":
		return p.QRString
	case "account_id":
		return p.AccountID
	}
	return ""
}

func checkIdentityAccounts(as []IdentityAccount) error {
	for i, a := range as {
		at := product.ItemOf("identity_accounts", i)
		if err := product.First(
			at.Required("type", string(a.Type)),
			at.MaxLenPtr("company", a.Company, maxCompanyLen),
			at.MaxLenPtr("description", a.Description, maxAccountDescLen),
		); err != nil {
			return err
		}
		for _, name := range requiredProperties[a.Type] {
			if a.Properties.value(name) == "" {
				return xendit.Invalid(at.Field("properties."+name), "is required for %s accounts", a.Type)
			}
		}
	}
	return nil
}

func checkKYCDocuments(ds []KYCDocument) error {
	for i, d := range ds {
		at := product.ItemOf("kyc_documents", i)
		if err := product.First(
			at.Required("country", d.Country),
			at.Required("type", string(d.Type)),
			at.MaxLenPtr("document_name", d.DocumentName, maxLineLen),
			at.MaxLenPtr("document_number", d.DocumentNumber, maxLineLen),
			at.MaxLenPtr("holder_name", d.HolderName, maxLineLen),
		); err != nil {
			return err
		}
	}
	return nil
}

// checkMetadata names a key only when it breaks a rule.
func checkMetadata(m map[string]any) error {
	if len(m) > maxMetadataKeys {
		return xendit.Invalid("metadata", "has %d keys; at most %d are allowed", len(m), maxMetadataKeys)
	}
	for k, v := range m {
		if utf8.RuneCountInString(k) > maxMetadataKeyLen {
			return product.MaxLen("metadata key "+k, k, maxMetadataKeyLen)
		}
		var s string
		switch v := v.(type) {
		case string:
			s = v
		case nil, bool, float64, float32, int, int64, int32, uint, uint64, uint32:
			continue // encodes in far fewer than 500 characters
		default:
			b, err := json.Marshal(v)
			if err != nil {
				return xendit.Invalid("metadata."+k, "cannot be encoded as JSON: %v", err)
			}
			s = string(b)
		}
		if utf8.RuneCountInString(s) > maxMetadataValLen {
			return product.MaxLen("metadata."+k, s, maxMetadataValLen)
		}
	}
	return nil
}
