package customers

import (
	"encoding/json"
	"unicode/utf8"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

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

// checkDetails requires the detail object that matches the type, and only
// that one.
func checkDetails(t Type, ind *IndividualDetail, bus *BusinessDetail) error {
	switch t {
	case TypeIndividual:
		if bus != nil {
			return xendit.Invalid("business_detail", "is for BUSINESS customers, not INDIVIDUAL")
		}
		if ind == nil {
			return xendit.Invalid("individual_detail", "is required for INDIVIDUAL customers")
		}
	case TypeBusiness:
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
	AccountTypeBankAccount: {"account_number", "account_holder_name"},
	AccountTypeEWallet:     {"account_number"},
	AccountTypeCreditCard:  {"token_id"},
	AccountTypeOTC:         {"payment_code"},
	AccountTypeQRCode:      {"qr_string"},
	AccountTypePayLater:    {"account_id"},
	AccountTypeSocialMedia: {"account_id"},
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

// ptr returns the value a Nullable holds, or nil.
func ptr[T any](n xendit.Nullable[T]) *T {
	if v, ok := n.Get(); ok {
		return &v
	}
	return nil
}
