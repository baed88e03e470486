// Snap-direct-debit links a BRI debit card with BI SNAP account binding,
// confirms it with the OTP the customer receives, debits it (above
// IDR 1,000,000 BRI always asks for an OTP), receives the signed
// snap.direct_debit.succeeded callback and refunds part of the payment.
//
//	go run ./examples/snap-direct-debit
//
// Without XENDIT_SECRET_KEY it runs against an in-process fake Xendit whose
// OTP is always 123456. With a test-mode key it also needs
// XENDIT_SNAP_CLIENT_ID and XENDIT_SNAP_PRIVATE_KEY (see examples/snap-va)
// and stops after the binding, as the OTP reaches a real phone.
package main

import (
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/examples/internal/demo"
	"github.com/seed19b1029f/xendit-go/snap"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

func main() {
	ctx, sc, fake, stop := demo.StartSNAP()
	defer stop()
	run := fmt.Sprint(time.Now().Unix())

	fmt.Println("\n1. Link a BRI debit card (customer cust-1)")
	b, err := sc.CreateAccountBinding(ctx, &snap.CreateAccountBindingParams{
		PartnerReferenceNo: xendit.Ptr("link-" + run), PhoneNo: xendit.Ptr("+62818555988"),
		AdditionalData: &snap.BindingCustomer{UserID: "cust-1", Email: xendit.Ptr("budi@example.com")},
		AdditionalInfo: snap.BindingAddition{PayMethod: snap.PayMethodDirectDebit, PayOption: snap.PayOptionBRI,
			Reusability:       xendit.Ptr(snap.ReusabilityMultipleUse),
			ChannelProperties: &snap.ChannelProperties{CardLastFour: xendit.Ptr("8888"), CardExpiry: xendit.Ptr("06/30")}},
	})
	if err != nil {
		log.Fatal(err)
	}
	pm := b.AdditionalInfo.PaymentMethod
	fmt.Printf("   %s %s, in progress: %v; payment method %s is %s.\n", b.ResponseCode, b.ResponseMessage,
		b.InProgress(), pm.ID, pm.Status)
	if fake == nil {
		fmt.Println("\nDone. Verify the OTP the customer received with VerifyOTP (type binding).")
		return
	}
	callbacks := demo.ListenSNAP(fake)

	fmt.Println("\n2. A mistyped OTP, then the right one")
	_, err = sc.VerifyOTP(ctx, pm.ID, &snap.VerifyOTPParams{OTP: "000000", Type: snap.OTPTypeBinding})
	fmt.Printf("   Refused (validation: %v).\n", errors.Is(err, xendit.ErrValidation))
	if _, err := sc.VerifyOTP(ctx, pm.ID, &snap.VerifyOTPParams{OTP: xendittest.SNAPTestOTP, Type: snap.OTPTypeBinding}); err != nil {
		log.Fatal(err)
	}
	inq, err := sc.InquireAccountBinding(ctx, "link-"+run)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("   The card is %s.\n", inq.AdditionalInfo.PaymentMethod.Status)

	fmt.Println("\n3. Debit IDR 2,500,000 from it")
	dd, err := sc.CreateDirectDebit(ctx, &snap.CreateDirectDebitParams{
		PartnerReferenceNo: "order-" + run, Amount: snap.IDR(2_500_000),
		AdditionalInfo: snap.DirectDebitAddition{CustomerID: "cust-1", PaymentMethodID: &pm.ID, Description: xendit.Ptr("Order " + run)},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("   %s: payment %.3s... needs %s by %s.\n", dd.ResponseCode, dd.ReferenceNo,
		dd.AdditionalInfo.Actions[0].Action, dd.AdditionalInfo.Actions[0].URLType)

	fmt.Println("\n4. The customer types the OTP; Xendit calls back")
	if _, err := sc.VerifyOTP(ctx, dd.ReferenceNo, &snap.VerifyOTPParams{OTP: xendittest.SNAPTestOTP, Type: snap.OTPTypePayment}); err != nil {
		log.Fatal(err)
	}
	cb := demo.Await(callbacks)
	fmt.Printf("   Callback %s verified: %s, %s paid.\n", cb.Type, cb.Payment.TransactionStatusDesc, cb.Payment.Amount)

	fmt.Println("\n5. Refund IDR 500,000 of it")
	part := snap.IDR(500_000)
	rf, err := sc.RefundDirectDebit(ctx, snap.PartnerReferenceNo("order-"+run), &snap.RefundDirectDebitParams{
		PartnerRefundNo: xendit.Ptr("refund-" + run), RefundAmount: &part, Reason: xendit.Ptr(snap.RefundReasonRequestedByCustomer)})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("   %s: refund of %s is %s.\n", rf.ResponseCode, rf.RefundAmount, rf.AdditionalInfo.Status)
}
