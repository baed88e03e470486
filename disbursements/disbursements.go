package disbursements

import (
	"context"
	"errors"
	"iter"
	"math"
	"net/url"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/pager"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var (
	createDisbursement            = xendit.MustEndpoint("disbursements.create_disbursement")
	getDisbursement               = xendit.MustEndpoint("disbursements.get_disbursement")
	listDisbursementsByExternalID = xendit.MustEndpoint("disbursements.list_disbursements_by_external_id")
)

// Status is the state of a disbursement: PENDING until the bank answers,
// then COMPLETED or FAILED (with a [FailureCode]), as the disbursement
// callback reports.
type Status string

// The documented disbursement statuses.
const (
	StatusPending   Status = "PENDING"
	StatusCompleted Status = "COMPLETED"
	StatusFailed    Status = "FAILED"
)

// Succeeded reports whether the bank confirmed the transfer (COMPLETED).
func (s Status) Succeeded() bool { return s == StatusCompleted }

// Pending reports whether the bank has not answered yet.
func (s Status) Pending() bool { return s == StatusPending }

// Failed reports whether the transfer failed; see FailureCode.
func (s Status) Failed() bool { return s == StatusFailed }

// FailureCode says why a disbursement failed. Unknown codes still decode.
type FailureCode string

// The documented failure codes. Whether to try again, and when, depends on
// the code: see the package doc.
const (
	FailureInsufficientBalance       FailureCode = "INSUFFICIENT_BALANCE"
	FailureUnknownBankNetworkError   FailureCode = "UNKNOWN_BANK_NETWORK_ERROR"
	FailureTemporaryBankNetworkError FailureCode = "TEMPORARY_BANK_NETWORK_ERROR"
	FailureInvalidDestination        FailureCode = "INVALID_DESTINATION"
	FailureSwitchingNetworkError     FailureCode = "SWITCHING_NETWORK_ERROR"
	FailureRejectedByBank            FailureCode = "REJECTED_BY_BANK"
	FailureTransferError             FailureCode = "TRANSFER_ERROR"
	FailureTemporaryTransferError    FailureCode = "TEMPORARY_TRANSFER_ERROR"
)

// Error codes of the disbursement endpoints a caller may act on; match
// them against [xendit.Error].Code.
const (
	CodeDescriptionNotFound  = "DISBURSEMENT_DESCRIPTION_NOT_FOUND_ERROR"
	CodeBalanceInsufficient  = "DIRECT_DISBURSEMENT_BALANCE_INSUFFICIENT_ERROR"
	CodeDuplicateTransaction = "DUPLICATE_TRANSACTION_ERROR" // also matches xendit.ErrDuplicate
	CodeBankCodeNotSupported = "BANK_CODE_NOT_SUPPORTED_ERROR"
	CodeRecipientAccount     = "RECIPIENT_ACCOUNT_NUMBER_ERROR"
	CodeRecipientAmount      = "RECIPIENT_AMOUNT_ERROR"
	CodeMaximumTransferLimit = "MAXIMUM_TRANSFER_LIMIT_ERROR"
	CodeInvalidDestination   = "INVALID_DESTINATION"
	CodeNotFound             = "DIRECT_DISBURSEMENT_NOT_FOUND_ERROR"
)

// BankBCA is the one bank code whose account-number rule the reference
// documents: exactly 10 digits.
const BankBCA = "BCA"

// The reference's limits on Create Disbursement.
const (
	maxExternalIDLen = 1000
	maxEmails        = 3
	bcaAccountLen    = 10
)

// CreateDisbursementParams is the body of Create Disbursement: a transfer
// to a bank account, a virtual account or an e-wallet in Indonesia.
type CreateDisbursementParams struct {
	// ExternalID is your id for the disbursement (1 to 1000 characters);
	// it is how [Client.ListDisbursementsByExternalID] finds it again.
	ExternalID string `json:"external_id"`
	// BankCode is the destination bank or e-wallet ("BCA", "OVO"); see
	// [Client.ListBanks].
	BankCode string `json:"bank_code"`
	// AccountHolderName is the name as the bank or e-wallet has it.
	AccountHolderName string `json:"account_holder_name"`
	// AccountNumber is the destination account: digits and hyphens; 10
	// digits for BCA; for an e-wallet, its registered phone number
	// ("0812...").
	AccountNumber string `json:"account_number"`
	Description   string `json:"description"`
	// Amount is a whole number of rupiah.
	Amount float64 `json:"amount"`
	// EmailTo receives the disbursement's details once it completes (3
	// addresses at most); EmailCC and EmailBCC only with EmailTo.
	EmailTo  []string `json:"email_to,omitempty"`
	EmailCC  []string `json:"email_cc,omitempty"`
	EmailBCC []string `json:"email_bcc,omitempty"`
}

