package xenplatform_test

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/jsontest"
	"github.com/seed19b1029f/xendit-go/xenplatform"
)

func TestReferenceExamplesRoundTrip(t *testing.T) {
	t.Parallel()
	account := func() any { return new(xenplatform.Account) }
	holder := func() any { return new(xenplatform.AccountHolder) }
	transfer := func() any { return new(xenplatform.Transfer) }
	callback := func() any { return new(xenplatform.Callback) }
	createHolder := func() any { return new(xenplatform.CreateAccountHolderParams) }
	jsontest.RoundTripAll(t, map[string]func() any{
		"xenplatform.create_account.request.json":                        func() any { return new(xenplatform.CreateAccountParams) },
		"xenplatform.create_account.request.2.json":                      func() any { return new(xenplatform.CreateAccountParams) },
		"xenplatform.create_account.response.json":                       account,
		"xenplatform.create_account.response.2.json":                     account,
		"xenplatform.get_account.response.json":                          account,
		"xenplatform.list_accounts.response.json":                        func() any { return new(xendit.Page[xenplatform.Account]) },
		"xenplatform.update_account.request.json":                        func() any { return new(xenplatform.UpdateAccountParams) },
		"xenplatform.update_account.response.json":                       account,
		"xenplatform.update_account.request.2.json":                      func() any { return new(xenplatform.LinkAccountHolderParams) },
		"xenplatform.update_account.response.2.json":                     account,
		"xenplatform.account_holder_object.response.json":                holder,
		"xenplatform.create_account_holder.request.json":                 createHolder,
		"xenplatform.create_account_holder.request.2.json":               createHolder,
		"xenplatform.create_account_holder.request.3.json":               createHolder,
		"xenplatform.create_account_holder.response.json":                holder,
		"xenplatform.activate_account_holder_capabilities.request.json":  func() any { return new(xenplatform.ActivateAccountHolderCapabilitiesParams) },
		"xenplatform.activate_account_holder_capabilities.response.json": holder,
		"xenplatform.get_account_holder.response.json":                   holder,
		"xenplatform.update_account_holder.request.json":                 func() any { return new(xenplatform.UpdateAccountHolderParams) },
		"xenplatform.update_account_holder.response.json":                holder,
		"xenplatform.transfer_object.response.json":                      transfer,
		"xenplatform.create_transfer.response.json":                      transfer,
		"xenplatform.get_transfer_by_reference.response.json":            transfer,
		"xenplatform.create_split_rule.request.json":                     func() any { return new(xenplatform.CreateSplitRuleParams) },
		"xenplatform.create_split_rule.response.json":                    func() any { return new(xenplatform.SplitRule) },
		"xenplatform.set_webhook_url.response.json":                      func() any { return new(xenplatform.WebhookURL) },
		"xenplatform.account_holder_kyc_callback.webhook.json":           callback,
		"xenplatform.account_holder_capabilities_callback.webhook.json":  callback,
		"xenplatform.account_created_callback.webhook.json":              callback,
		"xenplatform.account_created_callback.webhook.2.json":            callback,
		"xenplatform.account_suspension_callback.webhook.json":           callback,
	}, nil)
}

// Every documented field of the answers lands in a named field.
func TestAnswersDecodeIntoNamedFields(t *testing.T) {
	t.Parallel()
	for name, v := range map[string]any{
		"xenplatform.create_account.response.2.json":                     new(xenplatform.Account),
		"xenplatform.update_account.response.2.json":                     new(xenplatform.Account),
		"xenplatform.list_accounts.response.json":                        new(xendit.Page[xenplatform.Account]),
		"xenplatform.get_account_holder.response.json":                   new(xenplatform.AccountHolder),
		"xenplatform.create_transfer.response.json":                      new(xenplatform.Transfer),
		"xenplatform.create_split_rule.response.json":                    new(xenplatform.SplitRule),
		"xenplatform.set_webhook_url.response.json":                      new(xenplatform.WebhookURL),
		"xenplatform.create_account_holder.request.3.json":               new(xenplatform.CreateAccountHolderParams),
		"xenplatform.activate_account_holder_capabilities.response.json": new(xenplatform.AccountHolder),
	} {
		jsontest.Strict(t, name, v)
	}
	var a xenplatform.Account
	require.NoError(t, json.Unmarshal(jsontest.Load(t, "xenplatform.update_account.response.2.json"), &a))
	assert.Equal(t, "4376b7b0-1c44-46be-8640-828f79cdc8be", a.AccountHolderID)
	assert.True(t, a.Status.Active())

	var h xenplatform.AccountHolder
	require.NoError(t, json.Unmarshal(jsontest.Load(t, "xenplatform.activate_account_holder_capabilities.response.json"), &h))
	assert.Equal(t, "2129", h.Address.PostalCode.String(), "a postal code sent as a number")
	require.Len(t, h.Capabilities, 1)
	assert.Equal(t, xenplatform.CapabilityChannelGCash, h.Capabilities[0].ChannelCode)
	assert.True(t, h.Capabilities[0].Status.Pending())
	assert.True(t, h.KYC.Status.Passed())
	assert.Len(t, h.IndividualDetails, 2)
}

// The Create example's single individual_details object reads as a list of
// one (conflict 21 of the inventory) and is written back as it came.
func TestAccountHolderReadsIndividualDetailsAsObjectOrList(t *testing.T) {
	t.Parallel()
	var h xenplatform.AccountHolder
	require.NoError(t, json.Unmarshal(jsontest.Load(t, "xenplatform.create_account_holder.response.json"), &h))
	require.Len(t, h.IndividualDetails, 1)
	assert.Equal(t, xenplatform.IndividualTypePIC, h.IndividualDetails[0].Type)
	assert.False(t, h.CreatedAt.IsZero(), "created_at, the Create example's spelling")

	h.IndividualDetails = append(h.IndividualDetails, xenplatform.IndividualDetail{GivenNames: "second"})
	out, err := json.Marshal(h)
	require.NoError(t, err)
	assert.Contains(t, string(out), `"individual_details":[`, "two people are a list")
}

