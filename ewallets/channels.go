package ewallets

import (
	"net"
	"regexp"
	"strings"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

// ChannelCode names an eWallet for charges: the country prefix and the
// wallet ("ID_OVO"). Payment methods (account linking) use the wallet name
// alone; see [LinkingChannel]. Codes the SDK does not list still decode and
// can be sent.
type ChannelCode string

// The documented charge channels.
const (
	ChannelOVO         ChannelCode = "ID_OVO"
	ChannelDANA        ChannelCode = "ID_DANA"
	ChannelLinkAja     ChannelCode = "ID_LINKAJA"
	ChannelShopeePayID ChannelCode = "ID_SHOPEEPAY"
	ChannelAstraPay    ChannelCode = "ID_ASTRAPAY"
	ChannelJeniusPay   ChannelCode = "ID_JENIUSPAY"
	ChannelSakuku      ChannelCode = "ID_SAKUKU"
	ChannelMaya        ChannelCode = "PH_PAYMAYA"
	ChannelGCash       ChannelCode = "PH_GCASH"
	ChannelGrabPayPH   ChannelCode = "PH_GRABPAY"
	ChannelShopeePayPH ChannelCode = "PH_SHOPEEPAY"
	ChannelAppota      ChannelCode = "VN_APPOTA"
	ChannelMoMo        ChannelCode = "VN_MOMO"
	ChannelShopeePayVN ChannelCode = "VN_SHOPEEPAY"
	ChannelVNPTWallet  ChannelCode = "VN_VNPTWALLET"
	ChannelViettelPay  ChannelCode = "VN_VIETTELPAY"
	ChannelZaloPay     ChannelCode = "VN_ZALOPAY"
	ChannelWeChatPayTH ChannelCode = "TH_WECHATPAY"
	ChannelLINEPay     ChannelCode = "TH_LINEPAY"
	ChannelTrueMoney   ChannelCode = "TH_TRUEMONEY"
	ChannelShopeePayTH ChannelCode = "TH_SHOPEEPAY"
	ChannelTouchNGo    ChannelCode = "MY_TOUCHNGO"
	ChannelShopeePayMY ChannelCode = "MY_SHOPEEPAY"
	ChannelGrabPayMY   ChannelCode = "MY_GRABPAY"
	ChannelWeChatPayMY ChannelCode = "MY_WECHATPAY"
)

// CheckoutMethod selects the payment flow of a charge.
type CheckoutMethod string

const (
	// CheckoutMethodOneTimePayment is a guest checkout: the customer
	// authorizes this one payment in their wallet.
	CheckoutMethodOneTimePayment CheckoutMethod = "ONE_TIME_PAYMENT"
	// CheckoutMethodTokenizedPayment charges a linked account
	// ([PaymentMethod]) without a new authorization, as for subscriptions.
	CheckoutMethodTokenizedPayment CheckoutMethod = "TOKENIZED_PAYMENT"
)

// Keys of channel_properties, as the API spells them.
const (
	propMobileNumber          = "mobile_number"
	propCashtag               = "cashtag"
	propSuccessRedirectURL    = "success_redirect_url"
	propFailureRedirectURL    = "failure_redirect_url"
	propCancelRedirectURL     = "cancel_redirect_url"
	propPendingRedirectURL    = "pending_redirect_url"
	propDeviceType            = "device_type"
	propPayerIPAddress        = "payer_ip_address"
	propRedeemPoints          = "redeem_points"
	propAllowedPaymentOptions = "allowed_payment_options"
)

// checkoutRule is what one channel needs for one checkout method.
type checkoutRule struct {
	required []string
	// check runs rules that depend on more than one property.
	check func(*ChannelProperties) error
}

// channelRule is one row of the channel table.
type channelRule struct {
	currency  xendit.Currency
	minAmount float64
	// methods holds the documented checkout methods. A method the reference
	// does not document for the channel is sent unchecked, for the API to
	// judge.
	methods map[CheckoutMethod]checkoutRule
}

// Groups of channel_properties that several channels share.
var (
	successOnly    = checkoutRule{required: []string{propSuccessRedirectURL}}
	successFailure = checkoutRule{required: []string{propSuccessRedirectURL, propFailureRedirectURL}}
	successPending = checkoutRule{required: []string{propSuccessRedirectURL, propPendingRedirectURL}}
	mayaRedirects  = checkoutRule{required: []string{propSuccessRedirectURL, propFailureRedirectURL, propCancelRedirectURL}}
	grabPayMYToken = checkoutRule{required: successFailure.required, check: atMostOneGrabPayOption}
	weChatPayMY    = checkoutRule{
		required: []string{propDeviceType, propPendingRedirectURL, propSuccessRedirectURL, propFailureRedirectURL},
		check:    payerIPForMobile,
	}
)

func oneTime(r checkoutRule) map[CheckoutMethod]checkoutRule {
	return map[CheckoutMethod]checkoutRule{CheckoutMethodOneTimePayment: r}
}

func tokenized(r checkoutRule) map[CheckoutMethod]checkoutRule {
	return map[CheckoutMethod]checkoutRule{CheckoutMethodTokenizedPayment: r}
}

func both(oneTime, tokenized checkoutRule) map[CheckoutMethod]checkoutRule {
	return map[CheckoutMethod]checkoutRule{CheckoutMethodOneTimePayment: oneTime, CheckoutMethodTokenizedPayment: tokenized}
}

// channelRules is the per-channel rule table of Create eWallet Charge
// (API reference, "Create eWallet Charge", channel_properties): the currency
// of the channel's country, the minimum amount, and the channel_properties
// each documented checkout method requires. It is the one place these rules
// live; [CreateChargeParams.Validate] reads it.
var channelRules = map[ChannelCode]channelRule{
	ChannelOVO:         {xendit.CurrencyIDR, 100, both(checkoutRule{required: []string{propMobileNumber}}, successFailure)},
	ChannelDANA:        {xendit.CurrencyIDR, 100, oneTime(successOnly)},
	ChannelLinkAja:     {xendit.CurrencyIDR, 100, both(successOnly, successFailure)},
	ChannelShopeePayID: {xendit.CurrencyIDR, 100, both(successOnly, successOnly)},
	ChannelAstraPay:    {xendit.CurrencyIDR, 100, tokenized(successFailure)},
	ChannelJeniusPay:   {xendit.CurrencyIDR, 1000, oneTime(checkoutRule{required: []string{propCashtag}})},
	ChannelSakuku:      {xendit.CurrencyIDR, 100, oneTime(successOnly)},
	ChannelMaya:        {xendit.CurrencyPHP, 1, both(mayaRedirects, mayaRedirects)},
	ChannelGCash:       {xendit.CurrencyPHP, 1, tokenized(successFailure)},
	ChannelGrabPayPH:   {xendit.CurrencyPHP, 1, tokenized(successFailure)},
	ChannelShopeePayPH: {xendit.CurrencyPHP, 1, both(successOnly, successOnly)},
	ChannelAppota:      {xendit.CurrencyVND, 0, oneTime(successPending)},
	ChannelMoMo:        {xendit.CurrencyVND, 0, oneTime(successPending)},
	ChannelShopeePayVN: {xendit.CurrencyVND, 0, oneTime(successPending)},
	ChannelVNPTWallet:  {xendit.CurrencyVND, 0, oneTime(successPending)},
	ChannelViettelPay:  {xendit.CurrencyVND, 0, oneTime(successPending)},
	ChannelZaloPay:     {xendit.CurrencyVND, 0, oneTime(successPending)},
	ChannelWeChatPayTH: {xendit.CurrencyTHB, 0, oneTime(successOnly)},
	ChannelLINEPay:     {xendit.CurrencyTHB, 0, oneTime(successOnly)},
	ChannelTrueMoney:   {xendit.CurrencyTHB, 0, oneTime(successOnly)},
	ChannelShopeePayTH: {xendit.CurrencyTHB, 0, oneTime(successOnly)},
	ChannelTouchNGo:    {xendit.CurrencyMYR, 0, both(successOnly, successFailure)},
	ChannelShopeePayMY: {xendit.CurrencyMYR, 0, tokenized(successOnly)},
	ChannelGrabPayMY:   {xendit.CurrencyMYR, 0, both(checkoutRule{}, grabPayMYToken)},
	ChannelWeChatPayMY: {xendit.CurrencyMYR, 0, oneTime(weChatPayMY)},
}

// Currency returns the currency of the channel's country, and false for a
// channel the SDK does not know.
func (c ChannelCode) Currency() (xendit.Currency, bool) {
	r, ok := channelRules[c]
	return r.currency, ok
}

// MinAmount returns the smallest amount the reference documents for the
// channel (0 when it documents none).
func (c ChannelCode) MinAmount() float64 { return channelRules[c].minAmount }

// checkChannel applies the channel table to a charge.
func checkChannel(code ChannelCode, method CheckoutMethod, currency xendit.Currency, amount float64, props *ChannelProperties) error {
	rule, known := channelRules[code]
	if !known {
		return nil // a channel newer than the SDK: the API judges it
	}
	if currency != rule.currency {
		return xendit.Invalid("currency", "%s charges are made in %s, not %q", code, rule.currency, currency)
	}
	if amount < rule.minAmount {
		return xendit.Invalid("amount", "%v is below the %s minimum of %v %s", amount, code, rule.minAmount, rule.currency)
	}
	cr, documented := rule.methods[method]
	if !documented {
		return nil
	}
	for _, key := range cr.required {
		if props == nil || props.get(key) == "" {
			return xendit.Invalid("channel_properties."+key, "is required for %s with %s", code, method)
		}
	}
	if cr.check != nil && props != nil {
		return cr.check(props)
	}
	return nil
}

var cashtagPattern = regexp.MustCompile(`^\$[A-Za-z0-9_]{3,15}$`)

// checkFormats checks the format of every property that is set, whatever
// the channel.
func (p *ChannelProperties) checkFormats() error {
	if p == nil {
		return nil
	}
	if p.MobileNumber != nil && !isE164(*p.MobileNumber) {
		return xendit.Invalid("channel_properties.mobile_number", "must be in E.164 format, e.g. +628123123123")
	}
	if p.Cashtag != nil && !cashtagPattern.MatchString(*p.Cashtag) {
		return xendit.Invalid("channel_properties.cashtag", "must be '$' and 3 to 15 letters, digits or '_'")
	}
	for _, key := range []string{propSuccessRedirectURL, propFailureRedirectURL, propCancelRedirectURL, propPendingRedirectURL} {
		if v := p.get(key); v != "" {
			if err := product.URL("channel_properties."+key, v); err != nil {
				return err
			}
		}
	}
	if v := p.get(propDeviceType); v != "" && v != string(DeviceTypeDesktop) && v != string(DeviceTypeMobile) {
		return xendit.Invalid("channel_properties.device_type", "%q is not DESKTOP or MOBILE", v)
	}
	if v := p.get(propPayerIPAddress); v != "" && net.ParseIP(v) == nil {
		return xendit.Invalid("channel_properties.payer_ip_address", "%q is not an IP address", v)
	}
	if v := p.get(propRedeemPoints); v != "" && v != string(RedeemPointsNone) && v != string(RedeemPointsAll) {
		return xendit.Invalid("channel_properties.redeem_points", "%q is not REDEEM_NONE or REDEEM_ALL", v)
	}
	return nil
}

// get returns the property the API calls key, "" when it is not set (an
// empty string sent is as good as none: the API requires a value).
func (p *ChannelProperties) get(key string) string {
	var v *string
	switch key {
	case propMobileNumber:
		v = p.MobileNumber
	case propCashtag:
		v = p.Cashtag
	case propSuccessRedirectURL:
		v = p.SuccessRedirectURL
	case propFailureRedirectURL:
		v = p.FailureRedirectURL
	case propCancelRedirectURL:
		v = p.CancelRedirectURL
	case propPendingRedirectURL:
		v = p.PendingRedirectURL
	case propDeviceType:
		v = (*string)(p.DeviceType)
	case propPayerIPAddress:
		v = p.PayerIPAddress
	case propRedeemPoints:
		v = (*string)(p.RedeemPoints)
	}
	if v == nil {
		return ""
	}
	return *v
}

// payerIPForMobile: WeChat Pay Malaysia needs the payer's IP address when
// the payer is on a mobile device.
func payerIPForMobile(p *ChannelProperties) error {
	if p.get(propDeviceType) == string(DeviceTypeMobile) && p.get(propPayerIPAddress) == "" {
		return xendit.Invalid("channel_properties."+propPayerIPAddress, "is required for %s when device_type is MOBILE", ChannelWeChatPayMY)
	}
	return nil
}

// atMostOneGrabPayOption: a tokenized GrabPay Malaysia charge pays with one
// option.
func atMostOneGrabPayOption(p *ChannelProperties) error {
	if len(p.AllowedPaymentOptions) > 1 {
		return xendit.Invalid("channel_properties."+propAllowedPaymentOptions, "takes one option for %s with %s", ChannelGrabPayMY, CheckoutMethodTokenizedPayment)
	}
	return nil
}

// isE164 reports whether s looks like an E.164 number: '+', then 7 to 15
// digits, the first not 0.
func isE164(s string) bool {
	if len(s) < 8 || len(s) > 16 || s[0] != '+' || s[1] == '0' {
		return false
	}
	return strings.Trim(s[1:], "0123456789") == ""
}
