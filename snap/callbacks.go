package snap

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
)

// Event is a callback's type ("type").
type Event string

// The callback types the reference documents. Their naming is inconsistent
// in the reference itself; they are kept as printed. Only the direct debit
// names a success event; a failure (latestTransactionStatus 06) of QR and
// VA payments comes under the same type.
const (
	EventVAPayment            Event = "snap_virtual_account.payment"
	EventQRPayment            Event = "snap_qr.payment"
	EventDirectDebitSucceeded Event = "snap.direct_debit.succeeded"
)

// Callback is one SNAP callback body: {"type", "payload", "headers"}.
// Exactly one of VAPayment and Payment is set for the documented types; an
// unknown type decodes without error, with Payload holding its payload.
type Callback struct {
	Type    Event
	Payload json.RawMessage
	// Headers is the "headers" object the reference's examples show inside
	// the body (x-partner-id, x-external-id, channel-id), when present.
	// The HTTP headers are the ones verified.
	Headers map[string]string
	// VAPayment is set for snap_virtual_account.payment.
	VAPayment *VAPayment
	// Payment is set for snap_qr.payment and snap.direct_debit.succeeded.
	Payment *PaymentNotice
}

type callbackEnvelope struct {
	Type    Event             `json:"type"`
	Payload json.RawMessage   `json:"payload"`
	Headers map[string]string `json:"headers,omitempty"`
}

// UnmarshalJSON decodes the envelope and the payload its type carries.
func (c *Callback) UnmarshalJSON(b []byte) error {
	var env callbackEnvelope
	if err := json.Unmarshal(b, &env); err != nil {
		return err
	}
	*c = Callback{Type: env.Type, Payload: env.Payload, Headers: env.Headers}
	var target any
	switch env.Type {
	case EventVAPayment:
		c.VAPayment = new(VAPayment)
		target = c.VAPayment
	case EventQRPayment, EventDirectDebitSucceeded:
		c.Payment = new(PaymentNotice)
		target = c.Payment
	default:
		return nil
	}
	if isNull(env.Payload) {
		return fmt.Errorf("snap: %s callback without payload", env.Type)
	}
	if err := json.Unmarshal(env.Payload, target); err != nil {
		return fmt.Errorf("snap: decoding %s callback: %w", env.Type, err)
	}
	return nil
}

// MarshalJSON encodes the callback as Xendit sends it.
func (c Callback) MarshalJSON() ([]byte, error) {
	env := callbackEnvelope{Type: c.Type, Payload: c.Payload, Headers: c.Headers}
	var p any
	switch {
	case c.VAPayment != nil:
		p = c.VAPayment
	case c.Payment != nil:
		p = c.Payment
	}
	if p != nil {
		b, err := json.Marshal(p)
		if err != nil {
			return nil, err
		}
		env.Payload = b
	}
	return json.Marshal(env)
}

// DedupeKey is a stable id for the event, the same on every delivery of
// it: the payment id for the documented types, a hash of the payload
// otherwise. The x-external-id of callbacks is the constant "XENDIT" in the
// reference's examples, so it cannot serve.
func (c *Callback) DedupeKey() string {
	switch {
	case c.VAPayment != nil && c.VAPayment.AdditionalInfo.PaymentID != "":
		return string(c.Type) + ":" + c.VAPayment.AdditionalInfo.PaymentID
	case c.Payment != nil && c.Payment.AdditionalInfo.ID != "":
		return string(c.Type) + ":" + c.Payment.AdditionalInfo.ID
	}
	sum := sha256.Sum256(c.Payload)
	return string(c.Type) + ":sha256:" + hex.EncodeToString(sum[:])
}

// VAPaymentStatus is the status of a VA payment.
type VAPaymentStatus string

// The documented VA payment statuses.
const (
	VAPaymentStatusSucceeded VAPaymentStatus = "SUCCEEDED"
	VAPaymentStatusFailed    VAPaymentStatus = "FAILED"
)

// Succeeded reports SUCCEEDED: the transfer reached the VA.
func (s VAPaymentStatus) Succeeded() bool { return s == VAPaymentStatusSucceeded }

// Failed reports FAILED.
func (s VAPaymentStatus) Failed() bool { return s == VAPaymentStatusFailed }

