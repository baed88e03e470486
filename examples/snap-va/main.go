// Snap-va creates a closed BI SNAP virtual account, receives the signed
// snap_virtual_account.payment callback when it is paid, and shows a retry
// after a 503 resending the same signed request.
//
//	go run ./examples/snap-va
//
// Without XENDIT_SECRET_KEY it runs against an in-process fake Xendit that
// checks the SNAP headers and signature, plays the bank transfer and signs
// its callback. With a test-mode key, set XENDIT_SNAP_CLIENT_ID (your
// Client ID, sent as X-PARTNER-ID) and XENDIT_SNAP_PRIVATE_KEY (the PEM key
// whose public half is registered with Xendit) or XENDIT_SNAP_PRIVATE_KEY_FILE
// (its file); the callback then goes to your Dashboard's URL, which this
// program cannot receive.
package main

import (
	"fmt"
	"log"
	"os"
	"time"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/examples/internal/demo"
	"github.com/seed19b1029f/xendit-go/snap"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

func main() {
	ctx, sc, fake, stop := demo.StartSNAP()
	defer stop()

	trxID := fmt.Sprintf("order-%d", time.Now().Unix())
	fmt.Println("\n1. Create a MANDIRI VA for exactly IDR 150,000, trxId " + trxID)
	amount := snap.IDR(150000)
	var meta xendit.Response
	resp, err := sc.CreateVA(ctx, &snap.CreateVAParams{
		VirtualAccountName: "Budi Santoso", TrxID: trxID, TotalAmount: &amount,
		FreeTexts:      []snap.FreeText{{English: xendit.Ptr("Order " + trxID), Indonesia: xendit.Ptr("Pesanan " + trxID)}},
		ExpiredDate:    snap.At(time.Now().Add(24 * time.Hour)),
		AdditionalInfo: snap.CreateVAAddition{ChannelCode: snap.VAChannelMandiri},
	}, xendit.CaptureResponse(&meta))
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	va := resp.VirtualAccountData
	fmt.Printf("   %s %s: pay %s to VA %s (X-EXTERNAL-ID %s).\n", resp.ResponseCode, va.AdditionalInfo.Status,
		va.TotalAmount, va.VirtualAccountNo, meta.IdempotencyKey)

	fmt.Println("\n2. The same trxId again is a duplicate")
	_, err = sc.CreateVA(ctx, &snap.CreateVAParams{VirtualAccountName: "Budi Santoso", TrxID: trxID,
		TotalAmount: &amount, AdditionalInfo: snap.CreateVAAddition{ChannelCode: snap.VAChannelMandiri}})
	demo.Explain(err)

	if fake == nil {
		fmt.Println("\nDone. Xendit calls your Dashboard's callback URL when the VA is paid.")
		return
	}
	callbacks := demo.ListenSNAP(fake)

	fmt.Println("\n3. The customer transfers; Xendit calls back, signed")
	if err := fake.PaySNAPVA(ctx, trxID, amount.Value); err != nil {
		log.Fatal(err)
	}
	p := demo.Await(callbacks).VAPayment
	fmt.Printf("   Callback verified: %s paid %s, payment %s is %s.\n", p.TrxID, p.PaidAmount,
		p.AdditionalInfo.PaymentID, p.AdditionalInfo.Status)

	fmt.Println("\n4. A 503 on create is retried with the same X-EXTERNAL-ID, X-TIMESTAMP and X-SIGNATURE")
	fake.InjectFault(xendittest.Fault{Path: "/snap/v1.0/transfer-va/create-va", Status: 503})
	_, err = sc.CreateVA(ctx, &snap.CreateVAParams{VirtualAccountName: "Budi Santoso", TrxID: trxID + "-2",
		AdditionalInfo: snap.CreateVAAddition{ChannelCode: snap.VAChannelBRI, Reusability: xendit.Ptr(snap.ReusabilityMultipleUse)}},
		xendit.CaptureResponse(&meta))
	demo.Explain(err)
	reqs := fake.Requests()
	a, b := reqs[len(reqs)-2].Header, reqs[len(reqs)-1].Header
	fmt.Printf("   Sent %d times; same headers on both: %v.\n", meta.Attempts,
		a.Get("X-EXTERNAL-ID") == b.Get("X-EXTERNAL-ID") && a.Get("X-SIGNATURE") == b.Get("X-SIGNATURE") &&
			a.Get("X-TIMESTAMP") == b.Get("X-TIMESTAMP"))
}
