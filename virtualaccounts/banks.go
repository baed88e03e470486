package virtualaccounts

import (
	"context"
	"iter"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/pager"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var listBanks = xendit.MustEndpoint("virtualaccounts.list_banks")

// BankCode names the bank that issues a virtual account. Codes the SDK does
// not list still decode and may be sent: Xendit adds banks without notice,
// and ListBanks says which ones an account may use.
type BankCode string

// The bank codes the reference documents for Create Virtual Account.
const (
	// Indonesia.
	BankBCA              BankCode = "BCA"
	BankBNI              BankCode = "BNI"
	BankBRI              BankCode = "BRI"
	BankBJB              BankCode = "BJB"
	BankBSI              BankCode = "BSI"
	BankBNC              BankCode = "BNC"
	BankCIMB             BankCode = "CIMB"
	BankDBS              BankCode = "DBS"
	BankMandiri          BankCode = "MANDIRI"
	BankPermata          BankCode = "PERMATA"
	BankSahabatSampoerna BankCode = "SAHABAT_SAMPOERNA"
	// Vietnam.
	BankPV          BankCode = "PV"
	BankVietCapital BankCode = "VIETCAPITAL"
	BankWoori       BankCode = "WOORI"
	BankMSB         BankCode = "MSB"
	BankVPB         BankCode = "VPB"
	BankBIDV        BankCode = "BIDV"
	// Thailand.
	BankStandardChartered BankCode = "STANDARD_CHARTERED"
	// Malaysia.
	BankUOB    BankCode = "UOB"
	BankAmBank BankCode = "AMBANK"
)

// Country is where a virtual account operates.
type Country string

// The documented countries; CountryID is the default.
const (
	CountryID Country = "ID"
	CountryVN Country = "VN"
	CountryTH Country = "TH"
	CountryMY Country = "MY"
)

// currencies are the currencies each country's virtual accounts accept,
// the default first (Create Virtual Account, "currency").
var currencies = map[Country][]xendit.Currency{
	CountryID: {xendit.CurrencyIDR, xendit.CurrencyUSD},
	CountryVN: {xendit.CurrencyVND},
	CountryTH: {xendit.CurrencyTHB},
	CountryMY: {xendit.CurrencyMYR},
}

// bankRule is what the reference says about one bank on Create Virtual
// Account: its country, the range of a closed account's expected_amount
// (zero when it documents none), and which optional features it has.
type bankRule struct {
	country                    Country
	minExpected, maxExpected   float64
	minMaxAmount               bool // min_amount and max_amount
	suggestedAmount, describes bool // suggested_amount; description
}

// bankRules is the reference's table of banks (Create Virtual Account,
// lines 18521-18631). A bank not in it is sent as given and left to the API.
var bankRules = map[BankCode]bankRule{
	BankBNI:               {country: CountryID, minExpected: 1, maxExpected: 50_000_000_000},
	BankBJB:               {country: CountryID, minExpected: 1, maxExpected: 50_000_000_000},
	BankBRI:               {country: CountryID, minExpected: 1, maxExpected: 50_000_000_000, suggestedAmount: true, describes: true},
	BankBSI:               {country: CountryID, minExpected: 1, maxExpected: 50_000_000_000, describes: true},
	BankBNC:               {country: CountryID, minExpected: 1, maxExpected: 50_000_000_000, minMaxAmount: true},
	BankMandiri:           {country: CountryID, minExpected: 1, maxExpected: 50_000_000_000, suggestedAmount: true},
	BankSahabatSampoerna:  {country: CountryID, minExpected: 1, maxExpected: 50_000_000_000},
	BankPermata:           {country: CountryID, minExpected: 1, maxExpected: 9_999_999_999},
	BankBCA:               {country: CountryID, minExpected: 10_000, maxExpected: 999_999_999_999, minMaxAmount: true},
	BankCIMB:              {country: CountryID, minExpected: 1_000, maxExpected: 50_000_000_000, minMaxAmount: true},
	BankDBS:               {country: CountryID, minExpected: 1, maxExpected: 50_000_000_000},
	BankWoori:             {country: CountryVN, minExpected: 10_000, maxExpected: 499_999_999},
	BankVietCapital:       {country: CountryVN, minExpected: 10_000, maxExpected: 499_999_999},
	BankPV:                {country: CountryVN},
	BankMSB:               {country: CountryVN},
	BankVPB:               {country: CountryVN},
	BankBIDV:              {country: CountryVN},
	BankStandardChartered: {country: CountryTH},
	BankUOB:               {country: CountryMY},
	BankAmBank:            {country: CountryMY},
}

// Bank is one bank an account can create virtual accounts with, as Get
// Virtual Account Banks lists it: one entry per bank and currency.
type Bank struct {
	Name     string          `json:"name"`
	Code     BankCode        `json:"code"`
	Country  Country         `json:"country"`
	Currency xendit.Currency `json:"currency"`
	// IsActivated says whether the account may create virtual accounts
	// with this bank in live mode; activate banks in the Dashboard.
	IsActivated bool `json:"is_activated"`
}

// ListBanks returns the banks the account can create virtual accounts
// with. The API answers a bare array, in one piece: the page's HasMore is
// always false.
//
// API: GET /available_virtual_account_banks
func (s *Client) ListBanks(ctx context.Context, opts ...xendit.RequestOption) (*xendit.Page[Bank], error) {
	list, err := product.Do[[]Bank](ctx, s.c, &xendit.Request{Endpoint: listBanks, Options: opts})
	if err != nil {
		return nil, err
	}
	page := &xendit.Page[Bank]{Data: *list}
	if page.Data == nil {
		page.Data = []Bank{}
	}
	return page, nil
}

// AllBanks yields every bank of ListBanks, stopping on its error; it asks
// once, since the list comes in one piece.
//
// API: GET /available_virtual_account_banks
func (s *Client) AllBanks(ctx context.Context, opts ...xendit.RequestOption) iter.Seq2[*Bank, error] {
	return pager.All(ctx, "", func(ctx context.Context, _ string) (*xendit.Page[Bank], error) {
		return s.ListBanks(ctx, opts...)
	}, func(*xendit.Page[Bank]) string { return "" })
}
