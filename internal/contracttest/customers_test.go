package contracttest

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/customers"
)

// customerID has the reference's 2020-10-31 shape.
const customerID = "cust-239c16f4-866d-43e8-9341-7badafbc019f"

// createParams sets every field Create sends, each identity account type
// and a KYC document, so that the schema sees all of them.
func createParams() *customers.CreateParams {
	s := xendit.Ptr[string]
	return &customers.CreateParams{
		ReferenceID: "contract-customer-1",
		Type:        customers.TypeIndividual,
		IndividualDetail: &customers.IndividualDetail{
			GivenNames: "John", Surname: s("Doe"), MiddleName: s("Q"),
			GivenNamesNonRoman: s("ジョン"), SurnameNonRoman: s("ドウ"), MotherMaidenName: s("Roe"),
			Nationality: s("ID"), PlaceOfBirth: s("Jakarta"), DateOfBirth: customers.NewDate(1990, time.January, 2),
			Gender: xendit.Ptr(customers.GenderMale),
			Employment: &customers.Employment{EmployerName: s("Xendit"), NatureOfBusiness: s("Payments"),
				RoleDescription: s("Engineer")},
		},
		MobileNumber:      s("+6281295412345"),
		PhoneNumber:       s("+6221555123"),
		HashedPhoneNumber: s("a3f0c9"),
		Email:             s("john@example.com"),
		Addresses: []customers.Address{{
			Country: "ID", StreetLine1: s("Jl. Sudirman 1"), StreetLine2: s("Floor 2"), City: s("Jakarta"),
			ProvinceState: s("DKI Jakarta"), PostalCode: s("10220"), Category: xendit.Ptr(customers.AddressCategoryHome),
			IsPrimary: xendit.Ptr(true),
		}},
		IdentityAccounts: []customers.IdentityAccount{
			{Type: customers.AccountTypeBankAccount, Company: s("BCA"), Country: s("ID"), Description: s("salary"),
				Properties: &customers.AccountProperties{AccountNumber: "1234567890", AccountHolderName: "John Doe",
					SwiftCode: "CENAIDJA", AccountType: "Savings", AccountDetails: "****7890", Currency: "IDR"}},
			{Type: customers.AccountTypeEWallet, Company: s("OVO"), Country: s("ID"),
				Properties: &customers.AccountProperties{AccountNumber: "+6281295412345", AccountHolderName: "John Doe", Currency: "IDR"}},
			{Type: customers.AccountTypeCreditCard, Country: s("ID"),
				Properties: &customers.AccountProperties{TokenID: "5f0410898bcf7a001a00879d"}},
			{Type: customers.AccountTypeOTC, Company: s("ALFAMART"), Country: s("ID"),
				Properties: &customers.AccountProperties{PaymentCode: "XDT123", ExpiresAt: customers.NewDate(2030, time.December, 31)}},
			{Type: customers.AccountTypeQRCode, Country: s("ID"),
				Properties: &customers.AccountProperties{QRString: "00020101021226"}},
			{Type: customers.AccountTypePayLater, Company: s("KREDIVO"), Country: s("ID"),
				Properties: &customers.AccountProperties{AccountID: "john@example.com", AccountHolderName: "John Doe", Currency: "IDR"}},
			{Type: customers.AccountTypeSocialMedia, Company: s("INSTAGRAM"), Country: s("ID"),
				Properties: &customers.AccountProperties{AccountID: "12345", AccountHandle: "@johndoe"}},
		},
		KYCDocuments: []customers.KYCDocument{{
			Country: "ID", Type: customers.DocumentTypeIdentityCard, SubType: xendit.Ptr(customers.DocumentSubTypeNationalID),
			DocumentName: s("KTP"), DocumentNumber: s("3171234567890001"), ExpiresAt: customers.NewDate(2030, time.January, 1),
			HolderName: s("John Doe"), DocumentImages: []string{"file-fc3b5a4a8d0e4b5d"},
		}},
		Description:            s("contract test"),
		DateOfRegistration:     customers.NewDate(2020, time.March, 4),
		DomicileOfRegistration: s("ID"),
		Metadata:               map[string]any{"tier": "gold", "visits": 3},
	}
}

// TestCustomerFile runs the Customers API's calls against customer.yaml,
// one Prism per answer mode for both versions.
func TestCustomerFile(t *testing.T) {
	t.Parallel()
	each(t, customerFile, func(t *testing.T, c *contract) {
		customersV20201031(t, c)
		customersV20200519(t, c)
	})
}

