package virtualaccounts_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/fake"
	"github.com/seed19b1029f/xendit-go/virtualaccounts"
)

func TestCreateRules(t *testing.T) {
	t.Parallel()
	type params = virtualaccounts.CreateVirtualAccountParams
	cases := []struct {
		name  string
		edit  func(*params)
		field string
	}{
		{"valid", func(*params) {}, ""},
		{"external_id required", func(p *params) { p.ExternalID = "" }, "external_id"},
		{"external_id up to 950", func(p *params) { p.ExternalID = strings.Repeat("x", 951) }, "external_id"},
		{"950 is fine", func(p *params) { p.ExternalID = strings.Repeat("é", 950) }, ""},
		{"bank_code required", func(p *params) { p.BankCode = "" }, "bank_code"},
		{"an unknown bank is left to the API", func(p *params) { p.BankCode = "NEWBANK" }, ""},
		{"name required", func(p *params) { p.Name = " " }, "name"},
		{"name letters only", func(p *params) { p.Name = "Michael Chen 2" }, "name"},
		{"name no punctuation", func(p *params) { p.Name = "O'Brien" }, "name"},
		{"name any alphabet", func(p *params) { p.Name = "Nguyễn Văn An" }, ""},
		{"BCA takes digits", func(p *params) { p.BankCode, p.Name = virtualaccounts.BankBCA, "Shop 24" }, ""},
		{"BCA needs 3 characters", func(p *params) { p.BankCode, p.Name = virtualaccounts.BankBCA, "Al" }, "name"},
		{"number of digits", func(p *params) { p.VirtualAccountNumber = xendit.Ptr("9999-1001") }, "virtual_account_number"},
		{"number not empty", func(p *params) { p.VirtualAccountNumber = xendit.Ptr("") }, "virtual_account_number"},
		{"country enum", func(p *params) { p.Country = xendit.Ptr(virtualaccounts.Country("PH")) }, "country"},
		{"bank of another country", func(p *params) { p.Country = xendit.Ptr(virtualaccounts.CountryVN) }, "bank_code"},
		{"currency of the country", func(p *params) { p.Currency = xendit.Ptr(xendit.CurrencyPHP) }, "currency"},
		{"USD in Indonesia", func(p *params) { p.BankCode, p.Currency = virtualaccounts.BankDBS, xendit.Ptr(xendit.CurrencyUSD) }, ""},
		{"a Vietnamese bank's currency without a country", func(p *params) {
			p.BankCode, p.Currency, p.ExpectedAmount = virtualaccounts.BankVPB, xendit.Ptr(xendit.CurrencyVND), xendit.Ptr(10000.0)
		}, ""},
		{"not IDR at a Vietnamese bank", func(p *params) {
			p.BankCode, p.Currency = virtualaccounts.BankWoori, xendit.Ptr(xendit.CurrencyIDR)
		}, "currency"},
		{"closed needs expected_amount", func(p *params) { p.ExpectedAmount = nil }, "expected_amount"},
		{"expected_amount positive", func(p *params) { p.ExpectedAmount = xendit.Ptr(0.0) }, "expected_amount"},
		{"PERMATA's maximum", func(p *params) {
			p.BankCode, p.ExpectedAmount = virtualaccounts.BankPermata, xendit.Ptr(10_000_000_000.0)
		}, "expected_amount"},
		{"BCA's minimum", func(p *params) { p.BankCode, p.ExpectedAmount = virtualaccounts.BankBCA, xendit.Ptr(9_999.0) }, "expected_amount"},
		{"VIETCAPITAL's maximum", func(p *params) {
			p.BankCode, p.Country, p.ExpectedAmount = virtualaccounts.BankVietCapital, xendit.Ptr(virtualaccounts.CountryVN), xendit.Ptr(500_000_000.0)
		}, "expected_amount"},
		{"min_amount for open accounts", func(p *params) {
			p.BankCode, p.MinAmount = virtualaccounts.BankBCA, xendit.Ptr[int64](20_000)
		}, "min_amount"},
		{"min_amount at BCA, BNC and CIMB", func(p *params) { open(p); p.MinAmount = xendit.Ptr[int64](1) }, "min_amount"},
		{"max_amount at BCA, BNC and CIMB", func(p *params) { open(p); p.MaxAmount = xendit.Ptr[int64](1) }, "max_amount"},
		{"min and max at CIMB", func(p *params) {
			open(p)
			p.BankCode, p.MinAmount, p.MaxAmount = virtualaccounts.BankCIMB, xendit.Ptr[int64](1000), xendit.Ptr[int64](2000)
		}, ""},
		{"min not above max", func(p *params) {
			open(p)
			p.BankCode, p.MinAmount, p.MaxAmount = virtualaccounts.BankBNC, xendit.Ptr[int64](3000), xendit.Ptr[int64](2000)
		}, "min_amount"},
		{"max_amount positive", func(p *params) {
			open(p)
			p.BankCode, p.MaxAmount = virtualaccounts.BankBNC, xendit.Ptr[int64](-1)
		}, "max_amount"},
		{"suggested_amount at BRI and MANDIRI", func(p *params) { p.SuggestedAmount = xendit.Ptr(50000.0) }, "suggested_amount"},
		{"suggested_amount at MANDIRI", func(p *params) {
			p.BankCode, p.SuggestedAmount = virtualaccounts.BankMandiri, xendit.Ptr(50000.0)
		}, ""},
		{"suggested_amount positive", func(p *params) {
			p.BankCode, p.SuggestedAmount = virtualaccounts.BankBRI, xendit.Ptr(-1.0)
		}, "suggested_amount"},
		{"description at BRI and BSI", func(p *params) { p.Description = xendit.Ptr("Utensils") }, "description"},
		{"description at BSI", func(p *params) { p.BankCode, p.Description = virtualaccounts.BankBSI, xendit.Ptr("Utensils") }, ""},
		{"description not empty", func(p *params) { p.BankCode, p.Description = virtualaccounts.BankBRI, xendit.Ptr("") }, "description"},
		{"expiration_date not past", func(p *params) { p.ExpirationDate = xendit.Time{Time: time.Now().Add(-time.Minute)} }, "expiration_date"},
		{"expiration_date ahead", func(p *params) { p.ExpirationDate = xendit.Time{Time: time.Now().Add(time.Hour)} }, ""},
		{"alternative display enum", func(p *params) {
			p.AlternativeDisplayTypes = []virtualaccounts.AlternativeDisplayType{virtualaccounts.AlternativeDisplayTypeQRString, "BARCODE"}
		}, "alternative_display_types[1]"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p := closedAccount("order-1")
			tc.edit(p)
			fake.Invalid(t, p.Validate(), tc.field)
		})
	}
}

