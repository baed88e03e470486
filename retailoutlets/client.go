package retailoutlets

import "github.com/seed19b1029f/xendit-go"

// Client calls the retail outlets API: Indonesia's fixed payment codes and
// the Philippines' payment codes. It is safe for concurrent use.
type Client struct{ c *xendit.Client }

// New returns a client for the retail outlets API that sends through c.
func New(c *xendit.Client) *Client { return &Client{c: c} }
