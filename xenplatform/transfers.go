package xenplatform

import (
	"context"
	"math"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var (
	createTransfer         = xendit.MustEndpoint("xenplatform.create_transfer")
	getTransferByReference = xendit.MustEndpoint("xenplatform.get_transfer_by_reference")
)

// Error codes of Create Transfer that a caller may act on.
const (
	// CodeDuplicateReference: a transfer with this reference exists. After
	// an unknown outcome it is likely the first attempt's: read it with
	// GetTransferByReference.
	CodeDuplicateReference = "DUPLICATE_REFERENCE"
	// CodeMismatchPayloadForReference: the reference was used with another
	// amount or other accounts.
	CodeMismatchPayloadForReference = "MISMATCH_PAYLOAD_FOR_REFERENCE"
	// CodeTransferInProgress (425): the reference's transfer is still being
	// processed; read it with GetTransferByReference.
	CodeTransferInProgress         = "TRANSFER_IN_PROGRESS"
	CodeInsufficientBalance        = "INSUFFICIENT_BALANCE"
	CodeInvalidSourceOrDestination = "INVALID_SOURCE_OR_DESTINATION_ERROR"
	CodeInvalidAmount              = "INVALID_AMOUNT"
	CodeAPIKeyEnvironmentNotMatch  = "API_KEY_ENVIRONMENT_NOT_MATCH"
	// CodeSubAccountNotLive: the source or destination (or the for-user-id
	// of any request) is not live; it matches [xendit.ErrSubAccount].
	CodeSubAccountNotLive = xendit.CodeSubAccountNotLive
	CodeDataNotFound      = "DATA_NOT_FOUND"
)

// TransferStatus is the state of a transfer.
type TransferStatus string

// The documented transfer statuses.
const (
	TransferStatusSuccessful TransferStatus = "SUCCESSFUL"
	TransferStatusPending    TransferStatus = "PENDING"
	TransferStatusFailed     TransferStatus = "FAILED"
)

// Succeeded reports whether the money moved (SUCCESSFUL).
func (s TransferStatus) Succeeded() bool { return s == TransferStatusSuccessful }

// Pending reports whether the transfer is still being processed.
func (s TransferStatus) Pending() bool { return s == TransferStatusPending }

// Failed reports whether the transfer failed.
func (s TransferStatus) Failed() bool { return s == TransferStatusFailed }

// Transfer moves balance between the platform's accounts: master to
// sub-account, back, or between sub-accounts. It is in the currency of the
// accounts; it appears in each account's transactions as a TRANSFER on the
// XENPLATFORM channel.
type Transfer struct {
	Created xendit.Time `json:"created"`
	// TransferID is Xendit's id; Reference is the caller's.
	TransferID        string         `json:"transfer_id"`
	Reference         string         `json:"reference"`
	SourceUserID      string         `json:"source_user_id"`
	DestinationUserID string         `json:"destination_user_id"`
	Status            TransferStatus `json:"status"`
	Amount            float64        `json:"amount"`
}

// CreateTransferParams is a transfer. The user ids are the platform's own
// (from the Dashboard's xenPlatform tab) or a sub-account's [Account].ID.
type CreateTransferParams struct {
	// Reference is unique per transfer: the key to find it again.
	Reference         string  `json:"reference"`
	Amount            float64 `json:"amount"`
	SourceUserID      string  `json:"source_user_id"`
	DestinationUserID string  `json:"destination_user_id"`
}

// Validate checks the required fields and the amount: positive, with at
// most two decimals (PHP; IDR takes none, which only the API, knowing the
// accounts' currency, can check).
func (p *CreateTransferParams) Validate() error {
	if err := product.First(product.Required("reference", p.Reference), product.Required("source_user_id", p.SourceUserID),
		product.Required("destination_user_id", p.DestinationUserID)); err != nil {
		return err
	}
	switch {
	case p.Amount <= 0:
		return xendit.Invalid("amount", "must be positive, got %v", p.Amount)
	case math.Abs(p.Amount*100-math.Round(p.Amount*100)) > 1e-6*math.Max(1, p.Amount):
		return xendit.Invalid("amount", "has more than two decimals: %v", p.Amount)
	case p.SourceUserID == p.DestinationUserID:
		return xendit.Invalid("destination_user_id", "is the source account")
	}
	return nil
}

// CreateTransfer moves balance between two of the platform's accounts.
//
// Xendit documents no idempotency header here, so the SDK does not repeat
// the request after an ambiguous failure ([xendit.OutcomeUnknown]): read
// the transfer with GetTransferByReference. Found, it was made; not found
// (ErrNotFound), create it again with the same reference and payload. A
// DUPLICATE_REFERENCE answer ([xendit.ErrDuplicate]) also means the first
// attempt went through.
//
// API: POST /transfers
func (s *Client) CreateTransfer(ctx context.Context, params *CreateTransferParams, opts ...xendit.RequestOption) (*Transfer, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return product.Do[Transfer](ctx, s.c, &xendit.Request{Endpoint: createTransfer, Body: params, Options: opts})
}

// GetTransferByReference returns the transfer made with reference. The
// path holds a literal "reference=" segment, as documented
// (/transfers/reference=transfer001); the SDK escapes the reference.
//
// API: GET /transfers/reference={reference}
func (s *Client) GetTransferByReference(ctx context.Context, reference string, opts ...xendit.RequestOption) (*Transfer, error) {
	req := &xendit.Request{Endpoint: getTransferByReference, PathParams: map[string]string{"reference": reference}, Options: opts}
	return product.Do[Transfer](ctx, s.c, req)
}
