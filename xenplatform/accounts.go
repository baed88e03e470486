package xenplatform

import (
	"context"
	"iter"
	"net/url"
	"time"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/pager"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var (
	createAccount = xendit.MustEndpoint("xenplatform.create_account")
	getAccount    = xendit.MustEndpoint("xenplatform.get_account")
	listAccounts  = xendit.MustEndpoint("xenplatform.list_accounts")
	updateAccount = xendit.MustEndpoint("xenplatform.update_account")
)

// AccountType is the kind of a sub-account.
type AccountType string

// The documented account types. CUSTOM is what an account created with
// Configurations and no Type becomes; it cannot be asked for by name.
const (
	AccountTypeOwned   AccountType = "OWNED"
	AccountTypeManaged AccountType = "MANAGED"
	AccountTypeCustom  AccountType = "CUSTOM"
)

// AccountStatus is where a sub-account is in its onboarding. Only a LIVE
// account can be transacted for; a request with for-user-id of any other
// fails with [CodeSubAccountNotLive] ([xendit.ErrSubAccount]).
type AccountStatus string

// The documented account statuses.
const (
	AccountStatusInvited      AccountStatus = "INVITED"
	AccountStatusRegistered   AccountStatus = "REGISTERED"
	AccountStatusAwaitingDocs AccountStatus = "AWAITING_DOCS"
	AccountStatusLive         AccountStatus = "LIVE"
	AccountStatusSuspended    AccountStatus = "SUSPENDED"
)

// Active reports whether the platform can transact for the account (LIVE).
func (s AccountStatus) Active() bool { return s == AccountStatusLive }

// PublicProfile is what payers see of a sub-account (checkout pages, card
// statements).
type PublicProfile struct {
	// BusinessName is 1 to 128 characters.
	BusinessName string `json:"business_name"`
}

// maxBusinessName is the documented limit of public_profile.business_name.
const maxBusinessName = 128

func (p *PublicProfile) validate() error {
	return product.First(product.Required("public_profile.business_name", p.BusinessName),
		product.MaxLen("public_profile.business_name", p.BusinessName, maxBusinessName))
}

// Configurations set up a CUSTOM sub-account instead of a Type. Each
// defaults to false when nil.
type Configurations struct {
	// PaymentSettingsFollowPlatform: the sub-account uses the platform's
	// payment methods; false makes it activate its own, which needs
	// HasDashboard.
	PaymentSettingsFollowPlatform *bool `json:"payment_settings_follow_platform,omitzero"`
	// HasWithdrawal enables withdrawals; it needs HasDashboard.
	HasWithdrawal *bool `json:"has_withdrawal,omitzero"`
	// HasDashboard invites the sub-account's email to a Dashboard of its own.
	HasDashboard *bool `json:"has_dashboard,omitzero"`
}

func isTrue(b *bool) bool { return b != nil && *b }

// Account is a sub-account of the platform. Its ID is what for-user-id
// takes ([xendit.ForUserID]) and what transfers and split rules name as a
// user or destination account.
type Account struct {
	ID      string      `json:"id"`
	Created xendit.Time `json:"created"`
	Updated xendit.Time `json:"updated"`
	Type    AccountType `json:"type"`
	Email   string      `json:"email"`
	// PublicProfile is documented as required; Xendit may leave it empty
	// for a CUSTOM account with a Dashboard.
	PublicProfile PublicProfile `json:"public_profile"`
	// Country is ID or PH; some answers of the reference leave it out.
	Country string        `json:"country,omitzero"`
	Status  AccountStatus `json:"status"`
	// Configurations are set for CUSTOM accounts.
	Configurations *Configurations `json:"configurations,omitzero"`
	// AccountHolderID is set once an account holder is linked
	// ([Client.LinkAccountHolder]).
	AccountHolderID string `json:"account_holder_id,omitzero"`
}

// CreateAccountParams is a new sub-account: give Type (OWNED or MANAGED)
// or Configurations (a CUSTOM account), not both.
type CreateAccountParams struct {
	// Email identifies the account; a MANAGED account is invited there.
	Email string       `json:"email"`
	Type  *AccountType `json:"type,omitempty"`
	// PublicProfile is required for OWNED, and for a CUSTOM account without
	// a Dashboard.
	PublicProfile  *PublicProfile  `json:"public_profile,omitempty"`
	Configurations *Configurations `json:"configurations,omitempty"`
}

