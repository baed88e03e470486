package remittance

import (
	"context"
	"math"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var (
	createPayout = xendit.MustEndpoint("remittance.create_payout")
	getPayout    = xendit.MustEndpoint("remittance.get_payout")
	cancelPayout = xendit.MustEndpoint("remittance.cancel_payout")
)

// Status is the state of a cross-border payout. Read it through
// Succeeded, Pending and Failed; see the package doc for the lifecycle.
type Status string

// The documented statuses.
const (
	StatusAccepted                    Status = "ACCEPTED"
	StatusPendingComplianceAssessment Status = "PENDING_COMPLIANCE_ASSESSMENT"
	StatusRequested                   Status = "REQUESTED"
	StatusComplianceRejected          Status = "COMPLIANCE_REJECTED"
	StatusReady                       Status = "READY"
	StatusLocked                      Status = "LOCKED"
	StatusExpired                     Status = "EXPIRED"
	StatusSucceeded                   Status = "SUCCEEDED"
	StatusFailed                      Status = "FAILED"
	StatusRefunded                    Status = "REFUNDED"
	StatusCancelled                   Status = "CANCELLED"
)

// Succeeded reports whether the sending bank confirmed the transfer.
func (s Status) Succeeded() bool { return s == StatusSucceeded }

// Pending reports whether the payout may still reach the recipient:
// accepted, in compliance review, queued, or (cash) ready or being picked
// up.
func (s Status) Pending() bool {
	switch s {
	case StatusAccepted, StatusPendingComplianceAssessment, StatusRequested, StatusReady, StatusLocked:
		return true
	}
	return false
}

// Failed reports whether the payout ended without reaching the recipient:
// failed, rejected by compliance, expired (cash), refunded or cancelled.
func (s Status) Failed() bool {
	switch s {
	case StatusFailed, StatusComplianceRejected, StatusExpired, StatusRefunded, StatusCancelled:
		return true
	}
	return false
}

// FailureCode says why a payout FAILED. Unknown codes still decode.
type FailureCode string

// The documented failure codes. The reference says which are worth a new
// payout: insufficient balance (after a top-up), rejected by channel
// (after checking the account), a temporary transfer error (in 1-3
// hours); not an invalid destination or a transfer error.
const (
	FailureInsufficientBalance     FailureCode = "INSUFFICIENT_BALANCE"
	FailureRejectedByChannel       FailureCode = "REJECTED_BY_CHANNEL"
	FailureTemporaryTransferError  FailureCode = "TEMPORARY_TRANSFER_ERROR"
	FailureInvalidDestination      FailureCode = "INVALID_DESTINATION"
	FailureTransferError           FailureCode = "TRANSFER_ERROR"
	FailureUnknownBankNetworkError FailureCode = "UNKNOWN_BANK_NETWORK_ERROR"
)

// PurposeCode is the purpose of a payout; the API's default is OTHER.
type PurposeCode string

// The documented purpose codes (LOAN_REPAYMENT is listed twice, as
// "Repayment of Loans" and as "Loan").
const (
	PurposeSelf              PurposeCode = "SELF"
	PurposeFamily            PurposeCode = "FAMILY"
	PurposeEducation         PurposeCode = "EDUCATION"
	PurposeMedical           PurposeCode = "MEDICAL"
	PurposeHotel             PurposeCode = "HOTEL"
	PurposeTravel            PurposeCode = "TRAVEL"
	PurposeUtilities         PurposeCode = "UTILITIES"
	PurposeLoanRepayment     PurposeCode = "LOAN_REPAYMENT"
	PurposeTaxPayment        PurposeCode = "TAX_PAYMENT"
	PurposeResidencePurchase PurposeCode = "RESIDENCE_PURCHASE"
	PurposeResidenceRent     PurposeCode = "RESIDENCE_RENT"
	PurposeInsurance         PurposeCode = "INSURANCE"
	PurposeMutualFund        PurposeCode = "MUTUAL_FUND"
	PurposeSharesInvestment  PurposeCode = "SHARES_INVESTMENT"
	PurposeDonations         PurposeCode = "DONATIONS"
	PurposeAdvertising       PurposeCode = "ADVERTISING"
	PurposeRoyaltyFees       PurposeCode = "ROYALTY_FEES"
	PurposeBrokerFees        PurposeCode = "BROKER_FEES"
	PurposeAdvisors          PurposeCode = "ADVISORS"
	PurposeOffice            PurposeCode = "OFFICE"
	PurposeConstruction      PurposeCode = "CONSTRUCTION"
	PurposeShipment          PurposeCode = "SHIPMENT"
	PurposeExport            PurposeCode = "EXPORT"
	PurposeDelivery          PurposeCode = "DELIVERY"
	PurposeTrades            PurposeCode = "TRADES"
	PurposeSalary            PurposeCode = "SALARY"
	PurposeRefund            PurposeCode = "REFUND"
	PurposeOther             PurposeCode = "OTHER"
)

// SourceOfFund is where the sent money comes from; the API's default is
// OTHER.
type SourceOfFund string

// The documented sources of funds.
const (
	SourceOfFundInvestment          SourceOfFund = "INVESTMENT"
	SourceOfFundPersonalSavings     SourceOfFund = "PERSONAL_SAVINGS"
	SourceOfFundBusinessRevenue     SourceOfFund = "BUSINESS_REVENUE"
	SourceOfFundLegacy              SourceOfFund = "LEGACY"
	SourceOfFundBusinessArrangement SourceOfFund = "BUSINESS_ARRANGEMENT"
	SourceOfFundLoan                SourceOfFund = "LOAN"
	SourceOfFundSalary              SourceOfFund = "SALARY"
	SourceOfFundOther               SourceOfFund = "OTHER"
)

// Relationship is the sender's relationship to the recipient; the API's
// default is OTHER, and PH_GCASH recipients require one.
type Relationship string

// The documented relationships.
const (
	RelationshipBranchRepresentativeOffice Relationship = "BRANCH_REPRESENTATIVE_OFFICE"
	RelationshipBusinessPartner            Relationship = "BUSINESS_PARTNER"
	RelationshipChildren                   Relationship = "CHILDREN"
	RelationshipCreditor                   Relationship = "CREDITOR"
	RelationshipCustomer                   Relationship = "CUSTOMER"
	RelationshipDebtor                     Relationship = "DEBTOR"
	RelationshipEmployee                   Relationship = "EMPLOYEE"
	RelationshipExSpouse                   Relationship = "EX_SPOUSE"
	RelationshipFranchiseeFranchisor       Relationship = "FRANCHISEE_FRANCHISOR"
	RelationshipGrandparents               Relationship = "GRANDPARENTS"
	RelationshipHoldingCompany             Relationship = "HOLDING_COMPANY"
	RelationshipMaid                       Relationship = "MAID"
	RelationshipOwnself                    Relationship = "OWNSELF"
	RelationshipParents                    Relationship = "PARENTS"
	RelationshipRelative                   Relationship = "RELATIVE"
	RelationshipSibling                    Relationship = "SIBLING"
	RelationshipSpouse                     Relationship = "SPOUSE"
	RelationshipSubsidiaryCompany          Relationship = "SUBSIDIARY_COMPANY"
	RelationshipSupplier                   Relationship = "SUPPLIER"
	RelationshipFriend                     Relationship = "FRIEND"
	RelationshipGovernmentBody             Relationship = "GOVERNMENT_BODY"
	RelationshipEducationInstitution       Relationship = "EDUCATION_INSTITUTION"
	RelationshipNonGovernmentBody          Relationship = "NON_GOVERNMENT_BODY"
	RelationshipOther                      Relationship = "OTHER"
)

// Error codes of the cross-border payout endpoints a caller may act on;
// match them against [xendit.Error].Code.
const (
	CodeDestinationCurrencyNotSupported = "DESTINATION_CURRENCY_NOT_SUPPORTED"
	CodeAmountFormat                    = "AMOUNT_FORMAT_ERROR"
	CodeMinimumTransferLimit            = "MINIMUM_TRANSFER_LIMIT_ERROR"
	CodeMaximumTransferLimit            = "MAXIMUM_TRANSFER_LIMIT_ERROR"
	CodeAmountIncrementNotSupported     = "AMOUNT_INCREMENT_NOT_SUPPORTED"
	CodeAccountBlacklisted              = "ACCOUNT_BLACKLISTED_ERROR"
	CodePaymentChannelDetail            = "PAYMENT_CHANNEL_DETAIL_ERROR"
	CodeDuplicate                       = xendit.CodeDuplicate // also matches xendit.ErrDuplicate
	CodeCustomerDataNotFound            = "CUSTOMER_DATA_NOT_FOUND"
	CodeIdempotency                     = xendit.CodeIdempotency // also matches xendit.ErrIdempotencyConflict
	CodeStillProcessing                 = "STILL_PROCESSING_ERROR"
	CodeCancellationNotAllowed          = "CANCELLATION_NOT_ALLOWED"
	CodeNotFound                        = "REMITTANCE_PAYOUT_NOT_FOUND"
)

// DestinationCurrencies are the currencies a payout can arrive in.
var DestinationCurrencies = []xendit.Currency{
	xendit.CurrencyIDR, xendit.CurrencyPHP, xendit.CurrencySGD, xendit.CurrencyTHB, xendit.CurrencyVND,
}

// maxDescriptionLen is the reference's limit on description.
const maxDescriptionLen = 100

// CreateParams is the body of Create Cross-border Payout. The sender and
// the recipient are customers made beforehand (package customers); the
// recipient's identity_accounts name the destination channel and account.
type CreateParams struct {
	// ReferenceID is your id for the payout; it is how you recognise it in
	// callbacks and reconcile it.
	ReferenceID         string          `json:"reference_id"`
	DestinationCurrency xendit.Currency `json:"destination_currency"`
	// DestinationAmount is what the recipient receives, at most two
	// decimals.
	DestinationAmount   float64 `json:"destination_amount"`
	SenderCustomerID    string  `json:"sender_customer_id"`
	RecipientCustomerID string  `json:"recipient_customer_id"`
	// OriginCurrency and OriginAmount are what is sent: a payout of 100
	// SGD to IDR has OriginCurrency SGD and OriginAmount 100.
	OriginCurrency xendit.Currency `json:"origin_currency"`
	OriginAmount   float64         `json:"origin_amount"`
	SourceOfFund   *SourceOfFund   `json:"source_of_fund,omitempty"`
	PurposeCode    *PurposeCode    `json:"purpose_code,omitempty"`
	Relationship   *Relationship   `json:"relationship,omitempty"`
	// Description may show on the recipient's statement: 1 to 100
	// characters.
	Description string         `json:"description"`
	Metadata    map[string]any `json:"metadata,omitempty"`
}

// Validate applies the reference's rules: the required fields, a
// destination currency Xendit pays out in, positive amounts with at most
// two decimals (AMOUNT_FORMAT_ERROR otherwise), and a description of at
// most 100 characters.
func (p *CreateParams) Validate() error {
	return product.First(
		product.Required("reference_id", p.ReferenceID),
		checkDestinationCurrency(p.DestinationCurrency),
		checkAmount("destination_amount", p.DestinationAmount),
		product.Required("sender_customer_id", p.SenderCustomerID),
		product.Required("recipient_customer_id", p.RecipientCustomerID),
		product.Required("origin_currency", string(p.OriginCurrency)),
		product.Currency("origin_currency", string(p.OriginCurrency)),
		checkAmount("origin_amount", p.OriginAmount),
		product.Required("description", p.Description),
		product.MaxLen("description", p.Description, maxDescriptionLen),
	)
}

func checkDestinationCurrency(c xendit.Currency) error {
	if c == "" {
		return xendit.Invalid("destination_currency", "is required")
	}
	for _, ok := range DestinationCurrencies {
		if c == ok {
			return nil
		}
	}
	return xendit.Invalid("destination_currency", "%q is not one of %v", c, DestinationCurrencies)
}

// checkAmount requires a positive amount with at most two decimals.
func checkAmount(field string, v float64) error {
	if v <= 0 {
		return xendit.Invalid(field, "must be positive, got %v", v)
	}
	cents := v * 100
	if math.Abs(cents-math.Round(cents)) > 1e-6*math.Max(1, cents) {
		return xendit.Invalid(field, "has more than two decimals: %v", v)
	}
	return nil
}

// Payout is a cross-border payout, as the API returns it and the
// remittance_payout.* callbacks carry it.
type Payout struct {
	// ID starts with rpo_.
	ID      string      `json:"id"`
	Created xendit.Time `json:"created"`
	Updated xendit.Time `json:"updated"`
	// BusinessID is your Xendit business id.
	BusinessID          string          `json:"business_id"`
	ReferenceID         string          `json:"reference_id"`
	DestinationCurrency xendit.Currency `json:"destination_currency"`
	// DestinationAmount is a number in the reference's responses and a
	// string in its requests; either decodes.
	DestinationAmount   xendit.Number   `json:"destination_amount"`
	SenderCustomerID    string          `json:"sender_customer_id"`
	RecipientCustomerID string          `json:"recipient_customer_id"`
	Status              Status          `json:"status"`
	Description         string          `json:"description"`
	SourceOfFund        SourceOfFund    `json:"source_of_fund"`
	OriginCurrency      xendit.Currency `json:"origin_currency"`
	// OriginAmount is sent as a string ("10000") in every example; either
	// decodes.
	OriginAmount xendit.Number `json:"origin_amount"`
	PurposeCode  PurposeCode   `json:"purpose_code"`
	Relationship Relationship  `json:"relationship"`
	// FailureCode is set when Status is FAILED; null otherwise.
	FailureCode FailureCode    `json:"failure_code,omitempty"`
	Metadata    map[string]any `json:"metadata"`
}

// Create sends a cross-border payout on behalf of a sender to a recipient.
// The payout is ACCEPTED and moves on as the package doc tells; each step
// comes as a callback ([Callback]).
//
// The reference requires an Idempotency-key: the SDK generates one per
// call unless [xendit.WithIdempotencyKey] gives one (your reference_id is
// a good key; at most 100 characters), and reuses it on every retry, so a
// retry after a lost answer gets the first payout back. The key is on
// [xendit.Response] (through [xendit.CaptureResponse]) and on every
// [*xendit.Error]; after an error for which [xendit.OutcomeUnknown] holds,
// repeat the call with that key (see the package doc).
//
// API: POST /remittance_payouts
func (s *Client) Create(ctx context.Context, params *CreateParams, opts ...xendit.RequestOption) (*Payout, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return product.Do[Payout](ctx, s.c, &xendit.Request{Endpoint: createPayout, Body: params, Options: opts})
}

// Get returns a cross-border payout by the id Xendit gave it (rpo_...).
//
// API: GET /remittance_payouts/{cross_border_payout_id}
func (s *Client) Get(ctx context.Context, payoutID string, opts ...xendit.RequestOption) (*Payout, error) {
	return product.Do[Payout](ctx, s.c, &xendit.Request{Endpoint: getPayout,
		PathParams: map[string]string{"cross_border_payout_id": payoutID}, Options: opts})
}

// Cancel cancels a payout Xendit has not processed yet, and returns it
// CANCELLED. Once processed (a cash payout being picked up, LOCKED, or
// one that reached a final state), Xendit refuses with
// CANCELLATION_NOT_ALLOWED.
//
// API: POST /remittance_payouts/{cross_border_payout_id}/cancel
func (s *Client) Cancel(ctx context.Context, payoutID string, opts ...xendit.RequestOption) (*Payout, error) {
	return product.Do[Payout](ctx, s.c, &xendit.Request{Endpoint: cancelPayout,
		PathParams: map[string]string{"cross_border_payout_id": payoutID}, Options: opts})
}
