package files

import "github.com/seed19b1029f/xendit-go"

// Client calls the Files API.
type Client struct{ c *xendit.Client }

// New returns a client for the Files API that sends through c.
func New(c *xendit.Client) *Client { return &Client{c: c} }
