package invoices

import (
	"bytes"
	"context"
	"encoding/json"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

// Error codes of the Invoices API.
const (
	CodeInvoiceNotFound = "INVOICE_NOT_FOUND_ERROR"
)

var (
	createInvoice = xendit.MustEndpoint("invoices.create_invoice")
	getInvoice    = xendit.MustEndpoint("invoices.get_invoice")
	expireInvoice = xendit.MustEndpoint("invoices.expire_invoice")
)

// Create creates an invoice and returns it PENDING, with InvoiceURL, the
// hosted checkout page to send the customer to. For a xenPlatform
// sub-account pass [xendit.ForUserID]; to split the payment,
// [xendit.WithSplitRule] (Xendit then answers with the split_rule_id
// header, readable through [xendit.CaptureResponse]).
//
// Create Invoice has no idempotency header, so the SDK never sends it
// twice: after an error for which [xendit.OutcomeUnknown] is true the
// invoice may or may not exist. Look it up with [Client.ListByExternalID]
// before creating it again.
//
// API: POST /v2/invoices
func (s *Client) Create(ctx context.Context, params *CreateParams, opts ...xendit.RequestOption) (*Invoice, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	req := &xendit.Request{Endpoint: createInvoice, Body: params, Options: opts}
	return product.Do[Invoice](ctx, s.c, req)
}

// Get returns the invoice with the given id.
//
// API: GET /v2/invoices/{invoice_id}
func (s *Client) Get(ctx context.Context, invoiceID string, opts ...xendit.RequestOption) (*Invoice, error) {
	req := &xendit.Request{Endpoint: getInvoice, PathParams: map[string]string{"invoice_id": invoiceID}, Options: opts}
	return product.Do[Invoice](ctx, s.c, req)
}

// Expire cancels a PENDING invoice at once and returns it EXPIRED. Pool
// virtual accounts, retail outlet codes and card payment close with it; a
// fixed virtual account does not. An invoice that is already paid cannot
// be expired. The path is unversioned and ends in "!", sent as is.
//
// API: POST /invoices/{invoice_id}/expire!
func (s *Client) Expire(ctx context.Context, invoiceID string, opts ...xendit.RequestOption) (*Invoice, error) {
	req := &xendit.Request{Endpoint: expireInvoice, PathParams: map[string]string{"invoice_id": invoiceID}, Options: opts}
	return product.Do[Invoice](ctx, s.c, req)
}

// Invoice is an invoice as Get, Create, Expire and List return it. Fields
// the API sends only in some states (PaidAt once paid, PaymentMethod and
// PaymentChannel once paid, Currency when given at creation) are empty
// otherwise.
type Invoice struct {
	ID string `json:"id"`
	// ExternalID is the id you gave at creation; not unique at Xendit.
	ExternalID string `json:"external_id"`
	// UserID is your Xendit business id.
	UserID                    string          `json:"user_id"`
	Status                    Status          `json:"status"`
	MerchantName              string          `json:"merchant_name"`
	MerchantProfilePictureURL string          `json:"merchant_profile_picture_url,omitzero"`
	Amount                    float64         `json:"amount"`
	Currency                  xendit.Currency `json:"currency,omitzero"`
	Description               string          `json:"description,omitzero"`
	PayerEmail                string          `json:"payer_email,omitzero"`
	// InvoiceURL is the hosted checkout page.
	InvoiceURL string      `json:"invoice_url,omitzero"`
	ExpiryDate xendit.Time `json:"expiry_date,omitzero"`
	Created    xendit.Time `json:"created"`
	Updated    xendit.Time `json:"updated"`
	PaidAt     xendit.Time `json:"paid_at,omitzero"`
	// ReminderDate is when the reminder goes out, for an invoice created
	// with a ReminderTime.
	ReminderDate xendit.Time `json:"reminder_date,omitzero"`
	// PaidAmount, AdjustedReceivedAmount and FeesPaidAmount are set once
	// paid.
	PaidAmount             *float64      `json:"paid_amount,omitzero"`
	AdjustedReceivedAmount *float64      `json:"adjusted_received_amount,omitzero"`
	FeesPaidAmount         *float64      `json:"fees_paid_amount,omitzero"`
	PaymentMethod          PaymentMethod `json:"payment_method,omitzero"`
	// PaymentChannel is the channel paid through (BCA, ALFAMART, OVO, ...).
	PaymentChannel string `json:"payment_channel,omitzero"`
	// PaymentDestination is the virtual account number or retail outlet
	// code paid into; empty for cards and e-wallets.
	PaymentDestination string          `json:"payment_destination,omitzero"`
	PaymentDetails     *PaymentDetails `json:"payment_details,omitzero"`
	// PaymentID identifies the e-wallet, PayLater or QR payment behind
	// the invoice.
	PaymentID          string `json:"payment_id,omitzero"`
	BankCode           string `json:"bank_code,omitzero"`
	EWalletType        string `json:"ewallet_type,omitzero"`
	CreditCardChargeID string `json:"credit_card_charge_id,omitzero"`
	MidLabel           string `json:"mid_label,omitzero"`
	Locale             string `json:"locale,omitzero"`
	OnDemandLink       string `json:"on_demand_link,omitzero"`
	RecurringPaymentID string `json:"recurring_payment_id,omitzero"`
	SuccessRedirectURL string `json:"success_redirect_url,omitzero"`
	FailureRedirectURL string `json:"failure_redirect_url,omitzero"`

	AvailableBanks         []AvailableBank         `json:"available_banks,omitzero"`
	AvailableRetailOutlets []AvailableRetailOutlet `json:"available_retail_outlets,omitzero"`
	AvailableEWallets      []AvailableEWallet      `json:"available_ewallets,omitzero"`
	AvailableQRCodes       []AvailableQRCode       `json:"available_qr_codes,omitzero"`
	AvailableDirectDebits  []AvailableDirectDebit  `json:"available_direct_debits,omitzero"`
	AvailablePayLaters     []AvailablePayLater     `json:"available_paylaters,omitzero"`

	ShouldExcludeCreditCard      bool  `json:"should_exclude_credit_card"`
	ShouldSendEmail              bool  `json:"should_send_email"`
	ShouldAuthenticateCreditCard *bool `json:"should_authenticate_credit_card,omitzero"`
	// FixedVA is deprecated by Xendit.
	FixedVA *bool `json:"fixed_va,omitzero"`

	Customer                       *Customer                       `json:"customer,omitzero"`
	CustomerNotificationPreference *CustomerNotificationPreference `json:"customer_notification_preference,omitzero"`
	Items                          []Item                          `json:"items,omitzero"`
	Fees                           []Fee                           `json:"fees,omitzero"`
	ChannelProperties              *ChannelProperties              `json:"channel_properties,omitzero"`
	Metadata                       map[string]any                  `json:"metadata,omitzero"`
}

// PaymentDetails are the QRIS details of a payment.
type PaymentDetails struct {
	// ReceiptID is the reference number shared across the QR network.
	ReceiptID string `json:"receipt_id,omitzero"`
	// Source is where the payer's balance came from ("OVO", "GOPAY"): a
	// string, although the callback table types it as a number (see the
	// package doc).
	Source string `json:"source,omitzero"`
}

// AvailableBank is a bank the invoice can be paid to.
type AvailableBank struct {
	BankCode       string `json:"bank_code"`
	CollectionType string `json:"collection_type"`
	// BankAccountNumber is the virtual account number: a string in Get
	// Invoice's example, a number in Expire Invoice's; both decode.
	BankAccountNumber *AccountNumber `json:"bank_account_number,omitzero"`
	// TransferAmount is deprecated by Xendit.
	TransferAmount    float64  `json:"transfer_amount"`
	BankBranch        string   `json:"bank_branch,omitzero"`
	AccountHolderName string   `json:"account_holder_name,omitzero"`
	IdentityAmount    *float64 `json:"identity_amount,omitzero"`
}

// AccountNumber is a virtual account number, received as a JSON string or
// number; it re-encodes as it was received.
type AccountNumber struct {
	digits string
	raw    json.RawMessage
}

// String returns the number's digits.
func (n AccountNumber) String() string { return n.digits }

// UnmarshalJSON accepts a string or a number.
func (n *AccountNumber) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	n.raw = append(json.RawMessage(nil), b...)
	if len(b) > 0 && b[0] == '"' {
		return json.Unmarshal(b, &n.digits)
	}
	var num json.Number
	if err := json.Unmarshal(b, &num); err != nil {
		return err
	}
	n.digits = num.String()
	return nil
}

