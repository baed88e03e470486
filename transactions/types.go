package transactions

import "github.com/seed19b1029f/xendit-go"

// Transaction is one movement of money. Amounts are float64: IDR amounts are
// whole, other currencies may have decimals. Fee and NetAmount are
// documented as always present, but the reference's Get and List examples
// leave them out, so they are optional here.
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
	AccountIdentifier *string     `json:"account_identifier,omitzero"`
	Currency          string      `json:"currency"`
	Amount            float64     `json:"amount"`
	NetAmount         *float64    `json:"net_amount,omitzero"`
	Cashflow          Cashflow    `json:"cashflow"`
	BusinessID        string      `json:"business_id"`
	Created           xendit.Time `json:"created"`
	Updated           xendit.Time `json:"updated"`
	Fee               *Fee        `json:"fee,omitzero"`
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
	Disbursement     Type = "DISBURSEMENT"
	Payment          Type = "PAYMENT"
	RemittancePayout Type = "REMITTANCE_PAYOUT"
	Transfer         Type = "TRANSFER"
	Refund           Type = "REFUND"
)

// Status is the state of a transaction.
type Status string

// The documented transaction statuses.
const (
	Pending  Status = "PENDING"
	Success  Status = "SUCCESS"
	Failed   Status = "FAILED"
	Voided   Status = "VOIDED"
	Reversed Status = "REVERSED"
)

// ChannelCategory is the family of payment channels a transaction went
// through.
type ChannelCategory string

// The documented channel categories.
const (
	Bank           ChannelCategory = "BANK"
	Cash           ChannelCategory = "CASH"
	Cards          ChannelCategory = "CARDS"
	CardlessCredit ChannelCategory = "CARDLESS_CREDIT"
	DirectDebit    ChannelCategory = "DIRECT_DEBIT"
	EWallet        ChannelCategory = "EWALLET"
	PayLater       ChannelCategory = "PAYLATER"
	QRCode         ChannelCategory = "QR_CODE"
	RetailOutlet   ChannelCategory = "RETAIL_OUTLET"
	VirtualAccount ChannelCategory = "VIRTUAL_ACCOUNT"
	XenPlatform    ChannelCategory = "XENPLATFORM"
)

// Cashflow says whether money came in or went out.
type Cashflow string

// The documented cash flows.
const (
	MoneyIn  Cashflow = "MONEY_IN"
	MoneyOut Cashflow = "MONEY_OUT"
)

// FeeStatus is the state of a fee. The API spells CANCELED with one L.
type FeeStatus string

// The documented fee statuses.
const (
	FeePending   FeeStatus = "PENDING"
	FeeCompleted FeeStatus = "COMPLETED"
	FeeCanceled  FeeStatus = "CANCELED"
	FeeReversed  FeeStatus = "REVERSED"
)

// SettlementStatus says whether money in has reached the balance.
type SettlementStatus string

// The documented settlement statuses.
const (
	SettlementPending SettlementStatus = "PENDING"
	Settled           SettlementStatus = "SETTLED"
)
