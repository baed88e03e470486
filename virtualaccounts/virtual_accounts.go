package virtualaccounts

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var (
	createVirtualAccount = xendit.MustEndpoint("virtualaccounts.create_virtual_account")
	updateVirtualAccount = xendit.MustEndpoint("virtualaccounts.update_virtual_account")
	getVirtualAccount    = xendit.MustEndpoint("virtualaccounts.get_virtual_account")
)

// maxExternalID is the longest external_id the API takes.
const maxExternalID = 950

// CreateVirtualAccountParams is the body of Create Virtual Account.
type CreateVirtualAccountParams struct {
	// ExternalID is your identifier for this account (1 to 950
	// characters), such as an order or customer id. Payments and callbacks
	// carry it back; store it before calling (see "Exactly once" in the
	// package doc).
	ExternalID string   `json:"external_id"`
	BankCode   BankCode `json:"bank_code"`
	// Name is shown in the bank's interface (ATM screens): letters and
	// spaces only (BCA also takes digits and needs 3 characters), and no
	// bank or institution name.
	Name string `json:"name"`
	// VirtualAccountNumber chooses the number, without the merchant code
	// prefix and within your range (Dashboard, Virtual Account Settings);
	// a random one when nil.
	VirtualAccountNumber *string `json:"virtual_account_number,omitempty"`
	// Country defaults to CountryID.
	Country *Country `json:"country,omitempty"`
	// Currency defaults to the country's: IDR (or USD) in Indonesia, VND,
	// THB, MYR.
	Currency *xendit.Currency `json:"currency,omitempty"`
	// IsSingleUse makes the account INACTIVE once paid; false lets the
	// customer pay it again and again.
	IsSingleUse *bool `json:"is_single_use,omitempty"`
	// IsClosed accepts only ExpectedAmount; false accepts any amount.
	IsClosed *bool `json:"is_closed,omitempty"`
	// ExpectedAmount is the amount a closed account accepts; required when
	// IsClosed, within the bank's range.
	ExpectedAmount *float64 `json:"expected_amount,omitempty"`
	// MinAmount and MaxAmount bound what an open account accepts (BCA, BNC
	// and CIMB only).
	MinAmount *int64 `json:"min_amount,omitempty"`
	MaxAmount *int64 `json:"max_amount,omitempty"`
	// SuggestedAmount is shown to the payer, who may still pay another
	// amount (BRI and MANDIRI only).
	SuggestedAmount *float64 `json:"suggested_amount,omitempty"`
	// ExpirationDate defaults to 31 years after creation; it must not be in
	// the past.
	ExpirationDate xendit.Time `json:"expiration_date,omitzero"`
	// Description is shown to the payer (BRI and BSI only).
	Description *string `json:"description,omitempty"`
	// AlternativeDisplayTypes asks for other ways to show the account
	// (Vietnam only): AlternativeDisplayQRString adds a VietQR string.
	AlternativeDisplayTypes []AlternativeDisplayType `json:"alternative_display_types,omitempty"`
}

// AlternativeDisplayType is a way to show a virtual account besides its
// number.
type AlternativeDisplayType string

// The documented alternative display types.
const (
	// AlternativeDisplayTypeQRString: Data is a string to render as a
	// VietQR code.
	AlternativeDisplayTypeQRString AlternativeDisplayType = "QR_STRING"
)

