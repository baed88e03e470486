package xenplatform

import "github.com/seed19b1029f/xendit-go"

// Client calls the xenPlatform API. It is safe for concurrent use.
type Client struct{ c *xendit.Client }

// New returns a client for the xenPlatform API that sends through c, the
// platform's (master account's) client.
func New(c *xendit.Client) *Client { return &Client{c: c} }
