package disbursements

import (
	"context"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var createBatch = xendit.MustEndpoint("disbursements.create_batch")

// MaxBatchItems is the most disbursements one batch may hold; Xendit
// refuses more with BATCH_DISBURSEMENT_MAXIMUM_ROWS_LIMIT_EXCEEDED_ERROR.
const MaxBatchItems = 1000

// CodeBatchRowsLimitExceeded is Create Batch Disbursement's error for more
// than [MaxBatchItems] disbursements.
const CodeBatchRowsLimitExceeded = "BATCH_DISBURSEMENT_MAXIMUM_ROWS_LIMIT_EXCEEDED_ERROR"

// BatchStatus is the state of a batch: UPLOADING when created, then, as
// the batch callback reports, COMPLETED (every disbursement paid), CHECK
// (some paid: read each item's Status), FAILED (none paid) or DELETED.
type BatchStatus string

// The documented batch statuses.
const (
	BatchStatusUploading BatchStatus = "UPLOADING"
	BatchStatusCompleted BatchStatus = "COMPLETED"
	BatchStatusCheck     BatchStatus = "CHECK"
	BatchStatusDeleted   BatchStatus = "DELETED"
	BatchStatusFailed    BatchStatus = "FAILED"
)

// Succeeded reports whether every disbursement of the batch was paid.
func (s BatchStatus) Succeeded() bool { return s == BatchStatusCompleted }

// Pending reports whether the batch is still being uploaded and checked.
func (s BatchStatus) Pending() bool { return s == BatchStatusUploading }

// Failed reports whether nothing of the batch was paid (FAILED, DELETED).
// CHECK is neither Succeeded nor Failed: some items were paid.
func (s BatchStatus) Failed() bool { return s == BatchStatusFailed || s == BatchStatusDeleted }

// CreateBatchParams is the body of Create Batch Disbursement.
type CreateBatchParams struct {
	// Reference is your id for the batch.
	Reference     string      `json:"reference"`
	Disbursements []BatchItem `json:"disbursements"`
}

// BatchItem is one disbursement of a batch. Its field names differ from
// Create Disbursement's (bank_account_name, bank_account_number).
type BatchItem struct {
	// Amount is a whole number of rupiah.
	Amount            float64 `json:"amount"`
	BankCode          string  `json:"bank_code"`
	BankAccountName   string  `json:"bank_account_name"`
	BankAccountNumber string  `json:"bank_account_number"`
	Description       string  `json:"description"`
	// ExternalID is your id for this disbursement.
	ExternalID *string  `json:"external_id,omitempty"`
	EmailTo    []string `json:"email_to,omitempty"`
	EmailCC    []string `json:"email_cc,omitempty"`
	EmailBCC   []string `json:"email_bcc,omitempty"`
}

// Validate applies the reference's rules: a reference, 1 to
// [MaxBatchItems] disbursements, and for each the required fields, a
// positive whole amount and the email lists' limits. The account-number
// rules of Create Disbursement are not applied: the batch section does not
// document them, and its own example sends an 8-digit BCA account.
func (p *CreateBatchParams) Validate() error {
	if err := product.Required("reference", p.Reference); err != nil {
		return err
	}
	switch n := len(p.Disbursements); {
	case n == 0:
		return xendit.Invalid("disbursements", "is required")
	case n > MaxBatchItems:
		return xendit.Invalid("disbursements", "holds at most %d items, got %d", MaxBatchItems, n)
	}
	for i := range p.Disbursements {
		if err := p.Disbursements[i].check(i); err != nil {
			return err
		}
	}
	return nil
}

func (b *BatchItem) check(i int) error {
	it := product.ItemOf("disbursements", i)
	return product.First(
		checkAmount(it.Field("amount"), b.Amount),
		it.Required("bank_code", b.BankCode),
		it.Required("bank_account_name", b.BankAccountName),
		it.Required("bank_account_number", b.BankAccountNumber),
		it.Required("description", b.Description),
		checkEmails(it.Field(""), b.EmailTo, b.EmailCC, b.EmailBCC),
	)
}

// Batch is a batch disbursement: as Create Batch Disbursement returns it
// (id, reference, status UPLOADING and the uploaded totals) and as the
// batch callback carries it, with the outcome of each disbursement.
type Batch struct {
	ID                  string      `json:"id"`
	Reference           string      `json:"reference"`
	Status              BatchStatus `json:"status"`
	Created             xendit.Time `json:"created"`
	TotalUploadedCount  int         `json:"total_uploaded_count"`
	TotalUploadedAmount float64     `json:"total_uploaded_amount"`

	// The rest is in the callback only.
	Updated xendit.Time `json:"updated,omitzero"`
	// UserID is your Xendit business id.
	UserID     string      `json:"user_id,omitempty"`
	ApprovedAt xendit.Time `json:"approved_at,omitzero"`
	// ApproverID is the Dashboard user who approved the batch.
	ApproverID           string  `json:"approver_id,omitempty"`
	TotalDisbursedCount  int     `json:"total_disbursed_count"`
	TotalDisbursedAmount float64 `json:"total_disbursed_amount"`
	TotalErrorCount      int     `json:"total_error_count"`
	TotalErrorAmount     float64 `json:"total_error_amount"`
	// Disbursements are the batch's items and their outcome.
	Disbursements []BatchDisbursement `json:"disbursements,omitzero"`
}

// BatchDisbursement is one item of a batch in the batch callback. Unlike
// the request's, its email fields are single strings (reference lines
// 23867-23869 and the example at line 23820).
type BatchDisbursement struct {
	ID                string      `json:"id"`
	Created           xendit.Time `json:"created"`
	Updated           xendit.Time `json:"updated"`
	ExternalID        string      `json:"external_id"`
	Amount            float64     `json:"amount"`
	BankCode          string      `json:"bank_code"`
	BankAccountNumber string      `json:"bank_account_number"`
	BankAccountName   string      `json:"bank_account_name"`
	Description       string      `json:"description"`
	EmailTo           string      `json:"email_to,omitempty"`
	EmailCC           string      `json:"email_cc,omitempty"`
	EmailBCC          string      `json:"email_bcc,omitempty"`
	// Status is COMPLETED or FAILED.
	Status Status `json:"status"`
	// ValidName is the account holder's name as the receiving bank has it.
	ValidName string `json:"valid_name,omitempty"`
	// BankReference is the bank's transaction reference.
	BankReference  string      `json:"bank_reference,omitempty"`
	FailureCode    FailureCode `json:"failure_code,omitempty"`
	FailureMessage string      `json:"failure_message,omitempty"`
}

// CreateBatch sends up to [MaxBatchItems] disbursements in one request.
// The batch is UPLOADING; it is approved in the Dashboard, and its outcome
// arrives in the batch callback ([Callback].Batch). Xendit documents no
// endpoint to read a batch back.
//
// It sends an X-IDEMPOTENCY-KEY, generated once per call unless
// [xendit.WithIdempotencyKey] gives one, and reused on every retry, as
// [Client.CreateDisbursement] does.
//
// API: POST /batch_disbursements
func (s *Client) CreateBatch(ctx context.Context, params *CreateBatchParams, opts ...xendit.RequestOption) (*Batch, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return product.Do[Batch](ctx, s.c, &xendit.Request{Endpoint: createBatch, Body: params, Options: opts})
}
