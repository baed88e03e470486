package snap

import (
	"context"

	"github.com/seed19b1029f/xendit-go"
)

var (
	createQR  = xendit.MustEndpoint("snap.create_qr")
	inquireQR = xendit.MustEndpoint("snap.inquire_qr")
)

// Service codes that inquiries name in their body: the service of the
// original transaction, not the inquiry's own.
const (
	ServiceQRGenerate  = "47"
	ServiceDirectDebit = "54"
)

// CreateQRParams is the body of QR - Create
// (POST /snap/v1.0/qr/qr-mpm-generate, service code 47): a QRIS code the
// customer scans (merchant-presented mode).
type CreateQRParams struct {
	// PartnerReferenceNo is your id for the QR; inquire with it.
	PartnerReferenceNo string `json:"partnerReferenceNo,omitempty"`
	// Amount is required for ONE_TIME_USE and ignored for MULTIPLE_USE.
	Amount         *Amount          `json:"amount,omitempty"`
	AdditionalInfo CreateQRAddition `json:"additionalInfo"`
}

// CreateQRAddition is CreateQRParams.AdditionalInfo.
type CreateQRAddition struct {
	Reusability              Reusability `json:"reusability"`
	PaymentMethodReferenceID string      `json:"paymentMethodReferenceId,omitempty"`
	// ExpiresAt is the QR's expiry. The reference's table prints this
	// field's name as a second "metadata"; the SDK sends
	// paymentMethodExpiresAt, the name the responses use. Confirm with
	// Xendit before relying on it.
	ExpiresAt *Time    `json:"paymentMethodExpiresAt,omitempty"`
	Metadata  Metadata `json:"metadata,omitzero"`
}

// Validate checks the fields the reference requires.
func (p *CreateQRParams) Validate() error {
	if p == nil {
		return xendit.Invalid("params", "is nil")
	}
	if p.AdditionalInfo.Reusability == "" {
		return xendit.Invalid("additionalInfo.reusability", "is required")
	}
	if p.AdditionalInfo.Reusability == OneTimeUse && p.Amount == nil {
		return xendit.Invalid("amount", "is required for a ONE_TIME_USE QR")
	}
	return p.Amount.check("amount")
}

// QRResponse is the response of QR - Create.
type QRResponse struct {
	Result
	// ReferenceNo is Xendit's id for the QR.
	ReferenceNo        string `json:"referenceNo"`
	PartnerReferenceNo string `json:"partnerReferenceNo"`
	// QRContent is the QRIS string to render as a QR code.
	QRContent      string `json:"qrContent"`
	AdditionalInfo QRInfo `json:"additionalInfo"`
}

// QRInfo is the additionalInfo of a QR response.
type QRInfo struct {
	PaymentMethodID          string              `json:"paymentMethodId"`
	PaymentMethodReferenceID string              `json:"paymentMethodReferenceId"`
	PaymentMethodStatus      PaymentMethodStatus `json:"paymentMethodStatus"`
	PaymentMethodExpiresAt   Time                `json:"paymentMethodExpiresAt"`
	Reusability              Reusability         `json:"reusability"`
	FailureCode              string              `json:"failureCode"`
	Created                  Time                `json:"created"`
	Updated                  Time                `json:"updated"`
	Metadata                 Metadata            `json:"metadata,omitzero"`
}

// CreateQR generates a QRIS code. It takes xendit.ForUserID and
// xendit.WithSplitRule.
func (s *Client) CreateQR(ctx context.Context, p *CreateQRParams, opts ...xendit.RequestOption) (*QRResponse, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return do[QRResponse](ctx, s, createQR, p, opts)
}

// StatusQuery names the transaction an inquiry asks about: either
// OriginalReferenceNo (Xendit's id) or OriginalPartnerReferenceNo (yours).
// ServiceCode is filled in by the method.
type StatusQuery struct {
	OriginalReferenceNo        string `json:"originalReferenceNo,omitempty"`
	OriginalPartnerReferenceNo string `json:"originalPartnerReferenceNo,omitempty"`
	ServiceCode                string `json:"serviceCode"`
}

func (q StatusQuery) with(service string) (*StatusQuery, error) {
	if q.OriginalReferenceNo == "" && q.OriginalPartnerReferenceNo == "" {
		return nil, xendit.Invalid("originalReferenceNo", "or originalPartnerReferenceNo is required")
	}
	q.ServiceCode = service
	return &q, nil
}

// QRStatus is the response of QR - Inquire Status.
type QRStatus struct {
	Result
	OriginalReferenceNo        string `json:"originalReferenceNo"`
	OriginalPartnerReferenceNo string `json:"originalPartnerReferenceNo"`
	ServiceCode                string `json:"serviceCode"`
	// LatestTransactionStatus is 00, 03, 04 or 06 for a QR.
	LatestTransactionStatus TransactionStatus `json:"latestTransactionStatus"`
	TransactionStatusDesc   string            `json:"transactionStatusDesc"`
	Amount                  *Amount           `json:"amount,omitzero"`
	AdditionalInfo          QRInfo            `json:"additionalInfo"`
}

// InquireQR reads a QR payment's status (POST /snap/v1.0/qr/qr-mpm-query,
// service code 51; the body names service 47). It takes xendit.ForUserID.
func (s *Client) InquireQR(ctx context.Context, q StatusQuery, opts ...xendit.RequestOption) (*QRStatus, error) {
	body, err := q.with(ServiceQRGenerate)
	if err != nil {
		return nil, err
	}
	return do[QRStatus](ctx, s, inquireQR, body, opts)
}
