package retailoutlets_test

import (
	"strings"
	"testing"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/fake"
	"github.com/seed19b1029f/xendit-go/retailoutlets"
	"github.com/stretchr/testify/assert"
)

func TestCreateFixedPaymentCodeParamsValidate(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		change func(p *retailoutlets.CreateFixedPaymentCodeParams)
		field  string
	}{
		"valid":                   {func(*retailoutlets.CreateFixedPaymentCodeParams) {}, ""},
		"no external_id":          {func(p *retailoutlets.CreateFixedPaymentCodeParams) { p.ExternalID = "" }, "external_id"},
		"long external_id":        {func(p *retailoutlets.CreateFixedPaymentCodeParams) { p.ExternalID = strings.Repeat("x", 1001) }, "external_id"},
		"no outlet":               {func(p *retailoutlets.CreateFixedPaymentCodeParams) { p.RetailOutletName = "" }, "retail_outlet_name"},
		"no name":                 {func(p *retailoutlets.CreateFixedPaymentCodeParams) { p.Name = "" }, "name"},
		"41 characters, Alfamart": {func(p *retailoutlets.CreateFixedPaymentCodeParams) { p.Name = strings.Repeat("a", 41) }, "name"},
		"45 characters, Indomaret": {func(p *retailoutlets.CreateFixedPaymentCodeParams) {
			p.Name, p.RetailOutletName = strings.Repeat("a", 45), retailoutlets.RetailOutletNameIndomaret
		}, ""},
		"name with a symbol":     {func(p *retailoutlets.CreateFixedPaymentCodeParams) { p.Name = "Rika <Sutanto>" }, "name"},
		"name with the specials": {func(p *retailoutlets.CreateFixedPaymentCodeParams) { p.Name = `O'Neil & Co. #1 (A/B) [x]: "y"_@-,` }, ""},
		"below the minimum":      {func(p *retailoutlets.CreateFixedPaymentCodeParams) { p.ExpectedAmount = 9999 }, "expected_amount"},
		"above Alfamart's":       {func(p *retailoutlets.CreateFixedPaymentCodeParams) { p.ExpectedAmount = 2_500_001 }, "expected_amount"},
		"fraction of a rupiah":   {func(p *retailoutlets.CreateFixedPaymentCodeParams) { p.ExpectedAmount = 10000.5 }, "expected_amount"},
		"empty payment_code":     {func(p *retailoutlets.CreateFixedPaymentCodeParams) { p.PaymentCode = xendit.Ptr("") }, "payment_code"},
		"Indomaret's maximum": {func(p *retailoutlets.CreateFixedPaymentCodeParams) {
			p.ExpectedAmount, p.RetailOutletName = 5_000_000, retailoutlets.RetailOutletNameIndomaret
		}, ""},
		"above Indomaret's": {func(p *retailoutlets.CreateFixedPaymentCodeParams) {
			p.ExpectedAmount, p.RetailOutletName = 5_000_001, retailoutlets.RetailOutletNameIndomaret
		}, "expected_amount"},
		"an outlet the SDK does not know": {func(p *retailoutlets.CreateFixedPaymentCodeParams) { p.RetailOutletName = "LAWSON" }, ""},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p := alfamart("order-1")
			tc.change(p)
			fake.Invalid(t, p.Validate(), tc.field)
		})
	}
}

func TestUpdateFixedPaymentCodeParamsValidate(t *testing.T) {
	t.Parallel()
	fake.Invalid(t, (&retailoutlets.UpdateFixedPaymentCodeParams{}).Validate(), "")
	fake.Invalid(t, (&retailoutlets.UpdateFixedPaymentCodeParams{Name: xendit.Set(strings.Repeat("a", 46))}).Validate(), "name")
	fake.Invalid(t, (&retailoutlets.UpdateFixedPaymentCodeParams{ExpectedAmount: xendit.Set(5_000_001.0)}).Validate(), "expected_amount")
	fake.Invalid(t, (&retailoutlets.UpdateFixedPaymentCodeParams{ExpectedAmount: xendit.Set(5_000_000.0)}).Validate(), "")
}

