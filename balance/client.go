package balance

import "github.com/seed19b1029f/xendit-go"

// Client reads balances.
type Client struct{ c *xendit.Client }

// New returns a client for the Balance API that sends through c.
func New(c *xendit.Client) *Client { return &Client{c: c} }
