package snap

import (
	"context"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var verifyOTP = xendit.MustEndpoint("snap.verify_otp")

// OTPType says what an OTP confirms. One endpoint verifies both binding and
// payment OTPs; the type tells them apart.
type OTPType string

// The documented OTP types.
const (
	// OTPTypeBinding confirms an account binding; the reference number is
	// the payment method's (pm-...).
	OTPTypeBinding OTPType = "binding"
	// OTPTypePayment confirms a direct debit; the reference number is the
	// payment request's (pr-..., the debit's referenceNo).
	OTPTypePayment OTPType = "payment"
)

// VerifyOTPParams is the body of OTP verification, less the reference
// number, which [Client.VerifyOTP] takes as its argument.
type VerifyOTPParams struct {
	// OTP is the code the customer received.
	OTP  string  `json:"otp"`
	Type OTPType `json:"type"`
}

// Validate checks the fields the reference requires.
func (p *VerifyOTPParams) Validate() error {
	if err := product.Required("otp", p.OTP); err != nil {
		return err
	}
	if p.Type != OTPTypeBinding && p.Type != OTPTypePayment {
		return xendit.Invalid("type", "%q is not binding or payment", p.Type)
	}
	return nil
}

// verifyOTPBody is what VerifyOTP sends: the reference number and params.
type verifyOTPBody struct {
	OriginalReferenceNo string `json:"originalReferenceNo"`
	*VerifyOTPParams
}

// OTPResponse is the response of OTP verification.
type OTPResponse struct {
	Result
	OriginalReferenceNo        string `json:"originalReferenceNo"`
	OriginalPartnerReferenceNo string `json:"originalPartnerReferenceNo"`
	CustomerID                 string `json:"customerId"`
}

// VerifyOTP confirms an account binding or a direct debit with the OTP the
// customer received. originalReferenceNo is Xendit's id of what the OTP
// confirms: the binding's payment method (pm-..., [OTPTypeBinding]) or the
// direct debit's referenceNo (pr-..., [OTPTypePayment]). A debit's outcome
// arrives as a snap.direct_debit.succeeded callback.
//
// API: POST /snap/v1.0/otp-verification
func (s *Client) VerifyOTP(ctx context.Context, originalReferenceNo string, params *VerifyOTPParams, opts ...xendit.RequestOption) (*OTPResponse, error) {
	if err := product.Required("originalReferenceNo", originalReferenceNo); err != nil {
		return nil, err
	}
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return do[OTPResponse](ctx, s, verifyOTP, verifyOTPBody{originalReferenceNo, params}, opts)
}
