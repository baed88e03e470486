package paylater

import (
	"context"
	"math"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var initiatePlans = xendit.MustEndpoint("paylater.initiate_plans")

// ChannelCode names a PayLater provider. Unknown codes decode and can be
// sent.
type ChannelCode string

// The documented PayLater channels.
const (
	ChannelKredivo  ChannelCode = "ID_KREDIVO"
	ChannelAkulaku  ChannelCode = "ID_AKULAKU"
	ChannelIndodana ChannelCode = "ID_INDODANA"
	ChannelAtomeID  ChannelCode = "ID_ATOME"
	ChannelAtomePH  ChannelCode = "PH_ATOME"
	ChannelBillEase ChannelCode = "PH_BILLEASE"
	ChannelCashalo  ChannelCode = "PH_CASHALO"
)

// channelLimit is one row of the channel table: the currency and the
// transaction limits of the API reference ("Initiate PayLater Plans",
// transaction limits), and whether the provider takes DISCOUNT items.
type channelLimit struct {
	currency   xendit.Currency
	min, max   float64
	noDiscount bool
}

// channelLimits is the one table of per-channel rules.
var channelLimits = map[ChannelCode]channelLimit{
	ChannelKredivo:  {xendit.CurrencyIDR, 1_000, 30_000_000, false},
	ChannelAkulaku:  {xendit.CurrencyIDR, 1_000, 25_000_000, false},
	ChannelIndodana: {xendit.CurrencyIDR, 10_000, 25_000_000, false},
	ChannelAtomeID:  {xendit.CurrencyIDR, 50_000, 6_000_000, true},
	ChannelBillEase: {xendit.CurrencyPHP, 50, 150_000, false},
	ChannelCashalo:  {xendit.CurrencyPHP, 1_500, 8_000, false},
	ChannelAtomePH:  {xendit.CurrencyPHP, 100, 70_000, true},
}

// Limits returns the currency and the transaction limits of a channel, and
// false for a channel the SDK does not know.
func (c ChannelCode) Limits() (currency xendit.Currency, min, max float64, ok bool) {
	l, ok := channelLimits[c]
	return l.currency, l.min, l.max, ok
}

// ItemType says what an order item is.
type ItemType string

// The documented item types. Responses also carry PRODUCT.
const (
	ItemTypeDigitalProduct  ItemType = "DIGITAL_PRODUCT"
	ItemTypePhysicalProduct ItemType = "PHYSICAL_PRODUCT"
	ItemTypeDigitalService  ItemType = "DIGITAL_SERVICE"
	ItemTypePhysicalService ItemType = "PHYSICAL_SERVICE"
	// ItemTypeFee items are also added by Xendit to make up a difference
	// between the amount and the items.
	ItemTypeFee ItemType = "FEE"
	// ItemTypeDiscount items have a negative NetUnitAmount; Atome does not
	// take them.
	ItemTypeDiscount ItemType = "DISCOUNT"
	ItemTypeProduct  ItemType = "PRODUCT"
)

// OrderItem is one line of the order. In requests URL and Category are
// required; Xendit's own FEE items come back without them.
type OrderItem struct {
	Type        ItemType `json:"type"`
	ReferenceID string   `json:"reference_id"`
	Name        string   `json:"name"`
	// NetUnitAmount is the price of one unit, negative for a DISCOUNT.
	NetUnitAmount float64        `json:"net_unit_amount"`
	Quantity      int            `json:"quantity"`
	URL           string         `json:"url,omitempty"`
	Category      string         `json:"category,omitempty"`
	Subcategory   *string        `json:"subcategory,omitempty"`
	Description   *string        `json:"description,omitempty"`
	Metadata      map[string]any `json:"metadata,omitzero"`
}

// InitiatePlansParams asks a provider for installment plans for an order.
type InitiatePlansParams struct {
	// CustomerID must name a customer with given_names, surname, email,
	// mobile_number and an address (street_line1, city, postal_code,
	// country); the API answers INVALID_CUSTOMER_ID otherwise.
	CustomerID  string          `json:"customer_id"`
	ChannelCode ChannelCode     `json:"channel_code"`
	Currency    xendit.Currency `json:"currency"`
	// Amount must equal the sum of NetUnitAmount × Quantity over
	// OrderItems ([Total] computes it).
	Amount     float64     `json:"amount"`
	OrderItems []OrderItem `json:"order_items"`
}

// Plan is a set of installment options for one order; charge it with
// CreateCharge and its ID.
type Plan struct {
	ID          string          `json:"id"`
	CustomerID  string          `json:"customer_id"`
	ChannelCode ChannelCode     `json:"channel_code"`
	Currency    xendit.Currency `json:"currency"`
	Amount      float64         `json:"amount"`
	OrderItems  []OrderItem     `json:"order_items"`
	// Options is empty for PH_CASHALO.
	Options []PlanOption `json:"options"`
	Created xendit.Time  `json:"created"`
}

// PlanOption is one installment plan a provider offers.
type PlanOption struct {
	DownpaymentAmount float64 `json:"downpayment_amount"`
	InstallmentAmount float64 `json:"installment_amount"`
	// InterestRate is a fraction: 0.025 is 2.5%.
	InterestRate float64 `json:"interest_rate"`
	TotalAmount  float64 `json:"total_amount"`
	// Interval and IntervalCount are the time between installments
	// (every IntervalCount Intervals).
	Interval        Interval `json:"interval"`
	IntervalCount   int      `json:"interval_count"`
	TotalRecurrence int      `json:"total_recurrence"`
	Description     string   `json:"description"`
}

// Interval is the unit of the time between a plan's installments.
type Interval string

// The documented intervals.
const (
	IntervalDay   Interval = "DAY"
	IntervalWeek  Interval = "WEEK"
	IntervalMonth Interval = "MONTH"
)

// Total returns the sum of NetUnitAmount × Quantity over items, rounded to
// cents: the Amount a plan must carry.
func Total(items []OrderItem) float64 {
	var sum float64
	for _, it := range items {
		sum += it.NetUnitAmount * float64(it.Quantity)
	}
	return math.Round(sum*100) / 100
}

// Validate checks params before sending: required fields, the channel's
// currency and limits, the order items, and that Amount equals their total
// (the API's "Amount Does Not Tally" error). It returns a
// [*xendit.ValidationError] naming the field. InitiatePlans calls it.
func (p *InitiatePlansParams) Validate() error {
	err := product.First(
		product.Required("customer_id", p.CustomerID),
		product.Required("channel_code", string(p.ChannelCode)),
		product.Required("currency", string(p.Currency)),
	)
	if err != nil {
		return err
	}
	if len(p.OrderItems) == 0 {
		return xendit.Invalid("order_items", "needs at least one item")
	}
	limit, known := channelLimits[p.ChannelCode]
	for i := range p.OrderItems {
		if err := p.OrderItems[i].check(i, known && limit.noDiscount, p.ChannelCode); err != nil {
			return err
		}
	}
	if total := Total(p.OrderItems); math.Abs(p.Amount-total) >= 0.005 {
		return xendit.Invalid("amount", "%v does not tally with the order items, whose total is %v", p.Amount, total)
	}
	if !known {
		return nil // a channel newer than the SDK: the API judges it
	}
	if p.Currency != limit.currency {
		return xendit.Invalid("currency", "%s plans are in %s, not %q", p.ChannelCode, limit.currency, p.Currency)
	}
	if p.Amount < limit.min || p.Amount > limit.max {
		return xendit.Invalid("amount", "%v is outside the %s limits of %v to %v %s",
			p.Amount, p.ChannelCode, limit.min, limit.max, limit.currency)
	}
	return nil
}

func (it *OrderItem) check(i int, noDiscount bool, channel ChannelCode) error {
	item := product.ItemOf("order_items", i)
	for _, f := range []struct{ name, value string }{
		{"type", string(it.Type)}, {"reference_id", it.ReferenceID}, {"name", it.Name},
		{"url", it.URL}, {"category", it.Category},
	} {
		if err := item.Required(f.name, f.value); err != nil {
			return err
		}
		if err := item.MaxLenPtr(f.name, &f.value, 255); err != nil {
			return err
		}
	}
	if it.Quantity < 1 {
		return xendit.Invalid(item.Field("quantity"), "must be at least 1, got %d", it.Quantity)
	}
	if it.Type == ItemTypeDiscount && noDiscount {
		return xendit.Invalid(item.Field("type"), "%s does not take DISCOUNT items", channel)
	}
	if err := product.URL(item.Field("url"), it.URL); err != nil {
		return err
	}
	return xendit.CheckMetadata(item.Field("metadata"), it.Metadata)
}

// InitiatePlans asks the provider which installment plans it offers for the
// order. Like every PayLater POST it is never repeated after an ambiguous
// failure; as a plan charges nothing, on [xendit.OutcomeUnknown] simply
// initiate another.
//
// API: POST /paylater/plans
func (s *Client) InitiatePlans(ctx context.Context, params *InitiatePlansParams, opts ...xendit.RequestOption) (*Plan, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return product.Do[Plan](ctx, s.c, &xendit.Request{Endpoint: initiatePlans, Body: params, Options: opts})
}
