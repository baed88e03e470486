package reports

import "github.com/seed19b1029f/xendit-go"

// Client generates and reads reports.
type Client struct{ c *xendit.Client }

// New returns a client for the Reports API that sends through c.
func New(c *xendit.Client) *Client { return &Client{c: c} }
