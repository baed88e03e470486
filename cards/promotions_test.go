package cards_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/cards"
	"github.com/seed19b1029f/xendit-go/internal/jsontest"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

func TestPromotionLifecycle(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	bri := &cards.CreatePromotionParams{
		ReferenceID: "BRI_20", Description: "20% off BRI cards", BinList: []string{"400000"}, ChannelCode: xendit.Ptr("BRI"),
		DiscountPercent: xendit.Ptr(20.0), MaxDiscountAmount: xendit.Ptr(100000.0), MinOriginalAmount: xendit.Ptr(50000.0),
	}
	p, err := f.cc.CreatePromotion(ctx, bri)
	require.NoError(t, err, "the fake sends times with a space, as the reference does")
	assert.Equal(t, cards.PromotionStatusActive, p.Status)
	assert.Equal(t, xendit.CurrencyIDR, p.Currency)
	assert.False(t, p.StartTime.IsZero())
	assert.Equal(t, 20.0, p.DiscountPercent.Float64())

	_, err = f.cc.CreatePromotion(ctx, bri)
	assert.Equal(t, cards.CodeReferenceInUse, code(t, err))

	calc, err := f.cc.CalculatePromotion(ctx, &cards.CalculatePromotionParams{BIN: xendit.Ptr("400000"), Amount: 1000000})
	require.NoError(t, err)
	assert.Equal(t, 900000.0, calc.FinalAmount.Float64(), "20% capped at 100000")

	tz := f.srv.NewCardToken(xendittest.CardToken{})
	opt, err := f.cc.GetChargeOption(ctx, &cards.GetChargeOptionParams{TokenID: xendit.Ptr(tz.ID), Amount: 100000})
	require.NoError(t, err)
	assert.Equal(t, "400000", opt.BIN, "looked up from the token")
	require.Len(t, opt.Promotions, 1)
	assert.Equal(t, 80000.0, opt.Promotions[0].FinalAmount.Float64())
	assert.NotEmpty(t, opt.Installments)

	// Charge the discounted amount with the promotion applied.
	c, err := f.cc.CreateCharge(ctx, &cards.CreateChargeParams{
		TokenID: tz.ID, AuthenticationID: xendit.Ptr(tz.AuthenticationID), ExternalID: "order-p", Amount: opt.Promotions[0].FinalAmount.Float64(),
		Promotion: &cards.ChargePromotion{ReferenceID: "BRI_20", OriginalAmount: xendit.NumberOf(100000)},
	})
	require.NoError(t, err)
	assert.Equal(t, 100000.0, c.Promotion.OriginalAmount.Float64())

	list, err := f.cc.ListPromotions(ctx, &cards.ListPromotionsParams{ReferenceID: xendit.Ptr("BRI_20"), Status: xendit.Ptr(cards.PromotionStatusActive)})
	require.NoError(t, err)
	require.Len(t, list.Data, 1)
	assert.Equal(t, p.ID, list.Data[0].ID)
	assert.False(t, list.HasMore, "the API answers a bare array: one page")

	_, err = f.cc.UpdatePromotion(ctx, p.ID, &cards.UpdatePromotionParams{DiscountAmount: xendit.Set(5000.0)})
	assert.Equal(t, cards.CodeInvalidDiscountType, code(t, err))
	u, err := f.cc.UpdatePromotion(ctx, p.ID, &cards.UpdatePromotionParams{Description: xendit.Set("25% off"), DiscountPercent: xendit.Set(25.0)})
	require.NoError(t, err)
	assert.Equal(t, "25% off", u.Description)
	assert.Equal(t, 25.0, u.DiscountPercent.Float64())
	assert.Equal(t, "BRI", u.ChannelCode, "a field left unset is not changed")
	u, err = f.cc.UpdatePromotion(ctx, p.ID, &cards.UpdatePromotionParams{ChannelCode: xendit.Null[string]()})
	require.NoError(t, err)
	assert.Empty(t, u.ChannelCode, "null clears it")
	assert.Equal(t, "25% off", u.Description)

	d, err := f.cc.DeletePromotion(ctx, p.ID)
	require.NoError(t, err)
	assert.Equal(t, cards.PromotionStatusDeleted, d.Status)
	_, err = f.cc.DeletePromotion(ctx, p.ID)
	assert.Equal(t, cards.CodePromotionNotFound, code(t, err))

	none, err := f.cc.ListPromotions(ctx, &cards.ListPromotionsParams{Status: xendit.Ptr(cards.PromotionStatusActive)})
	require.NoError(t, err)
	assert.NotNil(t, none.Data)
	assert.Empty(t, none.Data)
}

// TestUpdatePromotionSendsOnlyWhatIsSet pins the PATCH body: unset fields
// are left out, set ones sent, null ones sent as null.
func TestUpdatePromotionSendsOnlyWhatIsSet(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	p, err := f.cc.CreatePromotion(context.Background(), &cards.CreatePromotionParams{
		ReferenceID: "P", Description: "d", PromoCode: xendit.Ptr("SAVE"), DiscountAmount: xendit.Ptr(1000.0),
	})
	require.NoError(t, err)
	_, err = f.cc.UpdatePromotion(context.Background(), p.ID, &cards.UpdatePromotionParams{
		Description: xendit.Set("e"), PromoCode: xendit.Null[string](),
	})
	require.NoError(t, err)
	assert.Equal(t, map[string]any{"description": "e", "promo_code": nil}, lastBody(t, f.srv, "/promotions/"+p.ID))
}

