package cards

import (
	"context"
	"net/url"
	"strings"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var (
	createCharge = xendit.MustEndpoint("cards.create_charge")
	getCharge    = xendit.MustEndpoint("cards.get_charge")
)

// CreateChargeParams is the body of Create Charge (POST
// /credit_card_charges), which is also Create Authorization (Capture false)
// and Zero Amount Authorization (Amount 0).
type CreateChargeParams struct {
	// TokenID is the token Xendit.js created in the browser.
	TokenID string `json:"token_id"`
	// ExternalID is your unique identifier for the charge (up to 64
	// characters). Store it before calling: it is how you find a charge
	// whose creation ended in an unknown outcome (see the package doc).
	ExternalID string `json:"external_id"`
	// Amount to charge, in Currency. It is always sent, so 0 asks for a
	// zero-amount authorization (a card check that holds nothing).
	Amount float64 `json:"amount"`
	// AuthenticationID is the 3DS authentication Xendit.js returned. It may
	// be left out only when the single-use token was authenticated at
	// tokenization, or optional authentication is enabled for the account.
	AuthenticationID *string `json:"authentication_id,omitempty"`
	// Capture false only authorizes (holds the funds); capture within 7
	// days with CaptureCharge or release with ReverseAuthorization. Nil
	// means the API's default, true. CreateAuthorization sets it.
	Capture *bool `json:"capture,omitempty"`
	// Descriptor is shown on the cardholder's statement; aggregator
	// merchants get "XDT*[MERCHANT_NAME]-DESCRIPTOR".
	Descriptor *string `json:"descriptor,omitempty"`
	// Currency is the charge's currency; nil means the business country's
	// currency. IDR and PHP are supported by default, others with your own
	// MIDs.
	Currency *xendit.Currency `json:"currency,omitempty"`
	// MIDLabel picks one of your MIDs; nil means the first on your list.
	MIDLabel *string `json:"mid_label,omitempty"`
	// BillingDetails are the cardholder's, as registered with the issuer:
	// required for AVS (US, Canadian and British cards) and recommended for
	// 3DS 2.0.
	BillingDetails *BillingDetails `json:"billing_details,omitempty"`
	Metadata       map[string]any  `json:"metadata,omitzero"`
	// Promotion applies a promotion created with CreatePromotion; Amount is
	// then the discounted amount.
	Promotion *ChargePromotion `json:"promotion,omitempty"`
	// Installment marks the charge as an installment plan (see
	// GetChargeOption for the plans a card offers).
	Installment *Installment `json:"installment,omitempty"`
}

// BillingDetails are a cardholder's billing details.
type BillingDetails struct {
	GivenNames   *string `json:"given_names,omitempty"`
	Surname      *string `json:"surname,omitempty"`
	Email        *string `json:"email,omitempty"`
	MobileNumber *string `json:"mobile_number,omitempty"`
	PhoneNumber  *string `json:"phone_number,omitempty"`
	// Address is required whenever BillingDetails is sent.
	Address *Address `json:"address,omitempty"`
}

// Address is a billing address.
type Address struct {
	// Country is the ISO 3166 alpha-2 code; required.
	Country       string  `json:"country"`
	StreetLine1   *string `json:"street_line1,omitempty"`
	StreetLine2   *string `json:"street_line2,omitempty"`
	City          *string `json:"city,omitempty"`
	ProvinceState *string `json:"province_state,omitempty"`
	PostalCode    *string `json:"postal_code,omitempty"`
}

// ChargePromotion is the promotion a charge applies, in a request and in
// the charge returned.
type ChargePromotion struct {
	// ReferenceID is the promotion's reference_id from CreatePromotion;
	// required when a promotion is sent.
	ReferenceID string `json:"reference_id"`
	// OriginalAmount is the amount before the discount. Responses send it
	// as a string ("1000000"); it decodes either way.
	OriginalAmount xendit.Number `json:"original_amount,omitzero"`
}

// Installment is an installment tenor, e.g. 3 "month", in a request and in
// the charge returned. Both fields are required when one is sent.
type Installment struct {
	Count    int    `json:"count"`
	Interval string `json:"interval"`
}

// Validate checks params against the API reference before anything is
// sent. CreateCharge and the authorization methods run it.
func (p *CreateChargeParams) Validate() error {
	err := product.First(
		product.Required("token_id", p.TokenID),
		product.Required("external_id", p.ExternalID),
		product.MaxLen("external_id", p.ExternalID, 64),
		xendit.CheckMetadata("metadata", p.Metadata),
		checkCurrency("currency", p.Currency),
	)
	switch {
	case err != nil:
		return err
	case p.Amount < 0:
		return xendit.Invalid("amount", "must not be negative, got %v", p.Amount)
	}
	if b := p.BillingDetails; b != nil && (b.Address == nil || b.Address.Country == "") {
		return xendit.Invalid("billing_details.address.country", "is required when billing_details is sent")
	}
	if pr := p.Promotion; pr != nil && pr.ReferenceID == "" {
		return xendit.Invalid("promotion.reference_id", "is required when promotion is sent")
	}
	if i := p.Installment; i != nil {
		if i.Count <= 0 {
			return xendit.Invalid("installment.count", "must be positive, got %d", i.Count)
		}
		return product.Required("installment.interval", i.Interval)
	}
	return nil
}

// checkCurrency fails when an optional currency is set to something other
// than a three-letter ISO 4217 code.
func checkCurrency(field string, c *xendit.Currency) error {
	if c == nil {
		return nil
	}
	return product.Currency(field, string(*c))
}

// secrets returns what of p must never appear in an error.
func (p *CreateChargeParams) secrets() secrets {
	var s secrets
	s.add(p.TokenID)
	s.addPtr(p.AuthenticationID)
	s.addValues(p.Metadata)
	if b := p.BillingDetails; b != nil {
		s.addPtr(b.GivenNames, b.Surname, b.Email, b.MobileNumber, b.PhoneNumber)
	}
	return s
}

// Charge is a card charge or authorization, as Create Charge, Capture
// Charge and Get Charge return it.
type Charge struct {
	ID         string       `json:"id"`
	ExternalID string       `json:"external_id"`
	Status     ChargeStatus `json:"status"`
	// FailureReason says why a FAILED charge failed.
	FailureReason FailureReason   `json:"failure_reason"`
	BusinessID    string          `json:"business_id"`
	Created       xendit.Time     `json:"created"`
	Currency      xendit.Currency `json:"currency"`
	// AuthorizedAmount is what the card holds; 0 for a zero-amount
	// authorization.
	AuthorizedAmount float64 `json:"authorized_amount"`
	// CaptureAmount is what was captured, up to AuthorizedAmount; absent
	// (0) until the charge is captured.
	CaptureAmount float64    `json:"capture_amount"`
	ChargeType    ChargeType `json:"charge_type"`
	CardType      CardType   `json:"card_type"`
	// CardBrand is the scheme: VISA, MASTERCARD, JCB, ...
	CardBrand string `json:"card_brand"`
	// MaskedCardNumber shows the BIN (first 6 or 8 digits) and the last 4.
	MaskedCardNumber string `json:"masked_card_number"`
	// ECI is the 3DS result; see [ECI.Authenticated].
	ECI     ECI     `json:"eci"`
	CVNCode CVNCode `json:"cvn_code"`
	// ApprovalCode is the issuer's 5 or 6 digit approval code.
	ApprovalCode string `json:"approval_code"`
	// MerchantID is the merchant id used with the bank.
	MerchantID string `json:"merchant_id"`
	// MerchantReferenceCode and BankReconciliationID reconcile the charge
	// with the bank.
	MerchantReferenceCode string `json:"merchant_reference_code"`
	BankReconciliationID  string `json:"bank_reconciliation_id"`
	Descriptor            string `json:"descriptor"`
	// MIDLabel is returned to switcher merchants only.
	MIDLabel        string           `json:"mid_label"`
	Promotion       *ChargePromotion `json:"promotion,omitzero"`
	Installment     *Installment     `json:"installment,omitzero"`
	NetworkResponse *NetworkResponse `json:"network_response,omitzero"`
}

// NetworkResponse is what the card scheme and 3DS said, for insight into
// declines.
type NetworkResponse struct {
	// CardNetworkResponseCode is the scheme's response code and
	// CardNetworkDescriptor its description.
	CardNetworkResponseCode string `json:"card_network_response_code"`
	CardNetworkDescriptor   string `json:"card_network_descriptor"`
	NetworkTransactionID    string `json:"network_transaction_id"`
	// MerchantAdviceCode and MerchantAdviceDescriptor (Mastercard only) say
	// what to do next, e.g. "Retry after 6 days".
	MerchantAdviceCode       string `json:"merchant_advice_code"`
	MerchantAdviceDescriptor string `json:"merchant_advice_descriptor"`
	// ThreeDSTransStatus is the 3DS2 transStatus; ThreeDSFlow the flow
	// followed (frictionless or challenge).
	ThreeDSTransStatus string `json:"three_ds_trans_status"`
	ThreeDSFlow        string `json:"three_ds_flow"`
}

// ChargeStatus is the state of a charge. Unknown values still decode.
type ChargeStatus string

// The documented charge statuses.
const (
	// ChargeStatusCaptured: the charge is captured; the funds settle on the
	// settlement schedule.
	ChargeStatusCaptured ChargeStatus = "CAPTURED"
	// ChargeStatusAuthorized: the funds are held (capture false, or a zero-amount
	// authorization). Capture or reverse it within 7 days.
	ChargeStatusAuthorized ChargeStatus = "AUTHORIZED"
	// ChargeStatusReversed: the authorization was reversed and the hold released.
	ChargeStatusReversed ChargeStatus = "REVERSED"
	// ChargeStatusFailed: the charge failed; FailureReason says why.
	ChargeStatusFailed ChargeStatus = "FAILED"
)

// Succeeded reports whether the money moved: the charge is CAPTURED. An
// AUTHORIZED charge only holds the funds until CaptureCharge.
func (s ChargeStatus) Succeeded() bool { return s == ChargeStatusCaptured }

// Failed reports whether the charge failed (FAILED); see its FailureReason.
func (s ChargeStatus) Failed() bool { return s == ChargeStatusFailed }

// FailureReason says why a charge is FAILED. A FAILED charge is a 2xx
// answer carrying a charge object, not an [xendit.Error]: the card was
// declined, the request itself was fine. Unknown values still decode.
type FailureReason string

// The documented failure reasons, with the advice the reference gives.
const (
	// FailureReasonAuthenticationFailed: the charge was not authenticated; ask the
	// cardholder to authenticate again with 3DS, or use another card.
	FailureReasonAuthenticationFailed FailureReason = "AUTHENTICATION_FAILED"
	// FailureReasonDeclinedByIssuer: the issuer declined without saying why; the
	// customer should contact the bank or use another card.
	FailureReasonDeclinedByIssuer FailureReason = "DECLINED_BY_ISSUER"
	// FailureReasonDeclinedByProcessor: the processor declined; try again, or use
	// another card.
	FailureReasonDeclinedByProcessor FailureReason = "DECLINED_BY_PROCESSOR"
	// FailureReasonExpiredCard: the card has expired.
	FailureReasonExpiredCard FailureReason = "EXPIRED_CARD"
	// FailureReasonIssuerSuspectFraud: the issuer suspects fraud; review the
	// cardholder.
	FailureReasonIssuerSuspectFraud FailureReason = "ISSUER_SUSPECT_FRAUD"
	// FailureReasonInactiveOrUnauthorizedCard: the card is not enabled for online
	// payments; the cardholder should contact the bank.
	FailureReasonInactiveOrUnauthorizedCard FailureReason = "INACTIVE_OR_UNAUTHORIZED_CARD"
	// FailureReasonInsufficientBalance: not enough balance or credit on the card.
	FailureReasonInsufficientBalance FailureReason = "INSUFFICIENT_BALANCE"
	// FailureReasonInvalidCard: the card details were wrong.
	FailureReasonInvalidCard FailureReason = "INVALID_CARD"
	// FailureReasonInvalidCVV: the CVN/CVV/CSC was wrong.
	FailureReasonInvalidCVV FailureReason = "INVALID_CVV"
	// FailureReasonIssuerUnavailable: the issuer could not be reached.
	FailureReasonIssuerUnavailable FailureReason = "ISSUER_UNAVAILABLE"
	// FailureReasonProcessorError: an intermittent processor error; the customer
	// may try again in a few minutes.
	FailureReasonProcessorError FailureReason = "PROCESSOR_ERROR"
	// FailureReasonStolenCard: the card is reported stolen.
	FailureReasonStolenCard FailureReason = "STOLEN_CARD"
	// FailureReasonProcessorTimeout: the processor timed out; the customer may
	// retry.
	FailureReasonProcessorTimeout FailureReason = "PROCESSOR_TIMEOUT"
	// FailureReasonFraudRiskBlocked: Xendit's risk assessment or your blocklist
	// declined it.
	FailureReasonFraudRiskBlocked FailureReason = "FRAUD_RISK_BLOCKED"
)

// Retryable reports whether the reference advises the customer to try the
// same card again (an intermittent processor problem), as opposed to
// another card or another payment method.
func (r FailureReason) Retryable() bool {
	return r == FailureReasonProcessorError || r == FailureReasonProcessorTimeout || r == FailureReasonDeclinedByProcessor
}

// CVNCode is the result of the CVN check. Unknown values still decode.
type CVNCode string

// The documented CVN codes.
const (
	// CVNMatch: the CVN matches the issuer's record.
	CVNMatch CVNCode = "M"
	// CVNNoMatch: the CVN does not match the issuer's record.
	CVNNoMatch CVNCode = "N"
	// CVNNotProcessed: the card has no valid CVN or the issuer did not
	// accept it; retry, and use another card if it persists.
	CVNNotProcessed CVNCode = "P"
)

// ECI is the Electronic Commerce Indicator: how 3DS authentication went.
// The reference lists 0, 1, 2, 5, 6, 7 but its examples send "05": compare
// with [ECI.Code], which drops leading zeros. The field keeps what was sent.
type ECI string

// The documented ECI codes.
const (
	// ECIMastercardUnableToAuthenticate (Mastercard): authentication was not
	// possible.
	ECIMastercardUnableToAuthenticate ECI = "0"
	// ECIMastercardAttempted (Mastercard): authentication was attempted.
	ECIMastercardAttempted ECI = "1"
	// ECIMastercardAuthenticated (Mastercard): authentication succeeded.
	ECIMastercardAuthenticated ECI = "2"
	// ECIAuthenticated (Visa, AMEX, JCB): authentication succeeded.
	ECIAuthenticated ECI = "5"
	// ECIAttempted (Visa, AMEX, JCB): authentication was attempted.
	ECIAttempted ECI = "6"
	// ECIUnableToAuthenticate (Visa, AMEX, JCB): authentication was not
	// possible.
	ECIUnableToAuthenticate ECI = "7"
)

// Code returns e without leading zeros ("05" is "5"), to compare with the
// constants.
func (e ECI) Code() ECI {
	s := strings.TrimLeft(string(e), "0")
	if s == "" && e != "" {
		return "0"
	}
	return ECI(s)
}

// Authenticated reports whether 3DS authentication succeeded (ECI 2 or 5),
// which is when liability for fraud usually shifts to the issuer.
func (e ECI) Authenticated() bool {
	c := e.Code()
	return c == ECIMastercardAuthenticated || c == ECIAuthenticated
}

// ChargeType says what kind of token a charge used. Unknown values still
// decode.
type ChargeType string

// The documented charge types.
const (
	// ChargeTypeSingleUseToken: the charge used a single-use token.
	ChargeTypeSingleUseToken ChargeType = "SINGLE_USE_TOKEN"
	// ChargeTypeMultipleUseToken: the charge used a saved, multiple-use token.
	ChargeTypeMultipleUseToken ChargeType = "MULTIPLE_USE_TOKEN"
	// ChargeTypeRecurring: a recurring charge of a subscription.
	ChargeTypeRecurring ChargeType = "RECURRING"
)

// CreateCharge charges a card, or authorizes it when params.Capture is
// false or params.Amount is 0. A declined card is not an error: the charge
// comes back FAILED with a FailureReason.
//
// Create Charge documents no idempotency header, so the SDK never repeats
// it after an ambiguous failure (a 5xx, a timeout, a dropped connection):
// when [xendit.OutcomeUnknown] is true, look the charge up with
// GetChargeByExternalID before charging again (see the package doc).
//
// API: POST /credit_card_charges
func (s *Client) CreateCharge(ctx context.Context, params *CreateChargeParams, opts ...xendit.RequestOption) (*Charge, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	req := &xendit.Request{Endpoint: createCharge, Body: params, Options: opts}
	return do[Charge](ctx, s.c, req, params.secrets())
}

// CreateAuthorization authorizes params.Amount on the card without
// capturing it (capture: false): the funds are held for up to 7 days until
// CaptureCharge or ReverseAuthorization. params is not modified. Like
// CreateCharge, it is never repeated after an ambiguous failure.
//
// API: POST /credit_card_charges
func (s *Client) CreateAuthorization(ctx context.Context, params *CreateChargeParams, opts ...xendit.RequestOption) (*Charge, error) {
	return s.CreateCharge(ctx, changed(params, func(p *CreateChargeParams) { p.Capture = xendit.Ptr(false) }), opts...)
}

// CreateZeroAmountAuthorization checks a card without holding any funds
// (amount: 0), typically to save a multiple-use token. The account needs a
// processor that supports it (test mode does). params.Amount is ignored
// and params is not modified. The charge comes back AUTHORIZED with
// AuthorizedAmount 0; it cannot be reversed or captured. Like CreateCharge,
// it is never repeated after an ambiguous failure.
//
// API: POST /credit_card_charges
func (s *Client) CreateZeroAmountAuthorization(ctx context.Context, params *CreateChargeParams, opts ...xendit.RequestOption) (*Charge, error) {
	return s.CreateCharge(ctx, changed(params, func(p *CreateChargeParams) { p.Amount = 0 }), opts...)
}

// changed returns a changed copy of p, or nil for nil (which CreateCharge
// refuses), so that the caller's params are never modified.
func changed(p *CreateChargeParams, change func(*CreateChargeParams)) *CreateChargeParams {
	if p == nil {
		return nil
	}
	c := *p
	change(&c)
	return &c
}

// GetCharge returns a charge by its Xendit id.
//
// API: GET /credit_card_charges/{credit_card_charge_id}
func (s *Client) GetCharge(ctx context.Context, chargeID string, opts ...xendit.RequestOption) (*Charge, error) {
	req := &xendit.Request{Endpoint: getCharge, PathParams: map[string]string{"credit_card_charge_id": chargeID}, Options: opts}
	return do[Charge](ctx, s.c, req, nil)
}

// GetChargeByExternalID returns the charge created with your externalID
// (id_type=external). It is how to settle a CreateCharge whose outcome is
// unknown: CREDIT_CARD_CHARGE_NOT_FOUND_ERROR ([xendit.ErrNotFound]) means
// no charge was created.
//
// API: GET /credit_card_charges/{credit_card_charge_id}
func (s *Client) GetChargeByExternalID(ctx context.Context, externalID string, opts ...xendit.RequestOption) (*Charge, error) {
	req := &xendit.Request{
		Endpoint: getCharge, PathParams: map[string]string{"credit_card_charge_id": externalID},
		Query: url.Values{"id_type": {"external"}}, Options: opts,
	}
	return do[Charge](ctx, s.c, req, nil)
}