// Validate applies the reference's rules (lines 30298-30329): an email;
// Type OWNED or MANAGED, or Configurations, not both; a business name (1 to
// 128 characters) for OWNED and for a CUSTOM account without a Dashboard;
// and a Dashboard for a CUSTOM account that withdraws or does not follow
// the platform's payment settings (INVALID_CONFIGURATION).
func (p *CreateAccountParams) Validate() error {
	if err := product.Required("email", p.Email); err != nil {
		return err
	}
	switch {
	case p.Type != nil && p.Configurations != nil:
		return xendit.Invalid("type", "and configurations cannot both be set (TYPE_AND_CONFIGURATION_CONFLICT)")
	case p.Type != nil && *p.Type != AccountTypeOwned && *p.Type != AccountTypeManaged:
		return xendit.Invalid("type", "must be OWNED or MANAGED, got %q; a CUSTOM account is made with configurations", *p.Type)
	case p.Type == nil && p.Configurations == nil:
		return xendit.Invalid("configurations", "is required when type is not set")
	}
	if c := p.Configurations; c != nil && !isTrue(c.HasDashboard) {
		switch {
		case isTrue(c.HasWithdrawal):
			return xendit.Invalid("configurations.has_dashboard", "must be true when has_withdrawal is true")
		case !isTrue(c.PaymentSettingsFollowPlatform):
			return xendit.Invalid("configurations.has_dashboard", "must be true when payment_settings_follow_platform is false")
		}
	}
	needsProfile := (p.Type != nil && *p.Type == AccountTypeOwned) || (p.Configurations != nil && !isTrue(p.Configurations.HasDashboard))
	switch {
	case p.PublicProfile != nil:
		return p.PublicProfile.validate()
	case needsProfile:
		return xendit.Invalid("public_profile.business_name", "is required for an OWNED account and one without a Dashboard")
	}
	return nil
}

// CreateAccount creates a sub-account. Creation is asynchronous: wait for
// the account.created callback ([EventAccountCreated]) before transacting
// for an OWNED account; a MANAGED account is live after account.activated.
//
// Xendit documents no idempotency header here, so the SDK does not repeat
// the request after an ambiguous failure. On [xendit.OutcomeUnknown], list
// the accounts with the same email ([ListAccountsParams].Email) before
// creating again.
//
// API: POST /v2/accounts
func (s *Client) CreateAccount(ctx context.Context, params *CreateAccountParams, opts ...xendit.RequestOption) (*Account, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return product.Do[Account](ctx, s.c, &xendit.Request{Endpoint: createAccount, Body: params, Options: opts})
}

// GetAccount returns a sub-account.
//
// API: GET /v2/accounts/{id}
func (s *Client) GetAccount(ctx context.Context, id string, opts ...xendit.RequestOption) (*Account, error) {
	req := &xendit.Request{Endpoint: getAccount, PathParams: map[string]string{"id": id}, Options: opts}
	return product.Do[Account](ctx, s.c, req)
}

// UpdateAccountParams changes an OWNED account's email and business name.
// The reference requires email on every update, so it is a value;
// PublicProfile is left as it is when unset.
type UpdateAccountParams struct {
	Email         string                         `json:"email"`
	PublicProfile xendit.Nullable[PublicProfile] `json:"public_profile,omitzero"`
}

// Validate checks the email and, when set, the business name (1 to 128
// characters).
func (p *UpdateAccountParams) Validate() error {
	if err := product.Required("email", p.Email); err != nil {
		return err
	}
	if pp, ok := p.PublicProfile.Get(); ok {
		return pp.validate()
	}
	return nil
}

// UpdateAccount changes an OWNED account's email or business name.
//
// API: PATCH /v2/accounts/{id}
func (s *Client) UpdateAccount(ctx context.Context, id string, params *UpdateAccountParams, opts ...xendit.RequestOption) (*Account, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return s.patchAccount(ctx, id, params, opts)
}

// LinkAccountHolderParams names the account holder to link.
type LinkAccountHolderParams struct {
	AccountHolderID string `json:"account_holder_id"`
}

// Validate checks that the account holder is named.
func (p *LinkAccountHolderParams) Validate() error {
	return product.Required("account_holder_id", p.AccountHolderID)
}

