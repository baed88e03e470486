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
	refundDirectDebit  = xendit.MustEndpoint("snap.refund_direct_debit")
	verifyOTP          = xendit.MustEndpoint("snap.verify_otp")
)

// DirectDebitParams is the body of Direct Debit - Create
// (POST /snap/v1.0/debit/payment-host-to-host, service code 54): a payment
// from a linked account (AdditionalInfo.PaymentMethodID) or from a channel
// named in PayOptionDetails.
type DirectDebitParams struct {
	// PartnerReferenceNo is your id for the payment; inquire with it.
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
	URL string `json:"url"`
	// Type is PAY_RETURN, FAILURE_RETURN or CANCEL_RETURN.
	Type string `json:"type"`
	// IsDeeplink is ignored by Xendit.
	IsDeeplink *bool `json:"isDeeplink,omitempty"`
}

// The documented URL types.
const (
	PayReturn     = "PAY_RETURN"
	FailureReturn = "FAILURE_RETURN"
	CancelReturn  = "CANCEL_RETURN"
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
	Reusability       Reusability        `json:"reusability,omitempty"`
	ChannelProperties *ChannelProperties `json:"channelProperties,omitempty"`
}

// ChannelProperties are the channel's own fields, for bindings and direct
// debits. Which are required depends on the channel.
type ChannelProperties struct {
	// MobileNumber (E.164): OVO one-time payments and BRI.
	MobileNumber string `json:"mobileNumber,omitempty"`
	// CardLastFour, CardExpiry (MM/YY) and Email: BRI.
	CardLastFour string `json:"cardLastFour,omitempty"`
	CardExpiry   string `json:"cardExpiry,omitempty"`
	Email        string `json:"email,omitempty"`
	// Cashtag: JENIUSPAY.
	Cashtag          string `json:"cashtag,omitempty"`
	SuccessReturnURL string `json:"successReturnUrl,omitempty"`
	FailureReturnURL string `json:"failureReturnUrl,omitempty"`
	CancelReturnURL  string `json:"cancelReturnUrl,omitempty"`
	// RequireAuth asks BRI for an OTP; above IDR 1,000,000 it always does.
	// The status response sends it as a string.
	RequireAuth any `json:"requireAuth,omitempty"`
	// RedeemPoints is REDEEM_NONE or REDEEM_ALL (the reference misprints
	// it "REDEEM_AL"); OVO and SHOPEEPAY only.
	RedeemPoints string `json:"redeemPoints,omitempty"`
}

// The documented redeemPoints values.
const (
	RedeemNone = "REDEEM_NONE"
	RedeemAll  = "REDEEM_ALL"
)

// DirectDebitAddition is DirectDebitParams.AdditionalInfo.
type DirectDebitAddition struct {
	// CustomerID is Xendit's customer id.
	CustomerID string `json:"customerId"`
	// PaymentMethodID is a linked account (pm-...), from account binding.
	PaymentMethodID   string             `json:"paymentMethodId,omitempty"`
	ChannelProperties *ChannelProperties `json:"channelProperties,omitempty"`
	Description       string             `json:"description,omitempty"`
	Metadata          Metadata           `json:"metadata,omitzero"`
}

