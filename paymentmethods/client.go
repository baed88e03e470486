package paymentmethods

import "github.com/seed19b1029f/xendit-go"

// Client calls the Payment Methods (v2) API. It is safe for concurrent use.
type Client struct{ c *xendit.Client }

// New returns a client for the Payment Methods API that sends through c.
func New(c *xendit.Client) *Client { return &Client{c: c} }