// Validate checks params against the API reference before anything is
// sent: the required fields and their lengths, the name's characters, the
// country's currencies, the bank's country, the closed account's expected
// amount and the bank's range for it, and which banks take min_amount,
// max_amount, suggested_amount and description. It returns a
// [*xendit.ValidationError] naming the field. CreateVirtualAccount calls it.
func (p *CreateVirtualAccountParams) Validate() error {
	err := product.First(
		product.Required("external_id", p.ExternalID),
		product.MaxLen("external_id", p.ExternalID, maxExternalID),
		product.Required("bank_code", string(p.BankCode)),
		checkName(p.BankCode, p.Name),
	)
	if err != nil {
		return err
	}
	if n := p.VirtualAccountNumber; n != nil && (*n == "" || strings.IndexFunc(*n, notDigit) >= 0) {
		return xendit.Invalid("virtual_account_number", "%q is not a number of digits", *n)
	}
	if err := p.checkCountry(); err != nil {
		return err
	}
	if err := p.checkAmounts(); err != nil {
		return err
	}
	rule, known := bankRules[p.BankCode]
	switch {
	case !p.ExpirationDate.IsZero() && p.ExpirationDate.Before(time.Now()):
		return xendit.Invalid("expiration_date", "%s is in the past", xendit.FormatTime(p.ExpirationDate.Time))
	case p.Description != nil && *p.Description == "":
		return xendit.Invalid("description", "is empty; leave it nil")
	case p.Description != nil && known && !rule.describes:
		return xendit.Invalid("description", "is not available for %s (BRI and BSI only)", p.BankCode)
	}
	for i, t := range p.AlternativeDisplayTypes {
		if t != AlternativeDisplayTypeQRString {
			return xendit.Invalid("alternative_display_types["+strconv.Itoa(i)+"]", "%q is not %s", t, AlternativeDisplayTypeQRString)
		}
	}
	return nil
}

func notDigit(r rune) bool { return r < '0' || r > '9' }

// checkName applies the reference's rules for name (lines 18534-18544).
func checkName(bank BankCode, name string) error {
	if strings.TrimSpace(name) == "" {
		return xendit.Invalid("name", "is required")
	}
	allowed := func(r rune) bool { return unicode.IsLetter(r) || r == ' ' }
	what := "letters and spaces"
	if bank == BankBCA {
		if utf8.RuneCountInString(name) < 3 {
			return xendit.Invalid("name", "must have at least 3 characters for BCA")
		}
		allowed = func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == ' ' }
		what = "letters, digits and spaces"
	}
	if i := strings.IndexFunc(name, func(r rune) bool { return !allowed(r) }); i >= 0 {
		r, _ := utf8.DecodeRuneInString(name[i:])
		return xendit.Invalid("name", "may hold only %s, not %q", what, r)
	}
	return nil
}

// checkCountry checks the country and currency: a bank the reference
// places in one country is refused in another, and the currency must be
// one of the country's. Without a country, the bank's is assumed, else ID.
func (p *CreateVirtualAccountParams) checkCountry() error {
	rule, known := bankRules[p.BankCode]
	country := CountryID
	switch {
	case p.Country != nil:
		country = *p.Country
		if _, ok := currencies[country]; !ok {
			return xendit.Invalid("country", "%q is not ID, VN, TH or MY", country)
		}
		if known && rule.country != country {
			return xendit.Invalid("bank_code", "%s is a bank of %s, not %s", p.BankCode, rule.country, country)
		}
	case known:
		country = rule.country
	}
	if p.Currency != nil && !slices.Contains(currencies[country], *p.Currency) {
		return xendit.Invalid("currency", "%q is not accepted in %s (%v)", *p.Currency, country, currencies[country])
	}
	return nil
}

// checkAmounts applies the amount rules: a closed account needs an
// expected amount within the bank's range; min and max bound open accounts
// of the banks that have them; suggested amounts exist at BRI and MANDIRI.
func (p *CreateVirtualAccountParams) checkAmounts() error {
	rule, known := bankRules[p.BankCode]
	closed := p.IsClosed != nil && *p.IsClosed
	if err := product.Positive("expected_amount", p.ExpectedAmount); err != nil {
		return err
	}
	switch {
	case closed && p.ExpectedAmount == nil:
		return xendit.Invalid("expected_amount", "is required for a closed virtual account (is_closed true)")
	case p.ExpectedAmount != nil && known && rule.maxExpected > 0 &&
		(*p.ExpectedAmount < rule.minExpected || *p.ExpectedAmount > rule.maxExpected):
		return xendit.Invalid("expected_amount", "must be between %.0f and %.0f for %s, got %v",
			rule.minExpected, rule.maxExpected, p.BankCode, *p.ExpectedAmount)
	}
	for _, f := range []struct {
		name string
		v    *int64
	}{{"min_amount", p.MinAmount}, {"max_amount", p.MaxAmount}} {
		switch {
		case f.v == nil:
		case *f.v <= 0:
			return xendit.Invalid(f.name, "must be positive, got %d", *f.v)
		case closed:
			return xendit.Invalid(f.name, "applies to open virtual accounts; is_closed is true")
		case known && !rule.minMaxAmount:
			return xendit.Invalid(f.name, "is not available for %s (BCA, BNC and CIMB only)", p.BankCode)
		}
	}
	if err := checkMinMax(p.MinAmount, p.MaxAmount); err != nil {
		return err
	}
	if err := product.Positive("suggested_amount", p.SuggestedAmount); err != nil {
		return err
	}
	if p.SuggestedAmount != nil && known && !rule.suggestedAmount {
		return xendit.Invalid("suggested_amount", "is not available for %s (BRI and MANDIRI only)", p.BankCode)
	}
	return nil
}

