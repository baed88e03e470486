package snap

import (
	"context"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var (
	createVA     = xendit.MustEndpoint("snap.create_va")
	inquireVA    = xendit.MustEndpoint("snap.inquire_va")
	updateVA     = xendit.MustEndpoint("snap.update_va")
	deactivateVA = xendit.MustEndpoint("snap.deactivate_va")
)

// VAChannel is a bank that issues SNAP virtual accounts.
type VAChannel string

// The documented VA channels.
const (
	VABCA              VAChannel = "BCA"
	VABSI              VAChannel = "BSI"
	VABJB              VAChannel = "BJB"
	VACIMB             VAChannel = "CIMB"
	VASahabatSampoerna VAChannel = "SAHABAT_SAMPOERNA"
	VAArtajasa         VAChannel = "ARTAJASA"
	VABRI              VAChannel = "BRI"
	VABNI              VAChannel = "BNI"
	VAMandiri          VAChannel = "MANDIRI"
	VAPermata          VAChannel = "PERMATA"
)

// CreateVAParams is the body of VA - Create
// (POST /snap/v1.0/transfer-va/create-va, service code 27).
type CreateVAParams struct {
	// PartnerServiceID and CustomerNo are ignored by Xendit.
	PartnerServiceID string `json:"partnerServiceId,omitempty"`
	CustomerNo       string `json:"customerNo,omitempty"`
	// VirtualAccountNo asks for a specific number, within your VA range
	// and without the merchant prefix.
	VirtualAccountNo string `json:"virtualAccountNo,omitempty"`
	// VirtualAccountName is the name the payer sees: letters only (BCA
	// aggregator: letters and digits, at least 3).
	VirtualAccountName string `json:"virtualAccountName"`
	// TrxID is your unique id for the VA; it identifies the VA in
	// inquire, update and deactivate, and comes back in the callback.
	TrxID string `json:"trxId"`
	// TotalAmount makes a closed VA that accepts exactly this amount; nil
	// makes an open VA.
	TotalAmount *Amount    `json:"totalAmount,omitempty"`
	FreeTexts   []FreeText `json:"freeTexts,omitempty"`
	// ExpiredDate defaults to 31 years after creation.
	ExpiredDate    *Time            `json:"expiredDate,omitempty"`
	AdditionalInfo CreateVAAddition `json:"additionalInfo"`
}

// CreateVAAddition is CreateVAParams.AdditionalInfo.
type CreateVAAddition struct {
	ChannelCode VAChannel `json:"channelCode"`
	// SuggestedAmount is shown to the payer of an open VA; MANDIRI and BRI
	// only. It is a bare number in the reference, not an [Amount].
	SuggestedAmount *float64 `json:"suggestedAmount,omitempty"`
	// Reusability defaults to ONE_TIME_USE.
	Reusability Reusability `json:"reusability,omitempty"`
	Metadata    Metadata    `json:"metadata,omitzero"`
}

// Validate checks the fields the reference requires.
func (p *CreateVAParams) Validate() error {
	if p == nil {
		return xendit.Invalid("params", "is nil")
	}
	return product.First(
		product.Required("virtualAccountName", p.VirtualAccountName),
		product.Required("trxId", p.TrxID),
		product.Required("additionalInfo.channelCode", string(p.AdditionalInfo.ChannelCode)),
		p.TotalAmount.check("totalAmount"),
	)
}

// VA is virtualAccountData, the VA as Xendit holds it.
type VA struct {
	// PartnerServiceID is the VA number's prefix.
	PartnerServiceID string `json:"partnerServiceId"`
	// CustomerNo is the VA number without the prefix.
	CustomerNo string `json:"customerNo"`
	// VirtualAccountNo is the full number the payer transfers to.
	VirtualAccountNo   string     `json:"virtualAccountNo"`
	VirtualAccountName string     `json:"virtualAccountName"`
	TrxID              string     `json:"trxId"`
	TotalAmount        *Amount    `json:"totalAmount,omitzero"`
	FreeTexts          []FreeText `json:"freeTexts,omitzero"`
	ExpiredDate        Time       `json:"expiredDate"`
	AdditionalInfo     VAInfo     `json:"additionalInfo"`
}

// VAInfo is a VA's additionalInfo.
type VAInfo struct {
	// ID is the payment method id (pm-...).
	ID string `json:"id"`
	// Status is PENDING, ACTIVE or EXPIRED.
	Status          PaymentMethodStatus `json:"status"`
	ChannelCode     VAChannel           `json:"channelCode"`
	SuggestedAmount *float64            `json:"suggestedAmount,omitzero"`
	Reusability     Reusability         `json:"reusability"`
	Created         Time                `json:"created"`
	Updated         Time                `json:"updated"`
	Metadata        Metadata            `json:"metadata,omitzero"`
}

// VAResponse is the response of every VA endpoint.
type VAResponse struct {
	Result
	// VirtualAccountData is set on success.
	VirtualAccountData *VA `json:"virtualAccountData,omitzero"`
}

// CreateVA creates a virtual account. It takes xendit.ForUserID and
// xendit.WithSplitRule.
func (s *Client) CreateVA(ctx context.Context, p *CreateVAParams, opts ...xendit.RequestOption) (*VAResponse, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return do[VAResponse](ctx, s, createVA, p, opts)
}

// VARef names a VA for inquire and deactivate. Xendit identifies it by
// TrxID alone; the other fields are accepted and ignored.
type VARef struct {
	PartnerServiceID string `json:"partnerServiceId,omitempty"`
	CustomerNo       string `json:"customerNo,omitempty"`
	VirtualAccountNo string `json:"virtualAccountNo,omitempty"`
	TrxID            string `json:"trxId"`
}

func (r *VARef) validate() error {
	if r == nil {
		return xendit.Invalid("params", "is nil")
	}
	return product.Required("trxId", r.TrxID)
}

// InquireVA reads a VA (POST /snap/v1.0/transfer-va/inquiry-va, service
// code 30). The reference's success example shows 2002700, Create VA's
// code; the SDK accepts any 2xx code.
func (s *Client) InquireVA(ctx context.Context, ref *VARef, opts ...xendit.RequestOption) (*VAResponse, error) {
	if err := ref.validate(); err != nil {
		return nil, err
	}
	return do[VAResponse](ctx, s, inquireVA, ref, opts)
}

// DeactivateVA ends a VA (POST /snap/v1.0/transfer-va/delete-va, service
// code 31); its status becomes EXPIRED.
func (s *Client) DeactivateVA(ctx context.Context, ref *VARef, opts ...xendit.RequestOption) (*VAResponse, error) {
	if err := ref.validate(); err != nil {
		return nil, err
	}
	return do[VAResponse](ctx, s, deactivateVA, ref, opts)
}

// UpdateVAParams is the body of VA - Update
// (POST /snap/v1.0/transfer-va/update-va, service code 28).
//
// The reference names no field that identifies the VA to update: its table
// and example carry neither trxId nor virtualAccountNo. The SDK sends TrxID,
// as the BI SNAP standard and the other VA endpoints do; confirm with Xendit.
type UpdateVAParams struct {
	PartnerServiceID   string `json:"partnerServiceId,omitempty"`
	CustomerNo         string `json:"customerNo,omitempty"`
	VirtualAccountNo   string `json:"virtualAccountNo,omitempty"`
	TrxID              string `json:"trxId,omitempty"`
	VirtualAccountName string `json:"virtualAccountName"`
	// TotalAmount changes a closed VA's amount; a closed VA cannot become
	// open, nor an open one closed.
	TotalAmount    *Amount           `json:"totalAmount,omitempty"`
	FreeTexts      []FreeText        `json:"freeTexts,omitempty"`
	ExpiredDate    *Time             `json:"expiredDate,omitempty"`
	AdditionalInfo *UpdateVAAddition `json:"additionalInfo,omitempty"`
}

// UpdateVAAddition is UpdateVAParams.AdditionalInfo.
type UpdateVAAddition struct {
	SuggestedAmount *float64 `json:"suggestedAmount,omitempty"`
	Metadata        Metadata `json:"metadata,omitzero"`
}

// Validate checks the fields the reference requires.
func (p *UpdateVAParams) Validate() error {
	if p == nil {
		return xendit.Invalid("params", "is nil")
	}
	return product.First(
		product.Required("trxId", p.TrxID),
		product.Required("virtualAccountName", p.VirtualAccountName),
		p.TotalAmount.check("totalAmount"),
	)
}

// UpdateVA changes a VA's name, amount, texts or expiry.
func (s *Client) UpdateVA(ctx context.Context, p *UpdateVAParams, opts ...xendit.RequestOption) (*VAResponse, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return do[VAResponse](ctx, s, updateVA, p, opts)
}
