// Payouts pays a seller through Payouts (v2), receives the callback that
// says the money arrived, and shows what happens when the network drops in
// the middle of the request: the SDK repeats it with the same idempotency
// key, so Xendit makes one payout; and when the outcome stays unknown, the
// program reconciles by reference_id before paying again.
//
//	go run ./examples/payouts
//
// Without XENDIT_SECRET_KEY it runs against an in-process fake Xendit that
// plays the bank and sends the callbacks to a local webhook endpoint. With
// a test-mode key it creates the payout at Xendit; Xendit then sends the
// callback to the URL set in your Dashboard, which this program cannot
// receive.
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/examples/internal/demo"
	"github.com/seed19b1029f/xendit-go/payouts"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

func main() {
	ctx, client, fake, stop := demo.Start()
	defer stop()
	po := payouts.New(client)

	// The reference is your id for this payout, stored before the call: it
	// is the idempotency key, and how the payout is found again.
	ref := fmt.Sprintf("settlement-%d-seller-42", time.Now().Unix())
	params := &payouts.CreatePayoutParams{
		ReferenceID: ref,
		ChannelCode: payouts.ChannelBCA,
		ChannelProperties: payouts.ChannelProperties{
			AccountHolderName: "Michael Chen",
			AccountNumber:     "0000000000",
		},
		Amount:      150000,
		Currency:    xendit.CurrencyIDR,
		Description: xendit.Ptr("June settlement"),
	}

	demo.Step("1. Pay IDR 150,000 to the seller's BCA account, reference " + ref)
	var resp xendit.Response
	payout, err := po.CreatePayout(ctx, params, xendit.WithIdempotencyKey(ref), xendit.CaptureResponse(&resp))
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	fmt.Printf("   Payout %s is %s (idempotency key %s).\n", payout.ID, payout.Status, resp.IdempotencyKey)

	demo.Step("2. A payout in PHP to an Indonesian bank is refused before sending")
	wrong := *params
	wrong.Currency = xendit.CurrencyPHP
	_, err = po.CreatePayout(ctx, &wrong)
	demo.Explain(err)

	if fake == nil {
		fmt.Println("\nDone. Xendit will call your Dashboard's payout callback URL once the bank answers.")
		return
	}
	callbacks := demo.Listen[payouts.Callback](fake)

	demo.Step("3. The bank credits the seller; Xendit calls back")
	if err := fake.CompletePayout(payout.ID); err != nil {
		log.Fatal(err)
	}
	cb := demo.Await(callbacks)
	fmt.Printf("   Callback %s: payout %s is %s.\n", cb.Event, cb.Payout.ReferenceID, cb.Payout.Status)

	demo.Step("4. The connection drops mid-request: the SDK sends it again with the same key")
	fake.InjectFault(xendittest.Fault{Method: "POST", Path: "/v2/payouts", Drop: true})
	second := *params
	second.ReferenceID = ref + "-b"
	resp = xendit.Response{}
	p2, err := po.CreatePayout(ctx, &second, xendit.CaptureResponse(&resp))
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	fmt.Printf("   Payout %s is %s after %d attempts with one key.\n", p2.ID, p2.Status, resp.Attempts)
	count(ctx, po, second.ReferenceID)

	demo.Step("5. Every attempt drops: the outcome is unknown, so reconcile by reference before paying again")
	attempts := xendit.DefaultRetryPolicy().MaxRetries + 1
	fake.InjectFault(xendittest.Fault{Method: "POST", Path: "/v2/payouts", Drop: true, Times: attempts})
	third := *params
	third.ReferenceID = ref + "-c"
	_, err = po.CreatePayout(ctx, &third)
	fmt.Printf("   %v\n   Outcome unknown: %v.\n", err, xendit.OutcomeUnknown(err))
	if xendit.OutcomeUnknown(err) {
		found := count(ctx, po, third.ReferenceID)
		if found == 0 {
			var xe *xendit.Error
			errors.As(err, &xe) // the same key: a payout made meanwhile is answered, not repeated
			key := xe.IdempotencyKey
			p3, err := po.CreatePayout(ctx, &third, xendit.WithIdempotencyKey(key))
			if err != nil {
				demo.Explain(err)
				os.Exit(1)
			}
			fmt.Printf("   None was made; paid now with the same key: %s is %s.\n", p3.ID, p3.Status)
			count(ctx, po, third.ReferenceID)
		}
	}
	fmt.Println("\nDone. Set XENDIT_SECRET_KEY to a test-mode key to create the payout at Xendit.")
}

// count prints and returns how many payouts carry reference ref.
func count(ctx context.Context, po *payouts.Client, ref string) int {
	page, err := po.ListPayouts(ctx, &payouts.ListPayoutsParams{ReferenceID: ref})
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	fmt.Printf("   Payouts with reference %s: %d.\n", ref, len(page.Data))
	return len(page.Data)
}
