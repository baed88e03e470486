package invoices

import (
	"fmt"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

// CreateParams is the body of Create Invoice. ExternalID and Amount are
// required; every other field is optional.
type CreateParams struct {
	// ExternalID is your id for the invoice (1 to 255 characters). Store
	// it before calling: Xendit does not deduplicate it, and it is how an
	// invoice whose creation ended in an unknown outcome is found again.
	ExternalID string `json:"external_id"`
	// Amount is the total, fees and items included; Xendit truncates the
	// decimals of an IDR amount.
	Amount      float64 `json:"amount"`
	Description *string `json:"description,omitempty"`
	// Currency is IDR, PHP, THB, VND or MYR; nil means the account's
	// default.
	Currency                       *xendit.Currency                `json:"currency,omitempty"`
	Customer                       *Customer                       `json:"customer,omitempty"`
	CustomerNotificationPreference *CustomerNotificationPreference `json:"customer_notification_preference,omitempty"`
	// InvoiceDuration is how long the customer has to pay, in seconds (1
	// to 31536000); nil means 24 hours.
	InvoiceDuration    *int    `json:"invoice_duration,omitempty"`
	SuccessRedirectURL *string `json:"success_redirect_url,omitempty"`
	FailureRedirectURL *string `json:"failure_redirect_url,omitempty"`
	// PaymentMethods limits the checkout to these channels ("BCA",
	// "OVO", "CREDIT_CARD", ...); nil offers every channel of the account.
	PaymentMethods           []string `json:"payment_methods,omitempty"`
	CallbackVirtualAccountID *string  `json:"callback_virtual_account_id,omitempty"`
	MidLabel                 *string  `json:"mid_label,omitempty"`
	// ReminderTimeUnit is "days" (the default) or "hours"; ReminderTime is
	// 1 to 30 days or 1 to 24 hours.
	ReminderTimeUnit *ReminderTimeUnit `json:"reminder_time_unit,omitempty"`
	ReminderTime     *int              `json:"reminder_time,omitempty"`
	Locale           *string           `json:"locale,omitempty"`
	// Items (at most 75) are required for PayLater.
	Items []Item `json:"items,omitempty"`
	// Fees (at most 10) are included in Amount.
	Fees                         []Fee              `json:"fees,omitempty"`
	ShouldAuthenticateCreditCard *bool              `json:"should_authenticate_credit_card,omitempty"`
	ChannelProperties            *ChannelProperties `json:"channel_properties,omitempty"`
	Metadata                     map[string]any     `json:"metadata,omitzero"`
}

// Customer is the end customer of an invoice; give the email and mobile
// number for Xendit to notify them.
type Customer struct {
	GivenNames *string `json:"given_names,omitempty"`
	Surname    *string `json:"surname,omitempty"`
	Email      *string `json:"email,omitempty"`
	// MobileNumber is in E.164 format.
	MobileNumber *string   `json:"mobile_number,omitempty"`
	Addresses    []Address `json:"addresses,omitempty"`
}

// Address is a customer's address.
type Address struct {
	City        *string `json:"city,omitempty"`
	Country     *string `json:"country,omitempty"`
	PostalCode  *string `json:"postal_code,omitempty"`
	State       *string `json:"state,omitempty"`
	StreetLine1 *string `json:"street_line1,omitempty"`
	StreetLine2 *string `json:"street_line2,omitempty"`
}

// CustomerNotificationPreference says which channels notify the customer
// when the invoice is created, as a reminder, and once paid.
type CustomerNotificationPreference struct {
	InvoiceCreated  []NotificationChannel `json:"invoice_created,omitempty"`
	InvoiceReminder []NotificationChannel `json:"invoice_reminder,omitempty"`
	InvoicePaid     []NotificationChannel `json:"invoice_paid,omitempty"`
}

// NotificationChannel is a way to notify a customer.
type NotificationChannel string

// The documented notification channels.
const (
	NotificationChannelWhatsApp NotificationChannel = "whatsapp"
	NotificationChannelEmail    NotificationChannel = "email"
	NotificationChannelViber    NotificationChannel = "viber"
)

// ReminderTimeUnit is the unit of CreateParams.ReminderTime.
type ReminderTimeUnit string

// The documented reminder units.
const (
	ReminderTimeUnitDays  ReminderTimeUnit = "days"
	ReminderTimeUnitHours ReminderTimeUnit = "hours"
)

// Item is one item of an invoice.
type Item struct {
	// Name is up to 256 characters.
	Name     string  `json:"name"`
	Quantity float64 `json:"quantity"`
	// Price is per unit, in the invoice's currency.
	Price    float64 `json:"price"`
	Category *string `json:"category,omitempty"`
	URL      *string `json:"url,omitempty"`
}

// Fee is a fee charged to the customer (an admin or delivery fee).
type Fee struct {
	Type  string  `json:"type"`
	Value float64 `json:"value"`
}

// ChannelProperties configure the checkout per channel; only cards have
// properties today.
type ChannelProperties struct {
	Cards *CardsProperties `json:"cards,omitempty"`
}

// CardsProperties restrict card payments.
type CardsProperties struct {
	// AllowedBins are the card BINs (6 or 8 digits) accepted.
	AllowedBins []string `json:"allowed_bins,omitempty"`
	// InstallmentConfiguration is an object, as the reference's example
	// sends, not the array its table says (see the package doc).
	InstallmentConfiguration *InstallmentConfiguration `json:"installment_configuration,omitempty"`
}

// InstallmentConfiguration says which installments a card payer may
// choose. AllowInstallment and AllowFullPayment default to true.
type InstallmentConfiguration struct {
	AllowInstallment *bool         `json:"allow_installment,omitempty"`
	AllowFullPayment *bool         `json:"allow_full_payment,omitempty"`
	AllowedTerms     []AllowedTerm `json:"allowed_terms,omitempty"`
}

// AllowedTerm is an issuing bank and the installment terms, in months, it
// offers.
type AllowedTerm struct {
	Issuer string `json:"issuer"`
	Terms  []int  `json:"terms"`
}

// The documented limits of Create Invoice.
const (
	maxExternalID      = 255
	maxRedirectURL     = 255
	maxInvoiceDuration = 31536000
	maxItems           = 75
	maxFees            = 10
	maxItemName        = 256
)

// Validate applies the rules the reference documents for Create Invoice:
// the required external_id and a positive amount, the lengths and ranges,
// the currency, items, fees, card BINs and installment terms, and the
// metadata limits. It returns a [*xendit.ValidationError] naming the field.
// Create calls it.
func (p *CreateParams) Validate() error {
	err := product.First(
		product.Required("external_id", p.ExternalID),
		product.MaxLen("external_id", p.ExternalID, maxExternalID),
		product.MaxLenPtr("success_redirect_url", p.SuccessRedirectURL, maxRedirectURL),
		product.MaxLenPtr("failure_redirect_url", p.FailureRedirectURL, maxRedirectURL),
		product.Limit("invoice_duration", p.InvoiceDuration, 1, maxInvoiceDuration),
	)
	if err != nil {
		return err
	}
	if p.Amount <= 0 {
		return xendit.Invalid("amount", "must be positive, got %v", p.Amount)
	}
	if p.Description != nil && *p.Description == "" {
		return xendit.Invalid("description", "must not be empty when set")
	}
	if p.Currency != nil {
		switch *p.Currency {
		case xendit.CurrencyIDR, xendit.CurrencyPHP, xendit.CurrencyTHB, xendit.CurrencyVND, xendit.CurrencyMYR:
		default:
			return xendit.Invalid("currency", "%q is not one of IDR, PHP, THB, VND, MYR", *p.Currency)
		}
	}
	if err := p.checkReminder(); err != nil {
		return err
	}
	if len(p.Items) > maxItems {
		return xendit.Invalid("items", "has %d items, at most %d are allowed", len(p.Items), maxItems)
	}
	for i, it := range p.Items {
		f := product.ItemOf("items", i)
		if err := product.First(f.Required("name", it.Name), product.MaxLen(f.Field("name"), it.Name, maxItemName)); err != nil {
			return err
		}
		if it.Quantity <= 0 {
			return xendit.Invalid(f.Field("quantity"), "must be positive, got %v", it.Quantity)
		}
		if it.Price < 0 {
			return xendit.Invalid(f.Field("price"), "must not be negative, got %v", it.Price)
		}
	}
	if len(p.Fees) > maxFees {
		return xendit.Invalid("fees", "has %d fees, at most %d are allowed", len(p.Fees), maxFees)
	}
	for i, fee := range p.Fees {
		if err := product.ItemOf("fees", i).Required("type", fee.Type); err != nil {
			return err
		}
	}
	if err := p.ChannelProperties.check(); err != nil {
		return err
	}
	return xendit.CheckMetadata("metadata", p.Metadata)
}

func (p *CreateParams) checkReminder() error {
	if p.ReminderTime == nil {
		return nil
	}
	unit := ReminderTimeUnitDays
	if p.ReminderTimeUnit != nil {
		unit = *p.ReminderTimeUnit
	}
	switch unit {
	case ReminderTimeUnitDays:
		return product.Limit("reminder_time", p.ReminderTime, 1, 30)
	case ReminderTimeUnitHours:
		return product.Limit("reminder_time", p.ReminderTime, 1, 24)
	}
	return xendit.Invalid("reminder_time_unit", "%q is not days or hours", unit)
}

func (c *ChannelProperties) check() error {
	if c == nil || c.Cards == nil {
		return nil
	}
	for i, bin := range c.Cards.AllowedBins {
		if len(bin) != 6 && len(bin) != 8 {
			return xendit.Invalid(fmt.Sprintf("channel_properties.cards.allowed_bins[%d]", i),
				"must have 6 or 8 digits, got %d", len(bin))
		}
	}
	if ic := c.Cards.InstallmentConfiguration; ic != nil {
		for i, t := range ic.AllowedTerms {
			f := product.ItemOf("channel_properties.cards.installment_configuration.allowed_terms", i)
			if err := f.Required("issuer", t.Issuer); err != nil {
				return err
			}
			for _, n := range t.Terms {
				if n <= 0 {
					return xendit.Invalid(f.Field("terms"), "must be positive numbers, got %d", n)
				}
			}
		}
	}
	return nil
}