func customersV20201031(t *testing.T, c *contract) {
	ctx := context.Background()
	api := customers.New(c.client)

	created, err := api.Create(ctx, createParams())
	c.decoded("Create", created, err)

	business := &customers.CreateParams{
		ReferenceID: "contract-business-1", Type: customers.TypeBusiness,
		BusinessDetail: &customers.BusinessDetail{BusinessName: "Acme", TradingName: xendit.Ptr("Acme Shop"),
			BusinessType: customers.BusinessTypeCorporation, NatureOfBusiness: xendit.Ptr("Retail"),
			BusinessDomicile: xendit.Ptr("ID"), DateOfRegistration: customers.NewDate(2001, time.May, 6)},
		Email: xendit.Ptr("ops@acme.example"),
	}
	createdBusiness, err := api.Create(ctx, business, xendit.ForUserID("5dbf20d7c8eb0c0896f811b6"))
	c.decoded("Create BUSINESS", createdBusiness, err)

	got, err := api.Get(ctx, customerID)
	c.decoded("Get", got, err)

	list, err := api.ListByReferenceID(ctx, &customers.ListByReferenceIDParams{ReferenceID: "contract-customer-1"})
	c.decoded("ListByReferenceID", list, err)

	updated, err := api.Update(ctx, customerID, &customers.UpdateParams{
		IndividualDetail: xendit.Set(customers.IndividualDetail{GivenNames: "Jane", Surname: xendit.Ptr("Doe")}),
		Email:            xendit.Set("jane@example.com"),
		MobileNumber:     xendit.Set("+6281295412346"),
		PhoneNumber:      xendit.Null[string](),
		Addresses:        xendit.Set([]customers.Address{{Country: "PH", City: xendit.Ptr("Manila")}}),
		IdentityAccounts: xendit.Null[[]customers.IdentityAccount](),
		KYCDocuments:     xendit.Null[[]customers.KYCDocument](),
		Description:      xendit.Null[string](),
		Metadata:         xendit.Set(map[string]any{"tier": "silver"}),
	})
	c.decoded("Update", updated, err)

	if c.mode == static && got != nil {
		// The file's Customer example, as the SDK reads it.
		assert.Equal(t, "id", got.ID)
		assert.Equal(t, "info@xendit.co", *got.Email)
		assert.Equal(t, "middle_name", *got.IndividualDetail.MiddleName)
		assert.Equal(t, customers.BusinessTypeCorporation, got.BusinessDetail.BusinessType)
		assert.Equal(t, "d290f1ee-6c54-4b01-90e6-d701748f0851", got.Addresses[0].ID)
		assert.Equal(t, 2016, got.Created.Year())
	}
	for _, cu := range []*customers.Customer{created, createdBusiness, got, updated} {
		if cu != nil {
			knownAccountTypes(t, cu)
		}
	}
	if list != nil {
		for i := range list.Data {
			knownAccountTypes(t, &list.Data[i])
		}
	}
}

// knownAccountTypes fails on an identity account type the SDK has no
// constant for, except the file's response-only CARDLESS_CREDIT.
func knownAccountTypes(t *testing.T, cu *customers.Customer) {
	t.Helper()
	known := map[customers.AccountType]bool{customers.AccountTypeBankAccount: true, customers.AccountTypeEWallet: true,
		customers.AccountTypeCreditCard: true, customers.AccountTypePayLater: true, customers.AccountTypeOTC: true, customers.AccountTypeQRCode: true,
		customers.AccountTypeSocialMedia: true}
	for _, a := range cu.IdentityAccounts {
		if _, excepted := responseOnlyValues[string(a.Type)]; a.Type != "" && !known[a.Type] && !excepted {
			t.Errorf("identity account type %q has no constant in package customers", a.Type)
		}
	}
}

// customersV20200519 runs the original version's calls. The file
// describes 2020-10-31; the fields both versions share (reference_id,
// email, mobile and phone numbers, description, addresses' country and
// lines, metadata) are checked against it, and its Customer decodes into
// CustomerV20200519. Get by reference id is not here: 2020-05-19 answers a
// bare array, which the file does not describe.
func customersV20200519(t *testing.T, c *contract) {
	ctx := context.Background()
	api := customers.NewV20200519(c.client)
	s := xendit.Ptr[string]

	created, err := api.Create(ctx, &customers.CreateParamsV20200519{
		ReferenceID: "contract-v1", GivenNames: "John", Surname: s("Doe"),
		Email: s("john@example.com"), MobileNumber: s("+6281295412345"), PhoneNumber: s("+6221555123"),
		Description: s("contract test"), Nationality: s("ID"), DateOfBirth: customers.NewDate(1990, time.January, 2),
		Addresses: []customers.AddressV20200519{{Country: "ID", City: s("Jakarta"), StreetLine1: s("Jl. Sudirman 1")}},
		Metadata:  map[string]any{"tier": "gold"},
	})
	c.check("Create 2020-05-19", err)
	assertDecodedV1(t, c, created)

	got, err := api.Get(ctx, "239c16f4-866d-43e8-9341-7badafbc019f")
	c.check("Get 2020-05-19", err)
	assertDecodedV1(t, c, got)

	updated, err := api.Update(ctx, "239c16f4-866d-43e8-9341-7badafbc019f", &customers.UpdateParamsV20200519{
		Email: xendit.Set("jane@example.com"), PhoneNumber: xendit.Null[string](),
		Description: xendit.Null[string](), Metadata: xendit.Set(map[string]any{"tier": "silver"}),
	})
	c.check("Update 2020-05-19", err)
	assertDecodedV1(t, c, updated)
}

func assertDecodedV1(t *testing.T, c *contract, cu *customers.CustomerV20200519) {
	t.Helper()
	if cu == nil {
		return
	}
	if c.mode == static {
		assert.Equal(t, "id", cu.ID)
		assert.Equal(t, "reference_id", cu.ReferenceID)
		assert.Equal(t, "info@xendit.co", *cu.Email)
		assert.Equal(t, "+6281295412345", *cu.MobileNumber)
	}
}