func TestCreatePaymentCodeParamsValidate(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		change func(p *retailoutlets.CreatePaymentCodeParams)
		field  string
	}{
		"valid":                {func(*retailoutlets.CreatePaymentCodeParams) {}, ""},
		"no reference_id":      {func(p *retailoutlets.CreatePaymentCodeParams) { p.ReferenceID = "" }, "reference_id"},
		"long reference_id":    {func(p *retailoutlets.CreatePaymentCodeParams) { p.ReferenceID = strings.Repeat("x", 1001) }, "reference_id"},
		"no channel":           {func(p *retailoutlets.CreatePaymentCodeParams) { p.ChannelCode = "" }, "channel_code"},
		"IDR":                  {func(p *retailoutlets.CreatePaymentCodeParams) { p.Currency = xendit.CurrencyIDR }, "currency"},
		"no market":            {func(p *retailoutlets.CreatePaymentCodeParams) { p.Market = "" }, "market"},
		"long customer_name":   {func(p *retailoutlets.CreatePaymentCodeParams) { p.CustomerName = strings.Repeat("a", 251) }, "customer_name"},
		"no customer_name":     {func(p *retailoutlets.CreatePaymentCodeParams) { p.CustomerName = "" }, "customer_name"},
		"zero amount":          {func(p *retailoutlets.CreatePaymentCodeParams) { p.Amount = xendit.Ptr(0.0) }, "amount"},
		"below CLIQQ's 100":    {func(p *retailoutlets.CreatePaymentCodeParams) { p.Amount = xendit.Ptr(99.0) }, "amount"},
		"above CLIQQ's 50,000": {func(p *retailoutlets.CreatePaymentCodeParams) { p.Amount = xendit.Ptr(50_000.01) }, "amount"},
		"ECPay's 1 peso": {func(p *retailoutlets.CreatePaymentCodeParams) {
			p.ChannelCode, p.Amount = retailoutlets.ChannelECPay, xendit.Ptr(1.0)
		}, ""},
		"open code": {func(p *retailoutlets.CreatePaymentCodeParams) { p.Amount = nil }, ""},
		"a chosen code on 7ELEVEN": {func(p *retailoutlets.CreatePaymentCodeParams) {
			p.ChannelCode, p.PaymentCode = retailoutlets.Channel7Eleven, xendit.Ptr("12345")
		}, "payment_code"},
		"long payment_code": {func(p *retailoutlets.CreatePaymentCodeParams) { p.PaymentCode = xendit.Ptr(strings.Repeat("1", 21)) }, "payment_code"},
		"multiple use on 7ELEVEN": {func(p *retailoutlets.CreatePaymentCodeParams) {
			p.ChannelCode, p.IsSingleUse = retailoutlets.Channel7Eleven, xendit.Ptr(false)
		}, "is_single_use"},
		"multiple use on CLIQQ": {func(p *retailoutlets.CreatePaymentCodeParams) { p.IsSingleUse = xendit.Ptr(false) }, ""},
		"empty description":     {func(p *retailoutlets.CreatePaymentCodeParams) { p.Description = xendit.Ptr("") }, "description"},
		"long description":      {func(p *retailoutlets.CreatePaymentCodeParams) { p.Description = xendit.Ptr(strings.Repeat("d", 251)) }, "description"},
		"long metadata key": {func(p *retailoutlets.CreatePaymentCodeParams) {
			p.Metadata = map[string]any{strings.Repeat("k", 41): 1}
		}, "metadata"},
		"long metadata value": {func(p *retailoutlets.CreatePaymentCodeParams) {
			p.Metadata = map[string]any{"k": strings.Repeat("v", 501)}
		}, "metadata.k"},
		"a channel the SDK does not know": {func(p *retailoutlets.CreatePaymentCodeParams) {
			p.ChannelCode, p.Amount, p.IsSingleUse = "NEW_MART", xendit.Ptr(1_000_000.0), xendit.Ptr(false)
		}, ""},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p := cliqq("order-1")
			tc.change(p)
			fake.Invalid(t, p.Validate(), tc.field)
		})
	}
	p := cliqq("order-1")
	p.Metadata = map[string]any{}
	for i := range 51 {
		p.Metadata[strings.Repeat("k", i+1)] = i
	}
	fake.Invalid(t, p.Validate(), "metadata")
}

func TestUpdatePaymentCodeParamsValidate(t *testing.T) {
	t.Parallel()
	fake.Invalid(t, (&retailoutlets.UpdatePaymentCodeParams{}).Validate(), "")
	fake.Invalid(t, (&retailoutlets.UpdatePaymentCodeParams{CustomerName: xendit.Set("")}).Validate(), "customer_name")
	fake.Invalid(t, (&retailoutlets.UpdatePaymentCodeParams{Amount: xendit.Set(-1.0)}).Validate(), "amount")
	fake.Invalid(t, (&retailoutlets.UpdatePaymentCodeParams{Currency: xendit.Set(xendit.CurrencyIDR)}).Validate(), "currency")
	fake.Invalid(t, (&retailoutlets.UpdatePaymentCodeParams{Description: xendit.Set(strings.Repeat("d", 251))}).Validate(), "description")
}

// TestNothingIsSentWithBadParams: every method checks its params before
// sending, nil params among them.
func TestNothingIsSentWithBadParams(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := t.Context()
	_, err := f.ro.CreateFixedPaymentCode(ctx, nil)
	fake.Invalid(t, err, "params")
	_, err = f.ro.UpdateFixedPaymentCode(ctx, "fpc-1", nil)
	fake.Invalid(t, err, "params")
	_, err = f.ro.CreatePaymentCode(ctx, nil)
	fake.Invalid(t, err, "params")
	_, err = f.ro.UpdatePaymentCode(ctx, "pcode-1", nil)
	fake.Invalid(t, err, "params")
	_, err = f.ro.UpdatePaymentCode(ctx, "pcode-1", &retailoutlets.UpdatePaymentCodeParams{Currency: xendit.Set(xendit.CurrencyUSD)})
	fake.Invalid(t, err, "currency")
	for _, limit := range []int{0, 101} {
		_, err = f.ro.ListFixedPaymentCodePayments(ctx, "fpc-1", &retailoutlets.ListFixedPaymentCodePaymentsParams{Limit: &limit})
		fake.Invalid(t, err, "limit")
		for _, err := range f.ro.AllFixedPaymentCodePayments(ctx, "fpc-1", &retailoutlets.ListFixedPaymentCodePaymentsParams{Limit: &limit}) {
			fake.Invalid(t, err, "limit")
		}
	}
	_, err = f.ro.GetPaymentCode(ctx, "")
	assert.ErrorIs(t, err, xendit.ErrValidation, "an empty id is refused by the core")
	assert.Empty(t, f.srv.Requests(), "nothing was sent")
}
