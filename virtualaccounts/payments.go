package virtualaccounts

import (
	"context"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var (
	simulatePayment = xendit.MustEndpoint("virtualaccounts.simulate_payment")
	getPayment      = xendit.MustEndpoint("virtualaccounts.get_payment")
)

// Payment is a payment into a virtual account, as Get Virtual Account
// Payment returns it and as the payment callback carries it.
type Payment struct {
	// ID is the payment's id for support and reconciliation; PaymentID is
	// the one GetPayment takes.
	ID        string `json:"id"`
	PaymentID string `json:"payment_id"`
	// CallbackVirtualAccountID is the id of the account that was paid.
	CallbackVirtualAccountID string `json:"callback_virtual_account_id"`
	OwnerID                  string `json:"owner_id"`
	// ExternalID is the account's external_id: match the payment to your
	// order by it.
	ExternalID   string   `json:"external_id"`
	BankCode     BankCode `json:"bank_code"`
	MerchantCode string   `json:"merchant_code"`
	// AccountNumber is the account's number without the merchant code.
	AccountNumber string          `json:"account_number"`
	Amount        float64         `json:"amount"`
	Currency      xendit.Currency `json:"currency"`
	// Country is absent from Get Virtual Account Payment's example.
	Country              Country     `json:"country,omitempty"`
	TransactionTimestamp xendit.Time `json:"transaction_timestamp"`
	// SenderName is the payer's name (BNC, DBS and SAHABAT_SAMPOERNA).
	SenderName string `json:"sender_name,omitempty"`
	// PaymentDetail is what the bank told about the transfer; nil when
	// it told nothing.
	PaymentDetail *PaymentDetail `json:"payment_detail,omitzero"`
	Created       xendit.Time    `json:"created,omitzero"`
	Updated       xendit.Time    `json:"updated,omitzero"`
}

// PaymentDetail is what the bank tells about a payment; each field comes
// from some banks only.
type PaymentDetail struct {
	PaymentInterface PaymentInterface `json:"payment_interface,omitempty"`
	// Reference is the bank's reference number (BCA and BNC).
	Reference string `json:"reference,omitempty"`
	// Remark is the payer's note (SAHABAT_SAMPOERNA).
	Remark              string `json:"remark,omitempty"`
	SenderAccountNumber string `json:"sender_account_number,omitempty"`
	SenderChannelCode   string `json:"sender_channel_code,omitempty"`
	SenderName          string `json:"sender_name,omitempty"`
	// TransferMethod is how the money moved between banks (BNC).
	TransferMethod TransferMethod `json:"transfer_method,omitempty"`
	// Network is the network of a Philippine bank transfer.
	Network Network `json:"network,omitempty"`
}

// PaymentInterface is the banking channel the payer used.
type PaymentInterface string

// The documented payment interfaces.
const (
	PaymentInterfaceAPI             PaymentInterface = "API"
	PaymentInterfaceATM             PaymentInterface = "ATM"
	PaymentInterfaceDebitCard       PaymentInterface = "DEBIT_CARD"
	PaymentInterfaceEDC             PaymentInterface = "EDC"
	PaymentInterfaceInternetBanking PaymentInterface = "INTERNET_BANKING"
	PaymentInterfaceMobileBanking   PaymentInterface = "MOBILE_BANKING"
	PaymentInterfaceTeller          PaymentInterface = "TELLER"
)

// TransferMethod is how a payment moved between banks.
type TransferMethod string

// The documented transfer methods.
const (
	TransferMethodBIFast  TransferMethod = "BI_FAST"
	TransferMethodInhouse TransferMethod = "INHOUSE"
	TransferMethodRTGS    TransferMethod = "RTGS"
	TransferMethodRTOL    TransferMethod = "RTOL"
	TransferMethodSKN     TransferMethod = "SKN"
)

// Network is the network of a Philippine bank transfer.
type Network string

// The documented networks.
const (
	NetworkInstaPay Network = "InstaPay"
	NetworkPESONet  Network = "PESONet"
)

// GetPayment returns the payment with the given payment_id (Payment.PaymentID,
// not Payment.ID).
//
// API: GET /callback_virtual_account_payments/payment_id={payment_id}
func (s *Client) GetPayment(ctx context.Context, paymentID string, opts ...xendit.RequestOption) (*Payment, error) {
	return product.Do[Payment](ctx, s.c, &xendit.Request{Endpoint: getPayment,
		PathParams: map[string]string{"payment_id": paymentID}, Options: opts})
}

// SimulatePaymentParams is the body of Simulate Payment.
type SimulatePaymentParams struct {
	// Amount is what the simulated customer pays; a closed account
	// accepts only its expected amount.
	Amount float64 `json:"amount"`
}

// Validate checks that the amount is positive.
func (p *SimulatePaymentParams) Validate() error {
	if p.Amount <= 0 {
		return xendit.Invalid("amount", "must be positive, got %v", p.Amount)
	}
	return nil
}

// Simulation is Xendit's answer to Simulate Payment: the payment is being
// processed, and its callback follows.
type Simulation struct {
	Status  SimulationStatus `json:"status"`
	Message string           `json:"message"`
}

// SimulationStatus is the state of a simulated payment.
type SimulationStatus string

// The documented simulation status.
const SimulationStatusCompleted SimulationStatus = "COMPLETED"

// Succeeded reports whether Xendit took the simulated payment: the payment
// callback follows.
func (s SimulationStatus) Succeeded() bool { return s == SimulationStatusCompleted }

// SimulatePayment plays, in test mode, a customer paying the account whose
// external_id is externalID, as from an ATM or a banking app; Xendit then
// sends the payment callback. It does not exist in live mode.
//
// It has no idempotency header, so it is never repeated after an
// ambiguous failure: when [xendit.OutcomeUnknown] reports true, wait for
// the payment callback before simulating again.
//
// API: POST /callback_virtual_accounts/external_id={external_id}/simulate_payment
func (s *Client) SimulatePayment(ctx context.Context, externalID string, params *SimulatePaymentParams, opts ...xendit.RequestOption) (*Simulation, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return product.Do[Simulation](ctx, s.c, &xendit.Request{Endpoint: simulatePayment,
		PathParams: map[string]string{"external_id": externalID}, Body: params, Options: opts})
}
