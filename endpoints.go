package xendit

import (
	"fmt"
	"net/http"
	"strings"
)

// Endpoint is one row of the endpoint table: everything that varies from one
// API operation to the next. Product packages look their rows up with
// [MustEndpoint]; a caller reaching an endpoint the SDK does not type yet
// builds one and passes it in a [Request].
type Endpoint struct {
	// ID names the operation ("balance.get_balance"). It keys the remembered rate
	// limit and appears in logs and errors.
	ID     string
	Method string
	// Path may hold {name} placeholders, filled from Request.PathParams.
	Path string
	// APIVersion is the version the SDK's types for this endpoint follow;
	// empty means the account's default version.
	APIVersion string
	// VersionHeader is the header that carries the version, spelled as the
	// endpoint documents it; empty means "API-Version".
	VersionHeader string
	// IdempotencyHeader is the endpoint's idempotency header, spelled as
	// documented; empty means the endpoint takes none, so a request to it is
	// never repeated after an ambiguous failure.
	IdempotencyHeader string
}

// Header spellings used by several endpoints.
const (
	HeaderAPIVersion     = "API-Version"
	HeaderIdempotencyKey = "IDEMPOTENCY-KEY"
	HeaderForUserID      = "for-user-id"
	HeaderWithSplitRule  = "with-split-rule"
	HeaderRequestID      = "Request-ID"
	HeaderCallbackToken  = "x-callback-token"
	HeaderWebhookID      = "webhook-id"
)

