package paymentmethods

import (
	"context"
	"slices"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var createPaymentMethod = xendit.MustEndpoint("paymentmethods.create")

// CreateParams describe a payment method: Type, and the object of that
// type (EWallet for EWALLET, Card for CARD, ...), and nothing of the
// other types. Keys the SDK has no field for yet may be put in Extra.
type CreateParams struct {
	Type        Type        `json:"type"`
	Reusability Reusability `json:"reusability"`
	// Country is required for eWallets present in several countries
	// (SHOPEEPAY, GRABPAY).
	Country *Country `json:"country,omitempty"`
	// CustomerID (or Customer) is required to link an eWallet or direct
	// debit account (MULTIPLE_USE): the link belongs to a customer.
	CustomerID *string `json:"customer_id,omitempty"`
	// Customer creates the customer along with the payment method, as
	// payment_method.yaml's examples do; a *customers.CreateParams fits.
	Customer       any             `json:"customer,omitempty"`
	ReferenceID    *string         `json:"reference_id,omitempty"`
	Description    *string         `json:"description,omitempty"`
	Card           *CardParams     `json:"card,omitempty"`
	DirectDebit    *DirectDebit    `json:"direct_debit,omitempty"`
	EWallet        *EWallet        `json:"ewallet,omitempty"`
	OverTheCounter *OverTheCounter `json:"over_the_counter,omitempty"`
	VirtualAccount *VirtualAccount `json:"virtual_account,omitempty"`
	QRCode         *QRCode         `json:"qr_code,omitempty"`
	Metadata       map[string]any  `json:"metadata,omitzero"`
	// BillingInformation is the payer's address, for cards.
	BillingInformation *BillingInformation `json:"billing_information,omitempty"`
	Extra              Extra               `json:"-"`
}

// createParamsFields is CreateParams without its methods, for encoding/json.
type createParamsFields CreateParams

// UnmarshalJSON keeps unknown keys in Extra.
func (p *CreateParams) UnmarshalJSON(b []byte) error {
	return product.DecodeWithExtra(b, (*createParamsFields)(p), &p.Extra)
}

// MarshalJSON writes Extra back.
func (p CreateParams) MarshalJSON() ([]byte, error) {
	return product.EncodeWithExtra(createParamsFields(p), p.Extra)
}

// linkingCountries lists the countries each eWallet exists in for account
// linking (the API reference's eWallets section); a wallet in several
// needs Country to tell them apart.
var linkingCountries = map[EWalletChannelCode][]Country{
	EWalletChannelDANA:      {CountryID},
	EWalletChannelOVO:       {CountryID},
	EWalletChannelLinkAja:   {CountryID},
	EWalletChannelShopeePay: {CountryID, CountryPH, CountryMY},
	EWalletChannelGrabPay:   {CountryPH, CountryMY},
	EWalletChannelMaya:      {CountryPH},
	EWalletChannelGCash:     {CountryPH},
	EWalletChannelTouchNGo:  {CountryMY},
}

// Validate checks params before sending: the type and reusability, that
// the object of the type (and no other) is set with what its channel
// needs, the customer of a saved payment method, the return URLs and the
// metadata. It returns a [*xendit.ValidationError] naming the field; Create
// calls it.
func (p *CreateParams) Validate() error {
	if p.Type == "" {
		return xendit.Invalid("type", "is required")
	}
	if p.Reusability == "" {
		return xendit.Invalid("reusability", "is required")
	}
	objects := []struct {
		name string
		t    Type
		set  bool
	}{
		{"card", TypeCard, p.Card != nil}, {"direct_debit", TypeDirectDebit, p.DirectDebit != nil},
		{"ewallet", TypeEWallet, p.EWallet != nil}, {"over_the_counter", TypeOverTheCounter, p.OverTheCounter != nil},
		{"virtual_account", TypeVirtualAccount, p.VirtualAccount != nil}, {"qr_code", TypeQRCode, p.QRCode != nil},
	}
	for _, o := range objects {
		if o.t == p.Type && !o.set {
			return xendit.Invalid(o.name, "is required for type %s", p.Type)
		}
	}
	for _, o := range objects {
		if o.t != p.Type && o.set {
			return xendit.Invalid(o.name, "is set but type is %s", p.Type)
		}
	}
	linked := p.Type == TypeEWallet || p.Type == TypeDirectDebit
	if linked && p.Reusability == ReusabilityMultipleUse && p.CustomerID == nil && p.Customer == nil {
		return xendit.Invalid("customer_id", "is required to link an account (create the customer first, or send customer)")
	}
	var err error
	switch p.Type {
	case TypeCard:
		err = p.Card.validate()
	case TypeDirectDebit:
		err = p.DirectDebit.validate()
	case TypeEWallet:
		err = p.EWallet.validate(p.Country, p.Reusability)
	case TypeOverTheCounter:
		err = p.OverTheCounter.validate()
	case TypeVirtualAccount:
		err = p.VirtualAccount.validate()
	case TypeQRCode:
		err = p.QRCode.validate()
	}
	if err != nil {
		return err
	}
	return xendit.CheckMetadata("metadata", p.Metadata)
}

// urls checks the optional URLs of an object; a nil one is skipped.
func urls(prefix string, fields map[string]*string) error {
	for _, name := range []string{"success_return_url", "failure_return_url", "cancel_return_url"} {
		if v := fields[name]; v != nil {
			if err := product.URL(prefix+name, *v); err != nil {
				return err
			}
		}
	}
	return nil
}

func (e *EWallet) validate(country *Country, reusability Reusability) error {
	ch := e.ChannelCode
	if ch == "" {
		return xendit.Invalid("ewallet.channel_code", "is required")
	}
	if countries, known := linkingCountries[ch]; known {
		switch {
		case country == nil && len(countries) > 1:
			return xendit.Invalid("country", "is required for %s, which exists in %v", ch, countries)
		case country != nil && !slices.Contains(countries, *country):
			return xendit.Invalid("country", "%s is not available in %q; it exists in %v", ch, *country, countries)
		}
	}
	props := e.ChannelProperties
	if props == nil {
		props = &EWalletChannelProperties{}
	}
	if reusability == ReusabilityMultipleUse {
		// Linking redirects the customer to the wallet and back.
		if props.SuccessReturnURL == nil {
			return xendit.Invalid("ewallet.channel_properties.success_return_url", "is required")
		}
		if props.FailureReturnURL == nil {
			return xendit.Invalid("ewallet.channel_properties.failure_return_url", "is required")
		}
	}
	if ch == EWalletChannelMaya && reusability == ReusabilityMultipleUse && props.CancelReturnURL == nil {
		return xendit.Invalid("ewallet.channel_properties.cancel_return_url", "is required for %s", EWalletChannelMaya)
	}
	return urls("ewallet.channel_properties.", map[string]*string{
		"success_return_url": props.SuccessReturnURL, "failure_return_url": props.FailureReturnURL, "cancel_return_url": props.CancelReturnURL,
	})
}

func (d *DirectDebit) validate() error {
	if d.ChannelCode == "" {
		return xendit.Invalid("direct_debit.channel_code", "is required")
	}
	props := d.ChannelProperties
	if props == nil {
		return xendit.Invalid("direct_debit.channel_properties", "is required")
	}
	return urls("direct_debit.channel_properties.", map[string]*string{
		"success_return_url": props.SuccessReturnURL, "failure_return_url": props.FailureReturnURL,
	})
}

func (c *CardParams) validate() error {
	if err := product.Currency("card.currency", string(c.Currency)); err != nil {
		return err
	}
	if info := c.CardInformation; info != nil {
		if !digits(info.CardNumber, 12, 19) {
			// The number itself never goes into the error.
			return xendit.Invalid("card.card_information.card_number", "must be 12 to 19 digits")
		}
		if !digits(info.ExpiryMonth, 2, 2) {
			return xendit.Invalid("card.card_information.expiry_month", "must be two digits, e.g. 09")
		}
		if !digits(info.ExpiryYear, 4, 4) {
			return xendit.Invalid("card.card_information.expiry_year", "must be four digits, e.g. 2030")
		}
		if info.CVV != nil && !digits(*info.CVV, 3, 4) {
			return xendit.Invalid("card.card_information.cvv", "must be 3 or 4 digits")
		}
	}
	if props := c.ChannelProperties; props != nil {
		return urls("card.channel_properties.", map[string]*string{
			"success_return_url": props.SuccessReturnURL, "failure_return_url": props.FailureReturnURL,
		})
	}
	return nil
}

func digits(s string, lo, hi int) bool {
	if len(s) < lo || len(s) > hi {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// amount checks an optional amount and currency.
func amount(prefix string, v *float64, currency xendit.Currency) error {
	if err := product.Positive(prefix+"amount", v); err != nil {
		return err
	}
	if currency != "" {
		return product.Currency(prefix+"currency", string(currency))
	}
	return nil
}

func (o *OverTheCounter) validate() error {
	if o.ChannelProperties == nil {
		o := *o
		o.ChannelProperties = &OverTheCounterChannelProperties{}
		return o.validate()
	}
	return product.First(
		product.Required("over_the_counter.channel_code", string(o.ChannelCode)),
		product.Required("over_the_counter.channel_properties.customer_name", o.ChannelProperties.CustomerName),
		amount("over_the_counter.", o.Amount, o.Currency),
	)
}

func (v *VirtualAccount) validate() error {
	if v.ChannelProperties == nil {
		v := *v
		v.ChannelProperties = &VirtualAccountChannelProperties{}
		return v.validate()
	}
	err := product.First(
		product.Required("virtual_account.channel_code", string(v.ChannelCode)),
		product.Required("virtual_account.channel_properties.customer_name", v.ChannelProperties.CustomerName),
		amount("virtual_account.", v.Amount, v.Currency),
		product.Positive("virtual_account.min_amount", v.MinAmount),
		product.Positive("virtual_account.max_amount", v.MaxAmount),
	)
	if err == nil && v.MinAmount != nil && v.MaxAmount != nil && *v.MinAmount > *v.MaxAmount {
		return xendit.Invalid("virtual_account.min_amount", "is above max_amount")
	}
	return err
}

func (q *QRCode) validate() error {
	return product.First(
		product.Required("qr_code.channel_code", string(q.ChannelCode)),
		amount("qr_code.", q.Amount, q.Currency),
	)
}

// Create creates a payment method. A saved (MULTIPLE_USE) eWallet or
// direct debit is usually REQUIRES_ACTION: send the customer to
// AuthURL(URLTypeWeb) (or URLTypeMobile, URLTypeDeeplink), or Authorize
// with the OTP the customer received; a payment_method.activated callback
// says when it is ACTIVE.
//
// The endpoint takes no idempotency key, so Create is never repeated after
// an ambiguous failure: on [xendit.OutcomeUnknown] look for the payment
// method with List (by ReferenceID) before creating again; see "Exactly
// once" in the package doc.
//
// API: POST /v2/payment_methods
func (s *Client) Create(ctx context.Context, params *CreateParams, opts ...xendit.RequestOption) (*PaymentMethod, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return product.Do[PaymentMethod](ctx, s.c, &xendit.Request{Endpoint: createPaymentMethod, Body: params, Options: opts})
}
