// Package transactions reads the ledger of a Xendit account: every payment, disbursement, refund, transfer and remittance payout that moved money.
//
// The API reference: https://developers.xendit.co/api-reference/#transactions.
//
// [Client.Get] reads one transaction; [Client.List] reads one page;
// [Client.All] walks every page, fetching the next one only when the loop
// needs it:
//
//	for tx, err := range transactions.New(client).All(ctx, &transactions.ListParams{
//		Currency: xendit.CurrencyPHP,
//		Statuses: []transactions.Status{transactions.StatusSuccess},
//	}) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(tx.ID, tx.Amount)
//	}
//
// Currency is required by this package although the API makes it optional:
// without it Xendit answers with IDR transactions only and silently leaves
// out every other currency. Pass [xendit.CurrencyIDR] to mean exactly that.
//
// Pages follow a cursor: limit (1 to 50, default 10), after_id or before_id,
// and has_more. The reference orders them by creation time, newest first in
// its example. All pages forward from the last transaction of each page
// (after_id) and stops with [xendit.ErrPagination] rather than loop if the
// API hands back a cursor it already used; pass
// [xendit.CaptureResponse] to All to read each page's response (request
// id, rate limit) inside the loop. The multi-valued filters (types,
// statuses, channel_categories) go out as repeated query keys.
//
// The reference documents a page's links as an object; it is an array
// holding, while has_more is true, the relative href of the next page
// ([xendit.Link] with Rel "next").
//
// Transactions sends no callbacks, so the package has no callbacks.go.
package transactions
