package cards_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/cards"
)

// TestInvalidInputIsRejectedBeforeSending breaks every rule of every
// Validate, through the method that runs it, against a fake, and checks
// the field named and that nothing was sent.
func TestInvalidInputIsRejectedBeforeSending(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	charge := func(change func(p *cards.CreateChargeParams)) func() error {
		return func() error {
			p := &cards.CreateChargeParams{TokenID: "tok", ExternalID: "order-1", Amount: 10000}
			change(p)
			_, err := f.cc.CreateCharge(ctx, p)
			return err
		}
	}
	promotion := func(change func(p *cards.CreatePromotionParams)) func() error {
		return func() error {
			p := &cards.CreatePromotionParams{ReferenceID: "p", Description: "d", DiscountAmount: xendit.Ptr(100.0)}
			change(p)
			_, err := f.cc.CreatePromotion(ctx, p)
			return err
		}
	}
	update := func(p *cards.UpdatePromotionParams) func() error {
		return func() error { _, err := f.cc.UpdatePromotion(ctx, "promo", p); return err }
	}
	option := func(p *cards.GetChargeOptionParams) func() error {
		return func() error { _, err := f.cc.GetChargeOption(ctx, p); return err }
	}
	calculate := func(p *cards.CalculatePromotionParams) func() error {
		return func() error { _, err := f.cc.CalculatePromotion(ctx, p); return err }
	}
	long := strings.Repeat("x", 65)
	bad := xendit.Ptr(xendit.Currency("idr"))
	now := xendit.Time{Time: time.Now()}
	earlier := xendit.Time{Time: now.Add(-time.Hour)}
	cases := map[string]struct {
		field string
		call  func() error
	}{
		"charge: no token":           {"token_id", charge(func(p *cards.CreateChargeParams) { p.TokenID = "" })},
		"charge: no external id":     {"external_id", charge(func(p *cards.CreateChargeParams) { p.ExternalID = "" })},
		"charge: long external id":   {"external_id", charge(func(p *cards.CreateChargeParams) { p.ExternalID = long })},
		"charge: negative amount":    {"amount", charge(func(p *cards.CreateChargeParams) { p.Amount = -1 })},
		"charge: bad currency":       {"currency", charge(func(p *cards.CreateChargeParams) { p.Currency = bad })},
		"charge: metadata empty key": {"metadata.", charge(func(p *cards.CreateChargeParams) { p.Metadata = map[string]any{"": 1} })},
		"charge: billing, no address": {"billing_details.address.country", charge(func(p *cards.CreateChargeParams) {
			p.BillingDetails = &cards.BillingDetails{Email: xendit.Ptr("a@b.c")}
		})},
		"charge: promotion, no ref":    {"promotion.reference_id", charge(func(p *cards.CreateChargeParams) { p.Promotion = &cards.ChargePromotion{} })},
		"charge: installment count":    {"installment.count", charge(func(p *cards.CreateChargeParams) { p.Installment = &cards.Installment{Interval: "month"} })},
		"charge: installment interval": {"installment.interval", charge(func(p *cards.CreateChargeParams) { p.Installment = &cards.Installment{Count: 3} })},
		"charge: nil":                  {"params", func() error { _, err := f.cc.CreateCharge(ctx, nil); return err }},
		"authorization: nil":           {"params", func() error { _, err := f.cc.CreateAuthorization(ctx, nil); return err }},
		"zero amount: nil":             {"params", func() error { _, err := f.cc.CreateZeroAmountAuthorization(ctx, nil); return err }},
		"authorization: checked":       {"token_id", func() error { _, err := f.cc.CreateAuthorization(ctx, &cards.CreateChargeParams{}); return err }},
		"zero amount: checked": {"token_id", func() error {
			_, err := f.cc.CreateZeroAmountAuthorization(ctx, &cards.CreateChargeParams{})
			return err
		}},
		"capture: zero":         {"amount", func() error { _, err := f.cc.CaptureCharge(ctx, "c", &cards.CaptureChargeParams{}); return err }},
		"capture: nil":          {"params", func() error { _, err := f.cc.CaptureCharge(ctx, "c", nil); return err }},
		"capture: no charge id": {"credit_card_charge_id", func() error { _, err := f.cc.CaptureCharge(ctx, "", &cards.CaptureChargeParams{Amount: 1}); return err }},
		"reversal: no external id": {"external_id", func() error {
			_, err := f.cc.ReverseAuthorization(ctx, "c", &cards.ReverseAuthorizationParams{})
			return err
		}},
		"reversal: nil": {"params", func() error { _, err := f.cc.ReverseAuthorization(ctx, "c", nil); return err }},
		"reversal: no charge id": {"charge_id", func() error {
			_, err := f.cc.ReverseAuthorization(ctx, "", &cards.ReverseAuthorizationParams{ExternalID: "r"})
			return err
		}},
		"refund: zero": {"amount", func() error {
			_, err := f.cc.CreateRefund(ctx, "c", &cards.CreateRefundParams{ExternalID: "r"})
			return err
		}},
		"refund: no external id": {"external_id", func() error { _, err := f.cc.CreateRefund(ctx, "c", &cards.CreateRefundParams{Amount: 1}); return err }},
		"refund: long external id": {"external_id", func() error {
			_, err := f.cc.CreateRefund(ctx, "c", &cards.CreateRefundParams{Amount: 1, ExternalID: long})
			return err
		}},
		"refund: nil": {"params", func() error { _, err := f.cc.CreateRefund(ctx, "c", nil); return err }},
		"refund: no charge id": {"credit_card_charge_id", func() error {
			_, err := f.cc.CreateRefund(ctx, "", &cards.CreateRefundParams{Amount: 1, ExternalID: "r"})
			return err
		}},
		"option: no card":              {"bin", option(&cards.GetChargeOptionParams{Amount: 1})},
		"option: zero amount":          {"amount", option(&cards.GetChargeOptionParams{BIN: xendit.Ptr("400000")})},
		"option: bad currency":         {"currency", option(&cards.GetChargeOptionParams{BIN: xendit.Ptr("400000"), Amount: 1, Currency: bad})},
		"option: nil":                  {"params", option(nil)},
		"calculate: zero amount":       {"amount", calculate(&cards.CalculatePromotionParams{PromoCode: xendit.Ptr("SAVE")})},
		"calculate: bad currency":      {"currency", calculate(&cards.CalculatePromotionParams{Amount: 1, Currency: bad})},
		"calculate: nil":               {"params", calculate(nil)},
		"promotion: no discount":       {"discount_percent", promotion(func(p *cards.CreatePromotionParams) { p.DiscountAmount = nil })},
		"promotion: both discounts":    {"discount_percent", promotion(func(p *cards.CreatePromotionParams) { p.DiscountPercent = xendit.Ptr(10.0) })},
		"promotion: percent over 100":  {"discount_percent", promotion(func(p *cards.CreatePromotionParams) { p.DiscountAmount, p.DiscountPercent = nil, xendit.Ptr(101.0) })},
		"promotion: zero amount":       {"discount_amount", promotion(func(p *cards.CreatePromotionParams) { p.DiscountAmount = xendit.Ptr(0.0) })},
		"promotion: no reference id":   {"reference_id", promotion(func(p *cards.CreatePromotionParams) { p.ReferenceID = "" })},
		"promotion: no description":    {"description", promotion(func(p *cards.CreatePromotionParams) { p.Description = "" })},
		"promotion: bad currency":      {"currency", promotion(func(p *cards.CreatePromotionParams) { p.Currency = bad })},
		"promotion: ends before start": {"end_time", promotion(func(p *cards.CreatePromotionParams) { p.StartTime, p.EndTime = now, earlier })},
		"promotion: nil":               {"params", func() error { _, err := f.cc.CreatePromotion(ctx, nil); return err }},
		"update: percent over 100":     {"discount_percent", update(&cards.UpdatePromotionParams{DiscountPercent: xendit.Set(101.0)})},
		"update: both discounts":       {"discount_percent", update(&cards.UpdatePromotionParams{DiscountPercent: xendit.Set(1.0), DiscountAmount: xendit.Set(1.0)})},
		"update: bad currency":         {"currency", update(&cards.UpdatePromotionParams{Currency: xendit.Set(xendit.Currency("idr"))})},
		"update: ends before start":    {"end_time", update(&cards.UpdatePromotionParams{StartTime: xendit.Set(now), EndTime: xendit.Set(earlier)})},
		"update: nil":                  {"params", update(nil)},
		"update: no promotion id":      {"promotion_id", func() error { _, err := f.cc.UpdatePromotion(ctx, "", &cards.UpdatePromotionParams{}); return err }},
		"list: bad currency": {"currency", func() error {
			_, err := f.cc.ListPromotions(ctx, &cards.ListPromotionsParams{Currency: bad})
			return err
		}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			err := c.call()
			var ve *xendit.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, c.field, ve.Field)
			assert.ErrorIs(t, err, xendit.ErrValidation)
		})
	}
	assert.Empty(t, f.srv.Requests(), "nothing was sent")
}

// TestValidateAcceptsTheReferenceRequests runs each Validate on a valid
// value, so that a rule too strict fails here.
func TestValidateAcceptsValidParams(t *testing.T) {
	t.Parallel()
	for name, v := range map[string]interface{ Validate() error }{
		"update, nothing set": &cards.UpdatePromotionParams{},
		"update, null":        &cards.UpdatePromotionParams{DiscountPercent: xendit.Null[float64](), Currency: xendit.Null[xendit.Currency]()},
		"list, nothing set":   &cards.ListPromotionsParams{},
		"calculate, code":     &cards.CalculatePromotionParams{PromoCode: xendit.Ptr("SAVE"), Amount: 1},
		"option, token":       &cards.GetChargeOptionParams{TokenID: xendit.Ptr("t"), Amount: 1, Currency: xendit.Ptr(xendit.CurrencyPHP)},
		"zero amount":         &cards.CreateChargeParams{TokenID: "t", ExternalID: "e"},
	} {
		assert.NoError(t, v.Validate(), name)
	}
}
