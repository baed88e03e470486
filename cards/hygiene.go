package cards

import (
	"context"
	"encoding/json"
	"errors"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

// do is [product.Do] followed by a scrub: an error is cleaned of the
// secrets s holds and of anything shaped like a card number, so that a
// server message echoing the request cannot carry them into a log. Every
// method of the package sends through it, with nil secrets when the
// request carries none (card-number-like digits are scrubbed anyway).
func do[T any](ctx context.Context, c *xendit.Client, req *xendit.Request, s secrets) (*T, error) {
	v, err := product.Do[T](ctx, c, req)
	if err != nil {
		return nil, s.scrub(err)
	}
	return v, nil
}

// redacted replaces a secret in an error.
const redacted = "[redacted]"

// panLike matches 13 to 19 digits, optionally grouped by spaces or dashes:
// anything that could be a card number.
var panLike = regexp.MustCompile(`\b(?:\d[ -]?){12,18}\d\b`)

// secrets are values of one request that must never reach an error string:
// token and authentication ids, and whatever the caller put in metadata or
// billing details (card numbers and CVNs have been seen there).
type secrets []string

// minSecret is the shortest value worth redacting: a CVN has three digits.
const minSecret = 3

// addPtr adds the values of the optional fields that are set.
func (s *secrets) addPtr(vs ...*string) {
	for _, v := range vs {
		if v != nil {
			s.add(*v)
		}
	}
}

func (s *secrets) add(vs ...string) {
	for _, v := range vs {
		if utf8.RuneCountInString(v) >= minSecret {
			*s = append(*s, v)
		}
	}
}

// addValues adds every string and number inside v (a metadata map, say).
func (s *secrets) addValues(v any) {
	switch x := v.(type) {
	case string:
		s.add(x)
	case float64:
		s.add(strconv.FormatFloat(x, 'f', -1, 64))
	case int:
		s.add(strconv.Itoa(x))
	case int64:
		s.add(strconv.FormatInt(x, 10))
	case json.Number:
		s.add(x.String())
	case map[string]any:
		for _, e := range x {
			s.addValues(e)
		}
	case map[string]string:
		for _, e := range x {
			s.add(e)
		}
	case []any:
		for _, e := range x {
			s.addValues(e)
		}
	case []string:
		s.add(x...)
	}
}

// text returns t without the secrets and without card-number-like digits.
func (s secrets) text(t string) string {
	for _, v := range s {
		if strings.Contains(t, v) {
			t = strings.ReplaceAll(t, v, redacted)
		}
	}
	return panLike.ReplaceAllString(t, redacted)
}

// scrub removes the secrets from every text an [xendit.Error] carries: the
// message, the field errors, the body and its sample, and the cause (a
// transport error quotes the URL, with the path and query).
func (s secrets) scrub(err error) error {
	var xe *xendit.Error
	if !errors.As(err, &xe) {
		return err
	}
	xe.Message = s.text(xe.Message)
	xe.BodySample = s.text(xe.BodySample)
	if len(xe.Errors) > 0 {
		xe.Errors = json.RawMessage(s.text(string(xe.Errors)))
	}
	if len(xe.Body) > 0 {
		xe.Body = []byte(s.text(string(xe.Body)))
	}
	if xe.Err != nil {
		xe.Err = &scrubbedError{msg: s.text(xe.Err.Error()), err: xe.Err}
	}
	return err
}

// scrubbedError says what its cause says, without the secrets, and still
// unwraps to it so that errors.Is(err, context.Canceled) and
// [xendit.OutcomeUnknown] see the real cause.
type scrubbedError struct {
	msg string
	err error
}

func (e *scrubbedError) Error() string { return e.msg }
func (e *scrubbedError) Unwrap() error { return e.err }
