package payoutlinks

import (
	"context"
	"math"
	"strings"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var (
	createPayoutLink = xendit.MustEndpoint("payoutlinks.create_payout_link")
	getPayoutLink    = xendit.MustEndpoint("payoutlinks.get_payout_link")
	voidPayoutLink   = xendit.MustEndpoint("payoutlinks.void_payout_link")
)

// Status is the state of a payout link: PENDING until the recipient
// claims it, then COMPLETED or FAILED; VOIDED or EXPIRED if it is never
// claimed.
type Status string

// The documented statuses.
const (
	StatusPending   Status = "PENDING"
	StatusVoided    Status = "VOIDED"
	StatusCompleted Status = "COMPLETED"
	StatusFailed    Status = "FAILED"
	StatusExpired   Status = "EXPIRED"
)

// Succeeded reports whether the recipient was paid.
func (s Status) Succeeded() bool { return s == StatusCompleted }

// Pending reports whether the link still waits for the recipient.
func (s Status) Pending() bool { return s == StatusPending }

// Failed reports whether the link will pay nothing: FAILED (see
// FailureReason), VOIDED or EXPIRED.
func (s Status) Failed() bool { return s == StatusFailed || s == StatusVoided || s == StatusExpired }

// Error codes of the payout link endpoints; match them against
// [xendit.Error].Code.
const (
	// CodeDuplicatePayout: a link with this external_id exists already. It
	// also matches [xendit.ErrDuplicate].
	CodeDuplicatePayout      = "DUPLICATE_PAYOUT_ERROR"
	CodeInsufficientBalance  = "INSUFFICIENT_BALANCE"
	CodeClaimedPayout        = "CLAIMED_PAYOUT_ERROR"
	CodePayoutNotFound       = "PAYOUT_NOT_FOUND_ERROR"
	CodeUnauthorizedMerchant = "UNAUTHORIZED_MERCHANT_ERROR"
)

// Limits of the reference.
const (
	maxExternalIDLen = 200
	// MinAmount is the smallest payout link, in IDR.
	MinAmount = 10000
)

// CreateParams is the body of Create Payout Link.
type CreateParams struct {
	// ExternalID is your id for the payout, up to 200 characters. Xendit
	// refuses a second link with the same one (DUPLICATE_PAYOUT_ERROR),
	// which is what makes an unknown outcome safe to resolve.
	ExternalID string `json:"external_id"`
	// Amount is a whole number of rupiah, at least 10000 ([MinAmount]) and
	// at most your balance.
	Amount float64 `json:"amount"`
	// Email is where Xendit sends the link to the recipient.
	Email string `json:"email"`
}

// Validate checks the required fields, the external_id's length, and a
// whole amount of at least [MinAmount].
func (p *CreateParams) Validate() error {
	return product.First(
		product.Required("external_id", p.ExternalID),
		product.MaxLen("external_id", p.ExternalID, maxExternalIDLen),
		checkAmount(p.Amount),
		product.Required("email", p.Email),
		checkEmail(p.Email),
	)
}

func checkAmount(a float64) error {
	switch {
	case a != math.Trunc(a) || math.IsInf(a, 0):
		return xendit.Invalid("amount", "must be a whole number, got %v", a)
	case a < MinAmount:
		return xendit.Invalid("amount", "must be at least %d, got %v", MinAmount, a)
	}
	return nil
}

func checkEmail(e string) error {
	if at := strings.IndexByte(e, '@'); at <= 0 || at == len(e)-1 {
		return xendit.Invalid("email", "is not an email address")
	}
	return nil
}

// PayoutLink is a payout link. The fields after PayoutURL are set as the
// recipient claims it.
type PayoutLink struct {
	ID                  string      `json:"id"`
	ExternalID          string      `json:"external_id"`
	Amount              float64     `json:"amount"`
	MerchantName        string      `json:"merchant_name"`
	Status              Status      `json:"status"`
	ExpirationTimestamp xendit.Time `json:"expiration_timestamp"`
	Created             xendit.Time `json:"created"`
	// PayoutURL is the page where the recipient enters their account.
	PayoutURL          string      `json:"payout_url"`
	Email              string      `json:"email"`
	BankCode           string      `json:"bank_code"`
	AccountHolderName  string      `json:"account_holder_name"`
	AccountNumber      string      `json:"account_number"`
	DisbursementID     string      `json:"disbursement_id"`
	FailureReason      string      `json:"failure_reason"`
	ClaimedTimestamp   xendit.Time `json:"claimed_timestamp"`
	CompletedTimestamp xendit.Time `json:"completed_timestamp"`
	FailedTimestamp    xendit.Time `json:"failed_timestamp"`
	PaymentID          string      `json:"payment_id"`
}

// Create makes a payout link and emails it to the recipient, who picks
// the destination account; the link is PENDING and expires after three
// days.
//
// Xendit documents no idempotency header here, so the SDK never repeats
// the request after an ambiguous failure. On [xendit.OutcomeUnknown], call
// Create again with the same external_id: [CodeDuplicatePayout] (matching
// [xendit.ErrDuplicate]) says the first call made the link.
//
// API: POST /payouts
func (s *Client) Create(ctx context.Context, params *CreateParams, opts ...xendit.RequestOption) (*PayoutLink, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return product.Do[PayoutLink](ctx, s.c, &xendit.Request{Endpoint: createPayoutLink, Body: params, Options: opts})
}

// Get returns the payout link with the given id.
//
// API: GET /payouts/{id}
func (s *Client) Get(ctx context.Context, id string, opts ...xendit.RequestOption) (*PayoutLink, error) {
	return product.Do[PayoutLink](ctx, s.c, &xendit.Request{Endpoint: getPayoutLink, PathParams: map[string]string{"id": id}, Options: opts})
}

// Void cancels a PENDING payout link; one the recipient has claimed fails
// with [CodeClaimedPayout].
//
// API: POST /payouts/{id}/void
func (s *Client) Void(ctx context.Context, id string, opts ...xendit.RequestOption) (*PayoutLink, error) {
	return product.Do[PayoutLink](ctx, s.c, &xendit.Request{Endpoint: voidPayoutLink, PathParams: map[string]string{"id": id}, Options: opts})
}
