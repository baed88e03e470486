package directdebit_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/directdebit"
	"github.com/seed19b1029f/xendit-go/internal/fake"
)

func TestInitializeTokenizationRules(t *testing.T) {
	t.Parallel()
	thai := func(ch directdebit.ChannelCode) *directdebit.InitializeTokenizationParams {
		return &directdebit.InitializeTokenizationParams{CustomerID: "c", ChannelCode: ch, Properties: &directdebit.TokenizationProperties{
			AccountMobileNumber: xendit.Ptr("+66812345678"), SuccessRedirectURL: xendit.Ptr("https://a.example/ok"),
			FailureRedirectURL: xendit.Ptr("https://a.example/ko"),
		}}
	}
	oneKlik := func() *directdebit.InitializeTokenizationParams {
		return &directdebit.InitializeTokenizationParams{CustomerID: "c", ChannelCode: directdebit.ChannelBCAOneKlik,
			Properties: &directdebit.TokenizationProperties{AccountMobileNumber: xendit.Ptr("+62818555988"),
				SuccessRedirectURL: xendit.Ptr("https://a.example/ok"),
				Device:             &directdebit.Device{ID: "WEB", IPAddress: "192.0.2.1", UserAgent: "Mozilla/5.0"}}}
	}
	cases := map[string]struct {
		change func(p *directdebit.InitializeTokenizationParams) *directdebit.InitializeTokenizationParams
		field  string
	}{
		"valid BRI": {func(p *directdebit.InitializeTokenizationParams) *directdebit.InitializeTokenizationParams { return p }, ""},
		"no customer": {func(p *directdebit.InitializeTokenizationParams) *directdebit.InitializeTokenizationParams {
			p.CustomerID = ""
			return p
		}, "customer_id"},
		"no channel": {func(p *directdebit.InitializeTokenizationParams) *directdebit.InitializeTokenizationParams {
			p.ChannelCode = ""
			return p
		}, "channel_code"},
		"KlikPay cannot link": {func(p *directdebit.InitializeTokenizationParams) *directdebit.InitializeTokenizationParams {
			p.ChannelCode = directdebit.ChannelBCAKlikPay
			return p
		}, "channel_code"},
		"BRI without email": {func(p *directdebit.InitializeTokenizationParams) *directdebit.InitializeTokenizationParams {
			p.Properties.AccountEmail = nil
			return p
		}, "properties.account_email"},
		"BRI without properties": {func(p *directdebit.InitializeTokenizationParams) *directdebit.InitializeTokenizationParams {
			p.Properties = nil
			return p
		}, "properties.account_mobile_number"},
		"mobile not E.164": {func(p *directdebit.InitializeTokenizationParams) *directdebit.InitializeTokenizationParams {
			p.Properties.AccountMobileNumber = xendit.Ptr("0818555988")
			return p
		}, "properties.account_mobile_number"},
		"last four of five": {func(p *directdebit.InitializeTokenizationParams) *directdebit.InitializeTokenizationParams {
			p.Properties.CardLastFour = xendit.Ptr("12345")
			return p
		}, "properties.card_last_four"},
		"expiry not MM/YY": {func(p *directdebit.InitializeTokenizationParams) *directdebit.InitializeTokenizationParams {
			p.Properties.CardExpiry = xendit.Ptr("13/24")
			return p
		}, "properties.card_expiry"},
		"metadata key too long": {func(p *directdebit.InitializeTokenizationParams) *directdebit.InitializeTokenizationParams {
			p.Metadata = map[string]any{strings.Repeat("k", 41): 1}
			return p
		}, "metadata." + strings.Repeat("k", 41)},
		"BPI without redirect": {func(*directdebit.InitializeTokenizationParams) *directdebit.InitializeTokenizationParams {
			return &directdebit.InitializeTokenizationParams{CustomerID: "c", ChannelCode: directdebit.ChannelBPI}
		}, "properties.success_redirect_url"},
		"redirect not a URL": {func(*directdebit.InitializeTokenizationParams) *directdebit.InitializeTokenizationParams {
			return &directdebit.InitializeTokenizationParams{CustomerID: "c", ChannelCode: directdebit.ChannelUBP,
				Properties: &directdebit.TokenizationProperties{SuccessRedirectURL: xendit.Ptr("/linked")}}
		}, "properties.success_redirect_url"},
		"valid SCB": {func(*directdebit.InitializeTokenizationParams) *directdebit.InitializeTokenizationParams {
			return thai(directdebit.ChannelSCB)
		}, ""},
		"SCB without failure URL": {func(*directdebit.InitializeTokenizationParams) *directdebit.InitializeTokenizationParams {
			p := thai(directdebit.ChannelSCB)
			p.Properties.FailureRedirectURL = nil
			return p
		}, "properties.failure_redirect_url"},
		"KTB without national ID": {func(*directdebit.InitializeTokenizationParams) *directdebit.InitializeTokenizationParams {
			return thai(directdebit.ChannelKTB)
		}, "properties.account_identity_document_number"},
		"valid OneKlik": {func(*directdebit.InitializeTokenizationParams) *directdebit.InitializeTokenizationParams {
			return oneKlik()
		}, ""},
		"OneKlik without device": {func(*directdebit.InitializeTokenizationParams) *directdebit.InitializeTokenizationParams {
			p := oneKlik()
			p.Properties.Device = nil
			return p
		}, "properties.device"},
		"device without IP": {func(*directdebit.InitializeTokenizationParams) *directdebit.InitializeTokenizationParams {
			p := oneKlik()
			p.Properties.Device.IPAddress = ""
			return p
		}, "properties.device.ip_address"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			fake.Invalid(t, c.change(briLinking("c")).Validate(), c.field)
		})
	}
}

