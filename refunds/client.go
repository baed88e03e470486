package refunds

import "github.com/seed19b1029f/xendit-go"

// Client calls the Refunds API. It is safe for concurrent use.
type Client struct{ c *xendit.Client }

// New returns a client for the Refunds API that sends through c.
func New(c *xendit.Client) *Client { return &Client{c: c} }
