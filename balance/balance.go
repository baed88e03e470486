package balance

import (
	"context"
	"net/url"
	"time"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var getBalance = xendit.MustEndpoint("balance.get_balance")

// AccountType selects which balance to read.
type AccountType string

// The documented account types.
const (
	// AccountTypeCash is money available to withdraw or disburse (the API's
	// default).
	AccountTypeCash AccountType = "CASH"
	// AccountTypeHolding is money received but not yet settled.
	AccountTypeHolding AccountType = "HOLDING"
	// AccountTypeTax is money set aside for tax.
	AccountTypeTax AccountType = "TAX"
)

// GetParams are the optional query parameters of Get. A nil *GetParams reads
// the CASH balance of the account's only currency.
type GetParams struct {
	// AccountType defaults to CASH.
	AccountType *AccountType
	// Currency is required by Xendit when the account holds more than one
	// currency.
	Currency *xendit.Currency
	// AtTimestamp, when not zero, asks for the balance as it was at that
	// moment.
	AtTimestamp time.Time
}

// Validate applies the documented rules: a known account type and a
// three-letter currency.
func (p *GetParams) Validate() error {
	if p.AccountType != nil {
		switch *p.AccountType {
		case AccountTypeCash, AccountTypeHolding, AccountTypeTax:
		default:
			return xendit.Invalid("account_type", "%q is not one of CASH, HOLDING, TAX", *p.AccountType)
		}
	}
	if p.Currency != nil {
		return product.Currency("currency", string(*p.Currency))
	}
	return nil
}

func (p *GetParams) query() url.Values {
	q := url.Values{}
	if p.AccountType != nil {
		q.Set("account_type", string(*p.AccountType))
	}
	if p.Currency != nil {
		q.Set("currency", string(*p.Currency))
	}
	if !p.AtTimestamp.IsZero() {
		q.Set("at_timestamp", xendit.FormatTime(p.AtTimestamp))
	}
	return q
}

// Balance is the amount in the selected account. It is a float64 because
// balances in PHP, USD and other currencies can have fractions; IDR balances
// are whole numbers.
type Balance struct {
	Balance float64 `json:"balance"`
}

// Get returns the balance. params may be nil; options such as
// [xendit.ForUserID] apply to this call only.
//
// API: GET /balance
func (s *Client) Get(ctx context.Context, params *GetParams, opts ...xendit.RequestOption) (*Balance, error) {
	req := &xendit.Request{Endpoint: getBalance, Options: opts}
	if params != nil {
		if err := product.Check(params); err != nil {
			return nil, err
		}
		req.Query = params.query()
	}
	return product.Do[Balance](ctx, s.c, req)
}
