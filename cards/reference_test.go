package cards_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go/cards"
	"github.com/seed19b1029f/xendit-go/internal/jsontest"
)

func TestReferenceExamplesDecodeIntoNamedFields(t *testing.T) {
	t.Parallel()
	for name, v := range map[string]any{
		"cards.create_token.response.json":              &cards.Tokenization{},
		"cards.create_authentication.response.json":     &cards.Authentication{},
		"cards.get_token.response.json":                 &cards.Token{},
		"cards.create_authorization.request.json":       &cards.CreateChargeParams{},
		"cards.create_authorization.response.json":      &cards.Charge{},
		"cards.zero_amount_authorization.request.json":  &cards.CreateChargeParams{},
		"cards.zero_amount_authorization.response.json": &cards.Charge{},
		"cards.reverse_authorization.request.json":      &cards.ReverseAuthorizationParams{},
		"cards.reverse_authorization.request.2.json":    &cards.ReverseAuthorizationParams{},
		"cards.reverse_authorization.response.json":     &cards.Reversal{},
		"cards.create_charge.request.json":              &cards.CreateChargeParams{},
		"cards.create_charge.response.json":             &cards.Charge{},
		"cards.create_charge.response.2.json":           &cards.Charge{},
		"cards.capture_charge.response.json":            &cards.Charge{},
		"cards.create_refund.response.json":             &cards.Refund{},
		"cards.get_charge.response.json":                &cards.Charge{},
		"cards.get_charge_option.response.json":         &cards.ChargeOption{},
		"cards.create_promotion.request.json":           &cards.CreatePromotionParams{},
		"cards.create_promotion.response.json":          &cards.Promotion{},
		"cards.list_promotions.response.json":           &cards.PromotionList{},
		"cards.calculate_promotion.response.json":       &cards.PromotionCalculation{},
		"cards.update_promotion.request.json":           &cards.UpdatePromotionParams{},
		"cards.update_promotion.response.json":          &cards.Promotion{},
		"cards.delete_promotion.response.json":          &cards.Promotion{},
	} {
		t.Run(name, func(t *testing.T) { t.Parallel(); jsontest.Strict(t, name, v) })
	}
}

func TestReferenceExamplesRoundTrip(t *testing.T) {
	t.Parallel()
	charge := func() any { return new(cards.Charge) }
	promotion := func() any { return new(cards.Promotion) }
	jsontest.RoundTripAll(t, map[string]func() any{
		"cards.create_token.response.json":              func() any { return new(cards.Tokenization) },
		"cards.create_authentication.response.json":     func() any { return new(cards.Authentication) },
		"cards.get_token.response.json":                 func() any { return new(cards.Token) },
		"cards.create_authorization.request.json":       func() any { return new(cards.CreateChargeParams) },
		"cards.create_authorization.response.json":      charge,
		"cards.zero_amount_authorization.request.json":  func() any { return new(cards.CreateChargeParams) },
		"cards.zero_amount_authorization.response.json": charge,
		"cards.reverse_authorization.request.json":      func() any { return new(cards.ReverseAuthorizationParams) },
		"cards.reverse_authorization.request.2.json":    func() any { return new(cards.ReverseAuthorizationParams) },
		"cards.reverse_authorization.response.json":     func() any { return new(cards.Reversal) },
		"cards.create_charge.request.json":              func() any { return new(cards.CreateChargeParams) },
		"cards.create_charge.response.json":             charge,
		"cards.create_charge.response.2.json":           charge,
		"cards.capture_charge.response.json":            charge,
		"cards.create_refund.response.json":             func() any { return new(cards.Refund) },
		"cards.get_charge.response.json":                charge,
		"cards.get_charge_option.response.json":         func() any { return new(cards.ChargeOption) },
		"cards.create_promotion.request.json":           func() any { return new(cards.CreatePromotionParams) },
		"cards.create_promotion.response.json":          promotion,
		"cards.list_promotions.response.json":           promotion, // one object, not the documented array; ListPromotions reads both
		"cards.calculate_promotion.response.json":       func() any { return new(cards.PromotionCalculation) },
		"cards.update_promotion.request.json":           func() any { return new(cards.UpdatePromotionParams) },
		"cards.update_promotion.response.json":          promotion,
		"cards.delete_promotion.response.json":          promotion,
	}, nil)
}