// MarshalJSON encodes the number as received, or as a string.
func (n AccountNumber) MarshalJSON() ([]byte, error) {
	if n.raw != nil {
		return n.raw, nil
	}
	return json.Marshal(n.digits)
}

// AvailableRetailOutlet is a retail outlet the invoice can be paid at.
type AvailableRetailOutlet struct {
	RetailOutletName string   `json:"retail_outlet_name"`
	PaymentCode      string   `json:"payment_code,omitzero"`
	TransferAmount   *float64 `json:"transfer_amount,omitzero"`
}

// AvailableEWallet is an e-wallet the invoice can be paid with.
type AvailableEWallet struct {
	EWalletType string `json:"ewallet_type"`
}

// AvailableQRCode is a QR code type the invoice can be paid with.
type AvailableQRCode struct {
	QRCodeType string `json:"qr_code_type"`
}

// AvailableDirectDebit is a direct debit the invoice can be paid with.
type AvailableDirectDebit struct {
	DirectDebitType string `json:"direct_debit_type"`
}

// AvailablePayLater is a PayLater provider the invoice can be paid with.
type AvailablePayLater struct {
	PayLaterType string `json:"paylater_type"`
}

// Status is the state of an invoice: PENDING until paid or expired, PAID
// once paid, SETTLED once the money reached the balance. Statuses the SDK
// does not list still decode.
type Status string

// The documented invoice statuses.
const (
	StatusPending Status = "PENDING"
	StatusPaid    Status = "PAID"
	StatusSettled Status = "SETTLED"
	StatusExpired Status = "EXPIRED"
)

// Succeeded reports whether the customer paid (PAID or SETTLED).
func (s Status) Succeeded() bool { return s == StatusPaid || s == StatusSettled }

// Pending reports whether the invoice still waits for payment.
func (s Status) Pending() bool { return s == StatusPending }

// Failed reports whether the invoice expired unpaid.
func (s Status) Failed() bool { return s == StatusExpired }

// PaymentMethod is the kind of payment that paid an invoice.
type PaymentMethod string

// The documented payment methods.
const (
	PaymentMethodBankTransfer PaymentMethod = "BANK_TRANSFER"
	PaymentMethodCreditCard   PaymentMethod = "CREDIT_CARD"
	PaymentMethodRetailOutlet PaymentMethod = "RETAIL_OUTLET"
	PaymentMethodEWallet      PaymentMethod = "EWALLET"
	PaymentMethodDirectDebit  PaymentMethod = "DIRECT_DEBIT"
	PaymentMethodPayLater     PaymentMethod = "PAYLATER"
	PaymentMethodQRCode       PaymentMethod = "QR_CODE"
)
