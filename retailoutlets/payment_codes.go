package retailoutlets

import (
	"context"
	"iter"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/pager"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var (
	createPaymentCode       = xendit.MustEndpoint("retailoutlets.create_payment_code")
	updatePaymentCode       = xendit.MustEndpoint("retailoutlets.update_payment_code")
	getPaymentCode          = xendit.MustEndpoint("retailoutlets.get_payment_code")
	listPaymentCodePayments = xendit.MustEndpoint("retailoutlets.list_payment_code_payments")
)

// ChannelCode is a Philippine retail outlet (or DragonPay partner) where a
// payment code is paid. Unknown codes still decode.
type ChannelCode string

// The channels the reference lists (lines 20815-20830, 20883-20892).
const (
	Channel7Eleven        ChannelCode = "7ELEVEN"
	Channel7ElevenCliqq   ChannelCode = "7ELEVEN_CLIQQ"
	ChannelCebuana        ChannelCode = "CEBUANA"
	ChannelECPay          ChannelCode = "ECPAY"
	ChannelLBC            ChannelCode = "LBC"
	ChannelDPPalawan      ChannelCode = "DP_PALAWAN"
	ChannelDPMLhuillier   ChannelCode = "DP_MLHUILLIER"
	ChannelDPECPayLoan    ChannelCode = "DP_ECPAY_LOAN"
	ChannelDPRDPawnshop   ChannelCode = "DP_RD_PAWNSHOP"
	ChannelDPCVM          ChannelCode = "DP_CVM"
	ChannelDPECPaySchool  ChannelCode = "DP_ECPAY_SCHOOL"
	ChannelDPUSSC         ChannelCode = "DP_USSC"
	ChannelRobinsonsBills ChannelCode = "ROBINSONS_BILLS"
	ChannelSMBills        ChannelCode = "SM_BILLS"
)

// channelRule is what the reference documents per channel: the amount's
// range in pesos (lines 20836-20850) and whether a code may be paid more
// than once (lines 20903-20913).
type channelRule struct {
	min, max float64
	multiUse bool
}

var channelRules = map[ChannelCode]channelRule{
	Channel7Eleven:       {min: 50, max: 50_000},
	Channel7ElevenCliqq:  {min: 100, max: 50_000, multiUse: true},
	ChannelCebuana:       {min: 50, max: 30_000, multiUse: true},
	ChannelECPay:         {min: 1, max: 50_000, multiUse: true},
	ChannelLBC:           {min: 50, max: 200_000, multiUse: true},
	ChannelDPPalawan:     {min: 50, max: 20_000},
	ChannelDPMLhuillier:  {min: 50, max: 200_000},
	ChannelDPECPayLoan:   {min: 50, max: 50_000, multiUse: true},
	ChannelDPRDPawnshop:  {min: 50, max: 20_000, multiUse: true},
	ChannelDPCVM:         {min: 50, max: 30_000, multiUse: true},
	ChannelDPECPaySchool: {min: 50, max: 50_000, multiUse: true},
	ChannelDPUSSC:        {min: 50, max: 20_000, multiUse: true},
}

// Country is the market of a payment code; the API serves only the
// Philippines.
type Country string

// CountryPH is the one market the reference documents.
const CountryPH Country = "PH"

// PaymentCodeStatus says whether a payment code can be paid.
type PaymentCodeStatus string

// The documented statuses (lines 21005-21006).
const (
	PaymentCodeStatusActive   PaymentCodeStatus = "ACTIVE"
	PaymentCodeStatusInactive PaymentCodeStatus = "INACTIVE"
)

// Active reports whether the code can still be paid.
func (s PaymentCodeStatus) Active() bool { return s == PaymentCodeStatusActive }

// Error codes of the payment code endpoints; match them against
// [xendit.Error].Code. [CodeExpirationDateInvalid] is one of them too.
const (
	CodeChannelCodeNotSupported = "CHANNEL_CODE_NOT_SUPPORTED"
	CodeDuplicate               = "DUPLICATE_ERROR"
	CodeDataNotFound            = "DATA_NOT_FOUND_ERROR"
	// CodeGeneration is a 503: the channel failed to make a code. The
	// SDK does not repeat the create (see the package doc).
	CodeGeneration = "GENERATION_ERROR"
)

