package directdebit

import (
	"context"
	"iter"
	"net/url"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var (
	createPaymentMethod = xendit.MustEndpoint("directdebit.create_payment_method")
	listPaymentMethods  = xendit.MustEndpoint("directdebit.list_payment_methods")
)

// CreatePaymentMethodParams turns a linked account into a payment method
// that payments debit. This is Payment Methods v1 (/payment_methods); the
// ewallets package's payment methods are v2, a different API.
type CreatePaymentMethodParams struct {
	// CustomerID owns the account; required for every channel but BCA
	// KlikPay.
	CustomerID *string           `json:"customer_id,omitempty"`
	Type       PaymentMethodType `json:"type"`
	// Properties name the account: its ID (la-...) from
	// ListAccessibleAccounts, or for BCA KlikPay its ChannelCode.
	Properties PaymentMethodTarget `json:"properties"`
	Metadata   map[string]any      `json:"metadata,omitzero"`
}

// PaymentMethodTarget is the account a payment method debits.
type PaymentMethodTarget struct {
	// ID (la-...) is an accessible account; required unless Type is
	// BANK_REDIRECT.
	ID *string `json:"id,omitempty"`
	// ChannelCode is required for BANK_REDIRECT (BCA_KLIKPAY).
	ChannelCode *ChannelCode `json:"channel_code,omitempty"`
}

// Validate checks the type and what it requires: properties.id and
// customer_id for linked accounts, properties.channel_code for BCA
// KlikPay's redirect; and the metadata limits. CreatePaymentMethod calls
// it.
func (p *CreatePaymentMethodParams) Validate() error {
	switch p.Type {
	case PaymentMethodTypeDebitCard, PaymentMethodTypeBankAccount:
		if p.Properties.ID == nil || *p.Properties.ID == "" {
			return xendit.Invalid("properties.id", "is required for %s (an accessible account's id)", p.Type)
		}
		if p.CustomerID == nil || *p.CustomerID == "" {
			return xendit.Invalid("customer_id", "is required for %s", p.Type)
		}
	case PaymentMethodTypeBankRedirect:
		if p.Properties.ChannelCode == nil || *p.Properties.ChannelCode == "" {
			return xendit.Invalid("properties.channel_code", "is required for %s", p.Type)
		}
	case "":
		return xendit.Invalid("type", "is required")
	default:
		return xendit.Invalid("type", "%q is not %s, %s or %s", p.Type,
			PaymentMethodTypeDebitCard, PaymentMethodTypeBankAccount, PaymentMethodTypeBankRedirect)
	}
	return xendit.CheckMetadata("metadata", p.Metadata)
}

// PaymentMethodStatus says whether a payment method can be debited.
type PaymentMethodStatus string

// Payment methods are ACTIVE when created. EXPIRED is what the v2 API and
// the payment_method.expiry.expired callback call an invalidated link; the
// v1 tables document only ACTIVE. Other values still decode.
const (
	PaymentMethodStatusActive  PaymentMethodStatus = "ACTIVE"
	PaymentMethodStatusExpired PaymentMethodStatus = "EXPIRED"
)

// Active reports whether payments can debit the method.
func (s PaymentMethodStatus) Active() bool { return s == PaymentMethodStatusActive }

// PaymentMethod is a source of funds (pm-...) for direct debit payments.
type PaymentMethod struct {
	ID         string                  `json:"id"`
	Type       PaymentMethodType       `json:"type"`
	Properties PaymentMethodProperties `json:"properties"`
	CustomerID string                  `json:"customer_id"`
	Status     PaymentMethodStatus     `json:"status"`
	Created    xendit.Time             `json:"created"`
	Updated    xendit.Time             `json:"updated"`
	Metadata   map[string]any          `json:"metadata,omitzero"`
}

// PaymentMethodProperties describe the account a payment method debits.
type PaymentMethodProperties struct {
	// ID is the accessible account (la-...); empty for BCA KlikPay.
	ID          string      `json:"id,omitempty"`
	ChannelCode ChannelCode `json:"channel_code"`
	AccountProperties
}

// CreatePaymentMethod makes an accessible account of a linked token
// chargeable; the method is ACTIVE. A second method for the same account
// is refused with [CodeDuplicateError].
//
// Xendit documents no idempotency header here, so the SDK does not repeat
// the request after an ambiguous failure: on [xendit.OutcomeUnknown], list
// the customer's payment methods (ListPaymentMethods) before creating
// again.
//
// API: POST /payment_methods
func (s *Client) CreatePaymentMethod(ctx context.Context, params *CreatePaymentMethodParams, opts ...xendit.RequestOption) (*PaymentMethod, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return product.Do[PaymentMethod](ctx, s.c, &xendit.Request{Endpoint: createPaymentMethod, Body: params, Options: opts})
}

// ListPaymentMethodsParams selects a customer's payment methods.
type ListPaymentMethodsParams struct {
	CustomerID string
}

// Validate checks that the customer is given.
func (p *ListPaymentMethodsParams) Validate() error {
	return product.Required("customer_id", p.CustomerID)
}

// ListPaymentMethods returns a customer's payment methods, as one page
// (the API answers a bare array).
//
// API: GET /payment_methods
func (s *Client) ListPaymentMethods(ctx context.Context, params *ListPaymentMethodsParams, opts ...xendit.RequestOption) (*xendit.Page[PaymentMethod], error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return listArray[PaymentMethod](ctx, s.c, &xendit.Request{Endpoint: listPaymentMethods,
		Query: url.Values{"customer_id": {params.CustomerID}}, Options: opts})
}

// AllPaymentMethods returns every payment method of a customer.
//
// API: GET /payment_methods
func (s *Client) AllPaymentMethods(ctx context.Context, params *ListPaymentMethodsParams, opts ...xendit.RequestOption) iter.Seq2[*PaymentMethod, error] {
	return allOf(ctx, func(ctx context.Context) (*xendit.Page[PaymentMethod], error) {
		return s.ListPaymentMethods(ctx, params, opts...)
	})
}