// VAPayment is the payload of snap_virtual_account.payment: a transfer into
// a VA.
type VAPayment struct {
	PartnerServiceID   string `json:"partnerServiceId"`
	CustomerNo         string `json:"customerNo"`
	VirtualAccountNo   string `json:"virtualAccountNo"`
	VirtualAccountName string `json:"virtualAccountName"`
	// TrxID is the id you gave the VA.
	TrxID            string        `json:"trxId"`
	PaymentRequestID string        `json:"paymentRequestId"`
	PaidAmount       Amount        `json:"paidAmount"`
	TrxDateTime      Time          `json:"trxDateTime"`
	ReferenceNo      string        `json:"referenceNo"`
	FreeTexts        []FreeText    `json:"freeTexts,omitzero"`
	AdditionalInfo   VAPaymentInfo `json:"additionalInfo"`
}

// VAPaymentInfo is a VA payment's additionalInfo.
type VAPaymentInfo struct {
	ID string `json:"id"`
	// PaymentID is the payment's id: store it, and dedupe on it.
	PaymentID string          `json:"paymentId"`
	Country   string          `json:"country"`
	Status    VAPaymentStatus `json:"status"`
	Created   Time            `json:"created"`
	Updated   Time            `json:"updated"`
	// SenderName is sent for Bank Sahabat Sampoerna VAs only.
	SenderName         string           `json:"senderName"`
	PaymentDetail      *VAPaymentDetail `json:"paymentDetail,omitzero"`
	Metadata           Metadata         `json:"metadata,omitzero"`
	VirtualAccountInfo VAInfoOfPayment  `json:"virtualAccountInfo"`
}

// VAPaymentDetail is sent by some banks only.
type VAPaymentDetail struct {
	// Remark: Bank Sahabat Sampoerna.
	Remark string `json:"remark"`
	// Reference: BCA with the switcher commercial model.
	Reference string `json:"reference"`
}

// VAInfoOfPayment names the VA that was paid.
type VAInfoOfPayment struct {
	ID          string      `json:"id"`
	Reusability Reusability `json:"reusability"`
	ChannelCode VAChannel   `json:"channelCode"`
	TrxID       string      `json:"trxId"`
}

// PaymentNotice is the payload of snap_qr.payment and
// snap.direct_debit.succeeded.
type PaymentNotice struct {
	// OriginalReferenceNo is Xendit's payment request id.
	OriginalReferenceNo        string `json:"originalReferenceNo"`
	OriginalPartnerReferenceNo string `json:"originalPartnerReferenceNo"`
	// LatestTransactionStatus is 00 (success) or 06 (failed).
	LatestTransactionStatus TransactionStatus `json:"latestTransactionStatus"`
	TransactionStatusDesc   string            `json:"transactionStatusDesc"`
	// CreatedTime is sent for direct debits.
	CreatedTime    Time              `json:"createdTime"`
	Amount         Amount            `json:"amount"`
	AdditionalInfo PaymentNoticeInfo `json:"additionalInfo"`
}

// Succeeded reports latestTransactionStatus 00.
func (p *PaymentNotice) Succeeded() bool { return p.LatestTransactionStatus.Succeeded() }

// PaymentNoticeInfo is a payment callback's additionalInfo.
type PaymentNoticeInfo struct {
	// ID is the payment's id (qrpy-..., ddpy-...): dedupe on it.
	ID                       string `json:"id"`
	PaymentMethodID          string `json:"paymentMethodId"`
	PaymentMethodReferenceID string `json:"paymentMethodReferenceId"`
	Created                  Time   `json:"created"`
	Updated                  Time   `json:"updated"`
	// Description, FailureCode and ChannelProperties are documented for
	// direct debits.
	Description       string             `json:"description"`
	FailureCode       string             `json:"failureCode"`
	ChannelProperties *ChannelProperties `json:"channelProperties,omitzero"`
	Metadata          Metadata           `json:"metadata,omitzero"`
}

// ParseCallback decodes a callback body. It does not verify the signature:
// [VerifyCallback] and [CallbackHandler] do.
func ParseCallback(body []byte) (*Callback, error) {
	var c Callback
	if err := json.Unmarshal(body, &c); err != nil {
		return nil, err
	}
	return &c, nil
}
