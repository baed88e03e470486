package snap

import (
	"context"
	"encoding/json"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var (
	createBinding  = xendit.MustEndpoint("snap.create_account_binding")
	inquireBinding = xendit.MustEndpoint("snap.inquire_account_binding")
	unbindAccount  = xendit.MustEndpoint("snap.unbind_account")
)

// CreateAccountBindingParams is the body of Create Account Binding: link an
// e-wallet or a BRI debit card once, then pay with the payment method id it
// returns.
type CreateAccountBindingParams struct {
	// PartnerReferenceNo is your id for the binding: inquire and unbind
	// with it.
	PartnerReferenceNo *string `json:"partnerReferenceNo,omitempty"`
	// PhoneNo (E.164) is required for OVO (ONE_TIME_USE) and BRI.
	PhoneNo *string `json:"phoneNo,omitempty"`
	// AdditionalData carries the customer; required for BRI.
	AdditionalData *BindingCustomer `json:"additionalData,omitempty"`
	AdditionalInfo BindingAddition  `json:"additionalInfo"`
}

// BindingCustomer is CreateAccountBindingParams.AdditionalData.
type BindingCustomer struct {
	// UserID is Xendit's customer id.
	UserID string `json:"userId"`
	// Email is required for BRI direct debit.
	Email *string `json:"email,omitempty"`
	// MerchantID is ignored by Xendit.
	MerchantID *string `json:"merchantId,omitempty"`
}

// BindingAddition is CreateAccountBindingParams.AdditionalInfo.
type BindingAddition struct {
	PayMethod PayMethod `json:"payMethod"`
	PayOption PayOption `json:"payOption"`
	// Reusability defaults to ONE_TIME_USE.
	Reusability       *Reusability       `json:"reusability,omitempty"`
	Description       *string            `json:"description,omitempty"`
	Metadata          Metadata           `json:"metadata,omitzero"`
	ChannelProperties *ChannelProperties `json:"channelProperties,omitempty"`
}

// Validate checks the fields and combinations the reference requires.
func (p *CreateAccountBindingParams) Validate() error {
	ai := p.AdditionalInfo
	if err := checkPayOption("additionalInfo", ai.PayMethod, ai.PayOption); err != nil {
		return err
	}
	cp := ai.ChannelProperties
	if cp == nil {
		cp = &ChannelProperties{}
	}
	switch {
	case ai.PayOption == PayOptionBRI && empty(p.PhoneNo):
		return xendit.Invalid("phoneNo", "is required for BRI")
	case ai.PayOption == PayOptionBRI && (p.AdditionalData == nil || empty(p.AdditionalData.Email)):
		return xendit.Invalid("additionalData.email", "is required for BRI")
	case ai.PayOption == PayOptionBRI && empty(cp.CardLastFour):
		return xendit.Invalid("additionalInfo.channelProperties.cardLastFour", "is required for BRI")
	case ai.PayOption == PayOptionBRI && empty(cp.CardExpiry):
		return xendit.Invalid("additionalInfo.channelProperties.cardExpiry", "is required for BRI")
	case ai.PayOption == PayOptionOVO && (ai.Reusability == nil || *ai.Reusability != ReusabilityMultipleUse) && empty(p.PhoneNo):
		return xendit.Invalid("phoneNo", "is required for a one-time OVO binding")
	case ai.PayOption == PayOptionJeniusPay && empty(cp.Cashtag):
		return xendit.Invalid("additionalInfo.channelProperties.cashtag", "is required for JENIUSPAY")
	case p.AdditionalData != nil:
		return product.Required("additionalData.userId", p.AdditionalData.UserID)
	}
	return nil
}

// BindingResponse is the response of the account binding endpoints.
type BindingResponse struct {
	Result
	// ReferenceNo is the payment method id (pm-...).
	ReferenceNo        string `json:"referenceNo"`
	PartnerReferenceNo string `json:"partnerReferenceNo"`
	// AccountCurrency is always IDR (inquire and unbind).
	AccountCurrency xendit.Currency `json:"accountCurrency"`
	AccountName     string          `json:"accountName"`
	// NextAction, Params and UserInfo are documented for Create only.
	NextAction     string       `json:"nextAction"`
	Params         *BindingNext `json:"params,omitzero"`
	UserInfo       *BindingUser `json:"userInfo,omitzero"`
	AdditionalInfo BindingInfo  `json:"additionalInfo"`
}

// BindingNext is a binding response's params.
type BindingNext struct {
	Action             string `json:"action"`
	RedirectToDeeplink string `json:"redirectToDeeplink"`
}

// BindingUser is a binding response's userInfo.
type BindingUser struct {
	PublicUserID string `json:"publicUserId"`
}

// BindingInfo is a binding response's additionalInfo. The reference's
// tables put the payment method's fields straight under additionalInfo in
// snake_case; its examples nest them, camelCase, in paymentMethod. The SDK
// follows the examples.
type BindingInfo struct {
	PaymentMethod *PaymentMethod `json:"paymentMethod,omitzero"`
}

// PaymentMethod is a linked account.
type PaymentMethod struct {
	ID          string              `json:"id"`
	Type        PaymentMethodType   `json:"type"`
	Reusability Reusability         `json:"reusability"`
	CustomerID  *string             `json:"customerId"`
	BusinessID  string              `json:"businessId"`
	ReferenceID *string             `json:"referenceId"`
	Status      PaymentMethodStatus `json:"status"`
	Country     string              `json:"country"`
	// Actions say how the customer authorizes the link (AUTH).
	Actions     []Action            `json:"actions,omitzero"`
	EWallet     *EWalletAccount     `json:"ewallet,omitzero"`
	DirectDebit *DirectDebitAccount `json:"directDebit,omitzero"`
	Description *string             `json:"description,omitzero"`
	FailureCode *string             `json:"failureCode,omitzero"`
	Created     Time                `json:"created"`
	Updated     Time                `json:"updated"`
	Metadata    Metadata            `json:"metadata,omitzero"`
}

// EWalletAccount is a linked e-wallet. The reference refers to the eWallets
// API's object without defining it here; the fields are its examples'.
type EWalletAccount struct {
	ChannelCode       string             `json:"channelCode"`
	ChannelProperties *ChannelProperties `json:"channelProperties,omitzero"`
	Account           *EWalletBalance    `json:"account,omitzero"`
}

// EWalletBalance is a linked e-wallet's account details; all null until
// the link is active.
type EWalletBalance struct {
	AccountDetails json.RawMessage `json:"accountDetails,omitzero"`
	Name           *string         `json:"name"`
	Balance        *float64        `json:"balance"`
	PointBalance   *float64        `json:"pointBalance"`
}

// DirectDebitAccount is a linked debit card or bank account.
type DirectDebitAccount struct {
	ChannelCode       string             `json:"channelCode"`
	Type              string             `json:"type"`
	ChannelProperties *ChannelProperties `json:"channelProperties,omitzero"`
	DebitCard         *ChannelProperties `json:"debitCard,omitzero"`
	BankAccount       json.RawMessage    `json:"bankAccount,omitzero"`
}

// CreateAccountBinding links an account. The answer is usually 2020700
// "Request In Progress" ([Result.InProgress]) with the payment method
// PENDING or REQUIRES_ACTION: send the customer to its AUTH action, or
// verify the OTP they receive with [Client.VerifyOTP], then inquire until it
// is ACTIVE.
//
// API: POST /snap/v1.0/registration-account-binding
func (s *Client) CreateAccountBinding(ctx context.Context, params *CreateAccountBindingParams, opts ...xendit.RequestOption) (*BindingResponse, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return do[BindingResponse](ctx, s, createBinding, params, opts)
}

// bindingRef is the body of the inquiry and the unbinding: the binding's
// partnerReferenceNo alone.
type bindingRef struct {
	PartnerReferenceNo string `json:"partnerReferenceNo"`
}

// InquireAccountBinding reads a binding by your partnerReferenceNo.
//
// API: POST /snap/v1.0/registration-account-inquiry
func (s *Client) InquireAccountBinding(ctx context.Context, partnerReferenceNo string, opts ...xendit.RequestOption) (*BindingResponse, error) {
	if err := product.Required("partnerReferenceNo", partnerReferenceNo); err != nil {
		return nil, err
	}
	return do[BindingResponse](ctx, s, inquireBinding, bindingRef{partnerReferenceNo}, opts)
}

// UnbindAccount ends the binding named by your partnerReferenceNo; its
// payment method becomes EXPIRED. The reference gives it the inquiry's
// service code (08), which looks copied; the SDK checks no service code.
//
// API: POST /snap/v1.0/registration-account-unbinding
func (s *Client) UnbindAccount(ctx context.Context, partnerReferenceNo string, opts ...xendit.RequestOption) (*BindingResponse, error) {
	if err := product.Required("partnerReferenceNo", partnerReferenceNo); err != nil {
		return nil, err
	}
	return do[BindingResponse](ctx, s, unbindAccount, bindingRef{partnerReferenceNo}, opts)
}
