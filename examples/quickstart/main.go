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
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/balance"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	client, fake := connect()
	if fake != nil {
		defer fake.Close()
	}
	balances := balance.New(client)

	step("1. Read the cash balance")
	var resp xendit.Response
	cash, err := balances.Get(ctx, &balance.GetParams{AccountType: xendit.Ptr(balance.AccountTypeCash)}, xendit.CaptureResponse(&resp))
	if err != nil {
		explain(err)
		os.Exit(1)
	}
	fmt.Printf("   Cash balance: %.2f\n", cash.Balance)
	fmt.Printf("   Xendit's request id for this call: %s (quote it to Xendit support)\n", resp.RequestID)
	if rl := resp.RateLimit; rl.Known() {
		fmt.Printf("   Rate limit: %d of %d requests left in this window, which resets in %.1fs\n",
			rl.Remaining, rl.Limit, rl.Reset.Seconds())
	}

	step("2. Read the holding balance (money received but not yet settled)")
	holding, err := balances.Get(ctx, &balance.GetParams{AccountType: xendit.Ptr(balance.AccountTypeHolding)})
	if err != nil {
		explain(err)
	} else {
		fmt.Printf("   Holding balance: %.2f\n", holding.Balance)
	}

	step("3. Bad input is caught before anything is sent")
	_, err = balances.Get(ctx, &balance.GetParams{AccountType: xendit.Ptr(balance.AccountType("SAVINGS"))})
	explain(err)

	if fake == nil {
		fmt.Println("\nDone. Run without XENDIT_SECRET_KEY to also see retries and errors on the fake server.")
		return
	}

	step("4. A passing failure is retried (the fake answers 503 once)")
	fake.InjectFault(xendittest.Fault{Path: "/balance", Status: 503})
	cash, err = balances.Get(ctx, nil, xendit.CaptureResponse(&resp))
	if err != nil {
		explain(err)
	} else {
		fmt.Printf("   Got %.2f after %d attempts: a read is safe to repeat, so the SDK retried it.\n", cash.Balance, resp.Attempts)
	}

	step("5. A wrong key is a typed error")
	wrong, err := xendit.New("xnd_development_this_key_does_not_exist", xendit.WithBaseURL(fake.URL))
	if err != nil {
		log.Fatal(err)
	}
	_, err = balance.New(wrong).Get(ctx, nil)
	explain(err)
	fmt.Println("\nDone. Set XENDIT_SECRET_KEY to a test-mode key to run the same steps against Xendit.")
}

// connect returns a client for real Xendit when XENDIT_SECRET_KEY is set,
// else for an in-process fake.
func connect() (*xendit.Client, *xendittest.Server) {
	if os.Getenv(xendit.EnvSecretKey) != "" {
		client, err := xendit.NewFromEnv()
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("Using Xendit at %s with the key in %s.\n", client.BaseURL(), xendit.EnvSecretKey)
		return client, nil
	}
	fake := xendittest.NewServer(xendittest.WithRateLimit(60, time.Minute)) // test mode's documented default
	fake.SetBalance(xendittest.Account{AccountType: "CASH", Currency: "IDR"}, 1_250_000)
	fake.SetBalance(xendittest.Account{AccountType: "HOLDING", Currency: "IDR"}, 75_000)
	client, err := xendit.New(xendittest.SecretKey, xendit.WithBaseURL(fake.URL))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s is not set, so this runs against a fake Xendit at %s (nothing leaves this machine).\n",
		xendit.EnvSecretKey, fake.URL)
	return client, fake
}

func step(s string) { fmt.Println("\n" + s) }

// explain prints an error the way an application would inspect it.
func explain(err error) {
	var (
		invalid *xendit.ValidationError
		apiErr  *xendit.Error
	)
	switch {
	case err == nil:
		fmt.Println("   No error.")
	case errors.As(err, &invalid):
		fmt.Printf("   Rejected before sending: field %q %s.\n", invalid.Field, invalid.Reason)
	case errors.Is(err, xendit.ErrUnauthorized) && errors.As(err, &apiErr):
		fmt.Printf("   Xendit answered %d %s: %s. Check the secret key.\n", apiErr.StatusCode, apiErr.Code, apiErr.Message)
	case errors.As(err, &apiErr):
		fmt.Printf("   Xendit answered %d %s: %s (request id %s).\n", apiErr.StatusCode, apiErr.Code, apiErr.Message, apiErr.RequestID)
	default:
		fmt.Printf("   The call failed: %v\n", err)
	}
}
