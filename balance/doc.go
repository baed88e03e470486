// Package balance reads the balance of a Xendit account, per account type and currency.
//
// The API reference: https://developers.xendit.co/api-reference/#get-balance.
//
// The balance is debited by money going out (disbursements, fees) and
// credited by money coming in (paid invoices, deposits). A multi-currency
// account must name the currency; a xenPlatform master account reads a
// sub-account's balance with [xendit.ForUserID]:
//
//	bal, err := balance.New(client).Get(ctx, &balance.GetParams{
//		AccountType: xendit.Ptr(balance.AccountTypeCash),
//		Currency:    xendit.Ptr(xendit.CurrencyIDR),
//	}, xendit.ForUserID(subAccountID))
//
// Every field of [GetParams] is optional, so [Client.Get] takes nil params
// (the CASH balance of the account's only currency), as a list does; other
// product methods refuse nil params.
//
// Amounts are float64 (see [xendit.Currency] for when that is exact): IDR
// balances are whole numbers, PHP, USD and others can have fractions.
//
// Balance sends no callbacks, so the package has no callbacks.go.
package balance
