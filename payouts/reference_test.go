package payouts_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/jsontest"
	"github.com/seed19b1029f/xendit-go/internal/reference"
	"github.com/seed19b1029f/xendit-go/payouts"
)

func TestReferenceExamplesRoundTrip(t *testing.T) {
	t.Parallel()
	payout := func() any { return new(payouts.Payout) }
	params := func() any { return new(payouts.CreatePayoutParams) }
	callback := func() any { return new(payouts.Callback) }
	jsontest.RoundTripAll(t, map[string]func() any{
		"payouts.payout_object.response.json":        payout,
		"payouts.create.request.json":                params,
		"payouts.create.request.2.json":              params,
		"payouts.create.request.3.json":              params,
		"payouts.create.request.4.json":              params,
		"payouts.create.response.json":               payout,
		"payouts.get.response.json":                  payout,
		"payouts.cancel.response.json":               payout,
		"payouts.list_by_reference_id.response.json": func() any { return new([]payouts.Payout) },
		"payouts.list_channels.response.json":        func() any { return new([]payouts.Channel) },
		"payouts.payout_callback.webhook.json":       callback,
		"payouts.payout_callback.webhook.2.json":     callback,
	}, jsontest.Skip(map[string]string{}, "payouts.create.error.json"))
}

// TestTestdataIsTheReference keeps the copies in testdata equal to the
// examples of the reference data, so a regenerated reference cannot leave
// a stale copy behind.
func TestTestdataIsTheReference(t *testing.T) {
	t.Parallel()
	var examples []reference.Example
	for _, e := range reference.Endpoints() {
		if e.Area == "payouts" {
			examples = append(examples, e.Examples...)
		}
	}
	for _, w := range reference.Webhooks() {
		if w.Area == "payouts" {
			examples = append(examples, w.Examples...)
		}
	}
	require.Len(t, examples, 12, "the payout object example is not attached to an endpoint; it is in testdata only")
	for _, ex := range examples {
		var want, got any
		require.NoError(t, json.Unmarshal(ex.JSON, &want), ex.Name)
		require.NoError(t, json.Unmarshal(jsontest.Load(t, ex.Name), &got), ex.Name)
		assert.Equal(t, want, got, ex.Name)
	}
}

func TestPayoutExamplesDecodeIntoNamedFields(t *testing.T) {
	t.Parallel()
	var created payouts.Payout
	jsontest.Strict(t, "payouts.create.response.json", &created)
	assert.Equal(t, payouts.StatusAccepted, created.Status)
	assert.True(t, created.Status.Pending())
	assert.Equal(t, payouts.ChannelGCash, created.ChannelCode)
	assert.Equal(t, 1.11, created.Amount)
	assert.Equal(t, xendit.CurrencyPHP, created.Currency)
	assert.Equal(t, "Test", created.ChannelProperties.AccountHolderName)
	assert.Equal(t, []string{"somebody@xendit.co"}, created.ReceiptNotification.EmailCC)
	assert.Equal(t, time.Date(2022, 1, 5, 5, 52, 48, 106e6, time.UTC), created.EstimatedArrivalTime.Time)

	var failed payouts.Payout
	jsontest.Strict(t, "payouts.get.response.json", &failed)
	assert.True(t, failed.Status.Failed())
	assert.Equal(t, payouts.FailureTemporaryTransferError, failed.FailureCode)

	var cancelled payouts.Payout
	jsontest.Strict(t, "payouts.cancel.response.json", &cancelled)
	assert.True(t, cancelled.Status.Failed(), "a cancelled payout paid nothing")
	assert.Equal(t, "002912362381009082189137", cancelled.ChannelProperties.PayoutCode, "OTC properties")
	assert.Equal(t, "Chen", cancelled.ChannelProperties.RecipientSurname)
	assert.False(t, cancelled.ChannelProperties.ExpiresAt.IsZero())

	var object payouts.Payout
	jsontest.Strict(t, "payouts.payout_object.response.json", &object)
	assert.Len(t, object.ReceiptNotification.EmailBCC, 2)

	var list []payouts.Payout
	jsontest.Strict(t, "payouts.list_by_reference_id.response.json", &list)
	require.Len(t, list, 2)
	assert.Equal(t, "disb-567845975142", list[1].ID)

	var channels []payouts.Channel
	jsontest.Strict(t, "payouts.list_channels.response.json", &channels)
	require.Len(t, channels, 2)
	assert.Equal(t, payouts.ChannelBSI, channels[0].ChannelCode)
	assert.Equal(t, payouts.ChannelCategoryBank, channels[0].ChannelCategory)
	assert.Equal(t, payouts.AmountLimits{Minimum: 10000, Maximum: 1999999999999, MinimumIncrement: 1}, channels[0].AmountLimits)
}