func open(p *virtualaccounts.CreateVirtualAccountParams) {
	p.IsClosed, p.ExpectedAmount = nil, nil
}

func TestUpdateRules(t *testing.T) {
	t.Parallel()
	type params = virtualaccounts.UpdateVirtualAccountParams
	for field, p := range map[string]*params{
		"":                 {ExternalID: xendit.Set("order-2"), Description: xendit.Null[string](), ExpectedAmount: xendit.Set(1.0)},
		"external_id":      {ExternalID: xendit.Set(strings.Repeat("x", 951))},
		"expected_amount":  {ExpectedAmount: xendit.Set(0.0)},
		"suggested_amount": {SuggestedAmount: xendit.Set(-5.0)},
		"min_amount":       {MinAmount: xendit.Set[int64](10), MaxAmount: xendit.Set[int64](5)},
		"max_amount":       {MaxAmount: xendit.Set[int64](0)},
		"description":      {Description: xendit.Set("")},
	} {
		fake.Invalid(t, p.Validate(), field)
	}
	_, err := virtualaccounts.New(nil).UpdateVirtualAccount(t.Context(), "id", nil)
	fake.Invalid(t, err, "params")
}

func TestNothingInvalidIsSent(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	ctx := t.Context()
	_, err := f.va.CreateVirtualAccount(ctx, nil)
	fake.Invalid(t, err, "params")
	_, err = f.va.CreateVirtualAccount(ctx, &virtualaccounts.CreateVirtualAccountParams{ExternalID: "x", BankCode: virtualaccounts.BankBNI})
	fake.Invalid(t, err, "name")
	_, err = f.va.SimulatePayment(ctx, "x", &virtualaccounts.SimulatePaymentParams{})
	fake.Invalid(t, err, "amount")
	_, err = f.va.SimulatePayment(ctx, "", &virtualaccounts.SimulatePaymentParams{Amount: 1})
	fake.Invalid(t, err, "external_id")
	_, err = f.va.GetPayment(ctx, "")
	fake.Invalid(t, err, "payment_id")
	_, err = f.va.UpdateVirtualAccount(ctx, "", &virtualaccounts.UpdateVirtualAccountParams{})
	fake.Invalid(t, err, "id")
	_, err = f.va.CreateVirtualAccount(ctx, closedAccount("x"), xendit.WithIdempotencyKey("order-x"))
	fake.Invalid(t, err, "idempotency key") // the endpoint has no idempotency header to send it in
	assert.Empty(t, f.srv.Requests(), "nothing invalid reached the network")
}
