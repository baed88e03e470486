package qrcodes_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/qrcodes"
)

func validQR() *qrcodes.CreateQRCodeParams {
	return &qrcodes.CreateQRCodeParams{
		ReferenceID: "order-1", Type: qrcodes.QRCodeTypeDynamic, Currency: xendit.CurrencyIDR, Amount: xendit.Ptr(10000.0),
	}
}

// assertField checks that err is a validation error naming field.
func assertField(t *testing.T, err error, field string) {
	t.Helper()
	var verr *xendit.ValidationError
	require.True(t, errors.As(err, &verr), "want a validation error on %s, got %v", field, err)
	assert.Equal(t, field, verr.Field)
}

func TestCreateQRCodeParamsRules(t *testing.T) {
	t.Parallel()
	require.NoError(t, validQR().Validate())
	static := func(p *qrcodes.CreateQRCodeParams) { p.Type, p.Amount = qrcodes.QRCodeTypeStatic, nil }
	php := func(p *qrcodes.CreateQRCodeParams) { p.Currency = xendit.CurrencyPHP }
	for name, tc := range map[string]struct {
		change func(*qrcodes.CreateQRCodeParams)
		field  string // "" when the params stay valid
	}{
		"no reference_id":         {func(p *qrcodes.CreateQRCodeParams) { p.ReferenceID = "" }, "reference_id"},
		"long reference_id":       {func(p *qrcodes.CreateQRCodeParams) { p.ReferenceID = strings.Repeat("r", 256) }, "reference_id"},
		"no type":                 {func(p *qrcodes.CreateQRCodeParams) { p.Type = "" }, "type"},
		"unknown type":            {func(p *qrcodes.CreateQRCodeParams) { p.Type = "FIXED" }, "type"},
		"no currency":             {func(p *qrcodes.CreateQRCodeParams) { p.Currency = "" }, "currency"},
		"currency not IDR or PHP": {func(p *qrcodes.CreateQRCodeParams) { p.Currency = xendit.CurrencyUSD }, "currency"},
		"channel of the other currency": {func(p *qrcodes.CreateQRCodeParams) {
			p.ChannelCode = xendit.Ptr(qrcodes.ChannelQRPh)
		}, "currency"},
		"dynamic without amount":  {func(p *qrcodes.CreateQRCodeParams) { p.Amount = nil }, "amount"},
		"amount below 1":          {func(p *qrcodes.CreateQRCodeParams) { p.Amount = xendit.Ptr(0.5) }, "amount"},
		"IDR amount above QRIS":   {func(p *qrcodes.CreateQRCodeParams) { p.Amount = xendit.Ptr(10_000_001.0) }, "amount"},
		"IDR amount at the limit": {func(p *qrcodes.CreateQRCodeParams) { p.Amount = xendit.Ptr(10_000_000.0) }, ""},
		"PHP amount above QRPh": {func(p *qrcodes.CreateQRCodeParams) {
			php(p)
			p.Amount = xendit.Ptr(50_001.0)
		}, "amount"},
		"PHP amount at the limit": {func(p *qrcodes.CreateQRCodeParams) {
			php(p)
			p.Amount = xendit.Ptr(50_000.0)
		}, ""},
		"static without amount": {static, ""},
		"static QRPh by currency": {func(p *qrcodes.CreateQRCodeParams) {
			static(p)
			php(p)
		}, "type"},
		"static QRPh by channel": {func(p *qrcodes.CreateQRCodeParams) {
			static(p)
			php(p)
			p.ChannelCode = xendit.Ptr(qrcodes.ChannelQRPh)
		}, "type"},
		"custom expiry on QRPh": {func(p *qrcodes.CreateQRCodeParams) {
			php(p)
			p.ExpiresAt = xendit.Time{Time: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)}
		}, "expires_at"},
		"custom expiry on QRIS": {func(p *qrcodes.CreateQRCodeParams) {
			p.ExpiresAt = xendit.Time{Time: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)}
		}, ""},
		"basket name too long": {func(p *qrcodes.CreateQRCodeParams) {
			p.Basket = []qrcodes.BasketItem{{Name: "ok"}, {Name: strings.Repeat("n", 256)}}
		}, "basket[1].name"},
		"basket in PHP": {func(p *qrcodes.CreateQRCodeParams) {
			p.Basket = []qrcodes.BasketItem{{Currency: xendit.CurrencyPHP}}
		}, "basket[0].currency"},
		"basket type unknown": {func(p *qrcodes.CreateQRCodeParams) {
			p.Basket = []qrcodes.BasketItem{{Type: "GOODS"}}
		}, "basket[0].type"},
		"basket url relative": {func(p *qrcodes.CreateQRCodeParams) {
			p.Basket = []qrcodes.BasketItem{{URL: xendit.Ptr("/item/1")}}
		}, "basket[0].url"},
		"basket sub_category too long": {func(p *qrcodes.CreateQRCodeParams) {
			p.Basket = []qrcodes.BasketItem{{SubCategory: xendit.Ptr(strings.Repeat("s", 256))}}
		}, "basket[0].sub_category"},
		"metadata key too long": {func(p *qrcodes.CreateQRCodeParams) {
			p.Metadata = map[string]any{strings.Repeat("k", 41): "v"}
		}, "metadata." + strings.Repeat("k", 41)},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p := validQR()
			tc.change(p)
			err := p.Validate()
			if tc.field == "" {
				assert.NoError(t, err)
				return
			}
			assertField(t, err, tc.field)
		})
	}
}

