package snap

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/seed19b1029f/xendit-go"
)

// The SNAP request headers, spelled as the reference spells them.
const (
	HeaderTimestamp  = "X-TIMESTAMP"
	HeaderSignature  = "X-SIGNATURE"
	HeaderPartnerID  = "X-PARTNER-ID"
	HeaderExternalID = "X-EXTERNAL-ID"
	HeaderChannelID  = "CHANNEL-ID"
)

// DefaultChannelID is the CHANNEL-ID the reference asks for when the
// customer's device is not known.
const DefaultChannelID = "unknown"

// Client calls Xendit's SNAP endpoints through a core [xendit.Client],
// which supplies Basic Auth, retries, rate limiting and X-EXTERNAL-ID. It
// is immutable and safe for concurrent use.
type Client struct {
	c   *xendit.Client
	cfg *config // behind a pointer so that %v of a Client shows no signer
}

type config struct {
	partnerID string
	channelID string
	signer    Signer
	now       func() time.Time
	loc       *time.Location
}

// Option configures a [Client].
type Option func(*config) error

// WithChannelID sets CHANNEL-ID, the end user's device, for every call
// (default "unknown"). [ChannelID] sets it for one call.
func WithChannelID(id string) Option {
	return func(c *config) error {
		if err := checkToken("CHANNEL-ID", id, 64); err != nil {
			return err
		}
		c.channelID = id
		return nil
	}
}

// WithTimeZone writes X-TIMESTAMP in loc instead of [WIB].
func WithTimeZone(loc *time.Location) Option {
	return func(c *config) error {
		if loc == nil {
			return errors.New("snap: WithTimeZone: nil location")
		}
		c.loc = loc
		return nil
	}
}

// WithClock replaces time.Now for X-TIMESTAMP, for tests.
func WithClock(now func() time.Time) Option {
	return func(c *config) error {
		if now == nil {
			return errors.New("snap: WithClock: nil clock")
		}
		c.now = now
		return nil
	}
}

// New returns a SNAP client that calls through c, sends partnerID (your
// Xendit Client ID) in X-PARTNER-ID and signs with signer.
func New(c *xendit.Client, partnerID string, signer Signer, opts ...Option) (*Client, error) {
	switch {
	case c == nil:
		return nil, errors.New("snap: New: nil xendit.Client")
	case signer == nil:
		return nil, errors.New("snap: New: nil Signer")
	}
	if err := checkToken("X-PARTNER-ID", partnerID, 64); err != nil {
		return nil, err
	}
	cfg := &config{partnerID: partnerID, channelID: DefaultChannelID, signer: signer, now: time.Now, loc: WIB}
	for _, opt := range opts {
		if err := opt(cfg); err != nil {
			return nil, err
		}
	}
	return &Client{c: c, cfg: cfg}, nil
}

// String describes the client without its signer.
func (s *Client) String() string { return "snap.Client{partner id: " + s.cfg.partnerID + "}" }

// WithExternalID sends id as X-EXTERNAL-ID instead of a generated UUID. Use
// it to repeat a call whose outcome is unknown within 24 hours: Xendit
// keeps the key that long. The reference allows any UUID; the SDK accepts
// 1 to 36 letters, digits and hyphens, which covers UUIDs and the BI SNAP
// standard's numeric ids. An invalid id fails the call before sending.
func WithExternalID(id string) xendit.RequestOption {
	if err := checkToken(HeaderExternalID, id, 36); err != nil {
		return xendit.FailOption(err)
	}
	return xendit.WithIdempotencyKey(id)
}

// ChannelID sets CHANNEL-ID for one call, overriding [WithChannelID].
func ChannelID(id string) xendit.RequestOption {
	if err := checkToken(HeaderChannelID, id, 64); err != nil {
		return xendit.FailOption(err)
	}
	return xendit.WithHeader(HeaderChannelID, id)
}

// checkToken accepts 1 to max letters, digits and hyphens.
func checkToken(field, v string, max int) error {
	if v == "" || len(v) > max {
		return xendit.Invalid(field, "must be 1 to %d characters", max)
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			return xendit.Invalid(field, "may hold only letters, digits and hyphens")
		}
	}
	return nil
}

// call signs and sends one SNAP request and decodes the response into out.
//
// The body is encoded once, signed, and handed to the core as a
// json.RawMessage: the core re-encodes it with json.Marshal, which leaves
// compact, already-escaped JSON byte for byte as it is, so the bytes on the
// wire are the bytes signed. X-TIMESTAMP and X-SIGNATURE are computed once
// per call: every retry sends them again with the same X-EXTERNAL-ID, as
// the same logical request (the reference names no timestamp tolerance
// that a retry could exceed).
func (s *Client) call(ctx context.Context, e xendit.Endpoint, body any, out resulter, opts []xendit.RequestOption) error {
	if ctx == nil {
		return xendit.Invalid("context", "is nil")
	}
	b, err := json.Marshal(body)
	if err != nil {
		return xendit.Invalid("body", "cannot be encoded as JSON: %v", err)
	}
	ts := s.cfg.now().In(s.cfg.loc).Format(TimestampLayout)
	sig, err := s.cfg.signer.Sign(ctx, SigningInput{Method: e.Method, Path: e.Path, Body: b, Timestamp: ts})
	if err != nil {
		return xendit.NotSent(e.ID, fmt.Errorf("signing the request: %w", err))
	}
	var meta xendit.Response
	all := make([]xendit.RequestOption, 0, 5+len(opts))
	all = append(all, xendit.CaptureResponse(&meta),
		xendit.WithHeader(HeaderTimestamp, ts),
		xendit.WithHeader(HeaderPartnerID, s.cfg.partnerID),
		xendit.WithHeader(HeaderChannelID, s.cfg.channelID),
		xendit.WithHeader(HeaderSignature, sig))
	all = append(all, opts...) // after ours: a caller's ChannelID wins; a caller's CaptureResponse is filled too
	if err := s.c.Do(ctx, &xendit.Request{Endpoint: e, Body: json.RawMessage(b), Options: all}, out); err != nil {
		return fromCoreError(err)
	}
	return checkResult(meta.StatusCode, out.result(), e.ID, &meta)
}

// do is call with a typed result.
func do[T any, P interface {
	*T
	resulter
}](ctx context.Context, s *Client, e xendit.Endpoint, body any, opts []xendit.RequestOption) (*T, error) {
	out := P(new(T))
	if err := s.call(ctx, e, body, out, opts); err != nil {
		return nil, err
	}
	return out, nil
}
