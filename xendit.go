// Package xendit is a Go client for the Xendit payments API
// (https://developers.xendit.co/api-reference/).
//
// The root package holds what every product shares: the [Client] and its
// request pipeline, errors, webhooks and a few value types. Each product has a
// package of its own ([github.com/seed19b1029f/xendit-go/balance], customers,
// ewallets, ...) that takes a *Client:
//
//	client, err := xendit.New(os.Getenv("XENDIT_SECRET_KEY"))
//	if err != nil {
//		return err // an empty or malformed key is caught here, not by a 401 later
//	}
//	bal, err := balance.New(client).Get(ctx, &balance.GetParams{AccountType: xendit.Ptr(balance.AccountTypeCash)})
//
// # Authentication
//
// Xendit authenticates with HTTP Basic Auth: the secret key is the user name
// and the password is empty. The header is computed once in [New]; the key is
// never logged, never printed by the client's String method and never part of
// an error string.
//
// # API versions
//
// Each endpoint the SDK types pins the API version its types were written
// for, and sends it in the header the endpoint documents (API-Version,
// API-VERSION, x-api-version). [WithAPIVersion] overrides it for one request.
// Without a pinned version Xendit uses the version set in the Dashboard.
//
// # Retries
//
// Calls are retried on go-retryablehttp with the SDK's own rules, chosen so
// that a payment is never created twice because the SDK retried:
//
//   - a 429 whose error_code is RATE_LIMIT_EXCEEDED (or absent) is always
//     retried, after Rate-Limit-Reset (or Retry-After); a 429 with another
//     error_code is a business limit and is not.
//   - a connection that could not be opened is always retried; a TLS or
//     certificate failure never is.
//   - dropped connections, timeouts, 502, 503 and 504 are retried only when
//     repeating is safe: GET and DELETE, or a request that carries an
//     idempotency key.
//   - 500 is retried for GET only: Xendit documents a 500 as an indeterminate
//     outcome.
//   - a redirect is never followed: a 3xx is an [*Error].
//
// One ordered table of outcome classes ([Outcome]: not sent, refused,
// ambiguous, throttled, succeeded) decides each attempt; the retry decision,
// [OutcomeUnknown] and the error categories read it. Each attempt's outcome is
// on [Error.History] and [Response.History].
//
// Waits grow exponentially with full jitter, are capped by [RetryPolicy], and
// end at once when the context is done. After the last attempt the caller gets
// an [*Error] built from the last response.
//
// # Idempotency
//
// For endpoints that document an idempotency header, the SDK generates a
// UUIDv4 once per call when the caller gave none ([WithIdempotencyKey]) and
// sends the same key on every retry. The key used is on [Response] and on
// [Error], so an application can repeat the call later with the same key.
//
// # Rate limits
//
// The Rate-Limit-Limit, -Remaining and -Reset headers are parsed on every
// response into [Response.RateLimit] and remembered per secret key and
// operation, with the calls in flight. A call is sent only while the last
// known Remaining, less the calls in flight on that operation, is above
// zero; the others wait for the reset without sending, and one whose context
// cannot wait that long fails at once with an error matching
// [ErrRateLimited]. [WithRateLimiting] selects the mode, including smooth
// pacing learned from the headers. No limit is hard-coded: Xendit's limits
// differ per endpoint, per account and between test and live mode. Replicas
// sharing a key share one budget through a [RateLimitMemory] kept in Redis
// (redisstore.NewRateLimitMemory).
//
// # Errors
//
// Every error from a call is a [*ValidationError] (bad input, nothing sent)
// or an [*Error]. Use errors.As to read the status, the API's error_code,
// the message and the request id, and errors.Is with the category sentinels
// ([ErrNotFound], [ErrRateLimited], [ErrNoResponse], ...) and with
// context.Canceled or context.DeadlineExceeded. [OutcomeUnknown] says
// whether a failed create may still have been acted on. The secret key is
// removed from everything a server sends back, escaped or not.
//
// # Webhooks
//
// A [WebhookHandler] receives Xendit's callbacks: it checks x-callback-token
// against one or more tokens (labelled per merchant with
// [WithCallbackTokensFor]), dedupes on webhook-id through a [DedupeStore]
// (in memory by default; redisstore for several replicas), and answers 200
// only once the function has returned nil for the id: 409 while another
// delivery of it runs, 500 when it fails, so that Xendit delivers it again.
// SNAP's signed callbacks go through the same handler with a signature
// [WebhookVerifier]. Product packages type the payloads that
// [WebhookEvent.Decode] decodes into.
//
// # Many accounts
//
// Any number of clients with different keys can live in one process. Those
// built without [WithHTTPClient] share one tuned transport
// ([SharedTransport]), as http.DefaultTransport is shared, so a thousand
// merchant clients hold one connection pool; [NewTransport] builds one to
// wrap (otelhttp, a proxy). Platforms acting for xenPlatform sub-accounts
// pass [ForUserID] per request, or set it as a client default with
// [WithDefaults].
package xendit

// Version is the SDK's version, sent in the User-Agent header.
const Version = "0.1.0"

// DefaultBaseURL is Xendit's API endpoint for both test and live mode; the
// secret key selects the mode.
const DefaultBaseURL = "https://api.xendit.co"

// Environment variables read by [NewFromEnv].
const (
	EnvSecretKey = "XENDIT_SECRET_KEY"
	EnvBaseURL   = "XENDIT_BASE_URL"
)

// Ptr returns a pointer to v, for the optional fields of params structs.
func Ptr[T any](v T) *T { return &v }