// PaymentCode is a code a customer quotes at a Philippine outlet's cashier
// to pay you, as the create, update and get endpoints return it.
type PaymentCode struct {
	ID         string `json:"id"`
	BusinessID string `json:"business_id"`
	// ReferenceID is the id you gave at creation: match payments to your
	// orders by it.
	ReferenceID  string `json:"reference_id"`
	CustomerName string `json:"customer_name"`
	// PaymentCode is the full code, prefix included.
	PaymentCode string          `json:"payment_code"`
	Currency    xendit.Currency `json:"currency"`
	// Amount is nil for an open code, which takes any amount.
	Amount      *float64          `json:"amount"`
	ChannelCode ChannelCode       `json:"channel_code"`
	Description string            `json:"description"`
	IsSingleUse bool              `json:"is_single_use"`
	Market      Country           `json:"market"`
	Status      PaymentCodeStatus `json:"status"`
	Metadata    map[string]any    `json:"metadata"`
	CreatedAt   xendit.Time       `json:"created_at"`
	UpdatedAt   xendit.Time       `json:"updated_at"`
	ExpiresAt   xendit.Time       `json:"expires_at"`
}

// CreatePaymentCodeParams is a new payment code.
type CreatePaymentCodeParams struct {
	// ReferenceID is your id for the code, 1 to 1000 characters; use it to
	// match payments to orders and to find the code after an unknown
	// outcome.
	ReferenceID string      `json:"reference_id"`
	ChannelCode ChannelCode `json:"channel_code"`
	// Amount makes a closed code, paid in exactly this amount, within the
	// channel's range; nil makes an open code.
	Amount *float64 `json:"amount,omitempty"`
	// Currency must be PHP.
	Currency xendit.Currency `json:"currency"`
	// CustomerName is checked by the cashier: 1 to 250 characters.
	CustomerName string `json:"customer_name"`
	// Market must be CountryPH.
	Market Country `json:"market"`
	// PaymentCode asks for a code, without your prefix (not for 7ELEVEN);
	// nil lets Xendit pick one.
	PaymentCode *string `json:"payment_code,omitempty"`
	// ExpiresAt is when the code expires; unset means two days. For
	// 7ELEVEN it must be 2 hours to 9 days away.
	ExpiresAt xendit.Time `json:"expires_at,omitzero"`
	// IsSingleUse false makes a code that stays ACTIVE after a payment,
	// on the channels that allow it; nil means true.
	IsSingleUse *bool          `json:"is_single_use,omitempty"`
	Description *string        `json:"description,omitempty"`
	Metadata    map[string]any `json:"metadata,omitempty"`
}

// Validate applies the reference's rules (lines 20802-20926): required
// fields and their lengths, PHP and PH, the channel's amount range, no
// custom payment_code for 7ELEVEN, and multiple use only where the channel
// allows it. A channel the SDK does not know is sent as it is.
func (p *CreatePaymentCodeParams) Validate() error {
	rule, known := channelRules[p.ChannelCode]
	errs := []error{
		product.Required("reference_id", p.ReferenceID),
		product.MaxLen("reference_id", p.ReferenceID, 1000),
		product.Required("channel_code", string(p.ChannelCode)),
		onlyCurrency("currency", p.Currency),
		onlyMarket("market", p.Market),
		checkName("customer_name", p.CustomerName, 250),
		product.Positive("amount", p.Amount),
		checkOptional("payment_code", p.PaymentCode),
		product.MaxLenPtr("payment_code", p.PaymentCode, 20),
		checkDescription(p.Description),
		checkMetadata(p.Metadata),
	}
	if known && p.Amount != nil {
		errs = append(errs, checkRange("amount", *p.Amount, rule.min, rule.max, xendit.CurrencyPHP, string(p.ChannelCode)))
	}
	if p.ChannelCode == Channel7Eleven && p.PaymentCode != nil {
		errs = append(errs, xendit.Invalid("payment_code", "cannot be chosen for 7ELEVEN"))
	}
	if known && p.IsSingleUse != nil && !*p.IsSingleUse && !rule.multiUse {
		errs = append(errs, xendit.Invalid("is_single_use", "must be true for %s, which has no multiple-use codes", p.ChannelCode))
	}
	return product.First(errs...)
}

// onlyCurrency fails unless c is PHP, the one currency of payment codes.
func onlyCurrency(field string, c xendit.Currency) error {
	if c != xendit.CurrencyPHP {
		return xendit.Invalid(field, "must be PHP, got %q", c)
	}
	return nil
}

// onlyMarket fails unless m is PH, the one market of payment codes.
func onlyMarket(field string, m Country) error {
	if m != CountryPH {
		return xendit.Invalid(field, "must be PH, got %q", m)
	}
	return nil
}

// checkDescription applies the description's 1 to 250 characters.
func checkDescription(d *string) error {
	if d != nil && *d == "" {
		return xendit.Invalid("description", "is empty; leave it nil to send none")
	}
	return product.MaxLenPtr("description", d, 250)
}

