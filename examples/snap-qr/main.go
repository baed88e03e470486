// Snap-qr generates a one-time QRIS code with BI SNAP, receives the signed
// snap_qr.payment callback when a customer pays it, and inquires its status.
//
//	go run ./examples/snap-qr
//
// Without XENDIT_SECRET_KEY it runs against an in-process fake Xendit. With
// a test-mode key it also needs XENDIT_SNAP_CLIENT_ID and
// XENDIT_SNAP_PRIVATE_KEY (see examples/snap-va), and stops after the QR.
package main

import (
	"fmt"
	"log"
	"time"

	"github.com/seed19b1029f/xendit-go/examples/internal/demo"
	"github.com/seed19b1029f/xendit-go/snap"
)

func main() {
	ctx, sc, fake, stop := demo.StartSNAP()
	defer stop()

	bill := fmt.Sprintf("table-7-bill-%d", time.Now().Unix())
	fmt.Println("\n1. Generate a one-time QRIS code for IDR 85,000, " + bill)
	amount := snap.IDR(85000)
	qr, err := sc.CreateQR(ctx, &snap.CreateQRParams{
		PartnerReferenceNo: &bill, Amount: &amount,
		AdditionalInfo: snap.CreateQRAddition{Reusability: snap.ReusabilityOneTimeUse, ExpiresAt: snap.At(time.Now().Add(15 * time.Minute))},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("   %s: render this as a QR code: %.40s...\n", qr.ResponseCode, qr.QRContent)
	if fake == nil {
		return
	}

	callbacks := demo.ListenSNAP(fake)

	fmt.Println("\n2. The customer scans and pays; Xendit calls back")
	if err := fake.PaySNAPQR(ctx, bill, amount.Value); err != nil {
		log.Fatal(err)
	}
	p := demo.Await(callbacks).Payment
	fmt.Printf("   Callback verified: %s paid %s (status %s, payment %.5s...).\n",
		p.OriginalPartnerReferenceNo, p.Amount, p.LatestTransactionStatus, p.AdditionalInfo.ID)

	fmt.Println("\n3. Inquire the status by your reference")
	st, err := sc.InquireQR(ctx, snap.PartnerReferenceNo(bill))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("   %s: transaction %s %s, QR %s.\n", st.ResponseCode, st.LatestTransactionStatus,
		st.TransactionStatusDesc, st.AdditionalInfo.PaymentMethodStatus)
}