// LinkAccountHolder links an account holder (the legal entity, from
// CreateAccountHolder) to an OWNED account. The reference documents it as
// Update Account with a body of its own (lines 31855-31918).
//
// API: PATCH /v2/accounts/{id}
func (s *Client) LinkAccountHolder(ctx context.Context, id string, params *LinkAccountHolderParams, opts ...xendit.RequestOption) (*Account, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return s.patchAccount(ctx, id, params, opts)
}

func (s *Client) patchAccount(ctx context.Context, id string, body any, opts []xendit.RequestOption) (*Account, error) {
	req := &xendit.Request{Endpoint: updateAccount, PathParams: map[string]string{"id": id}, Body: body, Options: opts}
	return product.Do[Account](ctx, s.c, req)
}

// ListAccountsParams filters and pages ListAccounts and AllAccounts. It may
// be nil.
type ListAccountsParams struct {
	// Email and Status keep accounts with any of the values given.
	Email  []string
	Status []AccountStatus
	// BusinessName matches public_profile.business_name.
	BusinessName *string
	Type         *AccountType
	// CreatedFrom, CreatedTo, UpdatedFrom and UpdatedTo bound the times
	// (created[gte], created[lte], updated[gte], updated[lte]); the zero
	// time leaves a bound out.
	CreatedFrom, CreatedTo time.Time
	UpdatedFrom, UpdatedTo time.Time
	// Limit is the page size, 1 to 50; nil means the API's default of 10.
	Limit *int
	// AfterID and BeforeID (at most one) page from an account id.
	// AllAccounts starts after AfterID and refuses BeforeID.
	AfterID, BeforeID *string
}

// Validate checks the page size (1 to 50) and that at most one cursor is set.
func (p *ListAccountsParams) Validate() error {
	if p.AfterID != nil && p.BeforeID != nil {
		return xendit.Invalid("after_id", "and before_id cannot both be set")
	}
	return product.Limit("limit", p.Limit, 1, 50)
}

func (p *ListAccountsParams) query() url.Values {
	q := url.Values{}
	for _, e := range p.Email {
		q.Add("email", e)
	}
	for _, s := range p.Status {
		q.Add("status", string(s))
	}
	set := func(k string, v *string) {
		if v != nil {
			q.Set(k, *v)
		}
	}
	set("public_profile.business_name", p.BusinessName)
	set("after_id", p.AfterID)
	set("before_id", p.BeforeID)
	if p.Type != nil {
		q.Set("type", string(*p.Type))
	}
	product.SetTimes(q, p.CreatedFrom, p.CreatedTo, p.UpdatedFrom, p.UpdatedTo)
	product.SetLimit(q, p.Limit)
	return q
}

// ListAccounts returns one page of the platform's sub-accounts, ordered by
// creation.
//
// API: GET /v2/accounts
func (s *Client) ListAccounts(ctx context.Context, params *ListAccountsParams, opts ...xendit.RequestOption) (*xendit.Page[Account], error) {
	if params == nil {
		params = &ListAccountsParams{}
	}
	if err := params.Validate(); err != nil {
		return nil, err
	}
	req := &xendit.Request{Endpoint: listAccounts, Query: params.query(), Options: opts}
	return product.Do[xendit.Page[Account]](ctx, s.c, req)
}

// AllAccounts returns every sub-account params selects, fetching pages as
// the loop needs them (after_id: the last account of the page before). It
// stops on the first failed page, and with [xendit.ErrPagination] on a
// repeated cursor. opts apply to every page.
//
// API: GET /v2/accounts
func (s *Client) AllAccounts(ctx context.Context, params *ListAccountsParams, opts ...xendit.RequestOption) iter.Seq2[*Account, error] {
	if params == nil {
		params = &ListAccountsParams{}
	}
	if err := params.Validate(); err != nil {
		return pager.Failed[Account](err)
	}
	if params.BeforeID != nil {
		return pager.Failed[Account](xendit.Invalid("before_id", "is not supported by AllAccounts, which pages forward; use ListAccounts"))
	}
	list := func(ctx context.Context, p *ListAccountsParams) (*xendit.Page[Account], error) {
		return s.ListAccounts(ctx, p, opts...)
	}
	return pager.ByAfterID(ctx, params, func(p *ListAccountsParams) **string { return &p.AfterID }, list, func(a *Account) string { return a.ID })
}
