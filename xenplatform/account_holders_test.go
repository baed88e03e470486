package xenplatform_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/fake"
	"github.com/seed19b1029f/xendit-go/xenplatform"
)

func holderParams() *xenplatform.CreateAccountHolderParams {
	return &xenplatform.CreateAccountHolderParams{
		BusinessDetail: xenplatform.BusinessDetail{Type: xenplatform.BusinessTypeIndividual, LegalName: "Angie Lemon",
			TradingName: "Angie's", Description: "Lemonade", IndustryCategory: "ACCOMMODATION", CountryOfOperation: "PH"},
		IndividualDetails: []xenplatform.IndividualDetail{{GivenNames: "Angie", Surname: "Lemon", PhoneNumber: "+63021234567",
			Email: "angie@example.com", Type: xenplatform.IndividualTypePIC, Role: "owner"}},
		Address: xenplatform.Address{Country: "PH", StreetLine1: "1 Main St", StreetLine2: "Unit 2", City: "Makati",
			District: "D", SubDistrict: "SD", ProvinceState: "Metro Manila", PostalCode: xenplatform.DigitsOf("0123")},
		KYCDocuments: []xenplatform.KYCDocument{{Type: "SELFIE_WITH_PRIMARY_ID_DOCUMENT", Country: "PH", FileID: "file-1"}},
		WebsiteURL:   "https://angie.example", PhoneNumber: "+63281234567", Email: "angie@example.com",
	}
}

// The onboarding of an OWNED account: KYC, then a capability, each
// reported by its callback, with the API's refusals on the way.
func TestAccountHolderKYCAndCapabilities(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	h, err := f.xp.CreateAccountHolder(t.Context(), holderParams())
	require.NoError(t, err)
	assert.Equal(t, xenplatform.KYCStatusNotVerified, h.KYC.Status)
	assert.Equal(t, "0123", h.Address.PostalCode.String(), "leading zero kept")
	sent := f.srv.Requests()
	assert.Contains(t, string(sent[len(sent)-1].Body), `"postal_code":"0123"`)

	gcash := &xenplatform.ActivateAccountHolderCapabilitiesParams{Capabilities: xenplatform.CapabilityRequest{
		Type: xenplatform.CapabilityTypeMoneyIn, ChannelCode: xenplatform.CapabilityChannelGCash}}
	_, err = f.xp.ActivateAccountHolderCapabilities(t.Context(), h.ID, gcash)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, xenplatform.CodeKYCVerificationRequired, xe.Code)
	assert.ErrorIs(t, err, xendit.ErrForbidden)
	assert.Equal(t, 1, fake.Count(f.srv, http.MethodPatch, "/account_holders/"+h.ID), "the holder's id is in the path")

	h, err = f.xp.UpdateAccountHolder(t.Context(), h.ID, &xenplatform.UpdateAccountHolderParams{WebsiteURL: xendit.Set("https://angie.example/shop")})
	require.NoError(t, err)
	assert.Equal(t, "https://angie.example/shop", h.WebsiteURL)
	assert.Equal(t, "Angie Lemon", h.BusinessDetail.LegalName, "a partial update keeps the rest")
	sent = f.srv.Requests()
	assert.JSONEq(t, `{"website_url":"https://angie.example/shop"}`, string(sent[len(sent)-1].Body))

	require.NoError(t, f.srv.SetAccountHolderKYC(h.ID, "PASSED"))
	kyc := fake.Next(t, f.callbacks).Payload
	assert.Equal(t, xenplatform.EventAccountHolderKYCStatus, kyc.Event)
	assert.Equal(t, h.ID, kyc.AccountHolder.ID)
	assert.True(t, kyc.AccountHolder.KYC.Status.Passed())

	h, err = f.xp.ActivateAccountHolderCapabilities(t.Context(), h.ID, gcash)
	require.NoError(t, err)
	require.Len(t, h.Capabilities, 1)
	assert.True(t, h.Capabilities[0].Status.Pending())
	_, err = f.xp.ActivateAccountHolderCapabilities(t.Context(), h.ID, gcash)
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, xenplatform.CodeChannelActivationInProgress, xe.Code)

	require.NoError(t, f.srv.SetAccountHolderCapability(h.ID, "GCASH", "LIVE"))
	capab := fake.Next(t, f.callbacks).Payload
	assert.Equal(t, xenplatform.EventAccountHolderCapabilitiesStatus, capab.Event)
	require.Len(t, capab.AccountHolder.Capabilities, 1)
	assert.True(t, capab.AccountHolder.Capabilities[0].Status.Active())
	got, err := f.xp.GetAccountHolder(t.Context(), h.ID)
	require.NoError(t, err)
	assert.True(t, got.Capabilities[0].Status.Active())
}