func checkMinMax(lo, hi *int64) error {
	if lo != nil && hi != nil && *lo > *hi {
		return xendit.Invalid("min_amount", "%d is above max_amount %d", *lo, *hi)
	}
	return nil
}

// UpdateVirtualAccountParams is the body of Update Virtual Account. Every
// field is a [xendit.Nullable]: unset leaves the value as it is.
type UpdateVirtualAccountParams struct {
	ExternalID     xendit.Nullable[string]  `json:"external_id,omitzero"`
	IsSingleUse    xendit.Nullable[bool]    `json:"is_single_use,omitzero"`
	ExpectedAmount xendit.Nullable[float64] `json:"expected_amount,omitzero"`
	// MinAmount and MaxAmount are sent as numbers, as Create takes them;
	// see the package doc.
	MinAmount       xendit.Nullable[int64]   `json:"min_amount,omitzero"`
	MaxAmount       xendit.Nullable[int64]   `json:"max_amount,omitzero"`
	SuggestedAmount xendit.Nullable[float64] `json:"suggested_amount,omitzero"`
	// ExpirationDate may be in the past: the account then expires at once
	// (INACTIVE), which is how an unwanted account is closed.
	ExpirationDate xendit.Nullable[xendit.Time] `json:"expiration_date,omitzero"`
	Description    xendit.Nullable[string]      `json:"description,omitzero"`
}

// Validate checks the fields that are set: external_id's length, positive
// amounts, min_amount not above max_amount, a non-empty description. The
// bank's own rules need the bank, which an update does not name; the API
// applies them.
func (p *UpdateVirtualAccountParams) Validate() error {
	if id, ok := p.ExternalID.Get(); ok {
		if err := product.First(product.Required("external_id", id), product.MaxLen("external_id", id, maxExternalID)); err != nil {
			return err
		}
	}
	for _, f := range []struct {
		name string
		v    xendit.Nullable[float64]
	}{{"expected_amount", p.ExpectedAmount}, {"suggested_amount", p.SuggestedAmount}} {
		if v, ok := f.v.Get(); ok && v <= 0 {
			return xendit.Invalid(f.name, "must be positive, got %v", v)
		}
	}
	lo, hasLo := p.MinAmount.Get()
	hi, hasHi := p.MaxAmount.Get()
	switch {
	case hasLo && lo <= 0:
		return xendit.Invalid("min_amount", "must be positive, got %d", lo)
	case hasHi && hi <= 0:
		return xendit.Invalid("max_amount", "must be positive, got %d", hi)
	case hasLo && hasHi:
		if err := checkMinMax(&lo, &hi); err != nil {
			return err
		}
	}
	if d, ok := p.Description.Get(); ok && d == "" {
		return xendit.Invalid("description", "is empty; use xendit.Null to clear it")
	}
	return nil
}

// Status says whether a virtual account can be paid: PENDING while the
// bank sets it up, ACTIVE when it can, INACTIVE once a single-use account
// is paid or any account expires. Statuses the SDK does not list still
// decode.
type Status string

// The documented statuses.
const (
	StatusPending  Status = "PENDING"
	StatusActive   Status = "ACTIVE"
	StatusInactive Status = "INACTIVE"
)

// Active reports whether the account can be paid.
func (s Status) Active() bool { return s == StatusActive }

// Pending reports whether the bank is still setting the account up.
func (s Status) Pending() bool { return s == StatusPending }

