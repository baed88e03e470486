package retailoutlets

import (
	"context"
	"iter"
	"net/url"
	"strconv"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/pager"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var (
	createFixedPaymentCode       = xendit.MustEndpoint("retailoutlets.create_fixed_payment_code")
	updateFixedPaymentCode       = xendit.MustEndpoint("retailoutlets.update_fixed_payment_code")
	getFixedPaymentCode          = xendit.MustEndpoint("retailoutlets.get_fixed_payment_code")
	listFixedPaymentCodePayments = xendit.MustEndpoint("retailoutlets.list_fixed_payment_code_payments")
)

// RetailOutletName is an Indonesian retail chain where a fixed payment
// code is paid. Unknown names still decode.
type RetailOutletName string

// The retail outlets the reference lists (line 19914).
const (
	RetailOutletNameAlfamart  RetailOutletName = "ALFAMART"
	RetailOutletNameIndomaret RetailOutletName = "INDOMARET"
)

// outletRule is what the reference documents per retail outlet: the
// longest name (line 19922) and the expected amount's range in rupiah
// (lines 19926-19927).
type outletRule struct {
	maxName  int
	min, max float64
}

var outletRules = map[RetailOutletName]outletRule{
	RetailOutletNameAlfamart:  {maxName: 40, min: 10_000, max: 2_500_000},
	RetailOutletNameIndomaret: {maxName: 45, min: 10_000, max: 5_000_000},
}

// The limits that hold whatever the outlet: the longer name and the wider
// range, for an update (which does not say the outlet) and for outlets the
// SDK does not know yet.
const (
	maxFixedName   = 45
	minFixedAmount = 10_000
	maxFixedAmount = 5_000_000
)

// FixedPaymentCodeStatus says whether a fixed payment code can be paid.
type FixedPaymentCodeStatus string

// The documented statuses (lines 20004-20006): ACTIVE until it is paid (if single
// use) or expires, INACTIVE once a single-use code is paid, EXPIRED once
// its expiration_date has passed.
const (
	FixedPaymentCodeStatusActive   FixedPaymentCodeStatus = "ACTIVE"
	FixedPaymentCodeStatusInactive FixedPaymentCodeStatus = "INACTIVE"
	FixedPaymentCodeStatusExpired  FixedPaymentCodeStatus = "EXPIRED"
)

// Active reports whether the code can still be paid.
func (s FixedPaymentCodeStatus) Active() bool { return s == FixedPaymentCodeStatusActive }

// FixedPaymentCodeType is the kind of a fixed payment code; the reference
// documents only USER, a code the merchant created.
type FixedPaymentCodeType string

// FixedPaymentCodeTypeUser is a code created through the API.
const FixedPaymentCodeTypeUser FixedPaymentCodeType = "USER"

// Error codes of the fixed payment code endpoints; match them against
// [xendit.Error].Code. Every 404 also matches [xendit.ErrNotFound].
const (
	CodePaymentCodeOutsideRange  = "PAYMENT_CODE_OUTSIDE_RANGE"
	CodeRetailOutletNotSupported = "RETAIL_OUTLET_NOT_SUPPORTED_ERROR"
	CodeDuplicatePaymentCode     = "DUPLICATE_PAYMENT_CODE_ERROR"
	CodeExpirationDateInvalid    = "EXPIRATION_DATE_INVALID_ERROR"
	CodeMinimumExpectedAmount    = "MINIMUM_EXPECTED_AMOUNT_ERROR"
	CodeMaximumExpectedAmount    = "MAXIMUM_EXPECTED_AMOUNT_ERROR"
	CodeInactiveFixedPaymentCode = "INACTIVE_FIXED_PAYMENT_CODE_ERROR"
	CodeFixedPaymentCodeNotFound = "FIXED_PAYMENT_CODE_NOT_FOUND_ERROR"
)

// FixedPaymentCode is a code a customer quotes at an Alfamart or Indomaret
// cashier to pay you, as the create, update and get endpoints return it.
type FixedPaymentCode struct {
	ID      string `json:"id"`
	OwnerID string `json:"owner_id"`
	// ExternalID is the id you gave at creation: match payments to your
	// orders by it.
	ExternalID       string           `json:"external_id"`
	RetailOutletName RetailOutletName `json:"retail_outlet_name"`
	// Prefix is your account's 3 to 6 characters at the start of every code.
	Prefix string `json:"prefix"`
	Name   string `json:"name"`
	// PaymentCode is the full code, prefix included, that the customer
	// tells the cashier.
	PaymentCode    string               `json:"payment_code"`
	Type           FixedPaymentCodeType `json:"type"`
	ExpectedAmount float64              `json:"expected_amount"`
	IsSingleUse    bool                 `json:"is_single_use"`
	// ExpirationDate defaults to 31 years after creation.
	ExpirationDate xendit.Time            `json:"expiration_date"`
	Status         FixedPaymentCodeStatus `json:"status"`
}

