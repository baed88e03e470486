package xendittest

import (
	"fmt"
	"net/http"
	"slices"
)

// maxBatchItems is Create Batch Disbursement's limit.
const maxBatchItems = 1000

// batchApproverID is the Dashboard user who approves the fake's batches.
const batchApproverID = "5a64e82070dd16331f65cd6d"

func (s *Server) createBatchDisbursement(c *call) {
	items, _ := c.body["disbursements"].([]any)
	if len(items) > maxBatchItems {
		c.fail(http.StatusBadRequest, "BATCH_DISBURSEMENT_MAXIMUM_ROWS_LIMIT_EXCEEDED_ERROR",
			"Request failed because the disbursements contain more than %d items.", maxBatchItems)
		return
	}
	now := stamp(c.now())
	total := 0.0
	stored := make([]any, 0, len(items))
	for _, it := range items {
		m, _ := it.(map[string]any)
		amount, _ := num(m, "amount")
		total += amount
		item := map[string]any{"id": s.ids.hex24("batch_item"), "created": now, "updated": now,
			"external_id": m["external_id"], "amount": amount, "bank_code": m["bank_code"],
			"bank_account_number": m["bank_account_number"], "bank_account_name": m["bank_account_name"],
			"description": m["description"], "status": "PENDING"}
		// The callback sends each email field as one string.
		for _, k := range []string{"email_to", "email_cc", "email_bcc"} {
			if list, ok := m[k].([]any); ok && len(list) > 0 {
				item[k] = list[0]
			}
		}
		stored = append(stored, item)
	}
	batch := map[string]any{"id": s.ids.hex24("batch"), "created": now, "reference": c.body["reference"],
		"total_uploaded_amount": total, "total_uploaded_count": len(items), "status": "UPLOADING"}
	answer := deepCopy(batch)
	batch["disbursements"] = stored
	s.store.put("batch_disbursements", c.account, batch["id"].(string), batch)
	c.ok(answer)
}

// CompleteBatchDisbursement plays an UPLOADING batch being approved and
// transferred: every item is COMPLETED but those at the indexes failed,
// which fail with INVALID_DESTINATION. The batch becomes COMPLETED (no
// failure), FAILED (all failed) or CHECK (some), and its callback is
// delivered before the call returns.
func (s *Server) CompleteBatchDisbursement(id string, failed ...int) error {
	return s.hook("batch_disbursements", id, "batch_disbursements", func(b map[string]any) (any, error) {
		if b["status"] != "UPLOADING" {
			return nil, fmt.Errorf("xendittest: batch %s is %s, not UPLOADING", id, b["status"])
		}
		now := stamp(s.clock.Now())
		items, _ := b["disbursements"].([]any)
		var paidN, errN int
		var paid, errs float64
		for i, it := range items {
			m := it.(map[string]any)
			amount, _ := num(m, "amount")
			m["updated"] = now
			if slices.Contains(failed, i) {
				m["status"], m["failure_code"] = "FAILED", "INVALID_DESTINATION"
				m["failure_message"] = "The destination account is unregistered or blocked"
				errN, errs = errN+1, errs+amount
				continue
			}
			m["status"], m["valid_name"], m["bank_reference"] = "COMPLETED", m["bank_account_name"], fmt.Sprintf("%06d", i+1)
			paidN, paid = paidN+1, paid+amount
		}
		status := "CHECK"
		switch {
		case errN == 0:
			status = "COMPLETED"
		case paidN == 0:
			status = "FAILED"
		}
		b["status"], b["updated"], b["approved_at"], b["approver_id"] = status, now, now, batchApproverID
		b["user_id"] = disbursementUserID
		b["total_disbursed_count"], b["total_disbursed_amount"] = paidN, paid
		b["total_error_count"], b["total_error_amount"] = errN, errs
		return b, nil
	})
}

// BatchDisbursementIDs returns the ids of every account's batches, oldest
// first.
func (s *Server) BatchDisbursementIDs() []string { return s.idsOf("batch_disbursements") }
