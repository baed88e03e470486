package payouts

import (
	"bytes"
	"context"
	"encoding/json"
	"iter"
	"math"
	"net/url"
	"strconv"
	"strings"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/pager"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var (
	createPayout = xendit.MustEndpoint("payouts.create_payout")
	getPayout    = xendit.MustEndpoint("payouts.get_payout")
	listPayouts  = xendit.MustEndpoint("payouts.list_payouts")
	cancelPayout = xendit.MustEndpoint("payouts.cancel_payout")
)

// Status is the state of a payout. Create answers ACCEPTED; the final
// state (SUCCEEDED or FAILED) arrives in a callback. A SUCCEEDED payout
// can later be REVERSED, when the bank bounces the funds back.
type Status string

// The payout statuses of the reference and of payout.yaml.
const (
	StatusAccepted  Status = "ACCEPTED"
	StatusRequested Status = "REQUESTED"
	StatusLocked    Status = "LOCKED"
	StatusSucceeded Status = "SUCCEEDED"
	StatusFailed    Status = "FAILED"
	StatusCancelled Status = "CANCELLED"
	StatusReversed  Status = "REVERSED"
)

// Succeeded reports whether the recipient was credited (and the funds have
// not come back).
func (s Status) Succeeded() bool { return s == StatusSucceeded }

// Pending reports whether the payout is still on its way: it may yet
// succeed, fail, or (while ACCEPTED) be cancelled.
func (s Status) Pending() bool {
	return s == StatusAccepted || s == StatusRequested || s == StatusLocked
}

// Failed reports whether the money did not reach the recipient or came
// back: FAILED, CANCELLED or REVERSED. The amount is in your balance again.
func (s Status) Failed() bool {
	return s == StatusFailed || s == StatusCancelled || s == StatusReversed
}

// FailureCode says why a payout failed. Unknown codes still decode.
type FailureCode string

// The documented failure codes, with whether the reference says to retry.
const (
	// FailureInsufficientBalance: top up, then pay out again.
	FailureInsufficientBalance FailureCode = "INSUFFICIENT_BALANCE"
	// FailureInvalidDestination: the account does not exist; check with
	// the recipient before trying again.
	FailureInvalidDestination FailureCode = "INVALID_DESTINATION"
	// FailureRejectedByChannel: the bank refused; retry once the account
	// is known to be active.
	FailureRejectedByChannel FailureCode = "REJECTED_BY_CHANNEL"
	// FailureTemporaryTransferError: retry in one to three hours.
	FailureTemporaryTransferError FailureCode = "TEMPORARY_TRANSFER_ERROR"
	// FailureTransferError: fatal, usually invalid fields; a retry will
	// fail the same way.
	FailureTransferError FailureCode = "TRANSFER_ERROR"
	// FailureUnknownBankNetworkError: undocumented bank error; a retry
	// after at least an hour may succeed.
	FailureUnknownBankNetworkError FailureCode = "UNKNOWN_BANK_NETWORK_ERROR"
)

// AccountType is the kind of account_number of a proxy transfer (a mobile
// number instead of a bank account): DuitNow (MY_DUITNOW) and THB payouts
// take one; the default is BANK_ACCOUNT.
type AccountType string

// The documented account types.
const (
	AccountTypeMobileNo             AccountType = "MOBILE_NO"
	AccountTypeNationalID           AccountType = "NATIONAL_ID"
	AccountTypePassport             AccountType = "PASSPORT"
	AccountTypeBusinessRegistration AccountType = "BUSINESS_REGISTRATION"
	AccountTypeBankAccount          AccountType = "BANK_ACCOUNT"
)

// Error codes of the payout endpoints that a caller may act on; match them
// against [xendit.Error].Code.
const (
	// CodeDuplicate: the idempotency key was used before for another
	// payout. It also matches [xendit.ErrDuplicate].
	CodeDuplicate                   = xendit.CodeDuplicate
	CodeChannelCodeNotSupported     = "CHANNEL_CODE_NOT_SUPPORTED"
	CodeMinimumTransferLimit        = "MINIMUM_TRANSFER_LIMIT_ERROR"
	CodeMaximumTransferLimit        = "MAXIMUM_TRANSFER_LIMIT_ERROR"
	CodeAmountIncrementNotSupported = "AMOUNT_INCREMENT_NOT_SUPPORTED"
	CodeCancellationNotAllowed      = "CANCELLATION_NOT_ALLOWED"
	CodeDataNotFound                = "DATA_NOT_FOUND"
)

