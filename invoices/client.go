package invoices

import "github.com/seed19b1029f/xendit-go"

// Client creates, reads, lists and expires invoices.
type Client struct{ c *xendit.Client }

// New returns a client for the Invoices API that sends through c.
func New(c *xendit.Client) *Client { return &Client{c: c} }
