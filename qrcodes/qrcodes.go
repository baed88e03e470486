package qrcodes

import (
	"context"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var (
	createQRCode = xendit.MustEndpoint("qrcodes.create_qr_code")
	getQRCode    = xendit.MustEndpoint("qrcodes.get_qr_code")
)

// QRCodeType says whether a QR code carries its amount.
type QRCodeType string

// The documented QR code types.
const (
	// QRCodeTypeDynamic carries the amount and can be paid once.
	QRCodeTypeDynamic QRCodeType = "DYNAMIC"
	// QRCodeTypeStatic lets the payer type the amount and can be paid
	// many times. Not available for QRPh.
	QRCodeTypeStatic QRCodeType = "STATIC"
)

// ChannelCode is the QR partner that processes a payment. Codes the SDK
// does not list still decode.
type ChannelCode string

// The documented channel codes.
const (
	ChannelDANA    ChannelCode = "ID_DANA"
	ChannelLinkAja ChannelCode = "ID_LINKAJA"
	// ChannelQRPh is the Philippines' national QR network (currency PHP).
	ChannelQRPh ChannelCode = "QRPH"
)

// QRCodeStatus says whether a QR code still accepts payments: ACTIVE, or
// INACTIVE once expired (or, for a dynamic code, paid).
type QRCodeStatus string

// The documented QR code statuses.
const (
	QRCodeStatusActive   QRCodeStatus = "ACTIVE"
	QRCodeStatusInactive QRCodeStatus = "INACTIVE"
)

// Active reports whether the QR code can still be paid.
func (s QRCodeStatus) Active() bool { return s == QRCodeStatusActive }

// Error codes of the QR Codes API that a caller may act on; match them
// against [xendit.Error].Code.
const (
	CodeUnsupportedCurrency        = "UNSUPPORTED_CURRENCY"
	CodeInvalidMerchantCredentials = "INVALID_MERCHANT_CREDENTIALS"
	CodeChannelNotActivated        = "CHANNEL_NOT_ACTIVATED"
	CodeCallbackURLNotFound        = "CALLBACK_URL_NOT_FOUND"
	CodeDuplicateError             = "DUPLICATE_ERROR"
	CodeChannelUnavailable         = "CHANNEL_UNAVAILABLE"
	CodeDataNotFound               = "DATA_NOT_FOUND"
	CodeInactiveQRCode             = "INACTIVE_QR_CODE"
	CodeMaximumRefundAmountReached = "MAXIMUM_REFUND_AMOUNT_REACHED"
	CodeRefundInProgress           = "REFUND_IN_PROGRESS"
	CodeRefundNotSupported         = "REFUND_NOT_SUPPORTED"
	CodePartialRefundNotSupported  = "PARTIAL_REFUND_NOT_SUPPORTED"
	CodeIneligibleTransaction      = "INELIGIBLE_TRANSACTION"
)

// The amount limits of the two QR networks (reference lines 14683-14684).
const (
	// MaxAmountIDR is the largest QRIS payment, in rupiah.
	MaxAmountIDR = 10_000_000
	// MaxAmountPHP is the largest QRPh payment, in pesos.
	MaxAmountPHP = 50_000
)

// HeaderWebhookURL is Create QR Code's header that sends this QR code's
// payment callbacks to a URL of its own; set it with [WithWebhookURL].
const HeaderWebhookURL = "webhook-url"

// WithWebhookURL sends the qr.payment callbacks of the QR code being created
// to u instead of the Dashboard's "QR code paid" URL. u must be an
// absolute http(s) URL; the call fails before sending otherwise.
func WithWebhookURL(u string) xendit.RequestOption {
	if err := product.URL(HeaderWebhookURL, u); err != nil {
		return xendit.FailOption(err)
	}
	return xendit.WithHeader(HeaderWebhookURL, u)
}

// CreateQRCodeParams is the body of Create QR Code.
type CreateQRCodeParams struct {
	// ReferenceID is your identifier for the order (up to 255 characters);
	// it need not be unique, but a unique one per attempt is how you
	// reconcile after an unknown outcome and match callbacks to orders.
	ReferenceID string          `json:"reference_id"`
	Type        QRCodeType      `json:"type"`
	Currency    xendit.Currency `json:"currency"`
	// Amount is required for a DYNAMIC code: 1 to [MaxAmountIDR] rupiah,
	// or 1 to [MaxAmountPHP] pesos. A STATIC code's payer types it.
	Amount *float64 `json:"amount,omitempty"`
	// ChannelCode picks the QR partner; nil lets Xendit choose.
	ChannelCode *ChannelCode `json:"channel_code,omitempty"`
	// ExpiresAt sets when a dynamic code stops accepting payment (the
	// default is 48 hours for ID_DANA). Not available for QRPh, whose codes
	// expire after 15 minutes.
	ExpiresAt xendit.Time    `json:"expires_at,omitzero"`
	Basket    []BasketItem   `json:"basket,omitempty"`
	Metadata  map[string]any `json:"metadata,omitzero"`
}

// BasketItem is one item of a QR code's basket. The reference marks none
// of its fields required; each text field holds up to 255 characters.
type BasketItem struct {
	ReferenceID string `json:"reference_id,omitempty"`
	Name        string `json:"name,omitempty"`
	Category    string `json:"category,omitempty"`
	// Currency is IDR, the only one the reference lists for baskets.
	Currency xendit.Currency `json:"currency,omitempty"`
	Price    float64         `json:"price"`
	Quantity float64         `json:"quantity"`
	Type     BasketItemType  `json:"type,omitempty"`
	URL      *string         `json:"url,omitempty"`
	// Description is up to 255 characters.
	Description *string `json:"description,omitempty"`
	// SubCategory is sent as sub_category; see the package doc for why
	// not the sub-category the QR section prints.
	SubCategory *string        `json:"sub_category,omitempty"`
	Metadata    map[string]any `json:"metadata,omitzero"`
}

// BasketItemType says what a basket item is.
type BasketItemType string

// The documented basket item types.
const (
	BasketItemTypeProduct BasketItemType = "PRODUCT"
	BasketItemTypeService BasketItemType = "SERVICE"
)

// channelCurrency is the one currency of each documented channel.
var channelCurrency = map[ChannelCode]xendit.Currency{
	ChannelDANA: xendit.CurrencyIDR, ChannelLinkAja: xendit.CurrencyIDR, ChannelQRPh: xendit.CurrencyPHP,
}

// Validate checks params against the API reference before anything is
// sent: the required fields, the type, the currency (IDR or PHP) and the
// channel's currency, the amount a DYNAMIC code needs and the network's
// limits, what QRPh does not offer (STATIC codes, a custom expiry), the
// basket and the metadata limits. It returns a [*xendit.ValidationError]
// naming the field. CreateQRCode calls it.
func (p *CreateQRCodeParams) Validate() error {
	err := product.First(
		product.Required("reference_id", p.ReferenceID),
		product.MaxLen("reference_id", p.ReferenceID, 255),
		product.Required("type", string(p.Type)),
		product.Required("currency", string(p.Currency)),
	)
	if err != nil {
		return err
	}
	if p.Type != QRCodeTypeDynamic && p.Type != QRCodeTypeStatic {
		return xendit.Invalid("type", "%q is not %s or %s", p.Type, QRCodeTypeDynamic, QRCodeTypeStatic)
	}
	if p.Currency != xendit.CurrencyIDR && p.Currency != xendit.CurrencyPHP {
		return xendit.Invalid("currency", "%q is not IDR or PHP", p.Currency)
	}
	qrph := p.Currency == xendit.CurrencyPHP
	if p.ChannelCode != nil {
		want, known := channelCurrency[*p.ChannelCode]
		if known && want != p.Currency {
			return xendit.Invalid("currency", "channel %s takes %s, not %s", *p.ChannelCode, want, p.Currency)
		}
		qrph = qrph || *p.ChannelCode == ChannelQRPh
	}
	if err := checkAmount("amount", p.Amount, p.Currency); err != nil {
		return err
	}
	switch {
	case p.Type == QRCodeTypeDynamic && p.Amount == nil:
		return xendit.Invalid("amount", "is required for a %s QR code", QRCodeTypeDynamic)
	case p.Type == QRCodeTypeStatic && qrph:
		return xendit.Invalid("type", "%s is not available for QRPh", QRCodeTypeStatic)
	case !p.ExpiresAt.IsZero() && qrph:
		return xendit.Invalid("expires_at", "a custom expiry is not available for QRPh (fixed at 15 minutes)")
	}
	for i := range p.Basket {
		if err := p.Basket[i].check(i); err != nil {
			return err
		}
	}
	return xendit.CheckMetadata("metadata", p.Metadata)
}

// checkAmount applies the network's limits to an amount, when it is set:
// at least 1, at most [MaxAmountIDR] or [MaxAmountPHP].
func checkAmount(field string, amount *float64, currency xendit.Currency) error {
	if amount == nil {
		return nil
	}
	most := float64(MaxAmountIDR)
	if currency == xendit.CurrencyPHP {
		most = MaxAmountPHP
	}
	if *amount < 1 || *amount > most {
		return xendit.Invalid(field, "must be between 1 and %v %s, got %v", most, currency, *amount)
	}
	return nil
}

func (b *BasketItem) check(i int) error {
	it := product.ItemOf("basket", i)
	err := product.First(
		it.MaxLenPtr("reference_id", &b.ReferenceID, 255), it.MaxLenPtr("name", &b.Name, 255),
		it.MaxLenPtr("category", &b.Category, 255),
		it.MaxLenPtr("description", b.Description, 255), it.MaxLenPtr("sub_category", b.SubCategory, 255),
	)
	if err != nil {
		return err
	}
	if b.Currency != "" && b.Currency != xendit.CurrencyIDR {
		return xendit.Invalid(it.Field("currency"), "%q is not IDR, the only basket currency", b.Currency)
	}
	if b.Type != "" && b.Type != BasketItemTypeProduct && b.Type != BasketItemTypeService {
		return xendit.Invalid(it.Field("type"), "%q is not %s or %s", b.Type, BasketItemTypeProduct, BasketItemTypeService)
	}
	if b.URL != nil {
		if err := product.URL(it.Field("url"), *b.URL); err != nil {
			return err
		}
	}
	return xendit.CheckMetadata(it.Field("metadata"), b.Metadata)
}

// QRCode is a QR code, as Create QR Code and Get QR Code return it.
type QRCode struct {
	ID          string          `json:"id"`
	ReferenceID string          `json:"reference_id"`
	BusinessID  string          `json:"business_id"`
	Type        QRCodeType      `json:"type"`
	Currency    xendit.Currency `json:"currency"`
	// Amount is 0 for a STATIC code, whose payer types the amount.
	Amount      float64      `json:"amount"`
	ChannelCode ChannelCode  `json:"channel_code"`
	Status      QRCodeStatus `json:"status"`
	// QRString is what to render as the QR image for the payer.
	QRString string `json:"qr_string"`
	// ExpiresAt is zero (null) for a code that never expires.
	ExpiresAt xendit.Time    `json:"expires_at"`
	Created   xendit.Time    `json:"created"`
	Updated   xendit.Time    `json:"updated"`
	Basket    []BasketItem   `json:"basket"`
	Metadata  map[string]any `json:"metadata"`
}

// CreateQRCode validates params and creates a QR code to show the payer;
// it is ACTIVE, and each payment arrives in a qr.payment callback (at the
// URL of [WithWebhookURL], or the Dashboard's).
//
// The SDK sends an idempotency-key (generated, or given with
// [xendit.WithIdempotencyKey]) and reuses it on every retry, so a retry
// after a timeout or a 5xx does not make a second code; Xendit keeps the key
// for 24 hours.
//
// API: POST /qr_codes
func (s *Client) CreateQRCode(ctx context.Context, params *CreateQRCodeParams, opts ...xendit.RequestOption) (*QRCode, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return product.Do[QRCode](ctx, s.c, &xendit.Request{Endpoint: createQRCode, Body: params, Options: opts})
}

// GetQRCode returns the QR code with the given id (qr_...).
//
// API: GET /qr_codes/{id}
func (s *Client) GetQRCode(ctx context.Context, id string, opts ...xendit.RequestOption) (*QRCode, error) {
	return product.Do[QRCode](ctx, s.c, &xendit.Request{Endpoint: getQRCode, PathParams: map[string]string{"id": id}, Options: opts})
}