// VirtualAccount is a callback virtual account, as Create, Update and Get
// return it and as the created/updated callback carries it. Optional
// fields the API leaves out decode as nil or "" and re-encode as absent.
type VirtualAccount struct {
	ID         string `json:"id"`
	ExternalID string `json:"external_id"`
	// OwnerID is your Xendit business id.
	OwnerID  string   `json:"owner_id"`
	BankCode BankCode `json:"bank_code"`
	// MerchantCode is the prefix of AccountNumber (Xendit's or, for the
	// switcher model, your own with the bank).
	MerchantCode string `json:"merchant_code"`
	// AccountNumber is the complete number, merchant code included: the
	// one the customer pays.
	AccountNumber string          `json:"account_number"`
	Name          string          `json:"name"`
	Country       Country         `json:"country,omitempty"`
	Currency      xendit.Currency `json:"currency"`
	IsSingleUse   bool            `json:"is_single_use"`
	IsClosed      bool            `json:"is_closed"`
	// ExpectedAmount is set for closed accounts.
	ExpectedAmount *float64 `json:"expected_amount,omitzero"`
	// MinAmount and MaxAmount are documented as strings here and as
	// integers on Create; a Number decodes both.
	MinAmount       xendit.Number `json:"min_amount,omitzero"`
	MaxAmount       xendit.Number `json:"max_amount,omitzero"`
	SuggestedAmount *float64      `json:"suggested_amount,omitzero"`
	ExpirationDate  xendit.Time   `json:"expiration_date"`
	Description     string        `json:"description,omitempty"`
	Status          Status        `json:"status"`
	// AlternativeDisplays holds the VietQR string of Vietnamese accounts
	// created with AlternativeDisplayTypes.
	AlternativeDisplays []AlternativeDisplay `json:"alternative_displays,omitzero"`
	// Created and Updated come with the created/updated callback.
	Created xendit.Time `json:"created,omitzero"`
	Updated xendit.Time `json:"updated,omitzero"`
}

// AlternativeDisplay is another way to show the account: for
// AlternativeDisplayTypeQRString, Data is the string to render as a VietQR
// code.
type AlternativeDisplay struct {
	Type AlternativeDisplayType `json:"type"`
	Data string                 `json:"data"`
}

// CreateVirtualAccount validates params and creates a virtual account. It
// is usually PENDING at first; the created/updated callback says when it
// is ACTIVE, and each payment arrives as a payment callback.
//
// Xendit documents no idempotency header for this endpoint, so the SDK
// never repeats the request once it may have reached Xendit (a 5xx, a
// timeout, a dropped connection); it does retry a 429 and a connection
// that could not be opened. When [xendit.OutcomeUnknown] reports true for
// the error, an account may exist: reconcile by ExternalID before creating
// another (see the package doc). Use [xendit.WithSplitRule] and
// [xendit.ForUserID] for xenPlatform.
//
// API: POST /callback_virtual_accounts
func (s *Client) CreateVirtualAccount(ctx context.Context, params *CreateVirtualAccountParams, opts ...xendit.RequestOption) (*VirtualAccount, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return product.Do[VirtualAccount](ctx, s.c, &xendit.Request{Endpoint: createVirtualAccount, Body: params, Options: opts})
}

// UpdateVirtualAccount changes a PENDING or ACTIVE account (an INACTIVE one
// is refused with [CodeInactiveVirtualAccount]); the created/updated
// callback follows. Setting ExpirationDate in the past expires it.
//
// API: PATCH /callback_virtual_accounts/{id}
func (s *Client) UpdateVirtualAccount(ctx context.Context, id string, params *UpdateVirtualAccountParams, opts ...xendit.RequestOption) (*VirtualAccount, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return product.Do[VirtualAccount](ctx, s.c, &xendit.Request{Endpoint: updateVirtualAccount,
		PathParams: map[string]string{"id": id}, Body: params, Options: opts})
}

// GetVirtualAccount returns the account with the given id, as it is now.
//
// API: GET /callback_virtual_accounts/{id}
func (s *Client) GetVirtualAccount(ctx context.Context, id string, opts ...xendit.RequestOption) (*VirtualAccount, error) {
	return product.Do[VirtualAccount](ctx, s.c, &xendit.Request{Endpoint: getVirtualAccount,
		PathParams: map[string]string{"id": id}, Options: opts})
}
