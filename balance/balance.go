// Package balance reads the balance of a Xendit account: GET /balance
// (https://developers.xendit.co/api-reference/#get-balance).
//
// The balance is debited by money going out (disbursements, fees) and
// credited by money coming in (paid invoices, deposits). A multi-currency
// account must name the currency; a xenPlatform master account reads a
// sub-account's balance with [xendit.ForUserID].
//
//	bal, err := balance.New(client).Get(ctx, &balance.GetParams{
//		AccountType: balance.Cash,
//		Currency:    "IDR",
//	})
package balance

import (
	"context"
	"net/url"
	"time"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

// AccountType selects which balance to read.
type AccountType string

// The documented account types.
const (
	// Cash is money available to withdraw or disburse (the API's default).
	Cash AccountType = "CASH"
	// Holding is money received but not yet settled.
	Holding AccountType = "HOLDING"
	// Tax is money set aside for tax.
	Tax AccountType = "TAX"
)

// GetParams are the optional query parameters of Get. A nil *GetParams reads
// the CASH balance of the account's only currency.
type GetParams struct {
	// AccountType defaults to Cash.
	AccountType AccountType
	// Currency (ISO 4217, e.g. "IDR", "PHP", "USD") is required by Xendit
	// when the account holds more than one currency.
	Currency string
	// AtTimestamp, when set, asks for the balance as it was at that moment.
	AtTimestamp time.Time
}

// Balance is the amount in the selected account. It is a float64 because
// balances in PHP, USD and other currencies can have fractions; IDR balances
// are whole numbers.
type Balance struct {
	Balance float64 `json:"balance"`
}

// Client reads balances.
type Client struct{ c *xendit.Client }

// New returns a balance client that calls the API through c.
func New(c *xendit.Client) *Client { return &Client{c: c} }

var getBalance = xendit.MustEndpoint("balance.get")

// Get returns the balance. Options such as [xendit.ForUserID] apply to this
// call only.
//
// API: GET /balance
func (s *Client) Get(ctx context.Context, params *GetParams, opts ...xendit.RequestOption) (*Balance, error) {
	q, err := params.query()
	if err != nil {
		return nil, err
	}
	return product.Do[Balance](ctx, s.c, &xendit.Request{Endpoint: getBalance, Query: q, Options: opts})
}

func (p *GetParams) query() (url.Values, error) {
	if p == nil {
		return nil, nil
	}
	q := url.Values{}
	switch p.AccountType {
	case "":
	case Cash, Holding, Tax:
		q.Set("account_type", string(p.AccountType))
	default:
		return nil, xendit.Invalid("account_type", "%q is not one of CASH, HOLDING, TAX", p.AccountType)
	}
	if p.Currency != "" {
		if err := product.Currency("currency", p.Currency); err != nil {
			return nil, err
		}
		q.Set("currency", p.Currency)
	}
	if !p.AtTimestamp.IsZero() {
		q.Set("at_timestamp", xendit.FormatTime(p.AtTimestamp))
	}
	return q, nil
}
