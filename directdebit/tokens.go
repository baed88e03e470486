package directdebit

import (
	"context"
	"iter"
	"net/url"
	"regexp"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var (
	initializeTokenization = xendit.MustEndpoint("directdebit.initialize_tokenization")
	validateTokenOTP       = xendit.MustEndpoint("directdebit.validate_token_otp")
	listAccessibleAccounts = xendit.MustEndpoint("directdebit.list_accessible_accounts")
	unbindToken            = xendit.MustEndpoint("directdebit.unbind_token")
)

// InitializeTokenizationParams starts linking a customer's account.
type InitializeTokenizationParams struct {
	// CustomerID is a customer object id (the customers package).
	CustomerID  string      `json:"customer_id"`
	ChannelCode ChannelCode `json:"channel_code"`
	// Properties are what the channel needs to find the account; which
	// are required depends on ChannelCode (see Validate).
	Properties *TokenizationProperties `json:"properties,omitempty"`
	Metadata   map[string]any          `json:"metadata,omitzero"`
}

// TokenizationProperties are the channel-specific fields of a linking.
// Every field is optional here because each is optional for some channel;
// [InitializeTokenizationParams.Validate] requires what the channel needs.
type TokenizationProperties struct {
	// AccountMobileNumber (E.164, "+62818555988") is the number registered
	// with the bank: BRI, BCA OneKlik and the Thai banks.
	AccountMobileNumber *string `json:"account_mobile_number,omitempty"`
	// CardLastFour and CardExpiry ("06/24") identify a BRI debit card;
	// AccountEmail is the e-mail registered with BRI.
	CardLastFour *string `json:"card_last_four,omitempty"`
	CardExpiry   *string `json:"card_expiry,omitempty"`
	AccountEmail *string `json:"account_email,omitempty"`
	// SuccessRedirectURL is where the bank sends the customer after
	// authorizing (every channel but BRI); the token id is added to it.
	SuccessRedirectURL *string `json:"success_redirect_url,omitempty"`
	// FailureRedirectURL is required by the Thai banks.
	FailureRedirectURL *string `json:"failure_redirect_url,omitempty"`
	// CallbackURL overrides the Dashboard's URL for the linking callback.
	CallbackURL *string `json:"callback_url,omitempty"`
	// Device is required by BCA OneKlik.
	Device *Device `json:"device,omitempty"`
	// AccountIdentityDocumentNumber is the Thai national ID; required by
	// Krungsri and KTB, optional for BBL and SCB.
	AccountIdentityDocumentNumber *string `json:"account_identity_document_number,omitempty"`
}

// linkingRules are the properties each channel requires, from the
// reference's property tables (lines 15808-15897).
var linkingRules = map[ChannelCode][]string{
	ChannelBRI:          {"account_mobile_number", "card_last_four", "account_email"},
	ChannelBCAOneKlik:   {"account_mobile_number", "success_redirect_url", "device"},
	ChannelBPI:          {"success_redirect_url"},
	ChannelBPIRecurring: {"success_redirect_url"},
	ChannelUBP:          {"success_redirect_url"},
	ChannelUBPEADA:      {"success_redirect_url"},
	ChannelBBL:          {"account_mobile_number", "success_redirect_url", "failure_redirect_url"},
	ChannelSCB:          {"account_mobile_number", "success_redirect_url", "failure_redirect_url"},
	ChannelKrungsri:     {"account_mobile_number", "success_redirect_url", "failure_redirect_url", "account_identity_document_number"},
	ChannelKTB:          {"account_mobile_number", "success_redirect_url", "failure_redirect_url", "account_identity_document_number"},
}

var (
	e164       = regexp.MustCompile(`^\+[1-9][0-9]{6,14}$`)
	lastFour   = regexp.MustCompile(`^[0-9]{4}$`)
	cardExpiry = regexp.MustCompile(`^(0[1-9]|1[0-2])/[0-9]{2}$`)
)

// Validate checks the required fields, the properties the channel
// requires, their formats (E.164 mobile number, four digits, MM/YY, URLs,
// the device) and the metadata limits. InitializeTokenization calls it.
func (p *InitializeTokenizationParams) Validate() error {
	err := product.First(
		product.Required("customer_id", p.CustomerID),
		product.Required("channel_code", string(p.ChannelCode)),
	)
	if err != nil {
		return err
	}
	if _, known := linkingRules[p.ChannelCode]; !known && p.ChannelCode != "" {
		return xendit.Invalid("channel_code", "%q is not a channel that links accounts", p.ChannelCode)
	}
	props := p.Properties
	if props == nil {
		props = &TokenizationProperties{}
	}
	set := props.fields()
	for _, name := range linkingRules[p.ChannelCode] {
		if !set[name] {
			return xendit.Invalid("properties."+name, "is required for %s", p.ChannelCode)
		}
	}
	if err := props.checkFormats(); err != nil {
		return err
	}
	return xendit.CheckMetadata("metadata", p.Metadata)
}

// fields reports which properties are set (non-empty).
func (t *TokenizationProperties) fields() map[string]bool {
	set := func(s *string) bool { return s != nil && *s != "" }
	return map[string]bool{
		"account_mobile_number":            set(t.AccountMobileNumber),
		"card_last_four":                   set(t.CardLastFour),
		"card_expiry":                      set(t.CardExpiry),
		"account_email":                    set(t.AccountEmail),
		"success_redirect_url":             set(t.SuccessRedirectURL),
		"failure_redirect_url":             set(t.FailureRedirectURL),
		"callback_url":                     set(t.CallbackURL),
		"device":                           t.Device != nil,
		"account_identity_document_number": set(t.AccountIdentityDocumentNumber),
	}
}

func (t *TokenizationProperties) checkFormats() error {
	if err := matches("properties.account_mobile_number", t.AccountMobileNumber, e164, "an E.164 number such as +62818555988"); err != nil {
		return err
	}
	if err := matches("properties.card_last_four", t.CardLastFour, lastFour, "four digits"); err != nil {
		return err
	}
	if err := matches("properties.card_expiry", t.CardExpiry, cardExpiry, "MM/YY"); err != nil {
		return err
	}
	for name, u := range map[string]*string{
		"properties.success_redirect_url": t.SuccessRedirectURL,
		"properties.failure_redirect_url": t.FailureRedirectURL,
		"properties.callback_url":         t.CallbackURL,
	} {
		if u != nil {
			if err := product.URL(name, *u); err != nil {
				return err
			}
		}
	}
	if t.Device != nil {
		return t.Device.check("properties.device")
	}
	return nil
}

// matches fails when the optional s is set and does not match re.
func matches(field string, s *string, re *regexp.Regexp, want string) error {
	if s != nil && !re.MatchString(*s) {
		return xendit.Invalid(field, "must be %s", want)
	}
	return nil
}

// TokenStatus is the state of a linked account token: PENDING until the
// customer authorizes the linking (the OTP, or the bank's page), then
// SUCCESS.
type TokenStatus string

// The documented token statuses.
const (
	TokenStatusPending TokenStatus = "PENDING"
	TokenStatusSuccess TokenStatus = "SUCCESS"
)

// Linked reports whether the account is linked: its accessible accounts
// can be read and turned into payment methods.
func (s TokenStatus) Linked() bool { return s == TokenStatusSuccess }

// Pending reports whether the customer has not authorized the linking yet.
func (s TokenStatus) Pending() bool { return s == TokenStatusPending }

// LinkedAccountToken is an account authorization (lat-...), as Initialize
// and Validate OTP return it.
type LinkedAccountToken struct {
	ID          string      `json:"id"`
	CustomerID  string      `json:"customer_id"`
	ChannelCode ChannelCode `json:"channel_code"`
	// AuthorizerURL is the bank page where the customer confirms the
	// linking; empty for BRI, which validates an OTP instead
	// (ValidateTokenOTP). Validate OTP does not send it.
	AuthorizerURL string      `json:"authorizer_url,omitempty"`
	Status        TokenStatus `json:"status"`
	// Metadata echoes the request's; Validate OTP does not send it.
	Metadata map[string]any `json:"metadata,omitzero"`
}

// NeedsOTP reports whether the linking goes on with ValidateTokenOTP (no
// authorizer URL: BRI) rather than a redirect to AuthorizerURL.
func (t *LinkedAccountToken) NeedsOTP() bool {
	return t.Status.Pending() && t.AuthorizerURL == ""
}

// InitializeTokenization starts linking a customer's bank account or debit
// card. The token is PENDING: send the customer to AuthorizerURL, or for
// BRI call ValidateTokenOTP with the OTP the bank sent by SMS. Redirect
// channels (BCA OneKlik, BPI, Unionbank) report success in a
// linked_account_token.successful callback.
//
// Xendit documents no idempotency header here, so the SDK does not repeat
// the request after an ambiguous failure: on [xendit.OutcomeUnknown],
// initialize again (a PENDING token that is never authorized links
// nothing).
//
// API: POST /linked_account_tokens/auth
func (s *Client) InitializeTokenization(ctx context.Context, params *InitializeTokenizationParams, opts ...xendit.RequestOption) (*LinkedAccountToken, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return product.Do[LinkedAccountToken](ctx, s.c, &xendit.Request{Endpoint: initializeTokenization, Body: params, Options: opts})
}

// ValidateOTPParams is the one-time password the customer received from
// the bank, for a linking or a payment.
type ValidateOTPParams struct {
	OTPCode string `json:"otp_code"`
}

// Validate checks that the OTP is given.
func (p *ValidateOTPParams) Validate() error { return product.Required("otp_code", p.OTPCode) }

// ValidateTokenOTP completes a BRI linking with the OTP the customer
// received; the token comes back with status SUCCESS. A wrong or expired
// OTP is an error with Code [CodeInvalidOTP] or [CodeExpiredOTP].
//
// It is not repeated after an ambiguous failure: on
// [xendit.OutcomeUnknown], call ListAccessibleAccounts, which answers once
// the linking succeeded.
//
// API: POST /linked_account_tokens/{linked_account_token_id}/validate_otp
func (s *Client) ValidateTokenOTP(ctx context.Context, tokenID string, params *ValidateOTPParams, opts ...xendit.RequestOption) (*LinkedAccountToken, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return product.Do[LinkedAccountToken](ctx, s.c, &xendit.Request{Endpoint: validateTokenOTP,
		PathParams: map[string]string{"linked_account_token_id": tokenID}, Body: params, Options: opts})
}

// AccessibleAccount is a bank account or card (la-...) that a linked
// account token reaches; its ID goes into CreatePaymentMethod.
type AccessibleAccount struct {
	ID          string            `json:"id"`
	ChannelCode ChannelCode       `json:"channel_code"`
	Type        PaymentMethodType `json:"type"`
	Properties  AccountProperties `json:"properties"`
}

// AccountProperties describe an account as the bank shows it: card
// fields for debit cards, account fields for bank accounts; what a channel
// does not send is empty.
type AccountProperties struct {
	// AccountMobileNumber is masked; BCA OneKlik.
	AccountMobileNumber string `json:"account_mobile_number,omitempty"`
	CardLastFour        string `json:"card_last_four,omitempty"`
	// CardExpiry is MM/YY; null (empty) for BCA OneKlik.
	CardExpiry string `json:"card_expiry,omitempty"`
	// AccountDetails is the masked account number; bank accounts.
	AccountDetails string `json:"account_details,omitempty"`
	// AccountHash is the same for one bank account across linkings, so it
	// tells whether a customer linked an account already.
	AccountHash string `json:"account_hash,omitempty"`
	// AccountType is the bank's own word ("SAVINGS").
	AccountType string          `json:"account_type,omitempty"`
	Currency    xendit.Currency `json:"currency"`
	// Description is the bank's; the API sends both null and "".
	Description *string `json:"description"`
}

// ListAccessibleAccounts returns the accounts a linked token reaches, as
// one page (the API answers a bare array).
//
// API: GET /linked_account_tokens/{linked_account_token_id}/accounts
func (s *Client) ListAccessibleAccounts(ctx context.Context, tokenID string, opts ...xendit.RequestOption) (*xendit.Page[AccessibleAccount], error) {
	return listArray[AccessibleAccount](ctx, s.c, &xendit.Request{Endpoint: listAccessibleAccounts,
		PathParams: map[string]string{"linked_account_token_id": tokenID}, Options: opts})
}

// AllAccessibleAccounts returns every account a linked token reaches.
//
// API: GET /linked_account_tokens/{linked_account_token_id}/accounts
func (s *Client) AllAccessibleAccounts(ctx context.Context, tokenID string, opts ...xendit.RequestOption) iter.Seq2[*AccessibleAccount, error] {
	return allOf(ctx, func(ctx context.Context) (*xendit.Page[AccessibleAccount], error) {
		return s.ListAccessibleAccounts(ctx, tokenID, opts...)
	})
}

// UnbindTokenParams are the redirect URLs of a KTB unlinking, which the
// customer confirms on the bank's page. Other channels need none: pass
// nil.
type UnbindTokenParams struct {
	SuccessRedirectURL string
	FailureRedirectURL string
}

// Validate checks that both URLs are given (KTB requires both) and are
// absolute http(s) URLs.
func (p *UnbindTokenParams) Validate() error {
	err := product.First(
		product.Required("success_redirect_url", p.SuccessRedirectURL),
		product.Required("failure_redirect_url", p.FailureRedirectURL),
	)
	if err != nil {
		return err
	}
	if err := product.URL("success_redirect_url", p.SuccessRedirectURL); err != nil {
		return err
	}
	return product.URL("failure_redirect_url", p.FailureRedirectURL)
}

func (p *UnbindTokenParams) query() url.Values {
	if p == nil {
		return nil
	}
	return url.Values{"success_redirect_url": {p.SuccessRedirectURL}, "failure_redirect_url": {p.FailureRedirectURL}}
}

// UnbindResult is the answer to UnbindToken.
type UnbindResult struct {
	ID string `json:"id"`
	// IsDeleted is true once the token is unbound; false for KTB, whose
	// customer must confirm at AuthorizerURL first.
	IsDeleted     bool   `json:"is_deleted"`
	AuthorizerURL string `json:"authorizer_url,omitempty"`
}

// UnbindToken unlinks a linked account token. params is nil for every
// channel but KTB, whose unlinking the customer confirms on the bank's
// page: give the redirect URLs, and send the customer to the result's
// AuthorizerURL. A DELETE is safe to repeat, so it is retried like a GET.
//
// API: DELETE /linked_account_tokens/{linked_account_token_id}
func (s *Client) UnbindToken(ctx context.Context, tokenID string, params *UnbindTokenParams, opts ...xendit.RequestOption) (*UnbindResult, error) {
	if params != nil {
		if err := params.Validate(); err != nil {
			return nil, err
		}
	}
	return product.Do[UnbindResult](ctx, s.c, &xendit.Request{Endpoint: unbindToken,
		PathParams: map[string]string{"linked_account_token_id": tokenID}, Query: params.query(), Options: opts})
}
