package cards

import (
	"context"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

// Client calls the Credit Cards API. It is safe for concurrent use.
type Client struct{ c *xendit.Client }

// New returns a cards client that calls the API through c.
func New(c *xendit.Client) *Client { return &Client{c: c} }

var (
	getToken           = xendit.MustEndpoint("cards.get_token")
	createCharge       = xendit.MustEndpoint("cards.create_charge")
	getCharge          = xendit.MustEndpoint("cards.get_charge")
	captureCharge      = xendit.MustEndpoint("cards.capture_charge")
	reverseAuth        = xendit.MustEndpoint("cards.reverse_authorization")
	createRefund       = xendit.MustEndpoint("cards.create_refund")
	getChargeOption    = xendit.MustEndpoint("cards.get_charge_option")
	createPromotion    = xendit.MustEndpoint("cards.promotions.create")
	listPromotions     = xendit.MustEndpoint("cards.promotions.list")
	calculatePromotion = xendit.MustEndpoint("cards.promotions.calculate")
	updatePromotion    = xendit.MustEndpoint("cards.promotions.update")
	deletePromotion    = xendit.MustEndpoint("cards.promotions.delete")
)

// do sends req and decodes the answer into a new T. An error is scrubbed of
// the secrets s holds and of anything shaped like a card number first, so
// that a server message echoing the request cannot carry them into a log.
func do[T any](ctx context.Context, c *xendit.Client, req *xendit.Request, s secrets) (*T, error) {
	v, err := product.Do[T](ctx, c, req)
	if err != nil {
		return nil, s.scrub(err)
	}
	return v, nil
}
