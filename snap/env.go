package snap

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/seed19b1029f/xendit-go"
)

// The environment [NewFromEnv] reads.
const (
	// EnvClientID holds your Xendit Client ID, sent as X-PARTNER-ID.
	EnvClientID = "XENDIT_SNAP_CLIENT_ID"
	// EnvPrivateKey holds your SNAP private key as PEM, whose public half
	// is registered with Xendit. Newlines may be written as `\n`, as
	// container and CI secrets often store them. For compatibility it may
	// instead name the PEM file, as EnvPrivateKeyFile does.
	EnvPrivateKey = "XENDIT_SNAP_PRIVATE_KEY"
	// EnvPrivateKeyFile names the PEM file of the private key, for a
	// mounted secret. Set it or EnvPrivateKey, not both.
	EnvPrivateKeyFile = EnvPrivateKey + "_FILE"
)

// NewFromEnv returns a client for c that signs with the RSA key given as
// PEM in XENDIT_SNAP_PRIVATE_KEY or in the file named by
// XENDIT_SNAP_PRIVATE_KEY_FILE, as XENDIT_SNAP_CLIENT_ID. Its errors name
// the variables, never their values: neither the key nor its path.
func NewFromEnv(c *xendit.Client, opts ...Option) (*Client, error) {
	pemKey, from, err := privateKeyFromEnv()
	if err != nil {
		return nil, err
	}
	signer, err := NewRSASignerPEM(pemKey)
	if err != nil {
		// ParseRSAPrivateKey's errors describe the key, never quote it.
		return nil, fmt.Errorf("snap: the private key from %s: %w", from, err)
	}
	return New(c, os.Getenv(EnvClientID), signer, opts...)
}

// privateKeyFromEnv returns the PEM key and the variable it came from.
func privateKeyFromEnv() ([]byte, string, error) {
	content, path := os.Getenv(EnvPrivateKey), os.Getenv(EnvPrivateKeyFile)
	switch {
	case content != "" && path != "":
		return nil, "", fmt.Errorf("snap: both %s and %s are set; set one", EnvPrivateKey, EnvPrivateKeyFile)
	case path != "":
		b, err := readKeyFile(path, EnvPrivateKeyFile)
		return b, EnvPrivateKeyFile, err
	case content == "":
		return nil, "", fmt.Errorf("snap: neither %s (the PEM key) nor %s (its file) is set", EnvPrivateKey, EnvPrivateKeyFile)
	case strings.Contains(content, "-----BEGIN"):
		if !strings.Contains(content, "\n") {
			content = strings.ReplaceAll(content, `\n`, "\n")
		}
		return []byte(content), EnvPrivateKey, nil
	}
	// Not PEM: older setups put the file's name here.
	b, err := readKeyFile(content, EnvPrivateKey)
	if err != nil {
		return nil, "", fmt.Errorf("snap: %s holds neither a PEM key nor the name of a readable file (put the PEM in it, or the path in %s)", EnvPrivateKey, EnvPrivateKeyFile)
	}
	return b, EnvPrivateKey, nil
}

// readKeyFile reads the key file named by the variable env, with an error
// that does not quote the path.
func readKeyFile(path, env string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the cause alone: the path could be anything, a key included
		}
		return nil, fmt.Errorf("snap: reading the file named by %s: %w", env, err)
	}
	return b, nil
}