// promotionServer answers List Promotions with body and counts the calls.
func promotionServer(t *testing.T, body string) (*cards.Client, *atomic.Int32) {
	t.Helper()
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		assert.Equal(t, "/promotions", r.URL.Path)
		assert.Equal(t, "ACTIVE", r.URL.Query().Get("status"))
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Request-Id", "req-"+string(rune('0'+calls.Load())))
		_, _ = w.Write([]byte(body))
	}))
	t.Cleanup(srv.Close)
	c, err := xendit.New(xendittest.SecretKey, xendit.WithBaseURL(srv.URL), fastRetry)
	require.NoError(t, err)
	return cards.New(c), &calls
}

// TestAllPromotionsReadsTheOnePageTheAPISends walks List Promotions through
// a real HTTP server: the bare array is one page, fetched once, and the
// response of that page is captured inside the loop.
func TestAllPromotionsReadsTheOnePageTheAPISends(t *testing.T) {
	t.Parallel()
	cc, calls := promotionServer(t, `[{"id":"a"},{"id":"b"},{"id":"c"}]`)
	var resp xendit.Response
	var ids []string
	for p, err := range cc.AllPromotions(context.Background(),
		&cards.ListPromotionsParams{Status: xendit.Ptr(cards.PromotionStatusActive)}, xendit.CaptureResponse(&resp)) {
		require.NoError(t, err)
		assert.Equal(t, "req-1", resp.RequestID, "the page's response is captured before its items are yielded")
		ids = append(ids, p.ID)
	}
	assert.Equal(t, []string{"a", "b", "c"}, ids)
	assert.Equal(t, int32(1), calls.Load(), "one page, one request")

	n := 0
	for _, err := range cc.AllPromotions(context.Background(), &cards.ListPromotionsParams{Status: xendit.Ptr(cards.PromotionStatusActive)}) {
		require.NoError(t, err)
		n++
		break
	}
	assert.Equal(t, 1, n)
}

func TestAllPromotionsYieldsTheError(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	var errs []error
	for _, err := range f.cc.AllPromotions(context.Background(), &cards.ListPromotionsParams{Currency: xendit.Ptr(xendit.Currency("idr"))}) {
		errs = append(errs, err)
	}
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], xendit.ErrValidation)
	assert.Empty(t, f.srv.Requests(), "nothing was sent")
}

// TestListPromotionsDecodesBothShapes serves the reference's example, a
// single object where the doc promises an array.
func TestListPromotionsDecodesBothShapes(t *testing.T) {
	t.Parallel()
	example := jsontest.Load(t, "cards.list_promotions.response.json")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, "BRI_20_JAN", r.URL.Query().Get("reference_id"))
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(example)
	}))
	defer srv.Close()
	c, err := xendit.New(xendittest.SecretKey, xendit.WithBaseURL(srv.URL))
	require.NoError(t, err)
	list, err := cards.New(c).ListPromotions(context.Background(), &cards.ListPromotionsParams{ReferenceID: xendit.Ptr("BRI_20_JAN")})
	require.NoError(t, err)
	require.Len(t, list.Data, 1)
	assert.Equal(t, "36ab1517-208a-4f22-b155-96fb101cb378", list.Data[0].ID)
	assert.Equal(t, 2020, list.Data[0].EndTime.Year())
	assert.False(t, list.HasMore)
}

func TestListPromotionsSendsOnlyTheFiltersSet(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	_, err := f.cc.ListPromotions(context.Background(), nil)
	require.NoError(t, err, "nil params list every promotion")
	_, err = f.cc.ListPromotions(context.Background(), &cards.ListPromotionsParams{
		BIN: xendit.Ptr("400000"), Currency: xendit.Ptr(xendit.CurrencyPHP), Status: xendit.Ptr(cards.PromotionStatusPaused),
	})
	require.NoError(t, err)
	reqs := f.srv.Requests()
	require.Len(t, reqs, 2)
	assert.Empty(t, reqs[0].Query)
	assert.Equal(t, "bin=400000&currency=PHP&status=PAUSED", reqs[1].Query)
}

// TestListPromotionsOfNothingIsAnEmptyPage: an answer of null (or []) is a
// page with empty, not nil, Data, so that it encodes as [] again.
func TestListPromotionsOfNothingIsAnEmptyPage(t *testing.T) {
	t.Parallel()
	for _, body := range []string{`null`, `[]`} {
		cc, _ := promotionServer(t, body)
		page, err := cc.ListPromotions(context.Background(), &cards.ListPromotionsParams{Status: xendit.Ptr(cards.PromotionStatusActive)})
		require.NoError(t, err)
		assert.NotNil(t, page.Data, body)
		assert.Empty(t, page.Data, body)
	}
}
