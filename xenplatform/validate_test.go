package xenplatform_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/fake"
	"github.com/seed19b1029f/xendit-go/xenplatform"
)

func TestCreateAccountRules(t *testing.T) {
	t.Parallel()
	custom := func(dash, follow, withdraw bool) *xenplatform.Configurations {
		return &xenplatform.Configurations{HasDashboard: &dash, PaymentSettingsFollowPlatform: &follow, HasWithdrawal: &withdraw}
	}
	profile := &xenplatform.PublicProfile{BusinessName: "Stall"}
	for name, tc := range map[string]struct {
		p     xenplatform.CreateAccountParams
		field string
	}{
		"owned":                  {*owned("a@example.com"), ""},
		"managed needs no name":  {xenplatform.CreateAccountParams{Email: "a@example.com", Type: xendit.Ptr(xenplatform.AccountTypeManaged)}, ""},
		"custom with dashboard":  {xenplatform.CreateAccountParams{Email: "a@example.com", Configurations: custom(true, false, true)}, ""},
		"custom, no dashboard":   {xenplatform.CreateAccountParams{Email: "a@example.com", Configurations: custom(false, true, false), PublicProfile: profile}, ""},
		"no email":               {xenplatform.CreateAccountParams{Type: xendit.Ptr(xenplatform.AccountTypeManaged)}, "email"},
		"type and configuration": {xenplatform.CreateAccountParams{Email: "a", Type: xendit.Ptr(xenplatform.AccountTypeOwned), Configurations: custom(true, true, true), PublicProfile: profile}, "type"},
		"custom by name":         {xenplatform.CreateAccountParams{Email: "a", Type: xendit.Ptr(xenplatform.AccountTypeCustom)}, "type"},
		"neither":                {xenplatform.CreateAccountParams{Email: "a"}, "configurations"},
		"withdrawal needs a dashboard": {xenplatform.CreateAccountParams{Email: "a", Configurations: custom(false, true, true), PublicProfile: profile},
			"configurations.has_dashboard"},
		"own payment settings need a dashboard": {xenplatform.CreateAccountParams{Email: "a", Configurations: custom(false, false, false), PublicProfile: profile},
			"configurations.has_dashboard"},
		"owned needs a name":        {xenplatform.CreateAccountParams{Email: "a", Type: xendit.Ptr(xenplatform.AccountTypeOwned)}, "public_profile.business_name"},
		"no dashboard needs a name": {xenplatform.CreateAccountParams{Email: "a", Configurations: custom(false, true, false)}, "public_profile.business_name"},
		"name too long": {xenplatform.CreateAccountParams{Email: "a", Type: xendit.Ptr(xenplatform.AccountTypeOwned),
			PublicProfile: &xenplatform.PublicProfile{BusinessName: strings.Repeat("x", 129)}}, "public_profile.business_name"},
	} {
		t.Run(name, func(t *testing.T) { fake.Invalid(t, tc.p.Validate(), tc.field) })
	}
}

func TestUpdateAndLinkRules(t *testing.T) {
	t.Parallel()
	fake.Invalid(t, (&xenplatform.UpdateAccountParams{}).Validate(), "email")
	fake.Invalid(t, (&xenplatform.UpdateAccountParams{Email: "a", PublicProfile: xendit.Set(xenplatform.PublicProfile{})}).Validate(),
		"public_profile.business_name")
	fake.Invalid(t, (&xenplatform.UpdateAccountParams{Email: "a", PublicProfile: xendit.Null[xenplatform.PublicProfile]()}).Validate(), "")
	fake.Invalid(t, (&xenplatform.LinkAccountHolderParams{}).Validate(), "account_holder_id")
	fake.Invalid(t, (&xenplatform.ListAccountsParams{Limit: xendit.Ptr(51)}).Validate(), "limit")
	fake.Invalid(t, (&xenplatform.ListAccountsParams{AfterID: xendit.Ptr("a"), BeforeID: xendit.Ptr("b")}).Validate(), "after_id")
}