// Validate applies the reference's rules: the required fields, the length
// of external_id, the account number's characters (and BCA's 10 digits), a
// positive whole amount, and at most three addresses per email list, CC
// and BCC only with To.
func (p *CreateDisbursementParams) Validate() error {
	return product.First(
		product.Required("external_id", p.ExternalID),
		product.MaxLen("external_id", p.ExternalID, maxExternalIDLen),
		product.Required("bank_code", p.BankCode),
		product.Required("account_holder_name", p.AccountHolderName),
		checkAccountNumber("account_number", p.BankCode, p.AccountNumber),
		product.Required("description", p.Description),
		checkAmount("amount", p.Amount),
		checkEmails("", p.EmailTo, p.EmailCC, p.EmailBCC),
	)
}

// checkAccountNumber applies the reference's account_number rules: numeric
// and hyphens, and exactly 10 digits for BCA (RECIPIENT_ACCOUNT_NUMBER_ERROR
// otherwise).
func checkAccountNumber(field, bank, number string) error {
	if number == "" {
		return xendit.Invalid(field, "is required")
	}
	for _, r := range number {
		if (r < '0' || r > '9') && r != '-' {
			return xendit.Invalid(field, "may hold only digits and hyphens")
		}
	}
	if bank == BankBCA && len(number) != bcaAccountLen {
		return xendit.Invalid(field, "must be %d digits for BCA, got %d characters", bcaAccountLen, len(number))
	}
	return nil
}

// checkAmount requires a positive whole amount: the reference allows
// "numerical integers, no decimals".
func checkAmount(field string, amount float64) error {
	switch {
	case amount <= 0:
		return xendit.Invalid(field, "must be positive, got %v", amount)
	case amount != math.Trunc(amount):
		return xendit.Invalid(field, "must be a whole number, got %v", amount)
	}
	return nil
}

// checkEmails applies the email lists' rules; prefix names the item of a
// batch ("disbursements[2].").
func checkEmails(prefix string, to, cc, bcc []string) error {
	for _, l := range []struct {
		name string
		list []string
	}{{"email_to", to}, {"email_cc", cc}, {"email_bcc", bcc}} {
		if len(l.list) > maxEmails {
			return xendit.Invalid(prefix+l.name, "accepts at most %d addresses, got %d", maxEmails, len(l.list))
		}
	}
	if len(to) == 0 && (len(cc) > 0 || len(bcc) > 0) {
		return xendit.Invalid(prefix+"email_to", "is required with email_cc or email_bcc")
	}
	return nil
}

// Disbursement is a transfer out of your balance, as the disbursement
// endpoints return it and the disbursement callback carries it.
type Disbursement struct {
	ID         string `json:"id"`
	ExternalID string `json:"external_id"`
	// UserID is your Xendit business id.
	UserID            string `json:"user_id"`
	BankCode          string `json:"bank_code"`
	AccountHolderName string `json:"account_holder_name"`
	// AccountNumber is in the callback only.
	AccountNumber string  `json:"account_number,omitempty"`
	Amount        float64 `json:"amount"`
	// DisbursementDescription is the Description sent at creation.
	DisbursementDescription string      `json:"disbursement_description"`
	Status                  Status      `json:"status"`
	FailureCode             FailureCode `json:"failure_code,omitempty"`
	// The email lists are sent back only when they were given.
	EmailTo  []string `json:"email_to,omitzero"`
	EmailCC  []string `json:"email_cc,omitzero"`
	EmailBCC []string `json:"email_bcc,omitzero"`
	// IsInstant, Created and Updated are in the callback only.
	IsInstant *bool       `json:"is_instant,omitzero"`
	Created   xendit.Time `json:"created,omitzero"`
	Updated   xendit.Time `json:"updated,omitzero"`
}