// Length limits of the reference.
const (
	maxReferenceIDLen  = 255
	maxAccountFieldLen = 100
	maxDescriptionLen  = 100
	maxEmailLen        = 255
	maxEmailsPerList   = 3
)

// CreatePayoutParams is the body of Create Payout.
type CreatePayoutParams struct {
	// ReferenceID is your id for the payout (an order or transaction id),
	// up to 255 characters. It need not be unique; ListPayouts finds the
	// payouts that carry it, which is how an unknown outcome is
	// reconciled.
	ReferenceID string `json:"reference_id"`
	// ChannelCode is the destination bank, e-wallet or OTC channel,
	// prefixed by its country (ID_BCA, PH_GCASH); ListChannels lists them.
	ChannelCode       ChannelCode       `json:"channel_code"`
	ChannelProperties ChannelProperties `json:"channel_properties"`
	// Amount is in Currency: whole for IDR and VND, at most two decimals
	// for PHP, MYR and THB, and a multiple of the channel's minimum
	// increment ([Channel.CheckAmount] checks a channel's limits).
	Amount   float64         `json:"amount"`
	Currency xendit.Currency `json:"currency"`
	// Description may show on the recipient's statement; 1 to 100
	// characters.
	Description         *string              `json:"description,omitempty"`
	ReceiptNotification *ReceiptNotification `json:"receipt_notification,omitempty"`
	Metadata            map[string]any       `json:"metadata,omitempty"`
}

// ChannelProperties is the destination account of a bank or e-wallet
// payout.
type ChannelProperties struct {
	// AccountHolderName must match the bank's or e-wallet's records
	// exactly; 1 to 100 characters.
	AccountHolderName string `json:"account_holder_name"`
	// AccountNumber is the account, or the mobile number of an e-wallet
	// (08... in Indonesia, 09... in the Philippines); 1 to 100 characters.
	AccountNumber string `json:"account_number"`
	// AccountType is for proxy transfers only (MY_DUITNOW, THB); nil means
	// BANK_ACCOUNT.
	AccountType *AccountType `json:"account_type,omitempty"`
}

// ReceiptNotification lists who gets an email once the payout succeeds:
// at most three addresses per list. The reference's request table calls
// it an array of objects; every example, request and response, sends one
// object, and so does the SDK (line 22167 against 21956). A nil list is
// not sent; an empty one read from a response is sent back as [].
type ReceiptNotification struct {
	EmailTo  []string `json:"email_to,omitzero"`
	EmailCC  []string `json:"email_cc,omitzero"`
	EmailBCC []string `json:"email_bcc,omitzero"`
}

// accountTypes are the account types the reference lists, by the channel
// or currency that takes them.
var (
	duitNowAccountTypes = []AccountType{AccountTypeMobileNo, AccountTypeNationalID, AccountTypePassport,
		AccountTypeBusinessRegistration, AccountTypeBankAccount}
	thbAccountTypes = []AccountType{AccountTypeMobileNo, AccountTypeNationalID, AccountTypeBankAccount}
)

// Validate checks the rules of the reference: the required fields and
// their lengths, the channel's country against the currency, the decimals
// the currency allows, the account types of proxy transfers, and at most
// three receipt addresses per list.
func (p *CreatePayoutParams) Validate() error {
	cp := p.ChannelProperties
	return product.First(
		product.Required("reference_id", p.ReferenceID),
		product.MaxLen("reference_id", p.ReferenceID, maxReferenceIDLen),
		product.Required("channel_code", string(p.ChannelCode)),
		product.Required("channel_properties.account_holder_name", cp.AccountHolderName),
		product.MaxLen("channel_properties.account_holder_name", cp.AccountHolderName, maxAccountFieldLen),
		product.Required("channel_properties.account_number", cp.AccountNumber),
		product.MaxLen("channel_properties.account_number", cp.AccountNumber, maxAccountFieldLen),
		product.Currency("currency", string(p.Currency)),
		p.checkChannelCurrency(),
		p.checkAccountType(),
		checkAmount(p.Amount, p.Currency),
		checkDescription(p.Description),
		p.ReceiptNotification.check(),
	)
}

