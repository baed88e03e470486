package xendittest

import (
	"context"
	"crypto/rsa"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"

	"strings"
	"sync"
	"time"

	"github.com/seed19b1029f/xendit-go/snap"
)

// SNAPTestOTP is the one-time password the fake accepts for bindings and
// direct debits.
const SNAPTestOTP = "123456"

// snapState is what the SNAP fake keeps.
type snapState struct {
	mu       sync.Mutex
	verify   snapVerifier
	vas      map[string]*snap.VA     // by trxId
	qrs      map[string]*snapQR      // by referenceNo and partnerReferenceNo
	debits   map[string]*snapDebit   // by referenceNo and partnerReferenceNo
	bindings map[string]*snapBinding // by payment method id and partnerReferenceNo
	refunds  map[string]*snap.RefundResponse
	owners   map[string]string // object key -> account
}

func newSNAPState(merchant *rsa.PublicKey) *snapState {
	return &snapState{
		verify: snapVerifier{public: merchant},
		vas:    map[string]*snap.VA{}, qrs: map[string]*snapQR{}, debits: map[string]*snapDebit{},
		bindings: map[string]*snapBinding{}, refunds: map[string]*snap.RefundResponse{},
		owners: map[string]string{},
	}
}

func (s *Server) snap() *snapState { return s.snp }

// SetSNAPPublicKey makes the server verify X-SIGNATURE with pemKey, the
// public half of your own key pair, instead of the test key's.
func (s *Server) SetSNAPPublicKey(pemKey []byte) error {
	k, err := parsePublicKey(pemKey)
	if err != nil {
		return err
	}
	st := s.snap()
	st.mu.Lock()
	st.verify = snapVerifier{public: k}
	st.mu.Unlock()
	return nil
}

// SetSNAPClientSecret makes the server verify X-SIGNATURE as the symmetric
// scheme's HMAC-SHA512 with secret, for a client signing symmetrically.
func (s *Server) SetSNAPClientSecret(secret string) error {
	if secret == "" {
		return errors.New("xendittest: empty SNAP client secret")
	}
	st := s.snap()
	st.mu.Lock()
	st.verify = snapVerifier{secret: []byte(secret)}
	st.mu.Unlock()
	return nil
}

// snapService is each endpoint's service code, for the codes the fake sends.
var snapService = map[string]string{
	"snap.create_account_binding": "07", "snap.inquire_account_binding": "08", "snap.unbind_account": "08",
	"snap.verify_otp": "04", "snap.create_va": "27", "snap.inquire_va": "30", "snap.update_va": "28",
	"snap.deactivate_va": "31", "snap.create_qr": "47", "snap.inquire_qr": "51",
	"snap.create_direct_debit": "54", "snap.inquire_direct_debit": "55", "snap.refund_direct_debit": "58",
}

// snapFail is a SNAP error the handlers return: HTTP status, the code's
// prefix as the reference prints it, case and message.
type snapFail struct {
	status      int
	prefix, cse string
	message     string
}

func (f *snapFail) Error() string { return f.message }

func snapErr(status int, cse, format string, args ...any) *snapFail {
	return &snapFail{status: status, prefix: fmt.Sprint(status), cse: cse, message: fmt.Sprintf(format, args...)}
}

func snapMissing(field string) *snapFail {
	return snapErr(http.StatusBadRequest, "02", "Missing mandatory field or header: %s", field)
}

func snapInvalid(format string, args ...any) *snapFail {
	return snapErr(http.StatusBadRequest, "01", "Invalid field format: "+format, args...)
}

// snapAmountOutOfRange is HTTP 403 with the 401 prefix the reference's
// tables print for every 403 row.
func snapAmountOutOfRange() *snapFail {
	return &snapFail{status: http.StatusForbidden, prefix: "401", cse: "23",
		message: "The amount specified is either smaller or greater than supported by the channel."}
}

// snapMaxAmountSen is the largest amount the fake accepts for QR codes and
// direct debits: IDR 10,000,000 (QRIS's per-transaction limit).
const snapMaxAmountSen = 10_000_000_00

// routeSNAP serves the SNAP endpoints. Every request first passes the
// header and signature checks of snapGuard.
func (s *Server) routeSNAP() {
	s.snapHandle("snap.create_va", s.snapCreateVA)
	s.snapHandle("snap.inquire_va", s.snapInquireVA)
	s.snapHandle("snap.update_va", s.snapUpdateVA)
	s.snapHandle("snap.deactivate_va", s.snapDeactivateVA)
	s.snapHandle("snap.create_qr", s.snapCreateQR)
	s.snapHandle("snap.inquire_qr", s.snapInquireQR)
	s.snapHandle("snap.create_direct_debit", s.snapCreateDebit)
	s.snapHandle("snap.inquire_direct_debit", s.snapInquireDebit)
	s.snapHandle("snap.refund_direct_debit", s.snapRefund)
	s.snapHandle("snap.verify_otp", s.snapVerifyOTP)
	s.snapHandle("snap.create_account_binding", s.snapCreateBinding)
	s.snapHandle("snap.inquire_account_binding", s.snapInquireBinding)
	s.snapHandle("snap.unbind_account", s.snapUnbind)
}

