package ewallets

import (
	"context"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/customers"
	"github.com/seed19b1029f/xendit-go/internal/product"
	"github.com/seed19b1029f/xendit-go/paymentmethods"
)

// Account linking (tokenized payments) creates a Payment Method (v2) of
// type EWALLET. It is implemented once, in package
// [github.com/seed19b1029f/xendit-go/paymentmethods]; what follows are
// that package's types under their eWallets names, and methods that
// forward to it, so that code written against this package keeps working.
// New code may use paymentmethods directly.

// LinkingChannel names an eWallet for account linking; it is
// [paymentmethods.EWalletChannelCode].
type LinkingChannel = paymentmethods.EWalletChannelCode

// The documented account-linking channels.
const (
	LinkingChannelDANA      = paymentmethods.EWalletChannelDANA
	LinkingChannelOVO       = paymentmethods.EWalletChannelOVO
	LinkingChannelLinkAja   = paymentmethods.EWalletChannelLinkAja
	LinkingChannelShopeePay = paymentmethods.EWalletChannelShopeePay
	LinkingChannelGrabPay   = paymentmethods.EWalletChannelGrabPay
	LinkingChannelMaya      = paymentmethods.EWalletChannelMaya
	LinkingChannelGCash     = paymentmethods.EWalletChannelGCash
	LinkingChannelTouchNGo  = paymentmethods.EWalletChannelTouchNGo
)

// Country is [paymentmethods.Country].
type Country = paymentmethods.Country

// The countries where eWallet accounts can be linked.
const (
	CountryID = paymentmethods.CountryID // Indonesia
	CountryPH = paymentmethods.CountryPH // the Philippines
	CountryMY = paymentmethods.CountryMY // Malaysia
)

// PaymentMethodStatus is [paymentmethods.Status].
type PaymentMethodStatus = paymentmethods.Status

// The documented payment method statuses.
const (
	PaymentMethodStatusPending        = paymentmethods.StatusPending
	PaymentMethodStatusRequiresAction = paymentmethods.StatusRequiresAction
	PaymentMethodStatusActive         = paymentmethods.StatusActive
	PaymentMethodStatusInactive       = paymentmethods.StatusInactive
	PaymentMethodStatusExpired        = paymentmethods.StatusExpired
)

// PaymentMethod is [paymentmethods.PaymentMethod]: a linked eWallet
// account has Type EWALLET and its EWallet set.
type PaymentMethod = paymentmethods.PaymentMethod

// PaymentMethodAction is [paymentmethods.Action].
type PaymentMethodAction = paymentmethods.Action

// ActionType is [paymentmethods.ActionType].
type ActionType = paymentmethods.ActionType

// The documented action types.
const (
	ActionTypeAuth       = paymentmethods.ActionTypeAuth
	ActionTypeResendAuth = paymentmethods.ActionTypeResendAuth
)

// URLType is [paymentmethods.URLType].
type URLType = paymentmethods.URLType

// The documented URL types.
const (
	URLTypeAPI      = paymentmethods.URLTypeAPI
	URLTypeWeb      = paymentmethods.URLTypeWeb
	URLTypeMobile   = paymentmethods.URLTypeMobile
	URLTypeDeeplink = paymentmethods.URLTypeDeeplink
)

// LinkedAccount is [paymentmethods.EWalletAccount].
type LinkedAccount = paymentmethods.EWalletAccount

// CreatePaymentMethodParams link a customer's eWallet account: the
// EWALLET, MULTIPLE_USE case of [paymentmethods.CreateParams], which
// CreatePaymentMethod builds from them.
//
// The customer comes first, from Create Customer. OVO needs the customer's
// reference_id, mobile_number (the OVO account's) and given_names; LinkAja
// reference_id and mobile_number; the other wallets nothing more. These are
// the fields of the 2020-05-19 Customers API
// ([github.com/seed19b1029f/xendit-go/customers.NewV20200519]).
type CreatePaymentMethodParams struct {
	CustomerID string `json:"customer_id"`
	// Country is required for wallets present in several countries
	// (SHOPEEPAY, GRABPAY). The reference's table marks it required always
	// while its example omits it; the SDK sends it when set.
	Country     *Country       `json:"country,omitempty"`
	EWallet     LinkingEWallet `json:"ewallet"`
	ReferenceID *string        `json:"reference_id,omitempty"`
	Description *string        `json:"description,omitempty"`
	Metadata    map[string]any `json:"metadata,omitzero"`
}

// LinkingEWallet is the ewallet object of a link request.
type LinkingEWallet struct {
	ChannelCode       LinkingChannel    `json:"channel_code"`
	ChannelProperties LinkingProperties `json:"channel_properties"`
	// Account is set in responses once the link is known.
	Account *LinkedAccount `json:"account,omitempty"`
}

// LinkingProperties are where the customer returns after authorizing the
// link: success and failure always, cancel for Maya.
type LinkingProperties struct {
	SuccessReturnURL string `json:"success_return_url"`
	FailureReturnURL string `json:"failure_return_url"`
	// CancelReturnURL is required for Maya.
	CancelReturnURL *string `json:"cancel_return_url,omitempty"`
}

