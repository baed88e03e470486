package cards_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/cards"
)

// TestInvalidInputIsRejectedBeforeSending runs every call with input the
// reference rules out against a fake, and checks nothing was sent.
func TestInvalidInputIsRejectedBeforeSending(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	ok := func() *cards.CreateChargeParams {
		return &cards.CreateChargeParams{TokenID: "tok", ExternalID: "order-1", Amount: 10000}
	}
	with := func(change func(p *cards.CreateChargeParams)) *cards.CreateChargeParams {
		p := ok()
		change(p)
		return p
	}
	long := string(make([]byte, 65))
	cases := map[string]struct {
		field string
		call  func() error
	}{
		"no token": {"token_id", func() error {
			_, err := f.cc.CreateCharge(ctx, with(func(p *cards.CreateChargeParams) { p.TokenID = "" }))
			return err
		}},
		"long external id": {"external_id", func() error {
			_, err := f.cc.CreateCharge(ctx, with(func(p *cards.CreateChargeParams) { p.ExternalID = long }))
			return err
		}},
		"negative amount": {"amount", func() error {
			_, err := f.cc.CreateCharge(ctx, with(func(p *cards.CreateChargeParams) { p.Amount = -1 }))
			return err
		}},
		"bad currency": {"currency", func() error {
			_, err := f.cc.CreateCharge(ctx, with(func(p *cards.CreateChargeParams) { p.Currency = "idr" }))
			return err
		}},
		"billing without address": {"billing_details.address.country", func() error {
			_, err := f.cc.CreateAuthorization(ctx, with(func(p *cards.CreateChargeParams) { p.BillingDetails = &cards.BillingDetails{Email: "a@b.c"} }))
			return err
		}},
		"nil params":   {"params", func() error { _, err := f.cc.CreateZeroAmountAuthorization(ctx, nil); return err }},
		"zero capture": {"amount", func() error { _, err := f.cc.CaptureCharge(ctx, &cards.CaptureChargeParams{ChargeID: "c"}); return err }},
		"reversal without id": {"external_id", func() error {
			_, err := f.cc.ReverseAuthorization(ctx, &cards.ReverseAuthorizationParams{ChargeID: "c"})
			return err
		}},
		"zero refund": {"amount", func() error {
			_, err := f.cc.CreateRefund(ctx, &cards.CreateRefundParams{ChargeID: "c", ExternalID: "r"})
			return err
		}},
		"refund without id": {"external_id", func() error {
			_, err := f.cc.CreateRefund(ctx, &cards.CreateRefundParams{ChargeID: "c", Amount: 1})
			return err
		}},
		"option without card": {"bin", func() error { _, err := f.cc.GetChargeOption(ctx, &cards.ChargeOptionParams{Amount: 1}); return err }},
		"both discounts": {"discount_percent", func() error {
			_, err := f.cc.CreatePromotion(ctx, &cards.CreatePromotionParams{ReferenceID: "p", Description: "d",
				DiscountPercent: xendit.Ptr(10.0), DiscountAmount: xendit.Ptr(100.0)})
			return err
		}},
		"no discount": {"discount_percent", func() error {
			_, err := f.cc.CreatePromotion(ctx, &cards.CreatePromotionParams{ReferenceID: "p", Description: "d"})
			return err
		}},
		"percent over 100": {"discount_percent", func() error {
			_, err := f.cc.UpdatePromotion(ctx, &cards.UpdatePromotionParams{PromotionID: "p", DiscountPercent: xendit.Ptr(101.0)})
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
