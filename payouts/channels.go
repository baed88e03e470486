package payouts

import (
	"context"
	"iter"
	"math"
	"net/url"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/pager"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var listChannels = xendit.MustEndpoint("payouts.list_channels")

// ChannelCode is a payout destination: a bank, e-wallet or OTC channel,
// prefixed by its country (ISO 3166). Xendit adds channels often; any code
// from ListChannels works, the constants are the reference's examples.
type ChannelCode string

// Channel codes that the reference's examples use.
const (
	ChannelBCA     ChannelCode = "ID_BCA"
	ChannelBSI     ChannelCode = "ID_BSI"
	ChannelGCash   ChannelCode = "PH_GCASH"
	ChannelAUB     ChannelCode = "PH_AUB"
	ChannelBAY     ChannelCode = "TH_BAY"
	ChannelDuitNow ChannelCode = "MY_DUITNOW"
)

// ChannelCategory is the kind of destination.
type ChannelCategory string

// The documented channel categories.
const (
	ChannelCategoryBank    ChannelCategory = "BANK"
	ChannelCategoryEWallet ChannelCategory = "EWALLET"
	ChannelCategoryOTC     ChannelCategory = "OTC"
)

// Channel is a destination Xendit pays out to, with its amount limits.
type Channel struct {
	ChannelCode     ChannelCode     `json:"channel_code"`
	ChannelCategory ChannelCategory `json:"channel_category"`
	Currency        xendit.Currency `json:"currency"`
	ChannelName     string          `json:"channel_name"`
	AmountLimits    AmountLimits    `json:"amount_limits"`
}

// AmountLimits are the amounts a channel accepts: from Minimum to Maximum,
// in steps of MinimumIncrement.
type AmountLimits struct {
	Minimum          float64 `json:"minimum"`
	Maximum          float64 `json:"maximum"`
	MinimumIncrement float64 `json:"minimum_increment"`
}

// CheckAmount checks amount against the channel's limits, as Xendit does
// on create (MINIMUM_TRANSFER_LIMIT_ERROR, MAXIMUM_TRANSFER_LIMIT_ERROR,
// AMOUNT_INCREMENT_NOT_SUPPORTED): the limits change per channel and over
// time, so CreatePayout cannot know them; a caller that has read the
// channel with ListChannels refuses a bad amount before sending. A zero
// limit is not checked.
func (c *Channel) CheckAmount(amount float64) error {
	l := c.AmountLimits
	switch {
	case l.Minimum > 0 && amount < l.Minimum:
		return xendit.Invalid("amount", "%v is below %s's minimum of %v", amount, c.ChannelCode, l.Minimum)
	case l.Maximum > 0 && amount > l.Maximum:
		return xendit.Invalid("amount", "%v is above %s's maximum of %v", amount, c.ChannelCode, l.Maximum)
	case l.MinimumIncrement > 0 && !isMultiple(amount, l.MinimumIncrement):
		return xendit.Invalid("amount", "%v is not a multiple of %s's increment of %v", amount, c.ChannelCode, l.MinimumIncrement)
	}
	return nil
}

// isMultiple reports whether a is a whole multiple of step, allowing for
// the binary representation of decimal amounts (1.10 / 0.01).
func isMultiple(a, step float64) bool {
	q := a / step
	return math.Abs(q-math.Round(q)) < 1e-6
}

// ListChannelsParams filters the channels; it may be nil.
type ListChannelsParams struct {
	Currency        *xendit.Currency
	ChannelCategory *ChannelCategory
	ChannelCode     *ChannelCode
}

// Validate checks that a currency, when set, is an ISO 4217 code.
func (p *ListChannelsParams) Validate() error {
	if p.Currency != nil {
		return product.Currency("currency", string(*p.Currency))
	}
	return nil
}

func (p *ListChannelsParams) query() url.Values {
	q := url.Values{}
	if p.Currency != nil {
		q.Set("currency", string(*p.Currency))
	}
	if p.ChannelCategory != nil {
		q.Set("channel_category", string(*p.ChannelCategory))
	}
	if p.ChannelCode != nil {
		q.Set("channel_code", string(*p.ChannelCode))
	}
	return q
}

// ListChannels returns the channels Xendit pays out to, sorted by channel
// code, filtered by params (nil: all). The API answers one bare array, so
// the page has HasMore false.
//
// API: GET /payouts_channels
func (s *Client) ListChannels(ctx context.Context, params *ListChannelsParams, opts ...xendit.RequestOption) (*xendit.Page[Channel], error) {
	if params == nil {
		params = &ListChannelsParams{}
	}
	if err := product.Check(params); err != nil {
		return nil, err
	}
	out, err := product.Do[channelPage](ctx, s.c, &xendit.Request{Endpoint: listChannels, Query: params.query(), Options: opts})
	if err != nil {
		return nil, err
	}
	return &out.Page, nil
}

// AllChannels yields the channels of ListChannels one by one; the API has
// no pages, so it makes one request.
//
// API: GET /payouts_channels
func (s *Client) AllChannels(ctx context.Context, params *ListChannelsParams, opts ...xendit.RequestOption) iter.Seq2[*Channel, error] {
	fetch := func(ctx context.Context, _ string) (*xendit.Page[Channel], error) {
		return s.ListChannels(ctx, params, opts...)
	}
	return pager.All(ctx, "", fetch, func(*xendit.Page[Channel]) string { return "" })
}

// channelPage decodes the bare array of channels, or a page should the
// API start paging.
type channelPage struct{ xendit.Page[Channel] }

func (p *channelPage) UnmarshalJSON(b []byte) error { return decodePage(b, &p.Page) }