func TestAccountHolderRules(t *testing.T) {
	t.Parallel()
	for field, breakIt := range map[string]func(p *xenplatform.CreateAccountHolderParams){
		"":                           func(*xenplatform.CreateAccountHolderParams) {},
		"business_detail.type":       func(p *xenplatform.CreateAccountHolderParams) { p.BusinessDetail.Type = "" },
		"business_detail.legal_name": func(p *xenplatform.CreateAccountHolderParams) { p.BusinessDetail.LegalName = strings.Repeat("x", 256) },
		"business_detail.description": func(p *xenplatform.CreateAccountHolderParams) {
			p.BusinessDetail.Description = strings.Repeat("x", 1001)
		},
		"business_detail.industry_category": func(p *xenplatform.CreateAccountHolderParams) { p.BusinessDetail.IndustryCategory = "" },
		"individual_details":                func(p *xenplatform.CreateAccountHolderParams) { p.IndividualDetails = nil },
		"individual_details[0].surname":     func(p *xenplatform.CreateAccountHolderParams) { p.IndividualDetails[0].Surname = "" },
		"individual_details[0].phone_number": func(p *xenplatform.CreateAccountHolderParams) {
			p.IndividualDetails[0].PhoneNumber = strings.Repeat("1", 31)
		},
		"address.sub_district":     func(p *xenplatform.CreateAccountHolderParams) { p.Address.SubDistrict = "" },
		"address.postal_code":      func(p *xenplatform.CreateAccountHolderParams) { p.Address.PostalCode = xenplatform.Digits{} },
		"kyc_documents":            func(p *xenplatform.CreateAccountHolderParams) { p.KYCDocuments = nil },
		"kyc_documents[0].country": func(p *xenplatform.CreateAccountHolderParams) { p.KYCDocuments[0].Country = "" },
		"website_url":              func(p *xenplatform.CreateAccountHolderParams) { p.WebsiteURL = "" },
		"email":                    func(p *xenplatform.CreateAccountHolderParams) { p.Email = "" },
	} {
		t.Run(field, func(t *testing.T) {
			p := holderParams()
			breakIt(p)
			fake.Invalid(t, p.Validate(), field)
		})
	}
	fake.Invalid(t, (&xenplatform.UpdateAccountHolderParams{}).Validate(), "")
	fake.Invalid(t, (&xenplatform.UpdateAccountHolderParams{PhoneNumber: xendit.Set("")}).Validate(), "phone_number")
	fake.Invalid(t, (&xenplatform.UpdateAccountHolderParams{IndividualDetails: xendit.Set([]xenplatform.IndividualDetail{{}})}).Validate(),
		"individual_details[0].given_names")
	fake.Invalid(t, (&xenplatform.ActivateAccountHolderCapabilitiesParams{}).Validate(), "capabilities.type")
	fake.Invalid(t, (&xenplatform.ActivateAccountHolderCapabilitiesParams{Capabilities: xenplatform.CapabilityRequest{
		Type: xenplatform.CapabilityTypeMoneyIn}}).Validate(), "capabilities.channel_code")
}

func TestTransferRules(t *testing.T) {
	t.Parallel()
	ok := xenplatform.CreateTransferParams{Reference: "r", Amount: 10.25, SourceUserID: "a", DestinationUserID: "b"}
	for field, breakIt := range map[string]func(p *xenplatform.CreateTransferParams){
		"":                    func(*xenplatform.CreateTransferParams) {},
		"reference":           func(p *xenplatform.CreateTransferParams) { p.Reference = "" },
		"source_user_id":      func(p *xenplatform.CreateTransferParams) { p.SourceUserID = "" },
		"destination_user_id": func(p *xenplatform.CreateTransferParams) { p.DestinationUserID = "a" },
		"amount":              func(p *xenplatform.CreateTransferParams) { p.Amount = 0 },
	} {
		p := ok
		breakIt(&p)
		fake.Invalid(t, p.Validate(), field)
	}
	three := ok
	three.Amount = 10.255
	fake.Invalid(t, three.Validate(), "amount")
}