func TestCreatePaymentRules(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		change func(p *directdebit.CreatePaymentParams)
		field  string
	}{
		"valid":                  {func(*directdebit.CreatePaymentParams) {}, ""},
		"no reference_id":        {func(p *directdebit.CreatePaymentParams) { p.ReferenceID = "" }, "reference_id"},
		"reference_id too long":  {func(p *directdebit.CreatePaymentParams) { p.ReferenceID = strings.Repeat("r", 256) }, "reference_id"},
		"no payment method":      {func(p *directdebit.CreatePaymentParams) { p.PaymentMethodID = "" }, "payment_method_id"},
		"no currency":            {func(p *directdebit.CreatePaymentParams) { p.Currency = "" }, "currency"},
		"currency of no channel": {func(p *directdebit.CreatePaymentParams) { p.Currency = xendit.CurrencyUSD }, "currency"},
		"zero amount":            {func(p *directdebit.CreatePaymentParams) { p.Amount = 0 }, "amount"},
		"a million without OTP":  {func(p *directdebit.CreatePaymentParams) { p.Amount, p.EnableOTP = 1_000_000, xendit.Ptr(false) }, "amount"},
		"a million with OTP":     {func(p *directdebit.CreatePaymentParams) { p.Amount, p.EnableOTP = 1_000_000, xendit.Ptr(true) }, ""},
		"callback_url too long": {func(p *directdebit.CreatePaymentParams) {
			p.CallbackURL = xendit.Ptr("https://a.example/" + strings.Repeat("x", 250))
		}, "callback_url"},
		"callback_url not a URL": {func(p *directdebit.CreatePaymentParams) { p.CallbackURL = xendit.Ptr("callback") }, "callback_url"},
		"failure URL not a URL":  {func(p *directdebit.CreatePaymentParams) { p.FailureRedirectURL = xendit.Ptr("ftp://a.example") }, "failure_redirect_url"},
		"device without user agent": {func(p *directdebit.CreatePaymentParams) {
			p.Device = &directdebit.Device{ID: "WEB", IPAddress: "192.0.2.1"}
		}, "device.user_agent"},
		"basket item without market": {func(p *directdebit.CreatePaymentParams) {
			p.Basket = []directdebit.BasketItem{{ReferenceID: "sku", Name: "n", Market: "ID", Type: "t"}, {ReferenceID: "sku", Name: "n", Type: "t"}}
		}, "basket[1].market"},
		"basket market not two letters": {func(p *directdebit.CreatePaymentParams) {
			p.Basket = []directdebit.BasketItem{{ReferenceID: "sku", Name: "n", Market: "IDN", Type: "t"}}
		}, "basket[0].market"},
		"basket quantity zero": {func(p *directdebit.CreatePaymentParams) {
			p.Basket = []directdebit.BasketItem{{ReferenceID: "sku", Name: "n", Market: "ID", Type: "t", Quantity: xendit.Ptr(0.0)}}
		}, "basket[0].quantity"},
		"metadata too many keys": {func(p *directdebit.CreatePaymentParams) {
			p.Metadata = map[string]any{}
			for i := range 51 {
				p.Metadata[strings.Repeat("k", i+1)] = i
			}
		}, "metadata"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p := payment("pm-1", "order-1", 10000)
			c.change(p)
			fake.Invalid(t, p.Validate(), c.field)
		})
	}
}