func TestOtherParamsRules(t *testing.T) {
	t.Parallel()
	assertField(t, (&qrcodes.SimulatePaymentParams{Amount: xendit.Ptr(0.0)}).Validate(), "amount")
	assertField(t, (&qrcodes.SimulatePaymentParams{Amount: xendit.Ptr(10_000_001.0)}).Validate(), "amount")
	assert.NoError(t, (&qrcodes.SimulatePaymentParams{}).Validate())

	assertField(t, (&qrcodes.CreateRefundParams{Amount: xendit.Ptr(-1.0)}).Validate(), "amount")
	assertField(t, (&qrcodes.CreateRefundParams{Reason: xendit.Ptr(qrcodes.RefundReason("OTHER"))}).Validate(), "reason")
	assert.NoError(t, (&qrcodes.CreateRefundParams{Reason: xendit.Ptr(qrcodes.RefundReasonOthers)}).Validate())

	assertField(t, (&qrcodes.ListRefundsParams{Limit: xendit.Ptr(51)}).Validate(), "limit")
	assertField(t, (&qrcodes.ListRefundsParams{Limit: xendit.Ptr(0)}).Validate(), "limit")
	assertField(t, (&qrcodes.ListPaymentsParams{Limit: xendit.Ptr(0)}).Validate(), "limit")
	day := time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)
	assertField(t, (&qrcodes.ListPaymentsParams{From: xendit.Time{Time: day}, To: xendit.Time{Time: day}}).Validate(), "from")
	assert.NoError(t, (&qrcodes.ListPaymentsParams{From: xendit.Time{Time: day}, To: xendit.Time{Time: day.Add(time.Hour)}}).Validate())
}

func TestWithWebhookURLRefusesARelativeURL(t *testing.T) {
	t.Parallel()
	c, err := xendit.New(xendittestKey, xendit.WithBaseURL("http://127.0.0.1:1"))
	require.NoError(t, err)
	_, err = qrcodes.New(c).CreateQRCode(t.Context(), validQR(), qrcodes.WithWebhookURL("/hooks/qr"))
	assertField(t, err, qrcodes.HeaderWebhookURL)
}

// TestBasketSendsSubCategoryInSnakeCase pins the SDK's reading of the
// reference's "sub-category" (see the package doc).
func TestBasketSendsSubCategoryInSnakeCase(t *testing.T) {
	t.Parallel()
	p := validQR()
	p.Basket = []qrcodes.BasketItem{{Name: "Phone", Price: 10000, Quantity: 1, SubCategory: xendit.Ptr("Mobile Phone")}}
	b, err := json.Marshal(p)
	require.NoError(t, err)
	assert.JSONEq(t, `{"reference_id":"order-1","type":"DYNAMIC","currency":"IDR","amount":10000,
		"basket":[{"name":"Phone","price":10000,"quantity":1,"sub_category":"Mobile Phone"}]}`, string(b))
}
