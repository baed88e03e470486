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
	VAChannelBCA              VAChannel = "BCA"
	VAChannelBSI              VAChannel = "BSI"
	VAChannelBJB              VAChannel = "BJB"
	VAChannelCIMB             VAChannel = "CIMB"
	VAChannelSahabatSampoerna VAChannel = "SAHABAT_SAMPOERNA"
	VAChannelArtajasa         VAChannel = "ARTAJASA"
	VAChannelBRI              VAChannel = "BRI"
	VAChannelBNI              VAChannel = "BNI"
	VAChannelMandiri          VAChannel = "MANDIRI"
	VAChannelPermata          VAChannel = "PERMATA"
)

// CreateVAParams is the body of VA - Create (service code 27).
type CreateVAParams struct {
	// PartnerServiceID and CustomerNo are ignored by Xendit.
	PartnerServiceID *string `json:"partnerServiceId,omitempty"`
	CustomerNo       *string `json:"customerNo,omitempty"`
	// VirtualAccountNo asks for a specific number, within your VA range
	// and without the merchant prefix.
	VirtualAccountNo *string `json:"virtualAccountNo,omitempty"`
	// VirtualAccountName is the name the payer sees: letters only (BCA
	// aggregator: letters and digits, at least 3).
	VirtualAccountName string `json:"virtualAccountName"`
	// TrxID is your unique id for the VA; it names the VA in inquire,
	// update and deactivate, and comes back in the callback.
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
	Reusability *Reusability `json:"reusability,omitempty"`
	Metadata    Metadata     `json:"metadata,omitzero"`
}

// Validate checks the fields the reference requires.
func (p *CreateVAParams) Validate() error {
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
//
// API: POST /snap/v1.0/transfer-va/create-va
func (s *Client) CreateVA(ctx context.Context, params *CreateVAParams, opts ...xendit.RequestOption) (*VAResponse, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return do[VAResponse](ctx, s, createVA, params, opts)
}

// vaRef is the body of the inquiry and the deactivation. The reference
// also lists partnerServiceId, customerNo and virtualAccountNo, which
// Xendit ignores: the VA is named by trxId alone.
type vaRef struct {
	TrxID string `json:"trxId"`
}

// InquireVA reads the VA whose trxId you gave at creation (service code
// 30). The reference's success example shows 2002700, Create VA's code;
// the SDK accepts any 2xx code.
//
// API: POST /snap/v1.0/transfer-va/inquiry-va
func (s *Client) InquireVA(ctx context.Context, trxID string, opts ...xendit.RequestOption) (*VAResponse, error) {
	if err := product.Required("trxId", trxID); err != nil {
		return nil, err
	}
	return do[VAResponse](ctx, s, inquireVA, vaRef{trxID}, opts)
}

// DeactivateVA ends the VA whose trxId you gave at creation (service code
// 31); its status becomes EXPIRED.
//
// API: POST /snap/v1.0/transfer-va/delete-va
func (s *Client) DeactivateVA(ctx context.Context, trxID string, opts ...xendit.RequestOption) (*VAResponse, error) {
	if err := product.Required("trxId", trxID); err != nil {
		return nil, err
	}
	return do[VAResponse](ctx, s, deactivateVA, vaRef{trxID}, opts)
}

// UpdateVAParams is the body of VA - Update (service code 28), less the
// VA's trxId, which [Client.UpdateVA] takes as its argument.
//
// The endpoint is a POST that replaces what it is sent, not a PATCH: the
// reference documents no way to clear a field, so the fields are the
// ordinary required values and optional pointers, not [xendit.Nullable].
type UpdateVAParams struct {
	// PartnerServiceID and CustomerNo are ignored by Xendit.
	PartnerServiceID *string `json:"partnerServiceId,omitempty"`
	CustomerNo       *string `json:"customerNo,omitempty"`
	// VirtualAccountName is required, even when it does not change.
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
	return product.First(
		product.Required("virtualAccountName", p.VirtualAccountName),
		p.TotalAmount.check("totalAmount"),
	)
}

// updateVABody is what UpdateVA sends. The reference names no field that
// identifies the VA to update: its table and example carry neither trxId
// nor virtualAccountNo. The SDK sends trxId, as the BI SNAP standard and
// the other VA endpoints do; confirm with Xendit.
type updateVABody struct {
	TrxID string `json:"trxId"`
	*UpdateVAParams
}

// UpdateVA changes the name, amount, texts or expiry of the VA whose trxId
// you gave at creation.
//
// API: POST /snap/v1.0/transfer-va/update-va
func (s *Client) UpdateVA(ctx context.Context, trxID string, params *UpdateVAParams, opts ...xendit.RequestOption) (*VAResponse, error) {
	if err := product.Required("trxId", trxID); err != nil {
		return nil, err
	}
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return do[VAResponse](ctx, s, updateVA, updateVABody{trxID, params}, opts)
}
