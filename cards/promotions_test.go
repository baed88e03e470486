package cards_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/cards"
	"github.com/seed19b1029f/xendit-go/internal/jsontest"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

func TestPromotionLifecycle(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	bri := &cards.CreatePromotionParams{
		ReferenceID: "BRI_20", Description: "20% off BRI cards", BinList: []string{"400000"}, ChannelCode: "BRI",
		DiscountPercent: xendit.Ptr(20.0), MaxDiscountAmount: xendit.Ptr(100000.0), MinOriginalAmount: xendit.Ptr(50000.0),
		// The reference requires currency, start_time and end_time.
		Currency: "IDR", StartTime: xendit.Time{Time: time.Now().Add(-time.Hour)}, EndTime: xendit.Time{Time: time.Now().AddDate(0, 1, 0)},
	}
	p, err := f.cc.CreatePromotion(ctx, bri)
	require.NoError(t, err, "the fake sends times with a space, as the reference does")
	assert.Equal(t, cards.PromotionActive, p.Status)
	assert.False(t, p.StartTime.IsZero())
	assert.Equal(t, 20.0, p.DiscountPercent.Float64())

	_, err = f.cc.CreatePromotion(ctx, bri)
	assert.Equal(t, cards.CodeReferenceInUse, code(t, err))

	calc, err := f.cc.CalculatePromotion(ctx, &cards.ChargeOptionParams{BIN: "400000", Amount: 1000000})
	require.NoError(t, err)
	assert.Equal(t, 900000.0, calc.FinalAmount.Float64(), "20% capped at 100000")

	tz := f.srv.NewCardToken(xendittest.CardToken{})
	opt, err := f.cc.GetChargeOption(ctx, &cards.ChargeOptionParams{TokenID: tz.ID, Amount: 100000})
	require.NoError(t, err)
	assert.Equal(t, "400000", opt.BIN, "looked up from the token")
	require.Len(t, opt.Promotions, 1)
	assert.Equal(t, 80000.0, opt.Promotions[0].FinalAmount.Float64())
	assert.NotEmpty(t, opt.Installments)

	// Charge the discounted amount with the promotion applied.
	c, err := f.cc.CreateCharge(ctx, &cards.CreateChargeParams{
		TokenID: tz.ID, AuthenticationID: tz.AuthenticationID, ExternalID: "order-p", Amount: opt.Promotions[0].FinalAmount.Float64(),
		Promotion: &cards.ChargePromotion{ReferenceID: "BRI_20", OriginalAmount: xendit.NumberOf(100000)},
	})
	require.NoError(t, err)
	assert.Equal(t, 100000.0, c.Promotion.OriginalAmount.Float64())

	list, err := f.cc.ListPromotions(ctx, &cards.ListPromotionsParams{ReferenceID: "BRI_20", Status: cards.PromotionActive})
	require.NoError(t, err)
	require.Len(t, list, 1)
	assert.Equal(t, p.ID, list[0].ID)

	_, err = f.cc.UpdatePromotion(ctx, &cards.UpdatePromotionParams{PromotionID: p.ID, DiscountAmount: xendit.Ptr(5000.0)})
	assert.Equal(t, cards.CodeInvalidDiscountType, code(t, err))
	u, err := f.cc.UpdatePromotion(ctx, &cards.UpdatePromotionParams{PromotionID: p.ID, Description: xendit.Ptr("25% off"), DiscountPercent: xendit.Ptr(25.0)})
	require.NoError(t, err)
	assert.Equal(t, "25% off", u.Description)
	assert.Equal(t, 25.0, u.DiscountPercent.Float64())

	d, err := f.cc.DeletePromotion(ctx, p.ID)
	require.NoError(t, err)
	assert.Equal(t, cards.PromotionDeleted, d.Status)
	_, err = f.cc.DeletePromotion(ctx, p.ID)
	assert.Equal(t, cards.CodePromotionNotFound, code(t, err))

	none, err := f.cc.ListPromotions(ctx, &cards.ListPromotionsParams{Status: cards.PromotionActive})
	require.NoError(t, err)
	assert.NotNil(t, none)
	assert.Empty(t, none)
}

// TestListPromotionsDecodesBothShapes serves the reference's example, a
// single object where the doc promises an array.
func TestListPromotionsDecodesBothShapes(t *testing.T) {
	example := jsontest.Load(t, "cards.promotions.list.response.json")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, "BRI_20_JAN", r.URL.Query().Get("reference_id"))
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(example)
	}))
	defer srv.Close()
	c, err := xendit.New(xendittest.SecretKey, xendit.WithBaseURL(srv.URL))
	require.NoError(t, err)
	list, err := cards.New(c).ListPromotions(context.Background(), &cards.ListPromotionsParams{ReferenceID: "BRI_20_JAN"})
	require.NoError(t, err)
	require.Len(t, list, 1)
	assert.Equal(t, "36ab1517-208a-4f22-b155-96fb101cb378", list[0].ID)
	assert.Equal(t, 2020, list[0].EndTime.Year())
}
