// Package paylater takes buy-now-pay-later payments through Kredivo,
// Akulaku, Indodana and Atome in Indonesia, and BillEase, Cashalo and Atome
// in the Philippines.
//
// API reference: https://developers.xendit.co/api-reference/#paylater
//
// # Checkout in three steps
//
//  1. The customer, created with the customers package, must carry
//     given_names, surname, email, mobile_number and an address.
//  2. InitiatePlans sends the order: channel, currency, amount and items.
//     [InitiatePlansParams.Validate] (run by InitiatePlans) checks before
//     sending that the amount equals the items' total ([Total]; the API
//     answers "Amount Does Not Tally" otherwise), that the currency is the
//     channel's and the amount within its limits, and that Atome gets no
//     DISCOUNT item; a broken rule is a [*xendit.ValidationError] naming the
//     field. The plan lists the provider's installment options.
//  3. CreateCharge charges the plan: send the customer to the charge's
//     Actions URL before ExpiresAt. The paylater.payment callback (decode it
//     into a [Callback]) says SUCCEEDED or FAILED; GetCharge reads the same.
//     CancelCharge cancels a PENDING charge, with no callback.
//
// In code:
//
//	items := []paylater.OrderItem{{Type: paylater.ItemTypePhysicalProduct, ReferenceID: "SKU-42",
//		Name: "Rice cooker", NetUnitAmount: 450000, Quantity: 2,
//		URL: "https://shop.example/rice-cooker", Category: "Appliances"}}
//	plan, err := pl.InitiatePlans(ctx, &paylater.InitiatePlansParams{CustomerID: customerID,
//		ChannelCode: paylater.ChannelKredivo, Currency: xendit.CurrencyIDR,
//		Amount: paylater.Total(items), OrderItems: items})
//	...
//	charge, err := pl.CreateCharge(ctx, &paylater.CreateChargeParams{PlanID: plan.ID,
//		ReferenceID: "order-77-attempt-1", SuccessRedirectURL: okURL, FailureRedirectURL: failedURL})
//
// and in the function of the root package's webhook handler:
//
//	var cb paylater.Callback
//	if err := event.Decode(&cb); err != nil {
//		return err
//	}
//	if cb.Event == paylater.EventPayment && cb.Data.Status.Succeeded() {
//		return markPaid(ctx, cb.Data.ReferenceID)
//	}
//
// # Refunds
//
// CreateRefund returns all or part of a SUCCEEDED charge; providers differ
// (BillEase full refunds only, Kredivo within 14 days, Indodana 30).
//
//	refund, err := pl.CreateRefund(ctx, charge.ID, &paylater.CreateRefundParams{
//		Reason: xendit.Ptr(paylater.RefundReasonChangeOfMind),
//	})
//
// ListRefunds returns one page of a charge's refunds ([xendit.Page]) and
// AllRefunds every one of them, lazily. The reference documents limit (1 to
// 50) and status for this list, and has_more in its answer, but no cursor:
// there is no way to ask for the refunds after a page. So AllRefunds asks
// for one page of 50, the most the API returns (or of params.Limit when set);
// should that page still say has_more, the loop gets its refunds and then
// an error wrapping [xendit.ErrPagination], rather than refunds silently
// missing.
//
// # Retries and unknown outcomes: reconcile by reference_id
//
// PayLater documents no idempotency header. The SDK therefore repeats a POST
// only when it surely was not processed (429, or a connection that could not
// be opened), never after a 5xx, a timeout or a connection dropped after
// sending. When [xendit.OutcomeUnknown] is true for CreateCharge's error a
// charge may exist, and there is no lookup by reference_id:
//
//  1. Store a reference_id per attempt before calling.
//  2. On an unknown outcome do not charge again at once: a charge that was
//     created but whose checkout URL the customer never saw stays PENDING
//     until ExpiresAt and then fails, and its paylater.payment callback
//     carries your reference_id.
//  3. Start a new attempt with a new plan and a new reference_id, match
//     callbacks to orders by Data.ReferenceID, and refund a SUCCEEDED charge
//     for an attempt you abandoned.
//
// For CreateRefund, list the charge's refunds before refunding again.
//
// # Trying it
//
// `go run ./examples/paylater-checkout` runs a Kredivo checkout, its
// callback and a refund offline against xendittest, which plays the
// customer (CompletePayLaterCharge, FailPayLaterCharge) and delivers the
// callback to your handler.
package paylater
