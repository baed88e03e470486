package customers

import (
	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

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

func (p *UpdateParams) validate() error {
	if p == nil {
		return xendit.Invalid("params", "is required")
	}
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

// ptr returns the value a Nullable holds, or nil.
func ptr[T any](n xendit.Nullable[T]) *T {
	if v, ok := n.Get(); ok {
		return &v
	}
	return nil
}