// CreateFixedPaymentCodeParams is a new fixed payment code.
type CreateFixedPaymentCodeParams struct {
	// ExternalID is your id for the code, 1 to 1000 characters; Xendit
	// does not refuse a repeated one, so keep it unique yourself and use it
	// to find the code after an unknown outcome.
	ExternalID       string           `json:"external_id"`
	RetailOutletName RetailOutletName `json:"retail_outlet_name"`
	// Name is the customer's name, which the cashier may check: at most 40
	// characters for Alfamart, 45 for Indomaret.
	Name string `json:"name"`
	// ExpectedAmount in rupiah, whole: 10,000 to 2,500,000 for Alfamart,
	// to 5,000,000 for Indomaret.
	ExpectedAmount float64 `json:"expected_amount"`
	// PaymentCode asks for a code, without your prefix; nil lets Xendit
	// pick one.
	PaymentCode *string `json:"payment_code,omitempty"`
	// ExpirationDate is when the code expires; unset means 31 years.
	ExpirationDate xendit.Time `json:"expiration_date,omitzero"`
	// IsSingleUse makes the code INACTIVE once paid; nil means false.
	IsSingleUse *bool `json:"is_single_use,omitempty"`
}

// Validate applies the reference's rules (lines 19902-19939): required
// fields, the length and characters of external_id and name, and the
// outlet's range for expected_amount. An outlet the SDK does not know is
// sent as it is, with the widest limits.
func (p *CreateFixedPaymentCodeParams) Validate() error {
	rule, known := outletRules[p.RetailOutletName]
	if !known {
		rule = outletRule{maxName: maxFixedName, min: minFixedAmount, max: maxFixedAmount}
	}
	return product.First(
		product.Required("external_id", p.ExternalID),
		product.MaxLen("external_id", p.ExternalID, 1000),
		product.Required("retail_outlet_name", string(p.RetailOutletName)),
		checkName("name", p.Name, rule.maxName),
		checkWhole("expected_amount", p.ExpectedAmount),
		checkRange("expected_amount", p.ExpectedAmount, rule.min, rule.max, xendit.CurrencyIDR, string(p.RetailOutletName)),
		checkOptional("payment_code", p.PaymentCode),
	)
}

// checkOptional refuses an optional string set to "".
func checkOptional(field string, s *string) error {
	if s != nil && *s == "" {
		return xendit.Invalid(field, "is empty; leave it nil to let Xendit choose")
	}
	return nil
}

// UpdateFixedPaymentCodeParams changes a fixed payment code: unset fields
// are left as they are.
type UpdateFixedPaymentCodeParams struct {
	Name           xendit.Nullable[string]  `json:"name,omitzero"`
	ExpectedAmount xendit.Nullable[float64] `json:"expected_amount,omitzero"`
	// ExpirationDate in the past expires the code at once.
	ExpirationDate xendit.Nullable[xendit.Time] `json:"expiration_date,omitzero"`
}

// Validate applies the rules of the create that do not depend on the
// outlet, which an update does not name: a name of at most 45 characters,
// an amount from 10,000 to 5,000,000 rupiah (the API applies Alfamart's
// lower maximum itself).
func (p *UpdateFixedPaymentCodeParams) Validate() error {
	var errs []error
	if name, ok := p.Name.Get(); ok {
		errs = append(errs, checkName("name", name, maxFixedName))
	}
	if amount, ok := p.ExpectedAmount.Get(); ok {
		errs = append(errs, checkWhole("expected_amount", amount),
			checkRange("expected_amount", amount, minFixedAmount, maxFixedAmount, xendit.CurrencyIDR, "any retail outlet"))
	}
	return product.First(errs...)
}

// CreateFixedPaymentCode creates a code the customer pays at the outlet's
// cashier; each payment into it sends a callback ([Callback] with
// FixedPaymentCode set).
//
// Xendit documents no idempotency header here, so the SDK does not repeat
// the request after an ambiguous failure: on [xendit.OutcomeUnknown], the
// code may exist. The API cannot look codes up by external_id, so read the
// package doc's "Exactly once" before creating again.
//
// API: POST /fixed_payment_code
func (s *Client) CreateFixedPaymentCode(ctx context.Context, params *CreateFixedPaymentCodeParams, opts ...xendit.RequestOption) (*FixedPaymentCode, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return product.Do[FixedPaymentCode](ctx, s.c, &xendit.Request{Endpoint: createFixedPaymentCode, Body: params, Options: opts})
}

// UpdateFixedPaymentCode changes the name, expected amount or expiry of a
// code; an INACTIVE code cannot be changed ([CodeInactiveFixedPaymentCode]).
//
// API: PATCH /fixed_payment_code/{fixed_payment_code_id}
func (s *Client) UpdateFixedPaymentCode(ctx context.Context, id string, params *UpdateFixedPaymentCodeParams, opts ...xendit.RequestOption) (*FixedPaymentCode, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return product.Do[FixedPaymentCode](ctx, s.c, &xendit.Request{Endpoint: updateFixedPaymentCode,
		PathParams: map[string]string{"fixed_payment_code_id": id}, Body: params, Options: opts})
}