// checkChannelCurrency refuses a channel of one country paid in another
// country's currency: the channel code starts with the ISO 3166 country
// code (payout.yaml's Channel.channel_code), and each country Payouts
// serves has one currency. Unknown prefixes are left to Xendit.
func (p *CreatePayoutParams) checkChannelCurrency() error {
	country, _, _ := strings.Cut(string(p.ChannelCode), "_")
	if want, ok := countryCurrency[country]; ok && p.Currency != want {
		return xendit.Invalid("currency", "%s pays out in %s, not %s", p.ChannelCode, want, p.Currency)
	}
	return nil
}

var countryCurrency = map[string]xendit.Currency{
	"ID": xendit.CurrencyIDR, "PH": xendit.CurrencyPHP, "VN": xendit.CurrencyVND,
	"MY": xendit.CurrencyMYR, "TH": xendit.CurrencyTHB,
}

func (p *CreatePayoutParams) checkAccountType() error {
	t := p.ChannelProperties.AccountType
	if t == nil {
		return nil
	}
	allowed := []AccountType{AccountTypeBankAccount}
	switch {
	case p.ChannelCode == ChannelDuitNow:
		allowed = duitNowAccountTypes
	case p.Currency == xendit.CurrencyTHB:
		allowed = thbAccountTypes
	}
	for _, a := range allowed {
		if *t == a {
			return nil
		}
	}
	return xendit.Invalid("channel_properties.account_type", "%q is not one of %v for %s in %s",
		*t, allowed, p.ChannelCode, p.Currency)
}

// checkAmount requires a positive amount with no more decimals than the
// currency allows: none for IDR and VND, two for the others.
func checkAmount(amount float64, c xendit.Currency) error {
	if amount <= 0 || math.IsInf(amount, 0) || math.IsNaN(amount) {
		return xendit.Invalid("amount", "must be positive, got %v", amount)
	}
	decimals := 2
	if c == xendit.CurrencyIDR || c == xendit.CurrencyVND {
		decimals = 0
	}
	scaled := amount * math.Pow10(decimals)
	if math.Abs(scaled-math.Round(scaled)) > 1e-6*math.Max(1, math.Abs(scaled)) {
		return xendit.Invalid("amount", "%v has more than %d decimals for %s", amount, decimals, c)
	}
	return nil
}

func checkDescription(d *string) error {
	if d != nil && *d == "" {
		return xendit.Invalid("description", "is empty; leave it nil to send none")
	}
	return product.MaxLenPtr("description", d, maxDescriptionLen)
}

func (r *ReceiptNotification) check() error {
	if r == nil {
		return nil
	}
	for name, list := range map[string][]string{"email_to": r.EmailTo, "email_cc": r.EmailCC, "email_bcc": r.EmailBCC} {
		field := "receipt_notification." + name
		if len(list) > maxEmailsPerList {
			return xendit.Invalid(field, "has %d addresses; at most %d", len(list), maxEmailsPerList)
		}
		for i, e := range list {
			if err := product.First(product.Required(field+"["+strconv.Itoa(i)+"]", e),
				product.MaxLen(field+"["+strconv.Itoa(i)+"]", e, maxEmailLen)); err != nil {
				return err
			}
		}
	}
	return nil
}