// endpointTable is the SDK's one list of typed endpoints. Each product adds
// its rows in its own block, in the order of the API reference.
var endpointTable = []Endpoint{
	// Balances
	{ID: "balance.get_balance", Method: http.MethodGet, Path: "/balance"},
	// Customers: the types follow API-VERSION 2020-10-31; customers.NewV20200519
	// pins 2020-05-19 per call. Only Create documents an idempotency header.
	{ID: "customers.create_customer", Method: http.MethodPost, Path: "/customers", APIVersion: "2020-10-31",
		VersionHeader: "API-VERSION", IdempotencyHeader: HeaderIdempotencyKey},
	{ID: "customers.get_customer", Method: http.MethodGet, Path: "/customers/{id}", APIVersion: "2020-10-31", VersionHeader: "API-VERSION"},
	{ID: "customers.list_customers_by_reference_id", Method: http.MethodGet, Path: "/customers", APIVersion: "2020-10-31", VersionHeader: "API-VERSION"},
	{ID: "customers.update_customer", Method: http.MethodPatch, Path: "/customers/{id}", APIVersion: "2020-10-31", VersionHeader: "API-VERSION"},
	// Files: unversioned; the upload has no idempotency header, so it is never
	// repeated after an ambiguous failure.
	{ID: "files.upload_file", Method: http.MethodPost, Path: "/files"},
	{ID: "files.get_file", Method: http.MethodGet, Path: "/files/{file_id}"},
	{ID: "files.download_file", Method: http.MethodGet, Path: "/files/{file_id}/download"},
	{ID: "files.delete_file", Method: http.MethodDelete, Path: "/files/{file_id}"},
	// Reports: unversioned (report_version is a body field); no idempotency header.
	{ID: "reports.generate_report", Method: http.MethodPost, Path: "/reports"},
	{ID: "reports.get_report", Method: http.MethodGet, Path: "/reports/{report_id}"},
	// Transactions
	{ID: "transactions.get_transaction", Method: http.MethodGet, Path: "/transactions/{transaction_id}"},
	{ID: "transactions.list_transactions", Method: http.MethodGet, Path: "/transactions"},

	// eWallets: no endpoint documents an idempotency header or needs an
	// API-Version, so none is pinned and a create is never repeated after an
	// ambiguous failure.
	{ID: "ewallets.create_charge", Method: http.MethodPost, Path: "/ewallets/charges"},
	{ID: "ewallets.get_charge", Method: http.MethodGet, Path: "/ewallets/charges/{id}"},
	{ID: "ewallets.void_charge", Method: http.MethodPost, Path: "/ewallets/charges/{id}/void"},
	{ID: "ewallets.create_refund", Method: http.MethodPost, Path: "/ewallets/charges/{id}/refunds"},
	{ID: "ewallets.get_refund", Method: http.MethodGet, Path: "/ewallets/charges/{charge_id}/refunds/{refund_id}"},
	{ID: "ewallets.list_refunds", Method: http.MethodGet, Path: "/ewallets/charges/{id}/refunds"},

	// PayLater: as eWallets, no idempotency header and no version header.
	{ID: "paylater.initiate_plans", Method: http.MethodPost, Path: "/paylater/plans"},
	{ID: "paylater.create_charge", Method: http.MethodPost, Path: "/paylater/charges"},
	{ID: "paylater.get_charge", Method: http.MethodGet, Path: "/paylater/charges/{id}"},
	{ID: "paylater.cancel_charge", Method: http.MethodPost, Path: "/paylater/charges/{id}/cancel"},
	{ID: "paylater.create_refund", Method: http.MethodPost, Path: "/paylater/charges/{id}/refunds"},
	{ID: "paylater.get_refund", Method: http.MethodGet, Path: "/paylater/charges/{charge_id}/refunds/{refund_id}"},
	{ID: "paylater.list_refunds", Method: http.MethodGet, Path: "/paylater/charges/{id}/refunds"},

	// Invoices: unversioned, no idempotency header, so Create Invoice is never
	// repeated after an ambiguous failure. Expire's path ends in "!" and is
	// sent exactly so.
	{ID: "invoices.create_invoice", Method: http.MethodPost, Path: "/v2/invoices"},
	{ID: "invoices.get_invoice", Method: http.MethodGet, Path: "/v2/invoices/{invoice_id}"},
	{ID: "invoices.expire_invoice", Method: http.MethodPost, Path: "/invoices/{invoice_id}/expire!"},
	{ID: "invoices.list_invoices", Method: http.MethodGet, Path: "/v2/invoices"},

	// Subscriptions (Recurring): unversioned; no endpoint documents an
	// idempotency header, so a create is never repeated after an ambiguous
	// failure. Simulate follows its method line, not its curl (see the
	// subscriptions package doc).
	{ID: "subscriptions.create_plan", Method: http.MethodPost, Path: "/recurring/plans"},
	{ID: "subscriptions.update_plan", Method: http.MethodPatch, Path: "/recurring/plans/{id}"},
	{ID: "subscriptions.deactivate_plan", Method: http.MethodPost, Path: "/recurring/plans/{id}/deactivate"},
	{ID: "subscriptions.get_plan", Method: http.MethodGet, Path: "/recurring/plans/{id}"},
	{ID: "subscriptions.list_cycles", Method: http.MethodGet, Path: "/recurring/plans/{id}/cycles"},
	{ID: "subscriptions.update_cycle", Method: http.MethodPatch, Path: "/recurring/plans/{plan_id}/cycles/{id}"},
	{ID: "subscriptions.cancel_cycle", Method: http.MethodPost, Path: "/recurring/plans/{plan_id}/cycles/{id}/cancel"},
	{ID: "subscriptions.force_cycle_attempt", Method: http.MethodPost, Path: "/recurring/plans/{plan_id}/cycles/{id}/force_attempt"},
	{ID: "subscriptions.get_cycle", Method: http.MethodGet, Path: "/recurring/plans/{plan_id}/cycles/{id}"},
	{ID: "subscriptions.simulate_cycle", Method: http.MethodPost, Path: "/recurring/plans/{plan_id}/cycles/{id}/simulate"},
	{ID: "subscriptions.update_schedule", Method: http.MethodPatch, Path: "/recurring/schedules/{id}"},
	{ID: "subscriptions.get_schedule", Method: http.MethodGet, Path: "/recurring/schedules/{id}"},

	// Credit cards: only Create Refund documents an idempotency header, and
	// it requires x-api-version 2019-05-01 (synchronous refunds). Create
	// Charge, Capture and Reverse have no idempotency header, so they are
	// never repeated after an ambiguous failure. Path parameter names follow
	// the reference, which names the charge id differently per endpoint.
	{ID: "cards.get_token", Method: http.MethodGet, Path: "/credit_card_tokens/{credit_card_token_id}"},
	{ID: "cards.create_charge", Method: http.MethodPost, Path: "/credit_card_charges"},
	{ID: "cards.get_charge_option", Method: http.MethodGet, Path: "/credit_card_charges/option"},
	{ID: "cards.get_charge", Method: http.MethodGet, Path: "/credit_card_charges/{credit_card_charge_id}"},
	{ID: "cards.reverse_authorization", Method: http.MethodPost, Path: "/credit_card_charges/{charge_id}/auth_reversal"},
	{ID: "cards.capture_charge", Method: http.MethodPost, Path: "/credit_card_charges/{credit_card_charge_id}/capture"},
	{ID: "cards.create_refund", Method: http.MethodPost, Path: "/credit_card_charges/{credit_card_charge_id}/refunds",
		APIVersion: "2019-05-01", VersionHeader: "x-api-version", IdempotencyHeader: "X-IDEMPOTENCY-KEY"},
	{ID: "cards.create_promotion", Method: http.MethodPost, Path: "/promotions"},
	{ID: "cards.list_promotions", Method: http.MethodGet, Path: "/promotions"},
	{ID: "cards.calculate_promotion", Method: http.MethodGet, Path: "/promotions/calculate"},
	{ID: "cards.update_promotion", Method: http.MethodPatch, Path: "/promotions/{promotion_id}"},
	{ID: "cards.delete_promotion", Method: http.MethodDelete, Path: "/promotions/{promotion_id}"},

	// Virtual accounts (callback VAs): unversioned; no endpoint documents an
	// idempotency header, so Create and Simulate Payment are never repeated
	// after an ambiguous failure. Simulate Payment and Get Payment keep the
	// reference's literal "external_id=" and "payment_id=" path segments.
	{ID: "virtualaccounts.create_virtual_account", Method: http.MethodPost, Path: "/callback_virtual_accounts"},
	{ID: "virtualaccounts.update_virtual_account", Method: http.MethodPatch, Path: "/callback_virtual_accounts/{id}"},
	{ID: "virtualaccounts.get_virtual_account", Method: http.MethodGet, Path: "/callback_virtual_accounts/{id}"},
	{ID: "virtualaccounts.simulate_payment", Method: http.MethodPost, Path: "/callback_virtual_accounts/external_id={external_id}/simulate_payment"},
	{ID: "virtualaccounts.get_payment", Method: http.MethodGet, Path: "/callback_virtual_account_payments/payment_id={payment_id}"},
	{ID: "virtualaccounts.list_banks", Method: http.MethodGet, Path: "/available_virtual_account_banks"},

	// QR Codes: create, get and simulate document api-version (2022-07-31 is
	// pinned: the only version whose shapes the reference prints); payments
	// and refunds document none. Create and Create Refund take an optional
	// idempotency-key, which the SDK always sends, so both are retried safely.
	{ID: "qrcodes.create_qr_code", Method: http.MethodPost, Path: "/qr_codes", APIVersion: "2022-07-31",
		VersionHeader: "api-version", IdempotencyHeader: "idempotency-key"},
	{ID: "qrcodes.get_qr_code", Method: http.MethodGet, Path: "/qr_codes/{id}", APIVersion: "2022-07-31", VersionHeader: "api-version"},
	{ID: "qrcodes.list_payments", Method: http.MethodGet, Path: "/qr_codes/{qr_id}/payments"},
	{ID: "qrcodes.simulate_payment", Method: http.MethodPost, Path: "/qr_codes/{id}/payments/simulate", APIVersion: "2022-07-31",
		VersionHeader: "api-version"},
	{ID: "qrcodes.create_refund", Method: http.MethodPost, Path: "/qr_codes/payments/{qrpy_id}/refunds", IdempotencyHeader: "idempotency-key"},
	{ID: "qrcodes.get_refund", Method: http.MethodGet, Path: "/qr_codes/payments/{qrpy_id}/refunds/{refund_id}"},
	{ID: "qrcodes.list_refunds", Method: http.MethodGet, Path: "/qr_codes/payments/{qrpy_id}/refunds"},

	// Retail outlets: Indonesia's fixed payment codes (ALFAMART, INDOMARET)
	// and the Philippines' payment codes. Unversioned, and no endpoint
	// documents an idempotency header, so the creates are never repeated
	// after an ambiguous failure (see the retailoutlets package doc).
	{ID: "retailoutlets.create_fixed_payment_code", Method: http.MethodPost, Path: "/fixed_payment_code"},
	{ID: "retailoutlets.update_fixed_payment_code", Method: http.MethodPatch, Path: "/fixed_payment_code/{fixed_payment_code_id}"},
	{ID: "retailoutlets.get_fixed_payment_code", Method: http.MethodGet, Path: "/fixed_payment_code/{fixed_payment_code_id}"},
	{ID: "retailoutlets.list_fixed_payment_code_payments", Method: http.MethodGet, Path: "/fixed_payment_code/{fixed_payment_code_id}/payments"},
	{ID: "retailoutlets.create_payment_code", Method: http.MethodPost, Path: "/payment_codes"},
	{ID: "retailoutlets.update_payment_code", Method: http.MethodPatch, Path: "/payment_codes/{payment_code_id}"},
	{ID: "retailoutlets.get_payment_code", Method: http.MethodGet, Path: "/payment_codes/{payment_code_id}"},
	{ID: "retailoutlets.list_payment_code_payments", Method: http.MethodGet, Path: "/payment_codes/{payment_code_id}/payments"},

	// Direct Debit (linked account tokens, payment methods v1, payments and
	// refunds): unversioned. Create Payment and Create Refund require
	// Idempotency-key, spelled so; Initialize, both OTP validations and
	// Create Payment Method have no idempotency header, so they are never
	// repeated after an ambiguous failure. Validate Payment OTP is a POST
	// although its curl sends GET, and Unbind a DELETE although its curl is
	// a copy of Validate OTP (see the directdebit package doc).
	{ID: "directdebit.initialize_tokenization", Method: http.MethodPost, Path: "/linked_account_tokens/auth"},
	{ID: "directdebit.validate_token_otp", Method: http.MethodPost, Path: "/linked_account_tokens/{linked_account_token_id}/validate_otp"},
	{ID: "directdebit.list_accessible_accounts", Method: http.MethodGet, Path: "/linked_account_tokens/{linked_account_token_id}/accounts"},
	{ID: "directdebit.unbind_token", Method: http.MethodDelete, Path: "/linked_account_tokens/{linked_account_token_id}"},
	{ID: "directdebit.create_payment_method", Method: http.MethodPost, Path: "/payment_methods"},
	{ID: "directdebit.create_payment", Method: http.MethodPost, Path: "/direct_debits", IdempotencyHeader: "Idempotency-key"},
	{ID: "directdebit.validate_payment_otp", Method: http.MethodPost, Path: "/direct_debits/{direct_debit_id}/validate_otp"},
	{ID: "directdebit.list_payment_methods", Method: http.MethodGet, Path: "/payment_methods"},
	{ID: "directdebit.get_payment", Method: http.MethodGet, Path: "/direct_debits/{direct_debit_id}"},
	{ID: "directdebit.list_payments_by_reference_id", Method: http.MethodGet, Path: "/direct_debits"},
	{ID: "directdebit.create_refund", Method: http.MethodPost, Path: "/direct_debits/{direct_debit_id}/refunds", IdempotencyHeader: "Idempotency-key"},
	{ID: "directdebit.get_refund", Method: http.MethodGet, Path: "/direct_debits/{direct_debit_id}/refunds/{refund_id}"},
	{ID: "directdebit.list_refunds", Method: http.MethodGet, Path: "/direct_debits/{direct_debit_id}/refunds"},

	// Payouts (v2): Create requires an idempotency header, spelled
	// Idempotency-key as the reference prints it, so it is retried with the
	// same key. Cancel is a POST although the method line prints GET (the
	// curl, Cross-border Cancel and payout.yaml say POST).
	{ID: "payouts.create_payout", Method: http.MethodPost, Path: "/v2/payouts", IdempotencyHeader: "Idempotency-key"},
	{ID: "payouts.get_payout", Method: http.MethodGet, Path: "/v2/payouts/{id}"},
	{ID: "payouts.list_payouts", Method: http.MethodGet, Path: "/v2/payouts"},
	{ID: "payouts.cancel_payout", Method: http.MethodPost, Path: "/v2/payouts/{id}/cancel"},
	{ID: "payouts.list_channels", Method: http.MethodGet, Path: "/payouts_channels"},

	// Payout Links: no idempotency header; Create is never repeated after an
	// ambiguous failure, and Xendit refuses a second link with the same
	// external_id (DUPLICATE_PAYOUT_ERROR).
	{ID: "payoutlinks.create_payout_link", Method: http.MethodPost, Path: "/payouts"},
	{ID: "payoutlinks.get_payout_link", Method: http.MethodGet, Path: "/payouts/{id}"},
	{ID: "payoutlinks.void_payout_link", Method: http.MethodPost, Path: "/payouts/{id}/void"},

	// Disbursements: Create and Create Batch document an optional
	// X-IDEMPOTENCY-KEY; the SDK always sends one, so both are repeated
	// safely after an ambiguous failure. Unversioned.
	{ID: "disbursements.create_disbursement", Method: http.MethodPost, Path: "/disbursements", IdempotencyHeader: "X-IDEMPOTENCY-KEY"},
	{ID: "disbursements.get_disbursement", Method: http.MethodGet, Path: "/disbursements/{disbursement_id}"},
	{ID: "disbursements.list_disbursements_by_external_id", Method: http.MethodGet, Path: "/disbursements"},
	{ID: "disbursements.list_banks", Method: http.MethodGet, Path: "/available_disbursements_banks"},
	{ID: "disbursements.create_batch", Method: http.MethodPost, Path: "/batch_disbursements", IdempotencyHeader: "X-IDEMPOTENCY-KEY"},

	// Cross-border payouts: Create requires an idempotency key, spelled
	// Idempotency-key by the header table (the curl's IDEMPOTENCY-KEY is
	// the same header). Unversioned.
	{ID: "remittance.create_payout", Method: http.MethodPost, Path: "/remittance_payouts", IdempotencyHeader: "Idempotency-key"},
	{ID: "remittance.get_payout", Method: http.MethodGet, Path: "/remittance_payouts/{cross_border_payout_id}"},
	{ID: "remittance.cancel_payout", Method: http.MethodPost, Path: "/remittance_payouts/{cross_border_payout_id}/cancel"},

	// xenPlatform: unversioned; no endpoint documents an idempotency header,
	// so no create here is repeated after an ambiguous failure (a transfer is
	// reconciled by its reference). Activate Account Holder Capabilities has
	// no row: its method line omits the holder's id (PATCH /account_holders),
	// and the SDK sends it as the Update Account Holder it is (see the
	// xenplatform package doc). Linking an account holder is Update Account.
	{ID: "xenplatform.create_account", Method: http.MethodPost, Path: "/v2/accounts"},
	{ID: "xenplatform.get_account", Method: http.MethodGet, Path: "/v2/accounts/{id}"},
	{ID: "xenplatform.list_accounts", Method: http.MethodGet, Path: "/v2/accounts"},
	{ID: "xenplatform.update_account", Method: http.MethodPatch, Path: "/v2/accounts/{id}"},
	{ID: "xenplatform.create_account_holder", Method: http.MethodPost, Path: "/account_holders"},
	{ID: "xenplatform.get_account_holder", Method: http.MethodGet, Path: "/account_holders/{id}"},
	{ID: "xenplatform.update_account_holder", Method: http.MethodPatch, Path: "/account_holders/{id}"},
	{ID: "xenplatform.create_transfer", Method: http.MethodPost, Path: "/transfers"},
	{ID: "xenplatform.get_transfer_by_reference", Method: http.MethodGet, Path: "/transfers/reference={reference}"},
	{ID: "xenplatform.create_split_rule", Method: http.MethodPost, Path: "/split_rules"},
	{ID: "xenplatform.set_webhook_url", Method: http.MethodPost, Path: "/callback_urls/{type}"},

	// Payment Requests (the unified Payments API, from openapi/payment_request.yaml):
	// unversioned. Create takes an optional idempotency-key, which the SDK
	// always sends, so it is retried safely; Capture and Authorize have none,
	// so they are never repeated after an ambiguous failure.
	{ID: "paymentrequests.create_payment_request", Method: http.MethodPost, Path: "/payment_requests", IdempotencyHeader: "idempotency-key"},
	{ID: "paymentrequests.list_payment_requests", Method: http.MethodGet, Path: "/payment_requests"},
	{ID: "paymentrequests.get_payment_request", Method: http.MethodGet, Path: "/payment_requests/{paymentRequestId}"},
	{ID: "paymentrequests.authorize_payment_request", Method: http.MethodPost, Path: "/payment_requests/{paymentRequestId}/auth"},
	{ID: "paymentrequests.resend_auth", Method: http.MethodPost, Path: "/payment_requests/{paymentRequestId}/auth/resend"},
	{ID: "paymentrequests.list_captures", Method: http.MethodGet, Path: "/payment_requests/{paymentRequestId}/captures"},
	{ID: "paymentrequests.create_capture", Method: http.MethodPost, Path: "/payment_requests/{paymentRequestId}/captures"},

	// Payment Methods (v2), from payment_method.yaml: no endpoint documents
	// an idempotency header, so a create is never repeated after an
	// ambiguous failure. The eWallets package's account linking sends
	// through these rows.
	{ID: "paymentmethods.create", Method: http.MethodPost, Path: "/v2/payment_methods"},
	{ID: "paymentmethods.list", Method: http.MethodGet, Path: "/v2/payment_methods"},
	{ID: "paymentmethods.get", Method: http.MethodGet, Path: "/v2/payment_methods/{paymentMethodId}"},
	{ID: "paymentmethods.update", Method: http.MethodPatch, Path: "/v2/payment_methods/{paymentMethodId}"},
	{ID: "paymentmethods.expire", Method: http.MethodPost, Path: "/v2/payment_methods/{paymentMethodId}/expire"},
	{ID: "paymentmethods.authorize", Method: http.MethodPost, Path: "/v2/payment_methods/{paymentMethodId}/auth"},
	{ID: "paymentmethods.list_payments", Method: http.MethodGet, Path: "/v2/payment_methods/{paymentMethodId}/payments"},
	{ID: "paymentmethods.simulate_payment", Method: http.MethodPost, Path: "/v2/payment_methods/{paymentMethodId}/payments/simulate"},

	// Refunds of the unified Payments API (openapi/refund.yaml): Create and
	// Cancel take an optional idempotency-key, which the SDK always sends.
	// The file documents one on Get too; a GET is safe to repeat, so the
	// SDK sends none there.
	{ID: "refunds.create_refund", Method: http.MethodPost, Path: "/refunds", IdempotencyHeader: "idempotency-key"},
	{ID: "refunds.list_refunds", Method: http.MethodGet, Path: "/refunds"},
	{ID: "refunds.get_refund", Method: http.MethodGet, Path: "/refunds/{refundID}"},
	{ID: "refunds.cancel_refund", Method: http.MethodPost, Path: "/refunds/{refundID}/cancel", IdempotencyHeader: "idempotency-key"},

	// SNAP (Bank Indonesia's Standard Open API): every endpoint is a POST
	// whose idempotency key is X-EXTERNAL-ID, kept by Xendit for 24 hours.
	// Binding OTP and payment OTP share one path, so they share one row (and
	// one remembered rate limit); the body's "type" tells them apart.
	{ID: "snap.create_account_binding", Method: http.MethodPost, Path: "/snap/v1.0/registration-account-binding", IdempotencyHeader: "X-EXTERNAL-ID"},
	{ID: "snap.inquire_account_binding", Method: http.MethodPost, Path: "/snap/v1.0/registration-account-inquiry", IdempotencyHeader: "X-EXTERNAL-ID"},
	{ID: "snap.unbind_account", Method: http.MethodPost, Path: "/snap/v1.0/registration-account-unbinding", IdempotencyHeader: "X-EXTERNAL-ID"},
	{ID: "snap.verify_otp", Method: http.MethodPost, Path: "/snap/v1.0/otp-verification", IdempotencyHeader: "X-EXTERNAL-ID"},
	{ID: "snap.create_va", Method: http.MethodPost, Path: "/snap/v1.0/transfer-va/create-va", IdempotencyHeader: "X-EXTERNAL-ID"},
	{ID: "snap.inquire_va", Method: http.MethodPost, Path: "/snap/v1.0/transfer-va/inquiry-va", IdempotencyHeader: "X-EXTERNAL-ID"},
	{ID: "snap.update_va", Method: http.MethodPost, Path: "/snap/v1.0/transfer-va/update-va", IdempotencyHeader: "X-EXTERNAL-ID"},
	{ID: "snap.deactivate_va", Method: http.MethodPost, Path: "/snap/v1.0/transfer-va/delete-va", IdempotencyHeader: "X-EXTERNAL-ID"},
	{ID: "snap.create_qr", Method: http.MethodPost, Path: "/snap/v1.0/qr/qr-mpm-generate", IdempotencyHeader: "X-EXTERNAL-ID"},
	{ID: "snap.inquire_qr", Method: http.MethodPost, Path: "/snap/v1.0/qr/qr-mpm-query", IdempotencyHeader: "X-EXTERNAL-ID"},
	{ID: "snap.create_direct_debit", Method: http.MethodPost, Path: "/snap/v1.0/debit/payment-host-to-host", IdempotencyHeader: "X-EXTERNAL-ID"},
	{ID: "snap.inquire_direct_debit", Method: http.MethodPost, Path: "/snap/v1.0/debit/status", IdempotencyHeader: "X-EXTERNAL-ID"},
	{ID: "snap.refund_direct_debit", Method: http.MethodPost, Path: "/snap/v1.0/debit/refund", IdempotencyHeader: "X-EXTERNAL-ID"},
}

