package directdebit

import (
	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

// ChannelCode is the bank or card scheme of a linked account, in upper
// case. Codes the SDK does not list still decode.
type ChannelCode string

// The documented channel codes. Each belongs to one country and currency:
// see [ChannelCode.Currency].
const (
	ChannelBRI          ChannelCode = "DC_BRI"        // Bank BRI debit card (ID)
	ChannelBCAOneKlik   ChannelCode = "BCA_ONEKLIK"   // BCA OneKlik (ID)
	ChannelBCAKlikPay   ChannelCode = "BCA_KLIKPAY"   // BCA KlikPay (ID), payment methods only
	ChannelBPI          ChannelCode = "BA_BPI"        // Bank of the Philippine Islands (PH)
	ChannelBPIRecurring ChannelCode = "BPI_RECURRING" // BPI recurring (PH)
	ChannelUBP          ChannelCode = "BA_UBP"        // Unionbank (PH)
	ChannelUBPEADA      ChannelCode = "UBP_EADA"      // Unionbank e-ADA (PH)
	ChannelBBL          ChannelCode = "BA_BBL"        // Bangkok Bank (TH)
	ChannelKrungsri     ChannelCode = "BA_BAY"        // Krungsri Bank (TH)
	ChannelKTB          ChannelCode = "BA_KTB"        // Krungthai Bank (TH)
	ChannelSCB          ChannelCode = "BA_SCB"        // Siam Commercial Bank (TH)
)

// channelCurrency is the one currency of each documented channel.
var channelCurrency = map[ChannelCode]xendit.Currency{
	ChannelBRI: xendit.CurrencyIDR, ChannelBCAOneKlik: xendit.CurrencyIDR, ChannelBCAKlikPay: xendit.CurrencyIDR,
	ChannelBPI: xendit.CurrencyPHP, ChannelBPIRecurring: xendit.CurrencyPHP, ChannelUBP: xendit.CurrencyPHP, ChannelUBPEADA: xendit.CurrencyPHP,
	ChannelBBL: xendit.CurrencyTHB, ChannelKrungsri: xendit.CurrencyTHB, ChannelKTB: xendit.CurrencyTHB, ChannelSCB: xendit.CurrencyTHB,
}

// Currency returns the currency of the channel's country (IDR, PHP or
// THB), the currency of its payments, or "" for a code the SDK does not
// know.
func (c ChannelCode) Currency() xendit.Currency { return channelCurrency[c] }

// PaymentMethodType is the kind of account a linked account token or a
// payment method stands for.
type PaymentMethodType string

// The documented types: debit cards for BRI and BCA OneKlik, bank
// accounts for the Philippine and Thai banks, a redirect for BCA KlikPay.
const (
	PaymentMethodTypeDebitCard    PaymentMethodType = "DEBIT_CARD"
	PaymentMethodTypeBankAccount  PaymentMethodType = "BANK_ACCOUNT"
	PaymentMethodTypeBankRedirect PaymentMethodType = "BANK_REDIRECT"
)

// Device is the customer's device fingerprint, which BCA OneKlik requires
// for fraud detection when linking and paying.
type Device struct {
	// ID is the Android or iOS device identifier, or "WEB" in a browser.
	ID        string  `json:"id"`
	IPAddress string  `json:"ip_address"`
	UserAgent string  `json:"user_agent"`
	AdID      *string `json:"ad_id,omitempty"`
	IMEI      *string `json:"imei,omitempty"`
}

// check applies the device's required fields, under the name field.
func (d *Device) check(field string) error {
	return product.First(
		product.Required(field+".id", d.ID),
		product.Required(field+".ip_address", d.IPAddress),
		product.Required(field+".user_agent", d.UserAgent),
	)
}