// snapHandler decodes nothing itself: it gets the raw body and returns the
// success status and body, or a *snapFail.
type snapHandler func(st *snapState, body []byte) (int, any, error)

func (s *Server) snapHandle(id string, h snapHandler) {
	svc := snapService[id]
	s.conflicts[id] = func(w http.ResponseWriter) {
		WriteJSON(w, http.StatusConflict, snap.Result{ResponseCode: "409" + svc + "00",
			ResponseMessage: "The same X-EXTERNAL-ID token has been used within the last 24 hours"})
	}
	s.handle(id, func(w http.ResponseWriter, r *http.Request) {
		st := s.snap()
		body, _ := io.ReadAll(r.Body)
		err := st.guard(r, body)
		status, out := 0, any(nil)
		if err == nil {
			status, out, err = h(st, body)
		}
		var f *snapFail
		switch {
		case errors.As(err, &f):
			WriteJSON(w, f.status, snap.Result{ResponseCode: f.prefix + svc + f.cse, ResponseMessage: f.message})
		case err != nil:
			WriteJSON(w, http.StatusInternalServerError, snap.Result{ResponseCode: "500" + svc + "00", ResponseMessage: "General Error"})
		default:
			WriteJSON(w, status, out)
		}
	})
}

// snapTimestampLayouts are the X-TIMESTAMP layouts the fake accepts: the
// reference's yyyy-MM-ddTHH:mm:ssTZD, and its curl example's milliseconds.
var snapTimestampLayouts = []string{time.RFC3339, "2006-01-02T15:04:05.000Z07:00"}

// guard checks the SNAP headers and the signature, as the reference's
// header tables require them on every endpoint.
func (st *snapState) guard(r *http.Request, body []byte) error {
	for _, h := range []string{snap.HeaderTimestamp, snap.HeaderPartnerID, snap.HeaderExternalID,
		snap.HeaderChannelID, snap.HeaderSignature} {
		if r.Header.Get(h) == "" {
			return snapMissing(h)
		}
	}
	if !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		return snapInvalid("Content-Type must be application/json")
	}
	ts := r.Header.Get(snap.HeaderTimestamp)
	ok := false
	for _, layout := range snapTimestampLayouts {
		if _, err := time.Parse(layout, ts); err == nil {
			ok = true
		}
	}
	if !ok {
		return snapInvalid("X-TIMESTAMP %q is not yyyy-MM-ddTHH:mm:ssTZD", ts)
	}
	if len(r.Header.Get(snap.HeaderExternalID)) > 36 {
		return snapInvalid("X-EXTERNAL-ID is longer than 36 characters")
	}
	if r.Header.Get(snap.HeaderPartnerID) != SNAPPartnerID {
		return snapErr(http.StatusUnauthorized, "00", "Unauthorized. Unknown X-PARTNER-ID")
	}
	st.mu.Lock()
	verify := st.verify
	st.mu.Unlock()
	if verify.verify(r.Method, r.URL.Path, body, ts, r.Header.Get(snap.HeaderSignature)) != nil {
		return snapErr(http.StatusUnauthorized, "00", "Unauthorized. Invalid signature")
	}
	return nil
}

// snapDecode reads body into v, strictly typed.
func snapDecode(body []byte, v any) error {
	if err := json.Unmarshal(body, v); err != nil {
		return snapErr(http.StatusBadRequest, "00", "Generic parsing error: %v", err)
	}
	return nil
}

// snapAmount checks an amount as the reference describes it.
func snapAmount(field string, a *snap.Amount) (int64, error) {
	if a == nil {
		return 0, snapMissing(field)
	}
	sen, err := a.Sen()
	if err != nil || a.Currency != snap.CurrencyIDR || !strings.Contains(a.Value, ".") || len(a.Value)-strings.Index(a.Value, ".") != 3 {
		return 0, snapInvalid("%s must be {value: \"10000.00\", currency: \"IDR\"}", field)
	}
	return sen, nil
}

func snapNow() snap.Time { return snap.Time{Time: time.Now().In(snap.WIB).Truncate(time.Second)} }

// deliverSNAP delivers a SNAP callback for a test hook.
func (s *Server) deliverSNAP(ctx context.Context, typ string, payload any) error {
	return s.hooks.send(s.account(""), "snap", snapCallback(typ, payload), true).wait(ctx, s.clock.manual)
}

// snapCallback is the body of a SNAP callback: its type, the payload, and
// the headers object the reference's examples carry inside the body.
func snapCallback(typ string, payload any) map[string]any {
	return map[string]any{"type": typ, "payload": payload,
		"headers": map[string]string{"x-partner-id": SNAPPartnerID, "channel-id": "XENDIT"}}
}
