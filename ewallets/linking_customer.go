package ewallets

import (
	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/customers"
)

// CheckLinkingCustomer checks, before anything is sent, that a customer for
// the Customers API version 2020-05-19 carries what channel's account linking
// needs. OVO identifies the account by mobile_number, in E.164 and matching
// OVO's records, and needs given_names; LinkAja needs mobile_number. The
// other channels need nothing beyond a valid customer.
//
// The tokenized flow starts with that customer:
//
//	params := &customers.CreateParamsV20200519{ReferenceID: "user-81", GivenNames: "Budi",
//		MobileNumber: xendit.Ptr("+6287774441111")}
//	if err := ewallets.CheckLinkingCustomer(ewallets.LinkOVO, params); err != nil {
//		return err // ask the customer for the missing field
//	}
//	cust, err := customers.NewV20200519(client).Create(ctx, params)
//	// then CreatePaymentMethod with CustomerID: cust.ID
func CheckLinkingCustomer(channel LinkingChannel, p *customers.CreateParamsV20200519) error {
	if p == nil {
		return xendit.Invalid("customer", "is required")
	}
	if p.ReferenceID == "" {
		return xendit.Invalid("reference_id", "is required")
	}
	needsMobile := channel == LinkOVO || channel == LinkLinkAja
	switch {
	case needsMobile && (p.MobileNumber == nil || *p.MobileNumber == ""):
		return xendit.Invalid("mobile_number", "is required to link %s: it identifies the customer's account", channel)
	case needsMobile && !isE164(*p.MobileNumber):
		return xendit.Invalid("mobile_number", "must be in E.164 format, e.g. +6287774441111")
	case channel == LinkOVO && p.GivenNames == "":
		return xendit.Invalid("given_names", "is required to link OVO")
	}
	return nil
}
