package directdebit

import (
	"bytes"
	"context"
	"encoding/json"
	"iter"
	"net/url"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var (
	createPayment             = xendit.MustEndpoint("directdebit.create_payment")
	validatePaymentOTP        = xendit.MustEndpoint("directdebit.validate_payment_otp")
	getPayment                = xendit.MustEndpoint("directdebit.get_payment")
	listPaymentsByReferenceID = xendit.MustEndpoint("directdebit.list_payments_by_reference_id")
)

// maxAmountWithoutOTP is the largest amount a payment may debit with
// enable_otp false (line 16922).
const maxAmountWithoutOTP = 999_999

// CreatePaymentParams is the body of Create Direct Debit Payment.
type CreatePaymentParams struct {
	// ReferenceID is your identifier for the payment (up to 255
	// characters); Get Payment by Reference ID finds it.
	ReferenceID     string          `json:"reference_id"`
	PaymentMethodID string          `json:"payment_method_id"`
	Currency        xendit.Currency `json:"currency"`
	Amount          float64         `json:"amount"`
	// CallbackURL overrides the Dashboard's URL for this payment's
	// callback (up to 255 characters).
	CallbackURL *string `json:"callback_url,omitempty"`
	// EnableOTP asks the bank for an OTP (default true for BRI; not for
	// BPI, Unionbank or BCA KlikPay). Without an OTP at most 999,999 can be
	// debited.
	EnableOTP   *bool   `json:"enable_otp,omitempty"`
	Description *string `json:"description,omitempty"`
	// Device is required for BCA OneKlik.
	Device *Device      `json:"device,omitempty"`
	Basket []BasketItem `json:"basket,omitempty"`
	// SuccessRedirectURL and FailureRedirectURL are required for BCA
	// OneKlik and BCA KlikPay.
	SuccessRedirectURL *string        `json:"success_redirect_url,omitempty"`
	FailureRedirectURL *string        `json:"failure_redirect_url,omitempty"`
	Metadata           map[string]any `json:"metadata,omitzero"`
}

// BasketItem is one item of a payment's basket. The reference types price
// and quantity as strings and metadata as a string; they are numbers and
// an object, as in the other products' baskets (line 16991).
type BasketItem struct {
	// ReferenceID is your SKU.
	ReferenceID string `json:"reference_id"`
	Name        string `json:"name"`
	// Market is the two-letter country code of the merchant ("ID").
	Market      string         `json:"market"`
	Type        string         `json:"type"`
	Description *string        `json:"description,omitempty"`
	Category    *string        `json:"category,omitempty"`
	SubCategory *string        `json:"sub-category,omitempty"`
	Price       *float64       `json:"price,omitempty"`
	URL         *string        `json:"url,omitempty"`
	Metadata    map[string]any `json:"metadata,omitzero"`
	Quantity    *float64       `json:"quantity,omitempty"`
}

// Validate checks params against the reference before anything is sent:
// the required fields and their lengths, a positive amount in a currency
// of the direct debit channels (IDR, PHP, THB), at most 999,999 without
// OTP, the URLs, the device, the basket and the metadata limits. The
// fields required only for some channels (device and redirect URLs for BCA
// OneKlik and KlikPay) are the API's to check: the payment method, not the
// params, names the channel. CreatePayment calls it.
func (p *CreatePaymentParams) Validate() error {
	err := product.First(
		product.Required("reference_id", p.ReferenceID),
		product.MaxLen("reference_id", p.ReferenceID, 255),
		product.Required("payment_method_id", p.PaymentMethodID),
		product.Required("currency", string(p.Currency)),
		product.MaxLenPtr("callback_url", p.CallbackURL, 255),
	)
	if err != nil {
		return err
	}
	switch p.Currency {
	case xendit.CurrencyIDR, xendit.CurrencyPHP, xendit.CurrencyTHB:
	default:
		return xendit.Invalid("currency", "%q is not a direct debit currency (IDR, PHP or THB)", p.Currency)
	}
	if p.Amount <= 0 {
		return xendit.Invalid("amount", "must be positive, got %v", p.Amount)
	}
	if p.EnableOTP != nil && !*p.EnableOTP && p.Amount > maxAmountWithoutOTP {
		return xendit.Invalid("amount", "must be at most %d without OTP, got %v", maxAmountWithoutOTP, p.Amount)
	}
	for name, u := range map[string]*string{
		"callback_url": p.CallbackURL, "success_redirect_url": p.SuccessRedirectURL, "failure_redirect_url": p.FailureRedirectURL,
	} {
		if u != nil {
			if err := product.URL(name, *u); err != nil {
				return err
			}
		}
	}
	if p.Device != nil {
		if err := p.Device.check("device"); err != nil {
			return err
		}
	}
	for i := range p.Basket {
		if err := p.Basket[i].check(i); err != nil {
			return err
		}
	}
	return xendit.CheckMetadata("metadata", p.Metadata)
}

func (b *BasketItem) check(i int) error {
	it := product.ItemOf("basket", i)
	err := product.First(
		it.Required("reference_id", b.ReferenceID), it.Required("name", b.Name),
		it.Required("market", b.Market), it.Required("type", b.Type),
	)
	if err != nil {
		return err
	}
	if len(b.Market) != 2 {
		return xendit.Invalid(it.Field("market"), "%q is not a two-letter country code", b.Market)
	}
	if b.Quantity != nil && *b.Quantity <= 0 {
		return xendit.Invalid(it.Field("quantity"), "must be positive, got %v", *b.Quantity)
	}
	return xendit.CheckMetadata(it.Field("metadata"), b.Metadata)
}

// PaymentStatus is the state of a payment: PENDING until the bank debits
// the account, then COMPLETED or FAILED (with a [FailureCode]), as the
// direct_debit.payment callback reports.
type PaymentStatus string

// The documented payment statuses.
const (
	PaymentStatusPending   PaymentStatus = "PENDING"
	PaymentStatusCompleted PaymentStatus = "COMPLETED"
	PaymentStatusFailed    PaymentStatus = "FAILED"
)

// Succeeded reports whether the money was debited: COMPLETED.
func (s PaymentStatus) Succeeded() bool { return s == PaymentStatusCompleted }

// Pending reports whether the payment waits for an OTP, a redirect or the
// bank.
func (s PaymentStatus) Pending() bool { return s == PaymentStatusPending }

// Failed reports whether the payment failed; see Payment.FailureCode.
func (s PaymentStatus) Failed() bool { return s == PaymentStatusFailed }

// RequiredAction is what a PENDING payment waits for.
type RequiredAction string

// The documented actions. None (nil) means the debit is in progress.
const (
	// RequiredActionValidateOTP: the bank sent the customer an OTP; pass
	// it to ValidatePaymentOTP.
	RequiredActionValidateOTP RequiredAction = "VALIDATE_OTP"
	// RequiredActionValidateOnRedirect: send the customer to CheckoutURL.
	RequiredActionValidateOnRedirect RequiredAction = "VALIDATE_ON_REDIRECT"
)

// FailureCode says why a payment failed. Unknown codes still decode.
type FailureCode string

// The documented failure codes of payments (lines 18261-18275).
const (
	FailureMaxAmountLimitError       FailureCode = "MAX_AMOUNT_LIMIT_ERROR"
	FailureInsufficientBalance       FailureCode = "INSUFFICIENT_BALANCE"
	FailureChannelUnavailable        FailureCode = "CHANNEL_UNAVAILABLE"
	FailureAccountAccessBlocked      FailureCode = "ACCOUNT_ACCESS_BLOCKED"
	FailureMaxOTPAttemptsError       FailureCode = "MAX_OTP_ATTEMPTS_ERROR"
	FailureInvalidPaymentMethodError FailureCode = "INVALID_PAYMENT_METHOD_ERROR"
	FailureServerError               FailureCode = "SERVER_ERROR"
)

// Payment is a direct debit payment (ddpy-...), as the payment endpoints
// return it and the direct_debit.payment callback carries it; the callback
// sends only the fields from ID to Metadata. Strings the API sends both as
// null and as "" are pointers, so each comes back as it was sent.
type Payment struct {
	ID              string          `json:"id"`
	ReferenceID     string          `json:"reference_id"`
	ChannelCode     ChannelCode     `json:"channel_code"`
	PaymentMethodID string          `json:"payment_method_id"`
	Currency        xendit.Currency `json:"currency"`
	// Amount is sent as a number or a numeric string ("10000").
	Amount      xendit.Number  `json:"amount"`
	Description *string        `json:"description,omitempty"`
	Status      PaymentStatus  `json:"status"`
	FailureCode *FailureCode   `json:"failure_code,omitempty"`
	Metadata    map[string]any `json:"metadata"`

	Basket          []BasketItem `json:"basket,omitzero"`
	IsOTPRequired   bool         `json:"is_otp_required"`
	OTPMobileNumber *string      `json:"otp_mobile_number,omitempty"`
	// OTPExpirationTimestamp is "" (zero) when no OTP was sent.
	OTPExpirationTimestamp xendit.Time     `json:"otp_expiration_timestamp"`
	RequiredAction         *RequiredAction `json:"required_action,omitempty"`
	// CheckoutURL is where to send the customer for
	// RequiredActionValidateOnRedirect.
	CheckoutURL        *string         `json:"checkout_url,omitempty"`
	SuccessRedirectURL *string         `json:"success_redirect_url,omitempty"`
	FailureRedirectURL *string         `json:"failure_redirect_url,omitempty"`
	RefundedAmount     *float64        `json:"refunded_amount,omitempty"`
	Refunds            *PaymentRefunds `json:"refunds,omitempty"`
	Created            xendit.Time     `json:"created"`
	Updated            xendit.Time     `json:"updated"`
}

// PaymentRefunds summarizes a payment's refunds: up to 10 refund ids;
// ListRefunds has them all.
type PaymentRefunds struct {
	Data    []string `json:"data"`
	HasMore bool     `json:"has_more"`
	URL     string   `json:"url,omitempty"`
}

// CreatePayment debits a customer's payment method. The payment is
// PENDING; its RequiredAction says what comes next (an OTP for
// ValidatePaymentOTP, or a redirect to CheckoutURL), and the outcome
// arrives in a direct_debit.payment callback.
//
// The endpoint requires an Idempotency-key: the SDK generates one per call
// and sends the same on every retry, so a retried payment debits once
// (give your own with [xendit.WithIdempotencyKey], such as your
// reference_id). The key is in [xendit.Response].IdempotencyKey on success
// ([xendit.CaptureResponse]) and in [xendit.Error].IdempotencyKey on
// failure: calling again with it replays the first answer.
// [xendit.WithSplitRule] applies a split rule to the payment.
//
// API: POST /direct_debits
func (s *Client) CreatePayment(ctx context.Context, params *CreatePaymentParams, opts ...xendit.RequestOption) (*Payment, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return product.Do[Payment](ctx, s.c, &xendit.Request{Endpoint: createPayment, Body: params, Options: opts})
}

// ValidatePaymentOTP passes the OTP the customer received to the bank. The
// payment stays PENDING while the bank debits; the outcome arrives in a
// direct_debit.payment callback. A wrong or expired OTP is an error with
// Code [CodeInvalidOTP] or [CodeExpiredOTP].
//
// It is not repeated after an ambiguous failure (it has no idempotency
// header): on [xendit.OutcomeUnknown], GetPayment says whether the payment
// still waits for the OTP.
//
// API: POST /direct_debits/{direct_debit_id}/validate_otp
func (s *Client) ValidatePaymentOTP(ctx context.Context, directDebitID string, params *ValidateOTPParams, opts ...xendit.RequestOption) (*Payment, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return product.Do[Payment](ctx, s.c, &xendit.Request{Endpoint: validatePaymentOTP,
		PathParams: map[string]string{"direct_debit_id": directDebitID}, Body: params, Options: opts})
}

// GetPayment returns the payment with the given id (ddpy-...).
//
// API: GET /direct_debits/{direct_debit_id}
func (s *Client) GetPayment(ctx context.Context, directDebitID string, opts ...xendit.RequestOption) (*Payment, error) {
	return product.Do[Payment](ctx, s.c, &xendit.Request{Endpoint: getPayment,
		PathParams: map[string]string{"direct_debit_id": directDebitID}, Options: opts})
}

// ListPaymentsByReferenceIDParams selects payments by your reference_id.
type ListPaymentsByReferenceIDParams struct {
	ReferenceID string
}

// Validate checks that the reference_id is given.
func (p *ListPaymentsByReferenceIDParams) Validate() error {
	return product.Required("reference_id", p.ReferenceID)
}

// ListPaymentsByReferenceID returns the payments created with a
// reference_id, as one page: how to reconcile after an unknown outcome.
// A reference_id need not be unique, so the API answers an array (the
// reference's example shows a single object, which is accepted too).
//
// API: GET /direct_debits
func (s *Client) ListPaymentsByReferenceID(ctx context.Context, params *ListPaymentsByReferenceIDParams, opts ...xendit.RequestOption) (*xendit.Page[Payment], error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	list, err := product.Do[paymentList](ctx, s.c, &xendit.Request{Endpoint: listPaymentsByReferenceID,
		Query: url.Values{"reference_id": {params.ReferenceID}}, Options: opts})
	if err != nil {
		return nil, err
	}
	return &xendit.Page[Payment]{Data: *list}, nil
}

// AllPaymentsByReferenceID returns every payment created with a
// reference_id.
//
// API: GET /direct_debits
func (s *Client) AllPaymentsByReferenceID(ctx context.Context, params *ListPaymentsByReferenceIDParams, opts ...xendit.RequestOption) iter.Seq2[*Payment, error] {
	return allOf(ctx, func(ctx context.Context) (*xendit.Page[Payment], error) {
		return s.ListPaymentsByReferenceID(ctx, params, opts...)
	})
}

// paymentList decodes an array of payments, or one payment as the
// reference's example of Get Payment by Reference ID shows it.
type paymentList []Payment

func (l *paymentList) UnmarshalJSON(b []byte) error {
	if t := bytes.TrimSpace(b); len(t) > 0 && t[0] == '{' {
		var p Payment
		if err := json.Unmarshal(t, &p); err != nil {
			return err
		}
		*l = paymentList{p}
		return nil
	}
	return json.Unmarshal(b, (*[]Payment)(l))
}