// Validate checks the fields and combinations the reference requires.
func (p *DirectDebitParams) Validate() error {
	if p == nil {
		return xendit.Invalid("params", "is nil")
	}
	err := product.First(
		product.Required("partnerReferenceNo", p.PartnerReferenceNo),
		p.Amount.check("amount"),
		product.Required("additionalInfo.customerId", p.AdditionalInfo.CustomerID),
	)
	if err != nil {
		return err
	}
	switch n := len(p.PayOptionDetails); {
	case n > 1:
		return xendit.Invalid("payOptionDetails", "takes one entry, got %d", n)
	case n == 1 && p.AdditionalInfo.PaymentMethodID != "":
		return xendit.Invalid("payOptionDetails", "must be empty when additionalInfo.paymentMethodId is set")
	case n == 0 && p.AdditionalInfo.PaymentMethodID == "":
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
	// ReferenceNo is Xendit's id for the payment.
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
// VerifyPaymentOTP. It takes xendit.ForUserID and xendit.WithSplitRule.
func (s *Client) CreateDirectDebit(ctx context.Context, p *DirectDebitParams, opts ...xendit.RequestOption) (*DirectDebitResponse, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return do[DirectDebitResponse](ctx, s, createDirectDebit, p, opts)
}

// DirectDebitStatus is the response of Direct Debit - Inquire Status.
type DirectDebitStatus struct {
	Result
	OriginalReferenceNo        string `json:"originalReferenceNo"`
	OriginalPartnerReferenceNo string `json:"originalPartnerReferenceNo"`
	ServiceCode                string `json:"serviceCode"`
	// LatestTransactionStatus is 00 to 07.
	LatestTransactionStatus TransactionStatus `json:"latestTransactionStatus"`
	TransactionStatusDesc   string            `json:"transactionStatusDesc"`
	TransAmount             *Amount           `json:"transAmount,omitzero"`
	AdditionalInfo          DirectDebitInfo   `json:"additionalInfo"`
}

// InquireDirectDebit reads a payment's status (POST /snap/v1.0/debit/status,
// service code 55; the body names service 54). It takes xendit.ForUserID.
func (s *Client) InquireDirectDebit(ctx context.Context, q StatusQuery, opts ...xendit.RequestOption) (*DirectDebitStatus, error) {
	body, err := q.with(ServiceDirectDebit)
	if err != nil {
		return nil, err
	}
	return do[DirectDebitStatus](ctx, s, inquireDirectDebit, body, opts)
}

// RefundReason is why a direct debit is refunded.
type RefundReason string

// The documented refund reasons.
const (
	RefundFraudulent          RefundReason = "FRAUDULENT"
	RefundDuplicate           RefundReason = "DUPLICATE"
	RefundRequestedByCustomer RefundReason = "REQUESTED_BY_CUSTOMER"
	RefundCancellation        RefundReason = "CANCELLATION"
	RefundOthers              RefundReason = "OTHERS"
)

// RefundParams is the body of Direct Debit - Refund
// (POST /snap/v1.0/debit/refund, service code 58).
type RefundParams struct {
	OriginalPartnerReferenceNo string `json:"originalPartnerReferenceNo,omitempty"`
	OriginalReferenceNo        string `json:"originalReferenceNo,omitempty"`
	// PartnerRefundNo is your id for the refund.
	PartnerRefundNo string `json:"partnerRefundNo,omitempty"`
	// RefundAmount defaults to the whole refundable amount.
	RefundAmount   *Amount         `json:"refundAmount,omitempty"`
	Reason         RefundReason    `json:"reason,omitempty"`
	AdditionalInfo *RefundAddition `json:"additionalInfo,omitempty"`
}

// RefundAddition is RefundParams.AdditionalInfo.
type RefundAddition struct {
	Metadata Metadata `json:"metadata,omitzero"`
}

// RefundStatus is a refund's state.
type RefundStatus string

// The documented refund statuses.
const (
	RefundSucceeded RefundStatus = "SUCCESS"
	RefundFailed    RefundStatus = "FAILED"
	RefundPending   RefundStatus = "PENDING"
)

// RefundResponse is the response of Direct Debit - Refund.
type RefundResponse struct {
	Result
	OriginalReferenceNo string `json:"originalReferenceNo"`
	// RefundNo is Xendit's id for the refund (rfd-...).
	RefundNo        string     `json:"refundNo"`
	PartnerRefundNo string     `json:"partnerRefundNo"`
	RefundAmount    *Amount    `json:"refundAmount,omitzero"`
	AdditionalInfo  RefundInfo `json:"additionalInfo"`
}

// RefundInfo is a refund's additionalInfo.
type RefundInfo struct {
	ChannelCode string       `json:"channelCode"`
	Status      RefundStatus `json:"status"`
	Reason      RefundReason `json:"reason"`
	FailureCode string       `json:"failureCode"`
	// RefundFeeAmount is a bare string in the reference, not an [Amount].
	RefundFeeAmount string   `json:"refundFeeAmount"`
	Created         Time     `json:"created"`
	Updated         Time     `json:"updated"`
	Metadata        Metadata `json:"metadata,omitzero"`
}

// RefundDirectDebit refunds all or part of a payment.
func (s *Client) RefundDirectDebit(ctx context.Context, p *RefundParams, opts ...xendit.RequestOption) (*RefundResponse, error) {
	if p == nil {
		return nil, xendit.Invalid("params", "is nil")
	}
	if p.OriginalReferenceNo == "" && p.OriginalPartnerReferenceNo == "" {
		return nil, xendit.Invalid("originalReferenceNo", "or originalPartnerReferenceNo is required")
	}
	if err := p.RefundAmount.check("refundAmount"); err != nil {
		return nil, err
	}
	return do[RefundResponse](ctx, s, refundDirectDebit, p, opts)
}

// OTP types: one endpoint, POST /snap/v1.0/otp-verification (service code
// 04), verifies both binding and payment OTPs; the body's type tells them
// apart.
const (
	OTPBinding = "binding"
	OTPPayment = "payment"
)

// OTPRequest is the body of OTP verification.
type OTPRequest struct {
	// OriginalReferenceNo is the payment method (pm-..., binding) or the
	// payment request (pr-..., payment).
	OriginalReferenceNo string `json:"originalReferenceNo"`
	OTP                 string `json:"otp"`
	Type                string `json:"type"`
}

// OTPResponse is the response of OTP verification.
type OTPResponse struct {
	Result
	OriginalReferenceNo        string `json:"originalReferenceNo"`
	OriginalPartnerReferenceNo string `json:"originalPartnerReferenceNo"`
	CustomerID                 string `json:"customerId"`
}

// VerifyPaymentOTP confirms a direct debit with the OTP the customer
// received; the payment's outcome arrives as a snap.direct_debit.succeeded
// callback.
func (s *Client) VerifyPaymentOTP(ctx context.Context, paymentRequestID, otp string, opts ...xendit.RequestOption) (*OTPResponse, error) {
	return s.verifyOTP(ctx, OTPRequest{OriginalReferenceNo: paymentRequestID, OTP: otp, Type: OTPPayment}, opts)
}

func (s *Client) verifyOTP(ctx context.Context, r OTPRequest, opts []xendit.RequestOption) (*OTPResponse, error) {
	if err := product.First(product.Required("originalReferenceNo", r.OriginalReferenceNo),
		product.Required("otp", r.OTP)); err != nil {
		return nil, err
	}
	return do[OTPResponse](ctx, s, verifyOTP, &r, opts)
}