// Payout is a payout as the API returns it and as its callback carries it.
// The callback's flat form adds idempotency_key, channel_category,
// connector_reference and the account fields at the top level.
type Payout struct {
	// ID is Xendit's id, disb-... (the reference also prints disb_; the
	// SDK treats it as opaque).
	ID                   string                  `json:"id"`
	ReferenceID          string                  `json:"reference_id"`
	BusinessID           string                  `json:"business_id"`
	Amount               float64                 `json:"amount"`
	Currency             xendit.Currency         `json:"currency"`
	ChannelCode          ChannelCode             `json:"channel_code"`
	ChannelCategory      ChannelCategory         `json:"channel_category"`
	ChannelProperties    PayoutChannelProperties `json:"channel_properties"`
	Description          string                  `json:"description"`
	Status               Status                  `json:"status"`
	FailureCode          FailureCode             `json:"failure_code"`
	Created              xendit.Time             `json:"created"`
	Updated              xendit.Time             `json:"updated"`
	EstimatedArrivalTime xendit.Time             `json:"estimated_arrival_time"`
	ReceiptNotification  *ReceiptNotification    `json:"receipt_notification"`
	Metadata             map[string]any          `json:"metadata"`
	// IdempotencyKey is the key the payout was created with; callbacks
	// carry it.
	IdempotencyKey     string `json:"idempotency_key"`
	ConnectorReference string `json:"connector_reference"`
	// AccountNumber and AccountHolderName are the flat callback's copies
	// of ChannelProperties'.
	AccountNumber     string `json:"account_number"`
	AccountHolderName string `json:"account_holder_name"`
}

// PayoutChannelProperties is the destination of a payout as it is read
// back: a bank or e-wallet account, or for an over-the-counter payout the
// code and name the recipient collects with.
type PayoutChannelProperties struct {
	AccountHolderName string      `json:"account_holder_name"`
	AccountNumber     string      `json:"account_number"`
	AccountType       AccountType `json:"account_type"`
	// PayoutCode, the recipient's names and ExpiresAt are set for OTC
	// payouts.
	PayoutCode          string      `json:"payout_code"`
	RecipientGivenNames string      `json:"recipient_given_names"`
	RecipientSurname    string      `json:"recipient_surname"`
	ExpiresAt           xendit.Time `json:"expires_at"`
}

// CreatePayout sends money to a bank account, e-wallet or OTC outlet. The
// payout is ACCEPTED; its outcome arrives in a payout.succeeded or
// payout.failed callback, or read it with GetPayout.
//
// The API requires an idempotency key (1 to 100 characters, unique across
// test and live mode): the SDK generates one per call unless
// [xendit.WithIdempotencyKey] gives it (your reference_id, say), and sends
// the same key on every retry, so a retried create never pays twice. The
// key is on the result ([xendit.CaptureResponse]) and on every error
// ([xendit.Error].IdempotencyKey): after [xendit.OutcomeUnknown], call
// again with that key and the same params, or look the payout up with
// ListPayouts by reference_id.
//
// API: POST /v2/payouts
func (s *Client) CreatePayout(ctx context.Context, params *CreatePayoutParams, opts ...xendit.RequestOption) (*Payout, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return product.Do[Payout](ctx, s.c, &xendit.Request{Endpoint: createPayout, Body: params, Options: opts})
}

// GetPayout returns the payout with the given id (disb-...).
//
// API: GET /v2/payouts/{id}
func (s *Client) GetPayout(ctx context.Context, id string, opts ...xendit.RequestOption) (*Payout, error) {
	return product.Do[Payout](ctx, s.c, &xendit.Request{Endpoint: getPayout, PathParams: map[string]string{"id": id}, Options: opts})
}

// CancelPayout cancels a payout that has not been sent to the bank or
// e-wallet yet, which is while it is ACCEPTED; later it fails with
// [CodeCancellationNotAllowed]. The result is the CANCELLED payout. The
// reference's method line prints GET; its curl, Cross-border Cancel and
// payout.yaml send POST, and so does the SDK (lines 22453, 22467).
//
// API: POST /v2/payouts/{id}/cancel
func (s *Client) CancelPayout(ctx context.Context, id string, opts ...xendit.RequestOption) (*Payout, error) {
	return product.Do[Payout](ctx, s.c, &xendit.Request{Endpoint: cancelPayout, PathParams: map[string]string{"id": id}, Options: opts})
}