// CreateDisbursement sends money to a bank account or e-wallet. The
// disbursement is PENDING; the outcome arrives in the disbursement
// callback ([Callback]) and through [Client.GetDisbursement].
//
// It sends an X-IDEMPOTENCY-KEY, generated once per call unless
// [xendit.WithIdempotencyKey] gives one, and reused on every retry: Xendit
// answers a repeated key with the first disbursement, so a retry after a
// lost answer does not pay twice. The key is on [xendit.Response] (through
// [xendit.CaptureResponse]) and on every [*xendit.Error]; after an error
// for which [xendit.OutcomeUnknown] holds, repeat the call with that key,
// or look the disbursement up by external_id (see the package doc).
//
// API: POST /disbursements
func (s *Client) CreateDisbursement(ctx context.Context, params *CreateDisbursementParams, opts ...xendit.RequestOption) (*Disbursement, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return product.Do[Disbursement](ctx, s.c, &xendit.Request{Endpoint: createDisbursement, Body: params, Options: opts})
}

// GetDisbursement returns a disbursement by the id Xendit gave it.
//
// API: GET /disbursements/{disbursement_id}
func (s *Client) GetDisbursement(ctx context.Context, disbursementID string, opts ...xendit.RequestOption) (*Disbursement, error) {
	return product.Do[Disbursement](ctx, s.c, &xendit.Request{Endpoint: getDisbursement,
		PathParams: map[string]string{"disbursement_id": disbursementID}, Options: opts})
}

// ListDisbursementsByExternalID returns every disbursement created with
// externalID (Xendit does not keep external ids unique). The API answers
// all of them at once, so the page's HasMore is false. Xendit answers 404
// DIRECT_DISBURSEMENT_NOT_FOUND_ERROR when there is none; the SDK turns
// that into an empty page, so that "no disbursement was made" reads the
// same as any other answer: it is how a CreateDisbursement that ended with
// [xendit.OutcomeUnknown] is reconciled.
//
// API: GET /disbursements
func (s *Client) ListDisbursementsByExternalID(ctx context.Context, externalID string, opts ...xendit.RequestOption) (*xendit.Page[Disbursement], error) {
	if err := product.Required("external_id", externalID); err != nil {
		return nil, err
	}
	req := &xendit.Request{Endpoint: listDisbursementsByExternalID, Query: url.Values{"external_id": {externalID}}, Options: opts}
	list, err := product.Do[[]Disbursement](ctx, s.c, req)
	var xe *xendit.Error
	switch {
	case errors.As(err, &xe) && xe.Code == CodeNotFound:
		return &xendit.Page[Disbursement]{Data: []Disbursement{}}, nil
	case err != nil:
		return nil, err
	}
	return bare(*list), nil
}

// AllDisbursementsByExternalID returns every disbursement created with
// externalID. The API sends them in one answer today; the walk is there so
// that code written against it keeps working if Xendit adds paging.
//
// API: GET /disbursements
func (s *Client) AllDisbursementsByExternalID(ctx context.Context, externalID string, opts ...xendit.RequestOption) iter.Seq2[*Disbursement, error] {
	return onePage(ctx, func(ctx context.Context) (*xendit.Page[Disbursement], error) {
		return s.ListDisbursementsByExternalID(ctx, externalID, opts...)
	})
}

// bare is a bare array as a page: all there is, HasMore false, Data empty
// rather than nil.
func bare[T any](list []T) *xendit.Page[T] {
	if list == nil {
		list = []T{}
	}
	return &xendit.Page[T]{Data: list}
}

// onePage walks an endpoint that answers everything at once. No cursor is
// documented: a page saying has_more ends the walk with
// xendit.ErrPagination instead of repeating the first page.
func onePage[T any](ctx context.Context, list func(context.Context) (*xendit.Page[T], error)) iter.Seq2[*T, error] {
	fetch := func(ctx context.Context, _ string) (*xendit.Page[T], error) { return list(ctx) }
	return pager.All(ctx, "", fetch, func(*xendit.Page[T]) string { return "" })
}
