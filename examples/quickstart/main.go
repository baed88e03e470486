// Quickstart reads your Xendit balance and shows how the SDK reports what
// happened: request ids, rate limits, retries and errors.
//
//	go run ./examples/quickstart
//
// With XENDIT_SECRET_KEY set it talks to Xendit (use a test-mode key, which
// starts with xnd_development_). Without it, it starts an in-process fake
// Xendit from the xendittest package, so it runs offline with no account.
package main

import (
	"fmt"
	"log"
	"os"
	"time"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/balance"
	"github.com/seed19b1029f/xendit-go/examples/internal/demo"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

func main() {
	// Without XENDIT_SECRET_KEY: a fake with test mode's documented rate
	// limit and two balances to read. demo.Config.Start shows how a program
	// chooses between Xendit and the fake.
	ctx, client, fake, stop := demo.Config{Fake: []xendittest.Option{xendittest.WithRateLimit(60, time.Minute)}}.Start()
	defer stop()
	if fake != nil {
		fake.SetBalance(xendittest.Account{AccountType: "CASH", Currency: "IDR"}, 1_250_000)
		fake.SetBalance(xendittest.Account{AccountType: "HOLDING", Currency: "IDR"}, 75_000)
	}
	balances := balance.New(client)

	demo.Step("1. Read the cash balance")
	var resp xendit.Response
	cash, err := balances.Get(ctx, &balance.GetParams{AccountType: xendit.Ptr(balance.AccountTypeCash)}, xendit.CaptureResponse(&resp))
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	fmt.Printf("   Cash balance: %.2f\n", cash.Balance)
	fmt.Printf("   Xendit's request id for this call: %s (quote it to Xendit support)\n", resp.RequestID)
	if rl := resp.RateLimit; rl.Known() {
		fmt.Printf("   Rate limit: %d of %d requests left in this window, which resets in %.1fs\n",
			rl.Remaining, rl.Limit, rl.Reset.Seconds())
	}

	demo.Step("2. Read the holding balance (money received but not yet settled)")
	holding, err := balances.Get(ctx, &balance.GetParams{AccountType: xendit.Ptr(balance.AccountTypeHolding)})
	if err != nil {
		demo.Explain(err)
	} else {
		fmt.Printf("   Holding balance: %.2f\n", holding.Balance)
	}

	demo.Step("3. Bad input is caught before anything is sent")
	_, err = balances.Get(ctx, &balance.GetParams{AccountType: xendit.Ptr(balance.AccountType("SAVINGS"))})
	demo.Explain(err)

	if fake == nil {
		fmt.Println("\nDone. Run without XENDIT_SECRET_KEY to also see retries and errors on the fake server.")
		return
	}

	demo.Step("4. A passing failure is retried (the fake answers 503 once)")
	fake.InjectFault(xendittest.Fault{Path: "/balance", Status: 503})
	cash, err = balances.Get(ctx, nil, xendit.CaptureResponse(&resp))
	if err != nil {
		demo.Explain(err)
	} else {
		fmt.Printf("   Got %.2f after %d attempts: a read is safe to repeat, so the SDK retried it.\n", cash.Balance, resp.Attempts)
	}

	demo.Step("5. A wrong key is a typed error")
	wrong, err := xendit.New("xnd_development_this_key_does_not_exist", xendit.WithBaseURL(fake.URL))
	if err != nil {
		log.Fatal(err)
	}
	_, err = balance.New(wrong).Get(ctx, nil)
	demo.Explain(err)
	fmt.Println("\nDone. Set XENDIT_SECRET_KEY to a test-mode key to run the same steps against Xendit.")
}
