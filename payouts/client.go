package payouts

import "github.com/seed19b1029f/xendit-go"

// Client calls the Payouts (v2) API. It is safe for concurrent use.
type Client struct{ c *xendit.Client }

// New returns a client for the Payouts API that sends through c.
func New(c *xendit.Client) *Client { return &Client{c: c} }
