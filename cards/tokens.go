package cards

import (
	"context"

	"github.com/seed19b1029f/xendit-go"
)

var getToken = xendit.MustEndpoint("cards.get_token")

// Token is a card token as Get Token returns it.
type Token struct {
	ID         string      `json:"id"`
	BusinessID string      `json:"business_id"`
	Created    xendit.Time `json:"created"`
	// Status is the token's state. The reference shows "VALID", which is in
	// none of its lists; compare loosely.
	Status              string `json:"status"`
	CardExpirationMonth string `json:"card_expiration_month"`
	CardExpirationYear  string `json:"card_expiration_year"`
	// Metadata is an older view of CardInfo (it says country_code where
	// CardInfo says country).
	Metadata *TokenMetadata `json:"metadata,omitzero"`
	CardInfo *CardInfo      `json:"card_info,omitzero"`
}

// TokenMetadata is a token's card metadata.
type TokenMetadata struct {
	Bank        string   `json:"bank"`
	CountryCode string   `json:"country_code"`
	Type        CardType `json:"type"`
	Brand       string   `json:"brand"`
}

// CardInfo describes a tokenized card.
type CardInfo struct {
	// Bank is the issuer.
	Bank string `json:"bank"`
	// Country is the issuer's ISO 3166 alpha-2 country.
	Country    string   `json:"country"`
	Type       CardType `json:"type"`
	Brand      string   `json:"brand"`
	CardArtURL string   `json:"card_art_url"`
	// Fingerprint is the same for every token of the same card: use it to
	// spot a card saved twice.
	Fingerprint string `json:"fingerprint"`
}

// CardType is the kind of card. Unknown values still decode.
type CardType string

// The documented card types.
const (
	CardTypeCredit  CardType = "CREDIT"
	CardTypeDebit   CardType = "DEBIT"
	CardTypePrepaid CardType = "PREPAID"
	CardTypeUnknown CardType = "UNKNOWN"
)

// GetToken returns a token created by Xendit.js. The token id is scrubbed
// from any error it returns.
//
// API: GET /credit_card_tokens/{credit_card_token_id}
func (s *Client) GetToken(ctx context.Context, tokenID string, opts ...xendit.RequestOption) (*Token, error) {
	req := &xendit.Request{Endpoint: getToken, PathParams: map[string]string{"credit_card_token_id": tokenID}, Options: opts}
	var sec secrets
	sec.add(tokenID)
	return do[Token](ctx, s.c, req, sec)
}

// TokenStatus is the state of a tokenization or an authentication, as
// Xendit.js reports it. Unknown values still decode.
type TokenStatus string

// The documented tokenization and authentication statuses.
const (
	// TokenStatusInReview: the customer must complete 3DS at
	// PayerAuthenticationURL (show it in an iframe or redirect).
	TokenStatusInReview TokenStatus = "IN_REVIEW"
	// TokenStatusVerified: the token (and its authentication, if bundled)
	// is ready to charge. Check the charge's ECI for the liability shift.
	TokenStatusVerified TokenStatus = "VERIFIED"
	// TokenStatusFailed: authentication failed (FailureReason
	// AUTHENTICATION_FAILED); the token still exists and authentication can
	// be retried.
	TokenStatusFailed TokenStatus = "FAILED"
)

// Succeeded reports whether the token (or authentication) is ready to
// charge (VERIFIED). No money moves until CreateCharge.
func (s TokenStatus) Succeeded() bool { return s == TokenStatusVerified }

// Pending reports whether the customer still has to complete 3DS
// (IN_REVIEW).
func (s TokenStatus) Pending() bool { return s == TokenStatusInReview }

// Failed reports whether authentication failed (FAILED).
func (s TokenStatus) Failed() bool { return s == TokenStatusFailed }

// Tokenization is what Xendit.js's createToken hands the browser. The
// browser posts it (or just ID and AuthenticationID) to your server; the
// card number and CVN stay in the browser.
type Tokenization struct {
	// ID is the token id: CreateChargeParams.TokenID.
	ID string `json:"id"`
	// AuthenticationID is the bundled 3DS authentication:
	// CreateChargeParams.AuthenticationID.
	AuthenticationID       string        `json:"authentication_id"`
	ExternalID             string        `json:"external_id"`
	Status                 TokenStatus   `json:"status"`
	FailureReason          FailureReason `json:"failure_reason"`
	MaskedCardNumber       string        `json:"masked_card_number"`
	PayerAuthenticationURL string        `json:"payer_authentication_url"`
	CardInfo               *CardInfo     `json:"card_info,omitzero"`
	// NetworkResponse carries the 3DS fields only.
	NetworkResponse *NetworkResponse `json:"network_response,omitzero"`
}

// Authentication is what Xendit.js's createAuthentication hands the
// browser, for a token authenticated apart from tokenization (a saved
// multiple-use token, say).
type Authentication struct {
	// ID is CreateChargeParams.AuthenticationID; it is returned even when
	// Status is FAILED.
	ID                     string        `json:"id"`
	ExternalID             string        `json:"external_id"`
	Status                 TokenStatus   `json:"status"`
	FailureReason          FailureReason `json:"failure_reason"`
	PayerAuthenticationURL string        `json:"payer_authentication_url"`
	MIDLabel               string        `json:"mid_label"`
	// NetworkResponse is documented as a string but sent as an object.
	NetworkResponse *NetworkResponse `json:"network_response,omitzero"`
}