// UpdatePaymentCodeParams changes a payment code: unset fields are left as
// they are.
type UpdatePaymentCodeParams struct {
	CustomerName xendit.Nullable[string]          `json:"customer_name,omitzero"`
	Amount       xendit.Nullable[float64]         `json:"amount,omitzero"`
	Currency     xendit.Nullable[xendit.Currency] `json:"currency,omitzero"`
	// ExpiresAt in the past expires the code at once; 7ELEVEN codes'
	// expiry cannot be changed.
	ExpiresAt   xendit.Nullable[xendit.Time] `json:"expires_at,omitzero"`
	Description xendit.Nullable[string]      `json:"description,omitzero"`
}

// Validate applies the rules of the fields params sets (lines
// 21170-21215): the name's and description's lengths, a positive amount,
// PHP. The channel's amount range is the API's to check: an update does
// not name the channel.
func (p *UpdatePaymentCodeParams) Validate() error {
	var errs []error
	if name, ok := p.CustomerName.Get(); ok {
		errs = append(errs, checkName("customer_name", name, 250))
	}
	if amount, ok := p.Amount.Get(); ok {
		errs = append(errs, product.Positive("amount", &amount))
	}
	if c, ok := p.Currency.Get(); ok {
		errs = append(errs, onlyCurrency("currency", c))
	}
	if d, ok := p.Description.Get(); ok {
		errs = append(errs, checkDescription(&d))
	}
	return product.First(errs...)
}

// CreatePaymentCode creates a code the customer pays at the channel's
// cashier; each payment sends a payment_code.payment callback ([Callback]
// with PaymentCode set).
//
// Xendit documents no idempotency header here, so the SDK does not repeat
// the request after an ambiguous failure, [CodeGeneration]'s 503 among
// them: on [xendit.OutcomeUnknown], the code may exist. Read the package
// doc's "Exactly once" before creating again.
//
// API: POST /payment_codes
func (s *Client) CreatePaymentCode(ctx context.Context, params *CreatePaymentCodeParams, opts ...xendit.RequestOption) (*PaymentCode, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return product.Do[PaymentCode](ctx, s.c, &xendit.Request{Endpoint: createPaymentCode, Body: params, Options: opts})
}

// UpdatePaymentCode changes the name, amount, expiry or description of a
// payment code.
//
// API: PATCH /payment_codes/{payment_code_id}
func (s *Client) UpdatePaymentCode(ctx context.Context, id string, params *UpdatePaymentCodeParams, opts ...xendit.RequestOption) (*PaymentCode, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return product.Do[PaymentCode](ctx, s.c, &xendit.Request{Endpoint: updatePaymentCode,
		PathParams: map[string]string{"payment_code_id": id}, Body: params, Options: opts})
}

// GetPaymentCode returns a payment code by its id (pcode-...).
//
// API: GET /payment_codes/{payment_code_id}
func (s *Client) GetPaymentCode(ctx context.Context, id string, opts ...xendit.RequestOption) (*PaymentCode, error) {
	return product.Do[PaymentCode](ctx, s.c, &xendit.Request{Endpoint: getPaymentCode,
		PathParams: map[string]string{"payment_code_id": id}, Options: opts})
}

// PaymentCodePayment is one payment into a payment code, as the payments
// list returns it.
type PaymentCodePayment struct {
	ID            string          `json:"id"`
	PaymentCodeID string          `json:"payment_code_id"`
	PaymentCode   string          `json:"payment_code"`
	ChannelCode   ChannelCode     `json:"channel_code"`
	Currency      xendit.Currency `json:"currency"`
	Amount        float64         `json:"amount"`
	Status        PaymentStatus   `json:"status"`
	// Remarks is the channel's note on the payment.
	Remarks string      `json:"remarks"`
	Created xendit.Time `json:"created"`
	Updated xendit.Time `json:"updated"`
}

// ListPaymentCodePayments returns the payments made into a payment code,
// all in one page (HasMore false): the API documents no paging.
//
// API: GET /payment_codes/{payment_code_id}/payments
func (s *Client) ListPaymentCodePayments(ctx context.Context, id string, opts ...xendit.RequestOption) (*xendit.Page[PaymentCodePayment], error) {
	var list paymentList
	err := s.c.Do(ctx, &xendit.Request{Endpoint: listPaymentCodePayments,
		PathParams: map[string]string{"payment_code_id": id}, Options: opts}, &list)
	if err != nil {
		return nil, err
	}
	return &xendit.Page[PaymentCodePayment]{Data: list}, nil
}

// AllPaymentCodePayments returns every payment into a payment code: one
// request, as the API answers them all at once.
//
// API: GET /payment_codes/{payment_code_id}/payments
func (s *Client) AllPaymentCodePayments(ctx context.Context, id string, opts ...xendit.RequestOption) iter.Seq2[*PaymentCodePayment, error] {
	fetch := func(ctx context.Context, _ string) (*xendit.Page[PaymentCodePayment], error) {
		return s.ListPaymentCodePayments(ctx, id, opts...)
	}
	return pager.All(ctx, "", fetch, nil) // HasMore is false: next is never asked
}