func TestReferenceChargeExample(t *testing.T) {
	t.Parallel()
	var c cards.Charge
	jsontest.Strict(t, "cards.create_charge.response.json", &c)
	assert.Equal(t, cards.ChargeStatusCaptured, c.Status)
	assert.Equal(t, 900000.0, c.CaptureAmount)
	assert.Equal(t, cards.ChargeTypeSingleUseToken, c.ChargeType)
	assert.Equal(t, cards.CardTypeCredit, c.CardType)
	assert.Equal(t, cards.ECI("05"), c.ECI, "the field keeps what was sent")
	assert.Equal(t, cards.ECIAuthenticated, c.ECI.Code())
	assert.True(t, c.ECI.Authenticated())
	assert.Equal(t, 1000000.0, c.Promotion.OriginalAmount.Float64(), "sent as the string \"1000000\"")
	assert.Equal(t, 3, c.Installment.Count)
	assert.Equal(t, "Retry after 6 days", c.NetworkResponse.MerchantAdviceDescriptor)
	assert.Equal(t, time.Date(2020, 1, 11, 7, 33, 14, 442e6, time.UTC), c.Created.Time)

	var z cards.Charge
	jsontest.Strict(t, "cards.zero_amount_authorization.response.json", &z)
	assert.Equal(t, cards.ChargeStatusAuthorized, z.Status)
	assert.Zero(t, z.AuthorizedAmount)

	var p cards.CreateChargeParams
	jsontest.Strict(t, "cards.create_charge.request.json", &p)
	assert.Equal(t, "ID", p.BillingDetails.Address.Country)
	assert.Equal(t, "BCA_10", p.Promotion.ReferenceID)
	require.NoError(t, p.Validate())
}

func TestReferencePromotionExamples(t *testing.T) {
	t.Parallel()
	var p cards.Promotion
	jsontest.Strict(t, "cards.create_promotion.response.json", &p)
	assert.Equal(t, time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), p.StartTime.Time, "space-separated layout")
	assert.Equal(t, 20.0, p.DiscountPercent.Float64())
	assert.Equal(t, []string{"400000", "460000"}, p.BinList)

	var d cards.Promotion
	jsontest.Strict(t, "cards.delete_promotion.response.json", &d)
	assert.Equal(t, cards.PromotionStatusDeleted, d.Status)
	assert.Equal(t, "PROMO_CODE", d.Type)
	assert.Equal(t, 5000.0, d.DiscountAmount.Float64())

	var o cards.ChargeOption
	jsontest.Strict(t, "cards.get_charge_option.response.json", &o)
	require.Len(t, o.Promotions, 1)
	assert.Equal(t, 25.0, o.Promotions[0].DiscountPercent.Float64(), "sent as the string \"25\"")
	assert.Equal(t, 975000.0, o.Promotions[0].FinalAmount.Float64())
	require.Len(t, o.Installments, 3)
	assert.Equal(t, 12, o.Installments[2].Count)
	assert.Equal(t, "BRI", o.Installments[2].Acquirer)

	var l cards.PromotionList
	jsontest.Strict(t, "cards.list_promotions.response.json", &l)
	require.Len(t, l, 1, "the example is one object where the doc says array")
	assert.Equal(t, "BRI_20_JAN", l[0].ReferenceID)
	require.NoError(t, json.Unmarshal([]byte(`[{"id":"a"},{"id":"b"}]`), &l))
	assert.Len(t, l, 2, "the documented array")
	require.NoError(t, json.Unmarshal([]byte(`[]`), &l))
	assert.Empty(t, l)
}

