package snap

import (
	"fmt"
	"os"

	"github.com/seed19b1029f/xendit-go"
)

// The environment [NewFromEnv] reads.
const (
	// EnvClientID holds your Xendit Client ID, sent as X-PARTNER-ID.
	EnvClientID = "XENDIT_SNAP_CLIENT_ID"
	// EnvPrivateKey names the PEM file of your SNAP private key, whose
	// public half is registered with Xendit.
	EnvPrivateKey = "XENDIT_SNAP_PRIVATE_KEY"
)

// NewFromEnv returns a client for c that signs with the RSA key in the file
// named by XENDIT_SNAP_PRIVATE_KEY, as XENDIT_SNAP_CLIENT_ID. Its errors
// name the variables, never the key.
func NewFromEnv(c *xendit.Client, opts ...Option) (*Client, error) {
	path := os.Getenv(EnvPrivateKey)
	if path == "" {
		return nil, fmt.Errorf("snap: %s is not set", EnvPrivateKey)
	}
	pemKey, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("snap: reading the key named by %s: %w", EnvPrivateKey, err)
	}
	signer, err := NewRSASignerPEM(pemKey)
	if err != nil {
		return nil, err
	}
	return New(c, os.Getenv(EnvClientID), signer, opts...)
}
