// Package xenplatform manages the sub-accounts of a Xendit platform
// (xenPlatform): accounts, the account holders behind them, transfers
// between accounts, split rules, and the webhook URLs of each account.
// API reference: https://developers.xendit.co/api-reference/#xenplatform
//
// # Acting for a sub-account
//
// A platform calls with its own secret key. CreateAccount makes a
// sub-account; its [Account].ID is what the for-user-id header takes, on
// any product's call:
//
//	acct, err := xp.CreateAccount(ctx, &xenplatform.CreateAccountParams{
//		Email:         "angie@example.com",
//		Type:          xendit.Ptr(xenplatform.AccountTypeOwned),
//		PublicProfile: &xenplatform.PublicProfile{BusinessName: "Angie's lemonade stand"},
//	})
//	// wait for the account.created callback, then:
//	charge, err := ewallets.New(client).CreateCharge(ctx, params, xendit.ForUserID(acct.ID))
//
// or, for every call of a client, xendit.WithDefaults(xendit.ForUserID(id)).
// The sub-account's objects, balance, transactions and callbacks are its
// own. A call for a sub-account that is not live (not yet onboarded, or
// suspended) fails with XEN_PLATFORM_SUB_ACCOUNT_NOT_LIVE, which matches
// [xendit.ErrSubAccount] (not ErrNotFound, although Xendit answers 404):
// waiting for account.activated or account.cleared is the cure, not a retry.
//
// # Splitting payments and moving money
//
// A split rule ([Client.CreateSplitRule]) sends a flat amount or a
// percentage of each payment to other accounts: pass its id with
// [xendit.WithSplitRule] on a create that documents with-split-rule.
// [Client.CreateTransfer] moves balance between the platform and its
// sub-accounts, or between sub-accounts, named by user id (the
// platform's own is in the Dashboard's xenPlatform tab).
//
// # Onboarding an OWNED account
//
// CreateAccountHolder (the legal entity: business, people, address, KYC
// documents uploaded with the files package), LinkAccountHolder to the
// account, then ActivateAccountHolderCapabilities for a channel such as
// GCash. The account_holder.kyc.status and
// account_holder.capabilities.status callbacks report each step.
//
// # Callbacks
//
// The five account callbacks (KYC status, capabilities status, owned
// account created, managed account updated, suspension) share one envelope
// and one URL, the platform's: one [Callback] decodes them all and sets
// AccountHolder, Account or Suspension by the event. Each sub-account's
// product callbacks go to the URLs set for it with [Client.SetWebhookURL]
// and [xendit.ForUserID] (23 types, [WebhookTypes]), signed with its own
// token ([WebhookURL].CallbackToken, a secret that prints as [redacted]):
// register it with the webhook handler as xendit.WithCallbackTokensFor(
// account.ID, string(token)).
//
// # Exactly once
//
// No xenPlatform endpoint documents an idempotency header, so the SDK
// repeats a create (or an update) only when it surely was not processed
// (a 429, a connection that could not be opened) and never after a 5xx, a
// timeout or a connection dropped after sending. Such an error makes
// [xendit.OutcomeUnknown] true; reconcile before trying again:
//
//   - CreateTransfer: GetTransferByReference with the same reference. Found:
//     it was made. Not found ([xendit.ErrNotFound]): send it again with the
//     same reference and payload. A DUPLICATE_REFERENCE answer
//     ([xendit.ErrDuplicate]) means the first attempt went through.
//   - CreateAccount: ListAccounts with the email; the account.created
//     callback also names it.
//   - CreateAccountHolder, CreateSplitRule: the API has no lookup but by id;
//     an unlinked holder or an unused rule does nothing, so creating again
//     is safe, and the spare one stays unused.
//
// Since no idempotency header exists here, [xendit.WithIdempotencyKey] has
// nothing to send; where one is documented elsewhere, the key is reachable
// through [xendit.CaptureResponse] (Response.IdempotencyKey) and on
// failure on [*xendit.Error] (IdempotencyKey).
//
// # What the SDK decided where the reference contradicts itself
//
//   - Activate Account Holder Capabilities: the method line is PATCH
//     /account_holders without an id, the curl PATCH /account_holder, and
//     the path table documents the id (lines 31968-32001). The SDK sends
//     PATCH /account_holders/{id}, the Update Account Holder request with a
//     capabilities body.
//   - Update Account Holder marks every field required, but its own curl
//     sends only website_url (lines 32470-32483): updates are partial, with
//     [xendit.Nullable] fields as every PATCH of the SDK.
//   - Update Account requires email on every update (line 30779), so it is
//     a value, not a Nullable; linking an account holder is the same PATCH
//     with only account_holder_id (lines 31855-31918), a method of its own.
//   - The Create Account Holder example sends individual_details as one
//     object and created_at/updated_at (lines 31764, 31830); the object
//     (line 30855) has a list and created/updated. [AccountHolder] reads
//     both and writes back what it read.
//   - The capabilities callback's example names the KYC event (line 33635;
//     see [Callback]).
//   - Set Webhook URLs lists 23 types in its text and 22 in its path table,
//     without payout (line 33460): the SDK has all 23.
//   - Tax ids and postal codes are [Digits]: documented as numbers, shown
//     as text with leading zeros, and once sent as a number.
//
// # Trying it
//
// `go run ./examples/platform` creates a sub-account, sets its callback
// URL, charges on its behalf with a split rule, transfers between accounts
// and reads both balances, offline against xendittest, which keeps each
// sub-account's state apart.
package xenplatform
