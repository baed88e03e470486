package xendittest

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
)

// The Disbursements model: a disbursement is PENDING when created, then
// COMPLETED or FAILED when a test plays the bank answering
// ([Server.CompleteDisbursement], [Server.FailDisbursement]); each sends the
// disbursement callback, the disbursement itself with no envelope, to the
// "disbursements" URL of its merchant ("ph_disbursements" for a PH_ bank
// code, as the Dashboard has a URL per country). A batch is UPLOADING when
// created; [Server.CompleteBatchDisbursement] plays its approval and
// transfer and sends the batch callback to "batch_disbursements". Creates
// replay the first answer for a repeated X-IDEMPOTENCY-KEY and refuse one
// with another body (idempotency.go).

// disbursementUserID is the business id ("user_id") of the fake's
// disbursements.
const disbursementUserID = "5785e6334d7b410667d355c4"

// disbursementBanks are the codes the fake disburses to, as Get Available
// Banks lists them.
var disbursementBanks = []map[string]any{
	{"name": "Bank Central Asia (BCA)", "code": "BCA", "can_disburse": true, "can_name_validate": true},
	{"name": "Bank Mandiri", "code": "MANDIRI", "can_disburse": true, "can_name_validate": true},
	{"name": "Bank Rakyat Indonesia (BRI)", "code": "BRI", "can_disburse": true, "can_name_validate": true},
	{"name": "Bank Negara Indonesia (BNI)", "code": "BNI", "can_disburse": true, "can_name_validate": true},
	{"name": "Bank Panin", "code": "PANIN", "can_disburse": true, "can_name_validate": true},
	{"name": "OVO", "code": "OVO", "can_disburse": true, "can_name_validate": false},
	{"name": "DANA", "code": "DANA", "can_disburse": true, "can_name_validate": false},
	{"name": "GoPay", "code": "GOPAY", "can_disburse": true, "can_name_validate": false},
	{"name": "Bank of the Philippine Islands", "code": "PH_BPI", "can_disburse": true, "can_name_validate": false},
	{"name": "GCash", "code": "PH_GCASH", "can_disburse": true, "can_name_validate": false},
}

// disbursementCallbackOnly are the fields the callback carries and the API
// answers do not.
var disbursementCallbackOnly = []string{"account_number", "created", "updated", "is_instant"}

func (s *Server) routeDisbursements() {
	s.model("disbursements.create", s.createDisbursement)
	s.model("disbursements.get", s.getDisbursement)
	s.model("disbursements.get_by_external_id", s.listDisbursementsByExternalID)
	s.model("disbursements.get_banks", func(c *call) { c.ok(disbursementBanks) })
	s.model("disbursements.create_batch", s.createBatchDisbursement)
}

func knownBank(code string) bool {
	return slices.ContainsFunc(disbursementBanks, func(b map[string]any) bool { return b["code"] == code })
}

func (s *Server) createDisbursement(c *call) {
	b := c.body
	bank, number := str(b, "bank_code"), str(b, "account_number")
	if !knownBank(bank) {
		c.fail(http.StatusBadRequest, "BANK_CODE_NOT_SUPPORTED_ERROR", "Destination bank code %q is not supported", bank)
		return
	}
	if bank == "BCA" && len(number) != 10 {
		c.fail(http.StatusBadRequest, "RECIPIENT_ACCOUNT_NUMBER_ERROR",
			"For transfers to BCA, account_number input needs to be 10 digits")
		return
	}
	amount, _ := num(b, "amount")
	now := stamp(c.now())
	d := map[string]any{
		"id": s.ids.hex24("disbursement"), "external_id": b["external_id"], "user_id": disbursementUserID,
		"bank_code": bank, "account_holder_name": b["account_holder_name"], "amount": amount,
		"disbursement_description": b["description"], "status": "PENDING",
		"account_number": number, "created": now, "updated": now, "is_instant": true,
	}
	for _, k := range []string{"email_to", "email_cc", "email_bcc"} {
		if v, ok := b[k]; ok {
			d[k] = v
		}
	}
	s.store.put("disbursements", c.account, d["id"].(string), d)
	c.ok(disbursementAnswer(d))
}

// disbursementAnswer is d as the API answers it, without the
// callback-only fields.
func disbursementAnswer(d map[string]any) map[string]any {
	for _, k := range disbursementCallbackOnly {
		delete(d, k)
	}
	return d
}

func (s *Server) getDisbursement(c *call) {
	if d, ok := s.store.get("disbursements", c.account, c.param("disbursement_id")); ok {
		c.ok(disbursementAnswer(d))
		return
	}
	c.notFound("DIRECT_DISBURSEMENT_NOT_FOUND_ERROR", "disbursement")
}

// listDisbursementsByExternalID answers a bare array, oldest first, and 404
// when nothing matches, as the reference documents.
func (s *Server) listDisbursementsByExternalID(c *call) {
	ext := c.query("external_id")
	p := s.store.list("disbursements", c.account, listQuery{oldest: true,
		match: func(d map[string]any) bool { return d["external_id"] == ext }})
	if len(p.items) == 0 {
		c.notFound("DIRECT_DISBURSEMENT_NOT_FOUND_ERROR", "disbursement")
		return
	}
	for _, d := range p.items {
		disbursementAnswer(d)
	}
	c.ok(p.items)
}

// CompleteDisbursement plays the bank confirming a PENDING disbursement: it
// becomes COMPLETED and its callback is delivered before the call returns
// (an error if the receiver did not answer 2xx after redeliveries).
func (s *Server) CompleteDisbursement(id string) error {
	return s.settleDisbursement(id, "COMPLETED", "")
}

// FailDisbursement plays a PENDING disbursement failing with code (for
// example INVALID_DESTINATION), and delivers its callback.
func (s *Server) FailDisbursement(id, code string) error {
	return s.settleDisbursement(id, "FAILED", code)
}

func (s *Server) settleDisbursement(id, status, code string) error {
	product := "disbursements"
	owner, _ := s.store.ownerOf("disbursements", id)
	if d, ok := s.store.get("disbursements", owner, id); ok && strings.HasPrefix(str(d, "bank_code"), "PH_") {
		product = "ph_disbursements"
	}
	return s.hook("disbursements", id, product, func(d map[string]any) (any, error) {
		if d["status"] != "PENDING" {
			return nil, fmt.Errorf("xendittest: disbursement %s is %s, not PENDING", id, d["status"])
		}
		d["status"], d["updated"] = status, stamp(s.clock.Now())
		if code != "" {
			d["failure_code"] = code
		}
		return d, nil
	})
}

// DisbursementIDs returns the ids of every account's disbursements, oldest
// first: what a test counts to prove a disbursement was made once.
func (s *Server) DisbursementIDs() []string { return s.idsOf("disbursements") }

// idsOf returns the ids of every account's objects in col, oldest first.
func (s *Server) idsOf(col string) []string {
	var ids []string
	for _, m := range s.store.list(col, "*", listQuery{oldest: true}).items {
		ids = append(ids, str(m, "id"))
	}
	return ids
}