func TestOtherParamsRules(t *testing.T) {
	t.Parallel()
	la := xendit.Ptr("la-1")
	cases := map[string]struct {
		p     interface{ Validate() error }
		field string
	}{
		"otp given":                 {&directdebit.ValidateOTPParams{OTPCode: "123456"}, ""},
		"otp missing":               {&directdebit.ValidateOTPParams{}, "otp_code"},
		"method valid":              {&directdebit.CreatePaymentMethodParams{CustomerID: xendit.Ptr("c"), Type: directdebit.PaymentMethodTypeDebitCard, Properties: directdebit.PaymentMethodTarget{ID: la}}, ""},
		"method without type":       {&directdebit.CreatePaymentMethodParams{CustomerID: xendit.Ptr("c"), Properties: directdebit.PaymentMethodTarget{ID: la}}, "type"},
		"method of unknown type":    {&directdebit.CreatePaymentMethodParams{Type: "CARD"}, "type"},
		"method without account":    {&directdebit.CreatePaymentMethodParams{CustomerID: xendit.Ptr("c"), Type: directdebit.PaymentMethodTypeBankAccount}, "properties.id"},
		"method without customer":   {&directdebit.CreatePaymentMethodParams{Type: directdebit.PaymentMethodTypeBankAccount, Properties: directdebit.PaymentMethodTarget{ID: la}}, "customer_id"},
		"KlikPay without customer":  {&directdebit.CreatePaymentMethodParams{Type: directdebit.PaymentMethodTypeBankRedirect, Properties: directdebit.PaymentMethodTarget{ChannelCode: xendit.Ptr(directdebit.ChannelBCAKlikPay)}}, ""},
		"KlikPay without channel":   {&directdebit.CreatePaymentMethodParams{Type: directdebit.PaymentMethodTypeBankRedirect}, "properties.channel_code"},
		"list without customer":     {&directdebit.ListPaymentMethodsParams{}, "customer_id"},
		"by reference without one":  {&directdebit.ListPaymentsByReferenceIDParams{}, "reference_id"},
		"refund valid":              {&directdebit.CreateRefundParams{Reason: directdebit.RefundReasonFraudulent, Currency: xendit.Ptr(xendit.CurrencyIDR)}, ""},
		"refund without reason":     {&directdebit.CreateRefundParams{}, "reason"},
		"refund of unknown reason":  {&directdebit.CreateRefundParams{Reason: "OTHERS"}, "reason"},
		"refund of negative amount": {&directdebit.CreateRefundParams{Reason: directdebit.RefundReasonOther, Amount: xendit.Ptr(-1.0)}, "amount"},
		"refund in PHP":             {&directdebit.CreateRefundParams{Reason: directdebit.RefundReasonOther, Currency: xendit.Ptr(xendit.CurrencyPHP)}, "currency"},
		"unbind valid":              {&directdebit.UnbindTokenParams{SuccessRedirectURL: "https://a.example/1", FailureRedirectURL: "https://a.example/2"}, ""},
		"unbind without failure":    {&directdebit.UnbindTokenParams{SuccessRedirectURL: "https://a.example/1"}, "failure_redirect_url"},
		"unbind to a relative URL":  {&directdebit.UnbindTokenParams{SuccessRedirectURL: "/1", FailureRedirectURL: "https://a.example/2"}, "success_redirect_url"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			fake.Invalid(t, c.p.Validate(), c.field)
		})
	}
}

// TestBadParamsAreNeverSent: every method refuses nil or invalid params
// before a request leaves.
func TestBadParamsAreNeverSent(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	ctx := t.Context()
	errs := []error{}
	_, err := f.dd.InitializeTokenization(ctx, nil)
	errs = append(errs, err)
	_, err = f.dd.ValidateTokenOTP(ctx, "lat-1", &directdebit.ValidateOTPParams{})
	errs = append(errs, err)
	_, err = f.dd.UnbindToken(ctx, "lat-1", &directdebit.UnbindTokenParams{})
	errs = append(errs, err)
	_, err = f.dd.CreatePaymentMethod(ctx, nil)
	errs = append(errs, err)
	_, err = f.dd.ListPaymentMethods(ctx, nil)
	errs = append(errs, err)
	_, err = f.dd.CreatePayment(ctx, payment("", "o", 1))
	errs = append(errs, err)
	_, err = f.dd.ValidatePaymentOTP(ctx, "ddpy-1", nil)
	errs = append(errs, err)
	_, err = f.dd.ListPaymentsByReferenceID(ctx, &directdebit.ListPaymentsByReferenceIDParams{})
	errs = append(errs, err)
	_, err = f.dd.CreateRefund(ctx, "ddpy-1", &directdebit.CreateRefundParams{})
	errs = append(errs, err)
	for i, err := range errs {
		assert.ErrorIs(t, err, xendit.ErrValidation, "call %d", i)
	}
	for _, err := range f.dd.AllPaymentMethods(ctx, nil) {
		assert.ErrorIs(t, err, xendit.ErrValidation)
	}
	assert.Empty(t, f.srv.Requests(), "nothing was sent")
}