func TestSplitRuleRules(t *testing.T) {
	t.Parallel()
	route := func(mod func(r *xenplatform.Route)) *xenplatform.CreateSplitRuleParams {
		r := xenplatform.Route{PercentAmount: xendit.Ptr(5.25), Currency: xendit.CurrencyIDR, DestinationAccountID: "d", ReferenceID: "r"}
		mod(&r)
		return &xenplatform.CreateSplitRuleParams{Name: "fee", Routes: []xenplatform.Route{r}}
	}
	for field, p := range map[string]*xenplatform.CreateSplitRuleParams{
		"":                                 route(func(*xenplatform.Route) {}),
		"name":                             {Routes: route(func(*xenplatform.Route) {}).Routes},
		"routes":                           {Name: "fee"},
		"routes[0].flat_amount":            route(func(r *xenplatform.Route) { r.PercentAmount = nil }),
		"routes[0].percent_amount":         route(func(r *xenplatform.Route) { r.FlatAmount = xendit.Ptr(1.0) }),
		"routes[0].currency":               route(func(r *xenplatform.Route) { r.Currency = xendit.CurrencyUSD }),
		"routes[0].destination_account_id": route(func(r *xenplatform.Route) { r.DestinationAccountID = "" }),
		"routes[0].reference_id":           route(func(r *xenplatform.Route) { r.ReferenceID = strings.Repeat("r", 256) }),
	} {
		fake.Invalid(t, p.Validate(), field)
	}
	for _, pct := range []float64{0, 100.5, 1.005} {
		fake.Invalid(t, route(func(r *xenplatform.Route) { r.PercentAmount = &pct }).Validate(), "routes[0].percent_amount")
	}
	fake.Invalid(t, route(func(r *xenplatform.Route) { r.PercentAmount, r.FlatAmount = nil, xendit.Ptr(-1.0) }).Validate(), "routes[0].flat_amount")
	fake.Invalid(t, (&xenplatform.SetWebhookURLParams{URL: "example.com/hook"}).Validate(), "url")
	fake.Invalid(t, (&xenplatform.SetWebhookURLParams{}).Validate(), "url")
}

func TestNilParamsAreRefusedBeforeSending(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	_, err := f.xp.CreateTransfer(t.Context(), nil)
	fake.Invalid(t, err, "params")
	_, err = f.xp.CreateAccount(t.Context(), &xenplatform.CreateAccountParams{})
	fake.Invalid(t, err, "email")
	assert.Empty(t, f.srv.Requests(), "nothing was sent")
	_, err = f.xp.GetTransferByReference(t.Context(), "")
	assert.ErrorIs(t, err, xendit.ErrValidation, "an empty path id is refused by the core")
}

// status is what the money statuses answer.
type status interface {
	Succeeded() bool
	Pending() bool
	Failed() bool
}

func TestStatusHelpers(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		s                          status
		succeeded, pending, failed bool
	}{
		{xenplatform.TransferStatusSuccessful, true, false, false},
		{xenplatform.TransferStatusPending, false, true, false},
		{xenplatform.TransferStatusFailed, false, false, true},
		{xenplatform.TransferStatus("NEW"), false, false, false},
	} {
		assert.Equal(t, []bool{tc.succeeded, tc.pending, tc.failed}, []bool{tc.s.Succeeded(), tc.s.Pending(), tc.s.Failed()}, tc.s)
	}
	assert.True(t, xenplatform.AccountStatusLive.Active())
	assert.False(t, xenplatform.AccountStatusSuspended.Active())
	assert.True(t, xenplatform.KYCStatusResubmissionRequired.Failed())
	assert.False(t, xenplatform.KYCStatusNotVerified.Passed() || xenplatform.KYCStatusNotVerified.Pending() || xenplatform.KYCStatusNotVerified.Failed())
	assert.True(t, xenplatform.CapabilityStatusDeclined.Failed())
	assert.Len(t, xenplatform.WebhookTypes(), 23)
}
