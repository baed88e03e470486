package xendittest

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// SNAP (Bank Indonesia's Standard Open API): every endpoint is a signed
// POST; errors are a 7-digit responseCode (HTTP status, service code,
// case). The fake checks the signature itself (snap_sign.go), keeps VAs,
// QR codes, direct debits and account bindings in the store, and signs
// the callbacks it sends to the "snap" URL.

// SNAPTestOTP is the one-time password the fake accepts for bindings and
// direct debits.
const SNAPTestOTP = "123456"

// snapState is how the fake verifies X-SIGNATURE.
type snapState struct {
	mu     sync.Mutex
	verify snapVerifier
}

// SetSNAPPublicKey makes the server verify X-SIGNATURE with pemKey, the
// public half of your own key pair, instead of the test key's.
func (s *Server) SetSNAPPublicKey(pemKey []byte) error {
	k, err := parsePublicKey(pemKey)
	if err != nil {
		return err
	}
	s.snp.mu.Lock()
	s.snp.verify = snapVerifier{public: k}
	s.snp.mu.Unlock()
	return nil
}

// SetSNAPClientSecret makes the server verify X-SIGNATURE as the symmetric
// scheme's HMAC-SHA512 with secret, for a client signing symmetrically.
func (s *Server) SetSNAPClientSecret(secret string) error {
	if secret == "" {
		return errors.New("xendittest: empty SNAP client secret")
	}
	s.snp.mu.Lock()
	s.snp.verify = snapVerifier{secret: []byte(secret)}
	s.snp.mu.Unlock()
	return nil
}

func (s *Server) routeSNAP() {
	s.snapModel("snap.create_va", s.snapCreateVA)
	s.snapModel("snap.inquire_va", s.snapVA(func(c *call, va map[string]any) { s.snapVAReply(c, va, "2002700") }))
	s.snapModel("snap.update_va", s.snapVA(s.snapUpdateVA))
	s.snapModel("snap.deactivate_va", s.snapVA(s.snapDeactivateVA))
	s.snapModel("snap.create_qr_mpm", s.snapCreateQR)
	s.snapModel("snap.inquire_qr_mpm", s.snapInquireQR)
	s.snapModel("snap.create_direct_debit_payment", s.snapCreateDebit)
	s.snapModel("snap.inquire_direct_debit_status", s.snapInquireDebit)
	s.snapModel("snap.refund_direct_debit", s.snapRefund)
	s.snapModel("snap.verify_otp_account_binding", s.snapVerifyOTP) // one path, told apart by the body's type
	s.snapModel("snap.verify_otp_direct_debit", s.snapVerifyOTP)
	s.snapModel("snap.create_account_binding", s.snapCreateBinding)
	s.snapModel("snap.inquire_account_binding", s.snapBinding(false))
	s.snapModel("snap.unbind_account", s.snapBinding(true))
}

// snapModel registers h behind the SNAP guard.
func (s *Server) snapModel(id string, h handler) {
	s.model(id, func(c *call) {
		if s.snapGuard(c) {
			if c.body == nil {
				c.body = map[string]any{}
			}
			h(c)
		}
	})
}

// snapTimestampLayouts are the X-TIMESTAMP layouts the fake accepts: the
// reference's yyyy-MM-ddTHH:mm:ssTZD, and its curl example's milliseconds.
var snapTimestampLayouts = []string{time.RFC3339, "2006-01-02T15:04:05.000Z07:00"}

