package customers

import "github.com/seed19b1029f/xendit-go"

// Client calls the Customers API, version 2020-10-31.
type Client struct{ c *xendit.Client }

// New returns a client for the Customers API, version 2020-10-31, that
// sends through c.
func New(c *xendit.Client) *Client { return &Client{c: c} }

// V20200519Client calls the original Customers API, version 2020-05-19:
// individuals only, names at the top level, and the lookup by reference id
// answering a bare JSON array. Every call sends API-VERSION: 2020-05-19,
// whatever the options say. Use it for an integration built on that version;
// new code uses [New].
type V20200519Client struct{ c *xendit.Client }

// NewV20200519 returns a client for the Customers API, version 2020-05-19,
// that sends through c.
func NewV20200519(c *xendit.Client) *V20200519Client { return &V20200519Client{c: c} }