// GetFixedPaymentCode returns a fixed payment code by its id.
//
// API: GET /fixed_payment_code/{fixed_payment_code_id}
func (s *Client) GetFixedPaymentCode(ctx context.Context, id string, opts ...xendit.RequestOption) (*FixedPaymentCode, error) {
	return product.Do[FixedPaymentCode](ctx, s.c, &xendit.Request{Endpoint: getFixedPaymentCode,
		PathParams: map[string]string{"fixed_payment_code_id": id}, Options: opts})
}

// PaymentStatus is the state of a payment into a code. Both documented
// values mean the customer paid.
type PaymentStatus string

// The documented payment statuses (lines 20611-20612).
const (
	// PaymentStatusSettling: paid, waiting for settlement to your balance.
	PaymentStatusSettling PaymentStatus = "SETTLING"
	// PaymentStatusCompleted: paid and settled.
	PaymentStatusCompleted PaymentStatus = "COMPLETED"
)

// Succeeded reports whether the customer paid: SETTLING or COMPLETED.
// Fulfil the order on either; see Settled for the money in your balance.
func (s PaymentStatus) Succeeded() bool {
	return s == PaymentStatusSettling || s == PaymentStatusCompleted
}

// Settled reports whether the money reached your balance.
func (s PaymentStatus) Settled() bool { return s == PaymentStatusCompleted }

// FixedPaymentCodePayment is one payment into a fixed payment code, as the
// payments list returns it and its callback carries it.
type FixedPaymentCodePayment struct {
	ID                        string `json:"id"`
	FixedPaymentCodeID        string `json:"fixed_payment_code_id"`
	FixedPaymentCodePaymentID string `json:"fixed_payment_code_payment_id"`
	// ExternalID is the code's external_id: match the payment to your
	// order by it.
	ExternalID       string           `json:"external_id"`
	PaymentCode      string           `json:"payment_code"`
	Prefix           string           `json:"prefix"`
	RetailOutletName RetailOutletName `json:"retail_outlet_name"`
	Name             string           `json:"name"`
	Amount           float64          `json:"amount"`
	Status           PaymentStatus    `json:"status"`
	// PaymentID is Xendit's payment reference.
	PaymentID            string      `json:"payment_id"`
	OwnerID              string      `json:"owner_id"`
	TransactionTimestamp xendit.Time `json:"transaction_timestamp"`
}

// ListFixedPaymentCodePaymentsParams pages the payments of a code. It may
// be nil.
type ListFixedPaymentCodePaymentsParams struct {
	// Limit is the page size, 1 to 100; nil means the API's default (10).
	Limit *int
	// AfterID starts the page after this payment's id.
	AfterID *string
}

// Validate checks Limit against the reference's range (line 20564).
func (p *ListFixedPaymentCodePaymentsParams) Validate() error {
	return product.Limit("limit", p.Limit, 1, 100)
}

func (p *ListFixedPaymentCodePaymentsParams) query() url.Values {
	q := url.Values{}
	if p.Limit != nil {
		q.Set("limit", strconv.Itoa(*p.Limit))
	}
	if p.AfterID != nil {
		q.Set("after_id", *p.AfterID)
	}
	return q
}

// ListFixedPaymentCodePayments returns one page of the payments made into
// a fixed payment code.
//
// API: GET /fixed_payment_code/{fixed_payment_code_id}/payments
func (s *Client) ListFixedPaymentCodePayments(ctx context.Context, id string, params *ListFixedPaymentCodePaymentsParams, opts ...xendit.RequestOption) (*xendit.Page[FixedPaymentCodePayment], error) {
	if params == nil {
		params = &ListFixedPaymentCodePaymentsParams{}
	}
	if err := product.Check(params); err != nil {
		return nil, err
	}
	var page linkedPage[FixedPaymentCodePayment]
	err := s.c.Do(ctx, &xendit.Request{Endpoint: listFixedPaymentCodePayments,
		PathParams: map[string]string{"fixed_payment_code_id": id}, Query: params.query(), Options: opts}, &page)
	if err != nil {
		return nil, err
	}
	return page.page(), nil
}

// AllFixedPaymentCodePayments returns every payment into a fixed payment
// code, fetching pages as the loop needs them: each page starts after the
// last payment of the one before (after_id). opts apply to every page, so
// [xendit.CaptureResponse] holds the response of the page being read.
//
// API: GET /fixed_payment_code/{fixed_payment_code_id}/payments
func (s *Client) AllFixedPaymentCodePayments(ctx context.Context, id string, params *ListFixedPaymentCodePaymentsParams, opts ...xendit.RequestOption) iter.Seq2[*FixedPaymentCodePayment, error] {
	if params == nil {
		params = &ListFixedPaymentCodePaymentsParams{}
	}
	if err := product.Check(params); err != nil {
		return pager.Failed[FixedPaymentCodePayment](err)
	}
	list := func(ctx context.Context, p *ListFixedPaymentCodePaymentsParams) (*xendit.Page[FixedPaymentCodePayment], error) {
		return s.ListFixedPaymentCodePayments(ctx, id, p, opts...)
	}
	return pager.ByAfterID(ctx, params, func(p *ListFixedPaymentCodePaymentsParams) **string { return &p.AfterID },
		list, func(p *FixedPaymentCodePayment) string { return p.ID })
}
