package balance_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/balance"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

func Example() {
	// A fake Xendit for the example; use xendit.New(secretKey) for real.
	srv := xendittest.NewServer()
	defer srv.Close()
	srv.SetBalance(xendittest.Account{Currency: "IDR"}, 1_241_231)
	client, err := xendit.New(xendittest.SecretKey, xendit.WithBaseURL(srv.URL))
	if err != nil {
		panic(err)
	}

	bal, err := balance.New(client).Get(context.Background(), &balance.GetParams{AccountType: xendit.Ptr(balance.AccountTypeCash), Currency: xendit.Ptr(xendit.CurrencyIDR)})
	var xe *xendit.Error
	switch {
	case errors.As(err, &xe):
		fmt.Println("Xendit said no:", xe.Code, "request", xe.RequestID)
	case err != nil:
		fmt.Println("call failed:", err)
	default:
		fmt.Printf("cash balance: IDR %.0f\n", bal.Balance)
	}
	// Output: cash balance: IDR 1241231
}
