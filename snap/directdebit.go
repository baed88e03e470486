package snap

import (
	"context"
	"slices"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var (
	createDirectDebit  = xendit.MustEndpoint("snap.create_direct_debit")
	inquireDirectDebit = xendit.MustEndpoint("snap.inquire_direct_debit")
)

// CreateDirectDebitParams is the body of Direct Debit - Create (service
// code 54): a payment from a linked account (AdditionalInfo.PaymentMethodID)
// or from a channel named in PayOptionDetails.
type CreateDirectDebitParams struct {
	// PartnerReferenceNo is your id for the payment; inquire with it
	// ([PartnerReferenceNo]).
	PartnerReferenceNo string `json:"partnerReferenceNo"`
	// Amount is required. (The reference describes it with QR wording:
	// "required for ONE_TIME_USE QR".)
	Amount Amount `json:"amount"`
	// URLParam holds the return URLs: PAY_RETURN for OVO (MULTIPLE_USE),
	// DANA and SHOPEEPAY; FAILURE_RETURN for their MULTIPLE_USE flows.
	URLParam []URLParam `json:"urlParam,omitempty"`
	// PayOptionDetails names the channel when there is no PaymentMethodID;
	// at most one entry.
	PayOptionDetails []PayOptionDetail   `json:"payOptionDetails,omitempty"`
	AdditionalInfo   DirectDebitAddition `json:"additionalInfo"`
}

// URLParam is a return URL of a direct debit.
type URLParam struct {
	URL  string       `json:"url"`
	Type URLParamType `json:"type"`
	// IsDeeplink is ignored by Xendit.
	IsDeeplink *bool `json:"isDeeplink,omitempty"`
}

// URLParamType says when the customer is sent to a [URLParam]'s URL.
type URLParamType string

// The documented URL param types.
const (
	URLParamTypePayReturn     URLParamType = "PAY_RETURN"
	URLParamTypeFailureReturn URLParamType = "FAILURE_RETURN"
	URLParamTypeCancelReturn  URLParamType = "CANCEL_RETURN"
)

// PayOptionDetail names the channel of a direct debit without a linked
// account.
type PayOptionDetail struct {
	PayMethod      PayMethod          `json:"payMethod"`
	PayOption      PayOption          `json:"payOption"`
	AdditionalInfo *PayOptionAddition `json:"additionalInfo,omitempty"`
}

// PayOptionAddition is required for OVO one-time payments, BRI and
// JENIUSPAY.
type PayOptionAddition struct {
	Reusability       *Reusability       `json:"reusability,omitempty"`
	ChannelProperties *ChannelProperties `json:"channelProperties,omitempty"`
}

// ChannelProperties are the channel's own fields, for bindings and direct
// debits, sent and received. Which are required depends on the channel.
type ChannelProperties struct {
	// MobileNumber (E.164): OVO one-time payments and BRI.
	MobileNumber *string `json:"mobileNumber,omitempty"`
	// CardLastFour, CardExpiry (MM/YY) and Email: BRI.
	CardLastFour *string `json:"cardLastFour,omitempty"`
	CardExpiry   *string `json:"cardExpiry,omitempty"`
	Email        *string `json:"email,omitempty"`
	// Cashtag: JENIUSPAY.
	Cashtag          *string `json:"cashtag,omitempty"`
	SuccessReturnURL *string `json:"successReturnUrl,omitempty"`
	FailureReturnURL *string `json:"failureReturnUrl,omitempty"`
	CancelReturnURL  *string `json:"cancelReturnUrl,omitempty"`
	// RequireAuth asks BRI for an OTP; above IDR 1,000,000 it always does.
	// Send a bool; the status response sends it back as a string.
	RequireAuth any `json:"requireAuth,omitempty"`
	// RedeemPoints is OVO's and SHOPEEPAY's only.
	RedeemPoints *RedeemPoints `json:"redeemPoints,omitempty"`
}

// RedeemPoints says whether a debit spends the customer's points.
type RedeemPoints string

// The documented redeemPoints values (the reference misprints the second
// "REDEEM_AL").
const (
	RedeemPointsNone RedeemPoints = "REDEEM_NONE"
	RedeemPointsAll  RedeemPoints = "REDEEM_ALL"
)

// DirectDebitAddition is CreateDirectDebitParams.AdditionalInfo.
type DirectDebitAddition struct {
	// CustomerID is Xendit's customer id.
	CustomerID string `json:"customerId"`
	// PaymentMethodID is a linked account (pm-...), from account binding.
	PaymentMethodID   *string            `json:"paymentMethodId,omitempty"`
	ChannelProperties *ChannelProperties `json:"channelProperties,omitempty"`
	Description       *string            `json:"description,omitempty"`
	Metadata          Metadata           `json:"metadata,omitzero"`
}

// Validate checks the fields and combinations the reference requires.
func (p *CreateDirectDebitParams) Validate() error {
	err := product.First(
		product.Required("partnerReferenceNo", p.PartnerReferenceNo),
		p.Amount.check("amount"),
		product.Required("additionalInfo.customerId", p.AdditionalInfo.CustomerID),
	)
	if err != nil {
		return err
	}
	linked := !empty(p.AdditionalInfo.PaymentMethodID)
	switch n := len(p.PayOptionDetails); {
	case n > 1:
		return xendit.Invalid("payOptionDetails", "takes one entry, got %d", n)
	case n == 1 && linked:
		return xendit.Invalid("payOptionDetails", "must be empty when additionalInfo.paymentMethodId is set")
	case n == 0 && !linked:
		return xendit.Invalid("additionalInfo.paymentMethodId", "is required when payOptionDetails is empty")
	case n == 1:
		return checkPayOption("payOptionDetails[0]", p.PayOptionDetails[0].PayMethod, p.PayOptionDetails[0].PayOption)
	}
	return nil
}

// checkPayOption applies the reference's table of pay options per method.
// An unknown pay method passes: the API may add some.
func checkPayOption(field string, m PayMethod, o PayOption) error {
	allowed, known := payOptions[m]
	if m == "" || o == "" {
		return xendit.Invalid(field, "payMethod and payOption are required")
	}
	if known && !slices.Contains(allowed, o) {
		return xendit.Invalid(field+".payOption", "%s is not a %s channel", o, m)
	}
	return nil
}

// DirectDebitResponse is the response of Direct Debit - Create.
type DirectDebitResponse struct {
	Result
	// ReferenceNo is Xendit's id for the payment ([ReferenceNo]).
	ReferenceNo        string          `json:"referenceNo"`
	PartnerReferenceNo string          `json:"partnerReferenceNo"`
	ApprovalCode       string          `json:"approvalCode"`
	AppRedirectURL     string          `json:"appRedirectUrl"`
	WebRedirectURL     string          `json:"webRedirectUrl"`
	AdditionalInfo     DirectDebitInfo `json:"additionalInfo"`
}

// DirectDebitInfo is the additionalInfo of direct debit responses.
type DirectDebitInfo struct {
	CustomerID               string             `json:"customerId"`
	Description              string             `json:"description"`
	PaymentMethodID          string             `json:"paymentMethodId"`
	PaymentMethodReferenceID string             `json:"paymentMethodReferenceId"`
	ChannelProperties        *ChannelProperties `json:"channelProperties,omitzero"`
	// Actions says what the customer must do, such as AUTH by OTP.
	Actions     []Action `json:"actions,omitzero"`
	FailureCode string   `json:"failureCode"`
	Created     Time     `json:"created"`
	Updated     Time     `json:"updated"`
	Metadata    Metadata `json:"metadata,omitzero"`
}

// CreateDirectDebit starts a payment. When the response's Actions hold an
// AUTH step by OTP, the customer receives a code: pass it to
// [Client.VerifyOTP] with [OTPTypePayment]. It takes xendit.ForUserID and
// xendit.WithSplitRule.
//
// API: POST /snap/v1.0/debit/payment-host-to-host
func (s *Client) CreateDirectDebit(ctx context.Context, params *CreateDirectDebitParams, opts ...xendit.RequestOption) (*DirectDebitResponse, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return do[DirectDebitResponse](ctx, s, createDirectDebit, params, opts)
}

// DirectDebitStatus is the response of Direct Debit - Inquire Status.
type DirectDebitStatus struct {
	Result
	TransactionInquiry
	TransAmount    *Amount         `json:"transAmount,omitzero"`
	AdditionalInfo DirectDebitInfo `json:"additionalInfo"`
}

// InquireDirectDebit reads the status of a direct debit (service code 55;
// the body names service 54). It takes xendit.ForUserID.
//
// API: POST /snap/v1.0/debit/status
func (s *Client) InquireDirectDebit(ctx context.Context, ref Ref, opts ...xendit.RequestOption) (*DirectDebitStatus, error) {
	return inquire[DirectDebitStatus](ctx, s, inquireDirectDebit, ref, ServiceDirectDebit, opts)
}
