package snap

import (
	"context"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var (
	createQR  = xendit.MustEndpoint("snap.create_qr")
	inquireQR = xendit.MustEndpoint("snap.inquire_qr")
)

// CreateQRParams is the body of QR - Create (service code 47): a QRIS code
// the customer scans (merchant-presented mode).
type CreateQRParams struct {
	// PartnerReferenceNo is your id for the QR; inquire with it
	// ([PartnerReferenceNo]).
	PartnerReferenceNo *string `json:"partnerReferenceNo,omitempty"`
	// Amount is required for ONE_TIME_USE and ignored for MULTIPLE_USE.
	Amount         *Amount          `json:"amount,omitempty"`
	AdditionalInfo CreateQRAddition `json:"additionalInfo"`
}

// CreateQRAddition is CreateQRParams.AdditionalInfo.
type CreateQRAddition struct {
	Reusability              Reusability `json:"reusability"`
	PaymentMethodReferenceID *string     `json:"paymentMethodReferenceId,omitempty"`
	// ExpiresAt is the QR's expiry. The reference's table prints this
	// field's name as a second "metadata"; the SDK sends
	// paymentMethodExpiresAt, the name the responses use. Confirm with
	// Xendit before relying on it.
	ExpiresAt *Time    `json:"paymentMethodExpiresAt,omitempty"`
	Metadata  Metadata `json:"metadata,omitzero"`
}

// Validate checks the fields the reference requires.
func (p *CreateQRParams) Validate() error {
	if p.AdditionalInfo.Reusability == "" {
		return xendit.Invalid("additionalInfo.reusability", "is required")
	}
	if p.AdditionalInfo.Reusability == ReusabilityOneTimeUse && p.Amount == nil {
		return xendit.Invalid("amount", "is required for a ONE_TIME_USE QR")
	}
	return p.Amount.check("amount")
}

// QRResponse is the response of QR - Create.
type QRResponse struct {
	Result
	// ReferenceNo is Xendit's id for the QR ([ReferenceNo]).
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
//
// API: POST /snap/v1.0/qr/qr-mpm-generate
func (s *Client) CreateQR(ctx context.Context, params *CreateQRParams, opts ...xendit.RequestOption) (*QRResponse, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return do[QRResponse](ctx, s, createQR, params, opts)
}

// QRStatus is the response of QR - Inquire Status.
type QRStatus struct {
	Result
	// TransactionInquiry's LatestTransactionStatus is 00, 03, 04 or 06
	// for a QR.
	TransactionInquiry
	Amount         *Amount `json:"amount,omitzero"`
	AdditionalInfo QRInfo  `json:"additionalInfo"`
}

// InquireQR reads the status of a QR payment (service code 51; the body
// names service 47). It takes xendit.ForUserID.
//
// API: POST /snap/v1.0/qr/qr-mpm-query
func (s *Client) InquireQR(ctx context.Context, ref Ref, opts ...xendit.RequestOption) (*QRStatus, error) {
	return inquire[QRStatus](ctx, s, inquireQR, ref, ServiceQRGenerate, opts)
}