// ListPayoutsParams selects the payouts with one of your reference ids.
type ListPayoutsParams struct {
	// ReferenceID is the reference_id of Create Payout. Required.
	ReferenceID string
	// Limit is the page size, 1 to 100; nil means the API's default (10).
	Limit *int
	// AfterID, a payout id, asks for the payouts after it (older ones: the
	// list is newest first); BeforeID for those before it.
	AfterID  *string
	BeforeID *string
}

// Validate requires a reference id and checks Limit's range.
func (p *ListPayoutsParams) Validate() error {
	return product.First(product.Required("reference_id", p.ReferenceID),
		product.MaxLen("reference_id", p.ReferenceID, maxReferenceIDLen),
		product.Limit("limit", p.Limit, 1, 100))
}

func (p *ListPayoutsParams) query() url.Values {
	q := url.Values{"reference_id": {p.ReferenceID}}
	if p.Limit != nil {
		q.Set("limit", strconv.Itoa(*p.Limit))
	}
	if p.AfterID != nil {
		q.Set("after_id", *p.AfterID)
	}
	if p.BeforeID != nil {
		q.Set("before_id", *p.BeforeID)
	}
	return q
}

// ListPayouts returns one page of the payouts with a reference id, newest
// first; none is an empty page, not an error. It is how a create whose
// outcome is unknown is reconciled.
//
// The reference's table documents {data, has_more, links}, its example a
// bare array (lines 22376, 22416); payout.yaml agrees with the table. The
// SDK reads both: a bare array is a page with HasMore false.
//
// API: GET /v2/payouts
func (s *Client) ListPayouts(ctx context.Context, params *ListPayoutsParams, opts ...xendit.RequestOption) (*xendit.Page[Payout], error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	out, err := product.Do[payoutPage](ctx, s.c, &xendit.Request{Endpoint: listPayouts, Query: params.query(), Options: opts})
	if err != nil {
		return nil, err
	}
	return &out.Page, nil
}

// AllPayouts returns every payout with a reference id, fetching pages as
// the loop needs them (after_id of each page's last payout). It walks
// forwards only, so params.BeforeID must be nil. opts apply to every page.
//
// API: GET /v2/payouts
func (s *Client) AllPayouts(ctx context.Context, params *ListPayoutsParams, opts ...xendit.RequestOption) iter.Seq2[*Payout, error] {
	if err := product.Check(params); err != nil {
		return pager.Failed[Payout](err)
	}
	if params.BeforeID != nil {
		return pager.Failed[Payout](xendit.Invalid("before_id", "AllPayouts walks forwards with after_id; use ListPayouts to page backwards"))
	}
	return pager.ByAfterID(ctx, params, func(p *ListPayoutsParams) **string { return &p.AfterID },
		func(ctx context.Context, p *ListPayoutsParams) (*xendit.Page[Payout], error) {
			return s.ListPayouts(ctx, p, opts...)
		}, func(p *Payout) string { return p.ID })
}

// payoutPage decodes a page of payouts as the table documents it, or as
// the example's bare array.
type payoutPage struct{ xendit.Page[Payout] }

func (p *payoutPage) UnmarshalJSON(b []byte) error {
	return decodePage(b, &p.Page)
}

// decodePage decodes an envelope {data, has_more, links} or a bare array
// into page. links is a list in the reference (line 22427) and one object
// in payout.yaml: one object reads as a list of one.
func decodePage[T any](b []byte, page *xendit.Page[T]) error {
	*page = xendit.Page[T]{}
	if trimmed := bytes.TrimLeft(b, " \t\r\n"); len(trimmed) > 0 && trimmed[0] == '[' {
		return json.Unmarshal(b, &page.Data)
	}
	var env struct {
		Data    []T             `json:"data"`
		HasMore bool            `json:"has_more"`
		Links   json.RawMessage `json:"links"`
	}
	if err := json.Unmarshal(b, &env); err != nil {
		return err
	}
	page.Data, page.HasMore = env.Data, env.HasMore
	switch links := bytes.TrimSpace(env.Links); {
	case len(links) == 0 || string(links) == "null":
	case links[0] == '{':
		page.Links = make([]xendit.Link, 1)
		return json.Unmarshal(links, &page.Links[0])
	default:
		return json.Unmarshal(links, &page.Links)
	}
	return nil
}