// snapGuard checks the SNAP headers' values and the signature; the
// headers' presence is checked from the reference, as for every endpoint.
func (s *Server) snapGuard(c *call) bool {
	h := c.r.Header
	if !strings.HasPrefix(h.Get("Content-Type"), "application/json") {
		c.invalid("Content-Type must be application/json")
		return false
	}
	ts := h.Get("X-TIMESTAMP")
	parsed := false
	for _, layout := range snapTimestampLayouts {
		if _, err := time.Parse(layout, ts); err == nil {
			parsed = true
		}
	}
	switch {
	case !parsed:
		c.invalid("X-TIMESTAMP %q is not yyyy-MM-ddTHH:mm:ssTZD", ts)
		return false
	case len(h.Get("X-EXTERNAL-ID")) > 36:
		c.invalid("X-EXTERNAL-ID is longer than 36 characters")
		return false
	case h.Get("X-PARTNER-ID") != SNAPPartnerID:
		c.fail(http.StatusUnauthorized, "00", "Unauthorized. Unknown X-PARTNER-ID")
		return false
	}
	s.snp.mu.Lock()
	v := s.snp.verify
	s.snp.mu.Unlock()
	if v.verify(c.r.Method, c.r.URL.Path, c.raw, ts, h.Get("X-SIGNATURE")) != nil {
		c.fail(http.StatusUnauthorized, "00", "Unauthorized. Invalid signature")
		return false
	}
	return true
}

// snapAmount reads an amount object as the reference describes it, in
// sen; it answers and returns false when it is missing or malformed.
func snapAmount(c *call, field string, a map[string]any) (int64, bool) {
	if a == nil {
		c.missing(field)
		return 0, false
	}
	v := str(a, "value")
	dot := strings.Index(v, ".")
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || a["currency"] != "IDR" || dot < 0 || len(v)-dot != 3 {
		c.invalid("%s must be {value: \"10000.00\", currency: \"IDR\"}", field)
		return 0, false
	}
	return int64(f*100 + 0.5), true
}

// snapIDR is an IDR amount object for sen.
func snapIDR(sen int64) map[string]any {
	return map[string]any{"value": strconv.FormatInt(sen/100, 10) + "." + pad2(sen%100), "currency": "IDR"}
}

func pad2(n int64) string {
	if n < 10 {
		return "0" + strconv.FormatInt(n, 10)
	}
	return strconv.FormatInt(n, 10)
}

// snapAmountOutOfRange is HTTP 403 with the 401 prefix the reference's
// tables print for every 403 row.
func snapAmountOutOfRange(c *call) {
	c.reply(http.StatusForbidden, map[string]string{"responseCode": "401" + c.snapService + "23",
		"responseMessage": "The amount specified is either smaller or greater than supported by the channel."})
}

// snapMaxAmountSen is the largest amount the fake accepts for QR codes and
// direct debits: IDR 10,000,000 (QRIS's per-transaction limit).
const snapMaxAmountSen = 10_000_000_00

// snapResult is a success responseCode and message.
func snapResult(code, message string) map[string]any {
	return map[string]any{"responseCode": code, "responseMessage": message}
}

// snapStamp is t as SNAP writes times, in WIB.
func snapStamp(t time.Time) string { return t.In(wib).Format(snapTimestampLayout) }

// snapConflict answers a partnerReferenceNo used twice.
func snapConflict(c *call) {
	c.fail(http.StatusConflict, "01", "An object with the same reference already exists")
}

// deliverSNAP delivers a SNAP callback for a test hook, to owner.
func (s *Server) deliverSNAP(ctx context.Context, owner, typ string, payload any) error {
	return s.hooks.send(owner, "snap", snapCallback(typ, payload), true).wait(ctx, s.clock.manual)
}

// snapCallback is the body of a SNAP callback: its type, the payload, and
// the headers object the reference's examples carry inside the body.
func snapCallback(typ string, payload any) map[string]any {
	return map[string]any{"type": typ, "payload": payload,
		"headers": map[string]string{"x-partner-id": SNAPPartnerID, "channel-id": "XENDIT"}}
}

// lookup finds the object of col whose id, or whose field key, is ref.
func (s *Server) lookup(col, account, key, ref string) (map[string]any, bool) {
	if o, ok := s.store.get(col, account, ref); ok {
		return o, true
	}
	if ref == "" {
		return nil, false
	}
	p := s.store.list(col, account, listQuery{limit: 1, match: func(o map[string]any) bool { return o[key] == ref }})
	if len(p.items) == 0 {
		return nil, false
	}
	return p.items[0], true
}