func TestRequestExamplesAreValidParams(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"payouts.create.request.json", "payouts.create.request.2.json",
		"payouts.create.request.3.json", "payouts.create.request.4.json"} {
		var p payouts.CreatePayoutParams
		jsontest.Strict(t, name, &p)
		require.NoError(t, p.Validate(), "the reference's own request %s is valid", name)
	}
	var thb payouts.CreatePayoutParams
	jsontest.Strict(t, "payouts.create.request.4.json", &thb)
	assert.Equal(t, payouts.AccountTypeMobileNo, *thb.ChannelProperties.AccountType)
	var lotto payouts.CreatePayoutParams
	jsontest.Strict(t, "payouts.create.request.json", &lotto)
	assert.Equal(t, 24.0, lotto.Metadata["lotto_outlet"])
}

// The reference's callback examples are flat payouts without an event;
// ParseCallback derives the event from the status and keeps the shape.
func TestFlatCallbackExamples(t *testing.T) {
	t.Parallel()
	var strict payouts.Payout
	jsontest.Strict(t, "payouts.payout_callback.webhook.json", &strict)
	ok, err := payouts.ParseCallback(jsontest.Load(t, "payouts.payout_callback.webhook.json"))
	require.NoError(t, err)
	assert.True(t, ok.Flat)
	assert.Equal(t, payouts.EventSucceeded, ok.Event)
	assert.True(t, ok.Payout.Status.Succeeded())
	assert.Equal(t, "a029fc31-02ef-4c8b-b21d-af32ceed7321", ok.Payout.IdempotencyKey)
	assert.Equal(t, payouts.ChannelCategoryEWallet, ok.Payout.ChannelCategory)
	assert.Equal(t, "09991231877", ok.Payout.AccountNumber)

	jsontest.Strict(t, "payouts.payout_callback.webhook.2.json", &strict)
	failed, err := payouts.ParseCallback(jsontest.Load(t, "payouts.payout_callback.webhook.2.json"))
	require.NoError(t, err)
	assert.Equal(t, payouts.EventFailed, failed.Event)
	assert.Equal(t, payouts.FailureInvalidDestination, failed.Payout.FailureCode)
}

// The envelope the reference's table documents decodes and encodes back.
func TestEnvelopeCallback(t *testing.T) {
	t.Parallel()
	body := `{"event":"payout.reversed","business_id":"5785e6334d7b410667d355c4","created":"2022-01-11T02:00:00.000Z",` +
		`"data":{"id":"disb-1","reference_id":"r-1","status":"REVERSED","amount":1000,"currency":"IDR","channel_code":"ID_BCA"}}`
	cb, err := payouts.ParseCallback([]byte(body))
	require.NoError(t, err)
	assert.False(t, cb.Flat)
	assert.Equal(t, payouts.EventReversed, cb.Event)
	assert.Equal(t, "5785e6334d7b410667d355c4", cb.BusinessID)
	require.NotNil(t, cb.Payout)
	assert.True(t, cb.Payout.Status.Failed(), "reversed money is back in the balance")
	again, err := json.Marshal(cb)
	require.NoError(t, err)
	assert.Empty(t, jsontest.Diff([]byte(body), again))

	unknown, err := payouts.ParseCallback([]byte(`{"event":"payout.something_new","data":{"x":1}}`))
	require.NoError(t, err)
	assert.Nil(t, unknown.Payout)
	assert.JSONEq(t, `{"x":1}`, string(unknown.Data))

	_, err = payouts.ParseCallback([]byte(`{"event":"payout.succeeded"}`))
	assert.ErrorContains(t, err, "without data")
}

// The list answers decode in both shapes the reference shows.
func TestListAnswerInBothShapes(t *testing.T) {
	t.Parallel()
	srv := listServer(t, string(jsontest.Load(t, "payouts.list_by_reference_id.response.json")))
	page, err := payouts.New(srv).ListPayouts(t.Context(), &payouts.ListPayoutsParams{ReferenceID: "r"})
	require.NoError(t, err)
	assert.Len(t, page.Data, 2)
	assert.False(t, page.HasMore)

	var env bytes.Buffer
	env.WriteString(`{"data":`)
	env.Write(jsontest.Load(t, "payouts.list_by_reference_id.response.json"))
	env.WriteString(`,"has_more":true,"links":[{"href":"/v2/payouts?after_id=disb-567845975142","rel":"next","method":"GET"}]}`)
	srv = listServer(t, env.String())
	page, err = payouts.New(srv).ListPayouts(t.Context(), &payouts.ListPayoutsParams{ReferenceID: "r"})
	require.NoError(t, err)
	assert.Len(t, page.Data, 2)
	assert.True(t, page.HasMore)
	require.Len(t, page.Links, 1)
	assert.True(t, strings.HasSuffix(page.Links[0].Href, "disb-567845975142"))

	// payout.yaml sends links as one object.
	srv = listServer(t, `{"data":[],"has_more":true,"links":{"href":"/v2/payouts?after_id=disb-1","rel":"next","method":"GET"}}`)
	page, err = payouts.New(srv).ListPayouts(t.Context(), &payouts.ListPayoutsParams{ReferenceID: "r"})
	require.NoError(t, err)
	assert.Equal(t, []xendit.Link{{Href: "/v2/payouts?after_id=disb-1", Rel: "next", Method: "GET"}}, page.Links)
}