func TestRequestExamplesAreValid(t *testing.T) {
	t.Parallel()
	for name, v := range map[string]interface{ Validate() error }{
		"xenplatform.create_account.request.json":                       new(xenplatform.CreateAccountParams),
		"xenplatform.create_account.request.2.json":                     new(xenplatform.CreateAccountParams),
		"xenplatform.update_account.request.json":                       new(xenplatform.UpdateAccountParams),
		"xenplatform.update_account.request.2.json":                     new(xenplatform.LinkAccountHolderParams),
		"xenplatform.create_account_holder.request.json":                new(xenplatform.CreateAccountHolderParams),
		"xenplatform.create_account_holder.request.2.json":              new(xenplatform.CreateAccountHolderParams),
		"xenplatform.create_account_holder.request.3.json":              new(xenplatform.CreateAccountHolderParams),
		"xenplatform.activate_account_holder_capabilities.request.json": new(xenplatform.ActivateAccountHolderCapabilitiesParams),
		"xenplatform.update_account_holder.request.json":                new(xenplatform.UpdateAccountHolderParams),
	} {
		require.NoError(t, json.Unmarshal(jsontest.Load(t, name), v), name)
		assert.NoError(t, v.Validate(), "the reference's own request %s is valid", name)
	}
	// The split rule example reuses one reference_id for both routes, which
	// its own table forbids (DUPLICATE_ERROR): Validate refuses it.
	var sr xenplatform.CreateSplitRuleParams
	require.NoError(t, json.Unmarshal(jsontest.Load(t, "xenplatform.create_split_rule.request.json"), &sr))
	var ve *xendit.ValidationError
	require.ErrorAs(t, sr.Validate(), &ve)
	assert.Equal(t, "routes[1].reference_id", ve.Field)
}

func TestCallbacksDecodeByEvent(t *testing.T) {
	t.Parallel()
	kyc, err := xenplatform.ParseCallback(jsontest.Load(t, "xenplatform.account_holder_kyc_callback.webhook.json"))
	require.NoError(t, err)
	require.NotNil(t, kyc.AccountHolder)
	assert.True(t, kyc.AccountHolder.KYC.Status.Passed())

	// The example names the KYC event but carries capabilities.
	capab, err := xenplatform.ParseCallback(jsontest.Load(t, "xenplatform.account_holder_capabilities_callback.webhook.json"))
	require.NoError(t, err)
	require.Len(t, capab.AccountHolder.Capabilities, 1)
	assert.True(t, capab.AccountHolder.Capabilities[0].Status.Failed())
	assert.Equal(t, "Your website URL is not related to your business", capab.AccountHolder.Capabilities[0].FailureReason)

	created, err := xenplatform.ParseCallback(jsontest.Load(t, "xenplatform.account_created_callback.webhook.json"))
	require.NoError(t, err)
	assert.Equal(t, xenplatform.EventAccountCreated, created.Event)
	assert.Equal(t, "5cafeb170a2b18519b1b8761", created.Account.ID)
	assert.Empty(t, created.BusinessID, "this example has no business_id")

	susp, err := xenplatform.ParseCallback(jsontest.Load(t, "xenplatform.account_suspension_callback.webhook.json"))
	require.NoError(t, err)
	assert.Equal(t, xenplatform.AccountStatusSuspended, susp.Suspension.Status)
	assert.Equal(t, "FRAUD_PROMO_ABUSE", susp.Suspension.Reason)
	assert.Nil(t, susp.Account)

	for _, event := range []string{xenplatform.EventAccountRegistered, xenplatform.EventAccountActivated} {
		cb, err := xenplatform.ParseCallback([]byte(`{"event":"` + event + `","created":"2021-01-01T10:00:00Z","data":{"id":"acc_1","type":"MANAGED","status":"LIVE"}}`))
		require.NoError(t, err)
		assert.True(t, cb.Account.Status.Active(), event)
	}
	unknown, err := xenplatform.ParseCallback([]byte(`{"event":"account.renamed","data":{"x":1}}`))
	require.NoError(t, err)
	assert.JSONEq(t, `{"x":1}`, string(unknown.Data))
	_, err = xenplatform.ParseCallback([]byte(`{"event":"account.created","data":null}`))
	assert.ErrorContains(t, err, "without data")
}

// The callback token is a secret: a logged or printed answer does not show
// it, and JSON (what a service stores) keeps it.
func TestCallbackTokenNeverPrints(t *testing.T) {
	t.Parallel()
	var w xenplatform.WebhookURL
	require.NoError(t, json.Unmarshal(jsontest.Load(t, "xenplatform.set_webhook_url.response.json"), &w))
	const token = "66a6680348e1c33ed2b9053a8eb9291b9e2230ff4f4d3057c9f4ac26405d2123"
	assert.Equal(t, token, string(w.CallbackToken))
	for _, s := range []string{fmt.Sprint(w), fmt.Sprintf("%+v", w), fmt.Sprintf("%#v", w), fmt.Sprintf("%v", &w)} {
		assert.NotContains(t, s, token)
	}
	var logged strings.Builder
	slog.New(slog.NewTextHandler(&logged, nil)).Info("set", "token", w.CallbackToken)
	assert.NotContains(t, logged.String(), token)
	out, err := json.Marshal(w)
	require.NoError(t, err)
	assert.Contains(t, string(out), token)
}