var endpointsByID = func() map[string]Endpoint {
	m := make(map[string]Endpoint, len(endpointTable))
	for _, e := range endpointTable {
		if _, dup := m[e.ID]; dup {
			panic("xendit: endpoint " + e.ID + " is listed twice")
		}
		m[e.ID] = e
	}
	return m
}()

// LookupEndpoint returns the table's row for id.
func LookupEndpoint(id string) (Endpoint, bool) {
	e, ok := endpointsByID[id]
	return e, ok
}

// MustEndpoint returns the table's row for id and panics if there is none, so
// that a misspelt ID fails when the product package is loaded.
func MustEndpoint(id string) Endpoint {
	e, ok := endpointsByID[id]
	if !ok {
		panic(fmt.Sprintf("xendit: no endpoint %q in the endpoint table", id))
	}
	return e
}

// Endpoints returns a copy of the endpoint table.
func Endpoints() []Endpoint {
	return append([]Endpoint(nil), endpointTable...)
}

// retrySafe reports whether repeating a request to e after an ambiguous
// failure cannot create anything twice: GET and DELETE always, anything else
// only when it carries an idempotency key.
func (e Endpoint) retrySafe(idempotencyKey string) bool {
	switch e.Method {
	case http.MethodGet, http.MethodHead, http.MethodDelete:
		return true
	}
	return idempotencyKey != ""
}

func (e Endpoint) versionHeader() string {
	if e.VersionHeader != "" {
		return e.VersionHeader
	}
	return HeaderAPIVersion
}

// isIdempotencyHeader reports whether name is the idempotency header of an
// endpoint in the table, in any spelling.
func isIdempotencyHeader(name string) bool {
	for _, e := range endpointTable {
		if e.IdempotencyHeader != "" && strings.EqualFold(name, e.IdempotencyHeader) {
			return true
		}
	}
	return strings.EqualFold(name, "Idempotency-Key") || strings.EqualFold(name, "X-Idempotency-Key")
}