// optional is nil for "", so that an empty URL is reported missing.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// params returns the Payment Methods API's params for p.
func (p *CreatePaymentMethodParams) params() *paymentmethods.CreateParams {
	props := p.EWallet.ChannelProperties
	return &paymentmethods.CreateParams{
		Type: paymentmethods.TypeEWallet, Reusability: paymentmethods.ReusabilityMultipleUse,
		Country: p.Country, CustomerID: optional(p.CustomerID), ReferenceID: p.ReferenceID,
		Description: p.Description, Metadata: p.Metadata,
		EWallet: &paymentmethods.EWallet{
			ChannelCode: p.EWallet.ChannelCode, Account: p.EWallet.Account,
			ChannelProperties: &paymentmethods.EWalletChannelProperties{
				SuccessReturnURL: optional(props.SuccessReturnURL), FailureReturnURL: optional(props.FailureReturnURL),
				CancelReturnURL: props.CancelReturnURL,
			},
		},
	}
}

// Validate applies [paymentmethods.CreateParams.Validate] to the link
// request: the customer, the country of wallets present in several, and
// the return URLs; it returns a [*xendit.ValidationError] naming the
// field. CreatePaymentMethod calls it.
func (p *CreatePaymentMethodParams) Validate() error { return p.params().Validate() }

// CreatePaymentMethod starts linking a customer's eWallet account; it is
// [paymentmethods.Client.Create] with type EWALLET and reusability
// MULTIPLE_USE. The payment method is usually REQUIRES_ACTION: send the
// customer to AuthURL(URLTypeWeb) (or URLTypeMobile, URLTypeDeeplink); a
// payment_method.activated callback says when it is ACTIVE.
//
// Like CreateCharge it is never repeated after an ambiguous failure: on
// [xendit.OutcomeUnknown] a payment method may exist that the customer
// never saw, so it never becomes ACTIVE; create a new one.
//
// It sends POST /v2/payment_methods, through paymentmethods.
func (s *Client) CreatePaymentMethod(ctx context.Context, params *CreatePaymentMethodParams, opts ...xendit.RequestOption) (*PaymentMethod, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return paymentmethods.New(s.c).Create(ctx, params.params(), opts...)
}

// GetPaymentMethod returns a payment method, with the linked account's
// balance when the wallet reports one; it is [paymentmethods.Client.Get],
// which sends GET /v2/payment_methods/{paymentMethodId}.
func (s *Client) GetPaymentMethod(ctx context.Context, id string, opts ...xendit.RequestOption) (*PaymentMethod, error) {
	return paymentmethods.New(s.c).Get(ctx, id, opts...)
}

// ExpirePaymentMethod unlinks a payment method; it can no longer be
// charged. It is [paymentmethods.Client.Expire] with no return URLs. It is
// not repeated after an ambiguous failure; GetPaymentMethod says whether it
// went through (EXPIRED). It sends POST
// /v2/payment_methods/{paymentMethodId}/expire, through paymentmethods.
func (s *Client) ExpirePaymentMethod(ctx context.Context, id string, opts ...xendit.RequestOption) (*PaymentMethod, error) {
	return paymentmethods.New(s.c).Expire(ctx, id, nil, opts...)
}

// CheckLinkingCustomer checks, before anything is sent, that a customer for
// the Customers API version 2020-05-19 carries what channel's account linking
// needs. OVO identifies the account by mobile_number, in E.164 and matching
// OVO's records, and needs given_names; LinkAja needs mobile_number. The
// other channels need nothing beyond a valid customer.
//
// The tokenized flow starts with that customer:
//
//	params := &customers.CreateParamsV20200519{ReferenceID: "user-81", GivenNames: "Budi",
//		MobileNumber: xendit.Ptr("+6287774441111")}
//	if err := ewallets.CheckLinkingCustomer(ewallets.LinkingChannelOVO, params); err != nil {
//		return err // ask the customer for the missing field
//	}
//	cust, err := customers.NewV20200519(client).Create(ctx, params)
//	// then CreatePaymentMethod with CustomerID: cust.ID
func CheckLinkingCustomer(channel LinkingChannel, p *customers.CreateParamsV20200519) error {
	if p == nil {
		return xendit.Invalid("customer", "is required")
	}
	if p.ReferenceID == "" {
		return xendit.Invalid("reference_id", "is required")
	}
	needsMobile := channel == LinkingChannelOVO || channel == LinkingChannelLinkAja
	switch {
	case needsMobile && (p.MobileNumber == nil || *p.MobileNumber == ""):
		return xendit.Invalid("mobile_number", "is required to link %s: it identifies the customer's account", channel)
	case needsMobile && !isE164(*p.MobileNumber):
		return xendit.Invalid("mobile_number", "must be in E.164 format, e.g. +6287774441111")
	case channel == LinkingChannelOVO && p.GivenNames == "":
		return xendit.Invalid("given_names", "is required to link OVO")
	}
	return nil
}
