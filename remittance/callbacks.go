package remittance

import "github.com/seed19b1029f/xendit-go/internal/product"

// The events of the cross-border payout callback, one per status change
// Xendit reports.
const (
	// EventPendingComplianceAssessment: the payout is under compliance
	// review; Xendit may ask you for more information by email.
	EventPendingComplianceAssessment = "remittance_payout.pending_compliance_assessment"
	// EventComplianceRejected: compliance refused the payout.
	EventComplianceRejected = "remittance_payout.compliance_rejected"
	// EventFailed: the payout failed; see FailureCode.
	EventFailed = "remittance_payout.failed"
	// EventSucceeded: the money reached the recipient's channel.
	EventSucceeded = "remittance_payout.succeeded"
	// EventReady: sent to the channel; for cash, ready for pick-up with
	// DisbursementCode.
	EventReady = "remittance_payout.ready"
	// EventLocked: cash pick-up in progress; it can no longer be
	// cancelled.
	EventLocked = "remittance_payout.locked"
	// EventExpired: a cash payout was not picked up in time.
	EventExpired = "remittance_payout.expired"
)

// Callback is a cross-border payout callback: the payout itself, flat,
// with the event that reports its new status and, for
// remittance_payout.ready, the cash pick-up code:
//
//	var cb remittance.Callback
//	if err := event.Decode(&cb); err != nil { // event is a *xendit.WebhookEvent
//		return err
//	}
//	switch {
//	case cb.Status.Succeeded():
//		// mark cb.ReferenceID paid
//	case cb.Status.Failed():
//		// cb.FailureCode says whether a new payout may work
//	}
//
// Switch on Status rather than Event: the reference's own failed example
// is labelled remittance_payout.succeeded (see the package doc).
type Callback struct {
	Event string `json:"event"`
	Payout
	// DisbursementCode is the code the recipient of a cash payout presents
	// at pick-up: share it with them. Only in remittance_payout.ready.
	DisbursementCode string `json:"disbursement_code,omitempty"`
}

// ParseCallback decodes a callback body, as an alternative to
// WebhookEvent.Decode. It does not verify the x-callback-token: the root
// package's webhook handler does that before a body gets here.
func ParseCallback(body []byte) (*Callback, error) {
	return product.ParseCallback[Callback](body)
}
