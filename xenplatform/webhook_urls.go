package xenplatform

import (
	"context"
	"log/slog"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var setWebhookURL = xendit.MustEndpoint("xenplatform.set_webhook_url")

// Error codes of Set Webhook URLs.
const (
	CodeInvalidURLFormat                    = "INVALID_URL_FORMAT"
	CodeCallbackAuthenticationTokenNotFound = "CALLBACK_AUTHENTICATION_TOKEN_NOT_FOUND_ERROR"
)

// WebhookType names the Dashboard's callback URL a call sets: one per
// product or event family.
type WebhookType string

// The 23 documented webhook types (lines 33373-33403). The path table's
// own list (line 33460) has 22 and omits payout; the SDK follows the text.
const (
	// Money-in.
	WebhookTypeInvoice                 WebhookType = "invoice"
	WebhookTypeFVAStatus               WebhookType = "fva_status"
	WebhookTypeFVAPaid                 WebhookType = "fva_paid"
	WebhookTypeROFPCPaid               WebhookType = "ro_fpc_paid"
	WebhookTypeRegionalROPaid          WebhookType = "regional_ro_paid"
	WebhookTypeEWallet                 WebhookType = "ewallet"
	WebhookTypePaymentMethod           WebhookType = "payment_method"
	WebhookTypePaymentMethodV2         WebhookType = "payment_method_v2"
	WebhookTypeDirectDebit             WebhookType = "direct_debit"
	WebhookTypeQRCode                  WebhookType = "qr_code"
	WebhookTypeRecurring               WebhookType = "recurring"
	WebhookTypePaymentSucceeded        WebhookType = "payment_succeeded"
	WebhookTypePaymentAwaitingCapture  WebhookType = "payment_awaiting_capture"
	WebhookTypePaymentPending          WebhookType = "payment_pending"
	WebhookTypePaymentFailed           WebhookType = "payment_failed"
	WebhookTypeCaptureSucceeded        WebhookType = "capture_succeeded"
	WebhookTypeCaptureFailed           WebhookType = "capture_failed"
	WebhookTypePaymentRequestCompleted WebhookType = "payment_request_completed"
	// Money-out.
	WebhookTypeDisbursement      WebhookType = "disbursement"
	WebhookTypePHDisbursement    WebhookType = "ph_disbursement"
	WebhookTypeBatchDisbursement WebhookType = "batch_disbursement"
	WebhookTypePayout            WebhookType = "payout"
	// Others.
	WebhookTypeReport WebhookType = "report"
)

// WebhookTypes returns the 23 documented webhook types, in the
// reference's order.
func WebhookTypes() []WebhookType {
	return []WebhookType{
		WebhookTypeInvoice, WebhookTypeFVAStatus, WebhookTypeFVAPaid, WebhookTypeROFPCPaid, WebhookTypeRegionalROPaid,
		WebhookTypeEWallet, WebhookTypePaymentMethod, WebhookTypePaymentMethodV2, WebhookTypeDirectDebit, WebhookTypeQRCode,
		WebhookTypeRecurring, WebhookTypePaymentSucceeded, WebhookTypePaymentAwaitingCapture, WebhookTypePaymentPending,
		WebhookTypePaymentFailed, WebhookTypeCaptureSucceeded, WebhookTypeCaptureFailed, WebhookTypePaymentRequestCompleted,
		WebhookTypeDisbursement, WebhookTypePHDisbursement, WebhookTypeBatchDisbursement, WebhookTypePayout, WebhookTypeReport,
	}
}

// SetWebhookURLParams is the URL to set.
type SetWebhookURLParams struct {
	URL string `json:"url"`
}

// Validate checks that URL is an absolute http(s) URL.
func (p *SetWebhookURLParams) Validate() error {
	if err := product.Required("url", p.URL); err != nil {
		return err
	}
	return product.URL("url", p.URL)
}

// CallbackToken is the token Xendit sends in x-callback-token with an
// account's callbacks: a secret. It prints as [redacted] (fmt, slog), so a
// logged [WebhookURL] does not leak it; string(token) is the value to give
// xendit.WithCallbackTokensFor. It encodes to JSON as received.
type CallbackToken string

// String redacts the token.
func (CallbackToken) String() string { return "[redacted]" }

// GoString redacts the token for %#v.
func (CallbackToken) GoString() string { return "[redacted]" }

// LogValue redacts the token for log/slog.
func (CallbackToken) LogValue() slog.Value { return slog.StringValue("[redacted]") }

// WebhookURL is the answer of SetWebhookURL.
type WebhookURL struct {
	// Status is SUCCESSFUL.
	Status string `json:"status"`
	// UserID is the account the URL was set on.
	UserID string `json:"user_id"`
	URL    string `json:"url"`
	// Environment is TEST or LIVE.
	Environment string `json:"environment"`
	// CallbackToken is the account's verification token: register it with
	// the webhook handler, labelled with UserID.
	CallbackToken CallbackToken `json:"callback_token"`
}

// SetWebhookURL sets the URL that receives the webhooks of webhookType:
// the platform's own, or with [xendit.ForUserID] a sub-account's (OWNED
// accounts do not follow later changes of the platform's URLs). Setting a
// URL twice sets it again: repeating is harmless, though the SDK repeats
// only what the core's retry rules allow.
//
// API: POST /callback_urls/{type}
func (s *Client) SetWebhookURL(ctx context.Context, webhookType WebhookType, params *SetWebhookURLParams, opts ...xendit.RequestOption) (*WebhookURL, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	req := &xendit.Request{Endpoint: setWebhookURL, PathParams: map[string]string{"type": string(webhookType)}, Body: params, Options: opts}
	return product.Do[WebhookURL](ctx, s.c, req)
}
