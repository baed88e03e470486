package snap

import (
	"context"

	"github.com/seed19b1029f/xendit-go"
)

// Ref names an existing QR payment or direct debit by one of the two ids
// the API accepts for it: yours ([PartnerReferenceNo], the
// partnerReferenceNo you gave at creation) or Xendit's ([ReferenceNo], the
// referenceNo of the creation's response). It is the first argument of
// [Client.InquireQR], [Client.InquireDirectDebit] and
// [Client.RefundDirectDebit], in place of the path id of other products.
// The zero Ref names nothing and fails validation.
type Ref struct {
	referenceNo        string
	partnerReferenceNo string
}

// ReferenceNo names a transaction by Xendit's id, sent as
// originalReferenceNo.
func ReferenceNo(id string) Ref { return Ref{referenceNo: id} }

// PartnerReferenceNo names a transaction by your id, sent as
// originalPartnerReferenceNo.
func PartnerReferenceNo(id string) Ref { return Ref{partnerReferenceNo: id} }

// String returns the id and which of the two it is.
func (r Ref) String() string {
	if r.referenceNo != "" {
		return "originalReferenceNo " + r.referenceNo
	}
	return "originalPartnerReferenceNo " + r.partnerReferenceNo
}

// check refuses the zero Ref.
func (r Ref) check() error {
	if r.referenceNo == "" && r.partnerReferenceNo == "" {
		return xendit.Invalid("originalReferenceNo", "or originalPartnerReferenceNo is required")
	}
	return nil
}

// ServiceCode is the two-digit BI SNAP service code of an endpoint.
type ServiceCode string

// Service codes that inquiries name in their body: the service of the
// original transaction, not the inquiry's own.
const (
	ServiceQRGenerate  ServiceCode = "47"
	ServiceDirectDebit ServiceCode = "54"
)

// statusQuery is the body of a status inquiry.
type statusQuery struct {
	OriginalReferenceNo        string      `json:"originalReferenceNo,omitempty"`
	OriginalPartnerReferenceNo string      `json:"originalPartnerReferenceNo,omitempty"`
	ServiceCode                ServiceCode `json:"serviceCode"`
}

// TransactionInquiry is what both status inquiries (QR and direct debit)
// answer besides their amount and additionalInfo; [QRStatus] and
// [DirectDebitStatus] embed it.
type TransactionInquiry struct {
	OriginalReferenceNo        string `json:"originalReferenceNo"`
	OriginalPartnerReferenceNo string `json:"originalPartnerReferenceNo"`
	// ServiceCode is the original transaction's service (47 for a QR, 54
	// for a direct debit), as the request named it.
	ServiceCode ServiceCode `json:"serviceCode"`
	// LatestTransactionStatus is 00 to 07: ask Succeeded, Pending or
	// Failed.
	LatestTransactionStatus TransactionStatus `json:"latestTransactionStatus"`
	TransactionStatusDesc   string            `json:"transactionStatusDesc"`
}

// inquire is the one status inquiry: the body names ref and the service of
// the original transaction, the answer decodes into T.
func inquire[T any, P interface {
	*T
	resulter
}](ctx context.Context, s *Client, e xendit.Endpoint, ref Ref, service ServiceCode, opts []xendit.RequestOption) (*T, error) {
	if err := ref.check(); err != nil {
		return nil, err
	}
	q := statusQuery{OriginalReferenceNo: ref.referenceNo, OriginalPartnerReferenceNo: ref.partnerReferenceNo, ServiceCode: service}
	return do[T, P](ctx, s, e, q, opts)
}
