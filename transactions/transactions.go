package transactions

import (
	"context"
	"iter"
	"net/url"
	"strconv"
	"time"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/pager"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

// Error codes of the Transactions API.
const (
	CodeNotFound            = "TRANSACTION_NOT_FOUND"
	CodeFeatureNotAvailable = "FEATURE_NOT_AVAILABLE"
)

var (
	getTransaction   = xendit.MustEndpoint("transactions.get_transaction")
	listTransactions = xendit.MustEndpoint("transactions.list_transactions")
)

// Get returns the transaction with the given id (txn_...).
//
// API: GET /transactions/{transaction_id}
func (s *Client) Get(ctx context.Context, transactionID string, opts ...xendit.RequestOption) (*Transaction, error) {
	req := &xendit.Request{Endpoint: getTransaction, PathParams: map[string]string{"transaction_id": transactionID}, Options: opts}
	return product.Do[Transaction](ctx, s.c, req)
}

// ListParams filters and pages List and All. Currency is required; every
// other field is optional.
type ListParams struct {
	// Currency selects the transactions listed. Required here: the API
	// would default to IDR and drop other currencies silently.
	Currency          xendit.Currency
	Types             []Type
	Statuses          []Status
	ChannelCategories []ChannelCategory
	// ReferenceID matches partially and case-sensitively.
	ReferenceID *string
	// ProductID and AccountIdentifier match exactly.
	ProductID         *string
	AccountIdentifier *string
	// Amount matches exactly.
	Amount *float64
	// CreatedFrom, CreatedTo, UpdatedFrom and UpdatedTo bound the times
	// (created[gte], created[lte], updated[gte], updated[lte]); the zero
	// time leaves a bound out.
	CreatedFrom, CreatedTo time.Time
	UpdatedFrom, UpdatedTo time.Time
	// Limit is the page size, 1 to 50; nil means the API's default of 10.
	Limit *int
	// AfterID and BeforeID (at most one) page from a transaction id. All
	// starts after AfterID and refuses BeforeID: it pages forward.
	AfterID, BeforeID *string
}

const maxLimit = 50

// Validate applies the documented rules: a three-letter currency, a page
// size between 1 and 50, and at most one of after_id and before_id.
func (p *ListParams) Validate() error {
	switch {
	case p.Currency == "":
		return xendit.Invalid("currency", "is required: without it Xendit lists IDR transactions only; pass \"IDR\" to mean that")
	case p.AfterID != nil && p.BeforeID != nil:
		return xendit.Invalid("after_id", "and before_id cannot both be set")
	}
	return product.First(product.Limit("limit", p.Limit, 1, maxLimit), product.Currency("currency", string(p.Currency)))
}

func (p *ListParams) query() url.Values {
	q := url.Values{"currency": {string(p.Currency)}}
	addAll(q, "types", p.Types)
	addAll(q, "statuses", p.Statuses)
	addAll(q, "channel_categories", p.ChannelCategories)
	for k, v := range map[string]*string{
		"reference_id": p.ReferenceID, "product_id": p.ProductID, "account_identifier": p.AccountIdentifier,
		"after_id": p.AfterID, "before_id": p.BeforeID,
	} {
		if v != nil {
			q.Set(k, *v)
		}
	}
	if p.Amount != nil {
		q.Set("amount", strconv.FormatFloat(*p.Amount, 'f', -1, 64))
	}
	product.SetTimes(q, p.CreatedFrom, p.CreatedTo, p.UpdatedFrom, p.UpdatedTo)
	product.SetLimit(q, p.Limit)
	return q
}

// addAll adds each value under key: repeated keys, as the API documents.
func addAll[T ~string](q url.Values, key string, values []T) {
	for _, v := range values {
		q.Add(key, string(v))
	}
}

// List returns one page of transactions.
//
// API: GET /transactions
func (s *Client) List(ctx context.Context, params *ListParams, opts ...xendit.RequestOption) (*xendit.Page[Transaction], error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	req := &xendit.Request{Endpoint: listTransactions, Query: params.query(), Options: opts}
	return product.Do[xendit.Page[Transaction]](ctx, s.c, req)
}

// All returns every transaction that params selects, newest first, fetching
// pages as the loop needs them: each page starts after the last transaction
// of the one before (after_id). It yields an error and stops on the first
// failed page, fetches nothing more when the loop breaks, and stops with
// [xendit.ErrPagination] instead of looping if the API hands back a cursor
// it already used. params.BeforeID is refused: All pages forward. opts
// apply to every page, so [xendit.CaptureResponse] holds the response of the
// page being read.
//
// API: GET /transactions
func (s *Client) All(ctx context.Context, params *ListParams, opts ...xendit.RequestOption) iter.Seq2[*Transaction, error] {
	if err := product.Check(params); err != nil {
		return pager.Failed[Transaction](err)
	}
	if params.BeforeID != nil {
		return pager.Failed[Transaction](xendit.Invalid("before_id", "is not supported by All, which pages forward; use List"))
	}
	list := func(ctx context.Context, p *ListParams) (*xendit.Page[Transaction], error) {
		return s.List(ctx, p, opts...)
	}
	return pager.ByAfterID(ctx, params, func(p *ListParams) **string { return &p.AfterID }, list, func(t *Transaction) string { return t.ID })
}

// Transaction is one movement of money. Amounts are float64: IDR amounts are
// whole, other currencies may have decimals (see [xendit.Currency]). Fee
// and NetAmount are documented as always present, but the reference's Get
// and List examples leave them out, so they are optional here.
type Transaction struct {
	// ID is "txn_" and a UUID.
	ID string `json:"id"`
	// ProductID is the id of the payment, disbursement, ... behind the
	// transaction; its prefix depends on the product.
	ProductID       string          `json:"product_id"`
	Type            Type            `json:"type"`
	Status          Status          `json:"status"`
	ChannelCategory ChannelCategory `json:"channel_category"`
	// ChannelCode may be null (Xendit's OpenAPI file); a null stays out
	// when the transaction is encoded again, not "".
	ChannelCode string `json:"channel_code,omitzero"`
	ReferenceID string `json:"reference_id"`
	// AccountIdentifier is null in every example of the reference.
	AccountIdentifier *string         `json:"account_identifier,omitzero"`
	Currency          xendit.Currency `json:"currency"`
	Amount            float64         `json:"amount"`
	NetAmount         *float64        `json:"net_amount,omitzero"`
	Cashflow          Cashflow        `json:"cashflow"`
	BusinessID        string          `json:"business_id"`
	Created           xendit.Time     `json:"created"`
	Updated           xendit.Time     `json:"updated"`
	Fee               *Fee            `json:"fee,omitzero"`
	// SettlementStatus and EstimatedSettlementTime are empty (null) for
	// money out.
	SettlementStatus        SettlementStatus `json:"settlement_status,omitzero"`
	EstimatedSettlementTime xendit.Time      `json:"estimated_settlement_time"`
}

// Fee is what Xendit charged for a transaction.
type Fee struct {
	XenditFee                float64   `json:"xendit_fee"`
	ValueAddedTax            float64   `json:"value_added_tax"`
	XenditWithholdingTax     float64   `json:"xendit_withholding_tax"`
	ThirdPartyWithholdingTax float64   `json:"third_party_withholding_tax"`
	Status                   FeeStatus `json:"status"`
}

// Type is the kind of a transaction.
type Type string

// The documented transaction types.
const (
	TypeDisbursement     Type = "DISBURSEMENT"
	TypePayment          Type = "PAYMENT"
	TypeRemittancePayout Type = "REMITTANCE_PAYOUT"
	TypeTransfer         Type = "TRANSFER"
	TypeRefund           Type = "REFUND"
)

// Status is the state of a transaction.
type Status string

// The documented transaction statuses.
const (
	StatusPending  Status = "PENDING"
	StatusSuccess  Status = "SUCCESS"
	StatusFailed   Status = "FAILED"
	StatusVoided   Status = "VOIDED"
	StatusReversed Status = "REVERSED"
)

// Succeeded reports whether the money moved (SUCCESS).
func (s Status) Succeeded() bool { return s == StatusSuccess }

// Pending reports whether the transaction is still in progress.
func (s Status) Pending() bool { return s == StatusPending }

// Failed reports whether the transaction failed (FAILED). A VOIDED or
// REVERSED one is neither failed nor succeeded: it was undone.
func (s Status) Failed() bool { return s == StatusFailed }

// ChannelCategory is the family of payment channels a transaction went
// through.
type ChannelCategory string

// The documented channel categories.
const (
	ChannelCategoryBank           ChannelCategory = "BANK"
	ChannelCategoryCash           ChannelCategory = "CASH"
	ChannelCategoryCards          ChannelCategory = "CARDS"
	ChannelCategoryCardlessCredit ChannelCategory = "CARDLESS_CREDIT"
	ChannelCategoryDirectDebit    ChannelCategory = "DIRECT_DEBIT"
	ChannelCategoryEWallet        ChannelCategory = "EWALLET"
	ChannelCategoryPayLater       ChannelCategory = "PAYLATER"
	ChannelCategoryQRCode         ChannelCategory = "QR_CODE"
	ChannelCategoryRetailOutlet   ChannelCategory = "RETAIL_OUTLET"
	ChannelCategoryVirtualAccount ChannelCategory = "VIRTUAL_ACCOUNT"
	ChannelCategoryXenPlatform    ChannelCategory = "XENPLATFORM"
)

// Cashflow says whether money came in or went out.
type Cashflow string

// The documented cash flows.
const (
	CashflowMoneyIn  Cashflow = "MONEY_IN"
	CashflowMoneyOut Cashflow = "MONEY_OUT"
)

// FeeStatus is the state of a fee. The API spells CANCELED with one L.
type FeeStatus string

// The documented fee statuses.
const (
	FeeStatusPending   FeeStatus = "PENDING"
	FeeStatusCompleted FeeStatus = "COMPLETED"
	FeeStatusCanceled  FeeStatus = "CANCELED"
	FeeStatusReversed  FeeStatus = "REVERSED"
)

// Succeeded reports whether the fee was taken (COMPLETED).
func (s FeeStatus) Succeeded() bool { return s == FeeStatusCompleted }

// SettlementStatus says whether money in has reached the balance.
type SettlementStatus string

// The documented settlement statuses.
const (
	SettlementStatusPending SettlementStatus = "PENDING"
	SettlementStatusSettled SettlementStatus = "SETTLED"
)

// Succeeded reports whether the money reached the balance (SETTLED).
func (s SettlementStatus) Succeeded() bool { return s == SettlementStatusSettled }
