package xenplatform_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/balance"
	"github.com/seed19b1029f/xendit-go/xendittest"
	"github.com/seed19b1029f/xendit-go/xenplatform"
)

// A platform creates a sub-account, moves money to it with a transfer and
// reads its balance with for-user-id, against the fake server. A transfer
// whose outcome is unknown is looked up by its reference before it is sent
// again.
func Example() {
	srv := xendittest.NewServer()
	defer srv.Close()
	client, _ := srv.Client() // with a real key: xendit.New(os.Getenv("XENDIT_SECRET_KEY"))
	ctx := context.Background()
	xp := xenplatform.New(client)

	seller, err := xp.CreateAccount(ctx, &xenplatform.CreateAccountParams{
		Email:         "seller@example.com",
		Type:          xendit.Ptr(xenplatform.AccountTypeOwned),
		PublicProfile: &xenplatform.PublicProfile{BusinessName: "Angie's Lemonade"},
	})
	if err != nil {
		fmt.Println("create failed:", err)
		return
	}
	fmt.Println("account:", seller.Type, seller.Status)

	srv.SetBalance(xendittest.Account{Currency: "IDR"}, 100000) // the platform's money, on the fake
	params := &xenplatform.CreateTransferParams{Reference: "float-2024-01", Amount: 25000,
		SourceUserID: srv.PlatformUserID(""), DestinationUserID: seller.ID}
	tr, err := xp.CreateTransfer(ctx, params)
	if xendit.OutcomeUnknown(err) {
		// Never sent twice by the SDK: find out whether it was made.
		if tr, err = xp.GetTransferByReference(ctx, params.Reference); errors.Is(err, xendit.ErrNotFound) {
			tr, err = xp.CreateTransfer(ctx, params)
		}
	}
	if err != nil {
		fmt.Println("transfer failed:", err)
		return
	}
	fmt.Println("transfer:", tr.Reference, tr.Status)

	b, _ := balance.New(client).Get(ctx, nil, xendit.ForUserID(seller.ID))
	fmt.Println("seller's balance:", b.Balance)
	// Output:
	// account: OWNED LIVE
	// transfer: float-2024-01 SUCCESSFUL
	// seller's balance: 25000
}
