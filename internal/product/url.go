package product

import (
	"net/url"

	"github.com/seed19b1029f/xendit-go"
)

// URL fails unless raw is an absolute http or https URL, as the redirect
// and item URLs of payments must be.
func URL(field, raw string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return xendit.Invalid(field, "%q is not an absolute http(s) URL", raw)
	}
	return nil
}
