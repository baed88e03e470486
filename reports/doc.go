// Package reports generates account reports (balance history, transactions) as CSV files, and tells when they are ready.
//
// The API reference: https://developers.xendit.co/api-reference/#reports.
//
// Generating is asynchronous: [Client.Generate] answers 201 with a PENDING report,
// and Xendit fills in its URL when it is COMPLETED. There are two ways to
// learn that.
//
// The callback is the better way: Xendit POSTs reports.completed or
// reports.failed, with the report's fields, to the URL set in Dashboard >
// Settings > Webhooks. The root's [xendit.NewWebhookHandler] checks the
// token and drops repeats; decode the event into a [Callback] there (or
// decode a raw body with [ParseCallback]):
//
//	handler, err := xendit.NewWebhookHandler(func(ctx context.Context, e *xendit.WebhookEvent) error {
//		if e.Event != reports.EventCompleted && e.Event != reports.EventFailed {
//			return nil
//		}
//		var cb reports.Callback
//		if err := e.Decode(&cb); err != nil {
//			return err
//		}
//		return saveReportURL(ctx, cb.ID, cb.URL)
//	}, ...)
//
// To test such a handler, xendittest's Server.SetCallbacks makes the
// fake deliver these callbacks, with x-callback-token and webhook-id, when a
// report completes or fails; go run ./examples/reports shows it end to end.
//
// Polling is the fallback: [Client.Wait] calls Get with backoff until the
// report is no longer PENDING or the context ends. Each poll spends a
// request from Get's rate limit. [Status.Succeeded] (COMPLETED),
// [Status.Pending] and [Status.Failed] answer the one question a caller
// asks of a report or a callback.
//
// A report's URL is a pre-signed link valid for 24 hours: download it with a
// plain HTTP GET (no Xendit credentials), and generate a new report after
// that. The range of a report must be under 31 days (400
// INVALID_DATE_RANGE otherwise), which Generate checks before sending.
//
// Generate has no idempotency header, so it is never retried after an
// ambiguous failure: a retry could create a second report. When
// [xendit.OutcomeUnknown] says a Generate may have reached Xendit, wait for
// its callback (or generate again: a second report costs nothing but a
// request).
//
// Currency is required by this package although the API defaults it to
// IDR, for the reason the transactions package gives: a report of the wrong
// currency looks like an empty one.
package reports