func TestReferenceTokenExample(t *testing.T) {
	t.Parallel()
	var tok cards.Token
	jsontest.Strict(t, "cards.get_token.response.json", &tok)
	assert.Equal(t, "VALID", tok.Status)
	assert.Equal(t, "US", tok.Metadata.CountryCode)
	assert.Equal(t, "6021f7d3717e0500115fbb0d", tok.CardInfo.Fingerprint)

	var tz cards.Tokenization
	jsontest.Strict(t, "cards.create_token.response.json", &tz)
	assert.Equal(t, cards.TokenStatusInReview, tz.Status)
	assert.Equal(t, "5fcd8deb93e9a90020d8fd2e", tz.AuthenticationID)
	assert.Equal(t, "CHALLENGE", tz.NetworkResponse.ThreeDSFlow)
}

func TestUnknownCodesStillDecode(t *testing.T) {
	t.Parallel()
	var c cards.Charge
	body := `{"status":"PARTIALLY_CAPTURED","failure_reason":"NEW_REASON","cvn_code":"U","eci":"09",
		"charge_type":"INSTALLMENT","card_type":"CHARGE"}`
	require.NoError(t, json.Unmarshal([]byte(body), &c))
	assert.Equal(t, cards.ChargeStatus("PARTIALLY_CAPTURED"), c.Status)
	assert.Equal(t, cards.FailureReason("NEW_REASON"), c.FailureReason)
	assert.Equal(t, cards.CVNCode("U"), c.CVNCode)
	assert.Equal(t, cards.ECI("9"), c.ECI.Code())
	assert.False(t, c.ECI.Authenticated())
	assert.Equal(t, cards.ChargeType("INSTALLMENT"), c.ChargeType)
}

func TestECICode(t *testing.T) {
	t.Parallel()
	for in, want := range map[cards.ECI]cards.ECI{"05": "5", "5": "5", "00": "0", "0": "0", "02": "2", "": ""} {
		assert.Equal(t, want, in.Code(), "%q", in)
	}
	assert.True(t, cards.ECI("02").Authenticated())
	assert.False(t, cards.ECI("06").Authenticated())
	assert.True(t, cards.FailureReasonProcessorTimeout.Retryable())
	assert.False(t, cards.FailureReasonStolenCard.Retryable())
}

// TestStatusHelpers pins what each status answers: for card refunds the
// reference's statuses table reads "REQUESTED Refund request succeeded".
func TestStatusHelpers(t *testing.T) {
	t.Parallel()
	type helpers interface{ Succeeded() bool }
	type failer interface{ Failed() bool }
	for _, c := range []struct {
		status            any
		succeeded, failed bool
	}{
		{cards.ChargeStatusCaptured, true, false},
		{cards.ChargeStatusAuthorized, false, false},
		{cards.ChargeStatusReversed, false, false},
		{cards.ChargeStatusFailed, false, true},
		{cards.RefundStatusRequested, true, false},
		{cards.RefundStatusFailed, false, true},
		{cards.RefundStatus("PENDING"), false, false},
		{cards.ReversalStatusSucceeded, true, false},
		{cards.ReversalStatusFailed, false, true},
		{cards.TokenStatusVerified, true, false},
		{cards.TokenStatusInReview, false, false},
		{cards.TokenStatusFailed, false, true},
	} {
		assert.Equal(t, c.succeeded, c.status.(helpers).Succeeded(), "%v.Succeeded()", c.status)
		assert.Equal(t, c.failed, c.status.(failer).Failed(), "%v.Failed()", c.status)
	}
	assert.True(t, cards.TokenStatusInReview.Pending())
	assert.False(t, cards.TokenStatusVerified.Pending())

	var r cards.Refund
	jsontest.Strict(t, "cards.create_refund.response.json", &r)
	assert.True(t, r.Status.Succeeded(), "the reference's refund example succeeded")
}
