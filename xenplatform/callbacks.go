package xenplatform

import (
	"encoding/json"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

// The events of xenPlatform callbacks. Xendit posts them to the
// platform's xenPlatform callback URL (set in the Dashboard), never to a
// sub-account's.
const (
	// EventAccountHolderKYCStatus: an account holder's KYC passed, failed
	// or needs resubmission (AccountHolder.KYC).
	EventAccountHolderKYCStatus = "account_holder.kyc.status"
	// EventAccountHolderCapabilitiesStatus: a capability went live, was
	// declined or needs resubmission (AccountHolder.Capabilities).
	EventAccountHolderCapabilitiesStatus = "account_holder.capabilities.status"
	// EventAccountCreated: an OWNED account exists and can be transacted
	// for (Account).
	EventAccountCreated = "account.created"
	// EventAccountRegistered and EventAccountActivated follow a MANAGED
	// account's onboarding: registered from the invitation, then live
	// (Account; the reference shows no payload and the SDK expects the
	// Account of account.created).
	EventAccountRegistered = "account.registered"
	EventAccountActivated  = "account.activated"
	// EventAccountSuspected: money out is disabled, the account stays LIVE;
	// EventAccountSuspended: money in and out are disabled (SUSPENDED);
	// EventAccountCleared: both are enabled again (LIVE). (Suspension)
	EventAccountSuspected = "account.suspected"
	EventAccountSuspended = "account.suspended"
	EventAccountCleared   = "account.cleared"
)

// AccountHolderUpdate is the data of the account holder callbacks: the
// holder's id and the part that changed.
type AccountHolderUpdate struct {
	ID      string      `json:"id"`
	Created xendit.Time `json:"created"`
	Updated xendit.Time `json:"updated"`
	// KYC is set for account_holder.kyc.status.
	KYC *KYC `json:"kyc,omitzero"`
	// Capabilities are set for account_holder.capabilities.status.
	Capabilities []Capability `json:"capabilities,omitzero"`
}

// Suspension is the data of the suspension callbacks.
type Suspension struct {
	// ID is the sub-account's.
	ID            string        `json:"id"`
	Email         string        `json:"email"`
	PublicProfile PublicProfile `json:"public_profile"`
	Status        AccountStatus `json:"status"`
	// Reason is Xendit's, such as FRAUD_PROMO_ABUSE.
	Reason string `json:"reason"`
}

// Callback is one xenPlatform callback. Decode the body the webhook
// handler hands over into it, then switch on Event; exactly one of
// AccountHolder, Account and Suspension is set for the events above:
//
//	var cb xenplatform.Callback
//	if err := event.Decode(&cb); err != nil { // event is a *xendit.WebhookEvent
//		return err
//	}
//	if cb.Event == xenplatform.EventAccountCreated {
//		markReady(cb.Account.ID) // now usable with xendit.ForUserID
//	}
//
// An event this package does not know decodes without error, with Data
// holding its payload. The reference's capabilities example carries the
// event account_holder.kyc.status (line 33635) where its table says
// account_holder.capabilities.status (line 33667): both events decode into
// AccountHolder, so the example's capabilities are read whichever event
// it names.
type Callback struct {
	Event string
	// BusinessID is the platform's account; the account.created example
	// has none.
	BusinessID string
	Created    xendit.Time
	// APIVersion is sent (as null) by the suspension callbacks.
	APIVersion *string
	// AccountHolder is set for the account_holder.* events.
	AccountHolder *AccountHolderUpdate
	// Account is set for account.created, account.registered and
	// account.activated.
	Account *Account
	// Suspension is set for account.suspected, account.suspended and
	// account.cleared.
	Suspension *Suspension
	// Data is the raw "data" object, whatever the event.
	Data json.RawMessage
}

type callbackEnvelope struct {
	Event      string          `json:"event"`
	BusinessID string          `json:"business_id,omitzero"`
	Created    xendit.Time     `json:"created"`
	APIVersion *string         `json:"api_version,omitzero"`
	Data       json.RawMessage `json:"data"`
}

// UnmarshalJSON decodes the envelope and the data the event carries.
func (c *Callback) UnmarshalJSON(b []byte) error {
	var env callbackEnvelope
	if err := json.Unmarshal(b, &env); err != nil {
		return err
	}
	*c = Callback{Event: env.Event, BusinessID: env.BusinessID, Created: env.Created, APIVersion: env.APIVersion, Data: env.Data}
	var target any
	switch env.Event {
	case EventAccountHolderKYCStatus, EventAccountHolderCapabilitiesStatus:
		c.AccountHolder = new(AccountHolderUpdate)
		target = c.AccountHolder
	case EventAccountCreated, EventAccountRegistered, EventAccountActivated:
		c.Account = new(Account)
		target = c.Account
	case EventAccountSuspected, EventAccountSuspended, EventAccountCleared:
		c.Suspension = new(Suspension)
		target = c.Suspension
	default:
		return nil
	}
	return product.DecodeData("xenplatform", env.Event, env.Data, target)
}

// MarshalJSON encodes the callback as Xendit sends it.
func (c Callback) MarshalJSON() ([]byte, error) {
	env := callbackEnvelope{Event: c.Event, BusinessID: c.BusinessID, Created: c.Created, APIVersion: c.APIVersion}
	var data any
	switch {
	case c.AccountHolder != nil:
		data = c.AccountHolder
	case c.Account != nil:
		data = c.Account
	case c.Suspension != nil:
		data = c.Suspension
	}
	var err error
	if env.Data, err = product.EncodeData(data, c.Data); err != nil {
		return nil, err
	}
	return json.Marshal(env)
}

// ParseCallback decodes a callback body, as an alternative to
// WebhookEvent.Decode. It does not verify the x-callback-token: the root
// package's webhook handler does that before a body gets here.
func ParseCallback(body []byte) (*Callback, error) {
	return product.ParseCallback[Callback](body)
}
