package xendittest

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/ewallets"
)

// paymentsState is what the eWallets and PayLater fakes keep.
type paymentsState struct {
	mu      sync.Mutex
	charges map[string]*ewallets.Charge
	refunds map[string][]*ewallets.Refund // by charge id, oldest first
	methods map[string]*ewallets.PaymentMethod
	owners  map[string]string // object id -> account
	pl      paylaterState
}

func newPaymentsState() *paymentsState {
	return &paymentsState{
		charges: make(map[string]*ewallets.Charge),
		refunds: make(map[string][]*ewallets.Refund),
		methods: make(map[string]*ewallets.PaymentMethod),
		owners:  make(map[string]string),
		pl:      newPaylaterState(),
	}
}

func (s *Server) payments() *paymentsState { return s.pay }

// paymentsBusinessID is the business id in the objects the payment fakes
// create.
const paymentsBusinessID = "5f27a14a9bf05c73dd040bc8"

// paymentID returns prefix and a random UUID.
func paymentID(prefix string) string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	h := hex.EncodeToString(b[:])
	return prefix + h[0:8] + "-" + h[8:12] + "-4" + h[13:16] + "-" + h[16:20] + "-" + h[20:32]
}

// CompleteEWalletCharge plays the customer authorizing a PENDING charge: it
// becomes SUCCEEDED and the ewallet.capture callback is delivered before
// the call returns (an error if the receiver did not answer 2xx after
// redeliveries).
func (s *Server) CompleteEWalletCharge(id string) error {
	return s.settleEWalletCharge(id, ewallets.ChargeSucceeded, "")
}

// FailEWalletCharge plays a PENDING charge failing with code (for example
// USER_DECLINED_PAYMENT), and delivers its ewallet.capture callback.
func (s *Server) FailEWalletCharge(id string, code string) error {
	return s.settleEWalletCharge(id, ewallets.ChargeFailed, ewallets.FailureCode(code))
}

func (s *Server) settleEWalletCharge(id string, status ewallets.ChargeStatus, code ewallets.FailureCode) error {
	st := s.payments()
	st.mu.Lock()
	c, ok := st.charges[id]
	if !ok {
		st.mu.Unlock()
		return fmt.Errorf("%w: charge %q", ErrNoSuchObject, id)
	}
	if c.Status != ewallets.ChargePending {
		st.mu.Unlock()
		return fmt.Errorf("xendittest: charge %s is %s, not PENDING", id, c.Status)
	}
	c.Status, c.FailureCode, c.Updated = status, code, s.now()
	if status == ewallets.ChargeSucceeded {
		c.PaymentDetail = &ewallets.PaymentDetail{FundSource: "BALANCE"}
	}
	payload := s.ewalletCallback(ewallets.EventCapture, *c)
	owner := st.owners[id]
	st.mu.Unlock()
	return s.deliverNow(owner, "ewallets", payload)
}

// ActivatePaymentMethod plays the customer authorizing an account link: the
// payment method becomes ACTIVE and payment_method.activated is delivered.
func (s *Server) ActivatePaymentMethod(id string) error {
	return s.setPaymentMethodStatus(id, ewallets.PaymentMethodActive, ewallets.EventPaymentMethodActivated)
}

// ExpirePaymentMethod plays the wallet ending an account link: the payment
// method becomes EXPIRED and payment_method.expiry.expired is delivered.
func (s *Server) ExpirePaymentMethod(id string) error {
	return s.setPaymentMethodStatus(id, ewallets.PaymentMethodExpired, ewallets.EventPaymentMethodExpired)
}

func (s *Server) setPaymentMethodStatus(id string, status ewallets.PaymentMethodStatus, event string) error {
	st := s.payments()
	st.mu.Lock()
	pm, ok := st.methods[id]
	if !ok {
		st.mu.Unlock()
		return fmt.Errorf("%w: payment method %q", ErrNoSuchObject, id)
	}
	pm.Status, pm.Updated = status, s.now()
	if status == ewallets.PaymentMethodActive && pm.EWallet != nil {
		pm.EWallet.Account = &ewallets.LinkedAccount{AccountDetails: "+62*****3123", Balance: xendit.Ptr(1_000_000.0)}
	}
	payload := ewallets.Callback{Event: event, BusinessID: paymentsBusinessID, Created: s.now(), PaymentMethod: clonePM(pm)}
	owner := st.owners[id]
	st.mu.Unlock()
	return s.deliverNow(owner, "ewallets", payload)
}

func clonePM(pm *ewallets.PaymentMethod) *ewallets.PaymentMethod {
	c := *pm
	if pm.EWallet != nil {
		e := *pm.EWallet
		c.EWallet = &e
	}
	return &c
}

func (s *Server) ewalletCallback(event string, c ewallets.Charge) ewallets.Callback {
	return ewallets.Callback{Event: event, BusinessID: paymentsBusinessID, Created: s.now(), Charge: &c}
}

func (s *Server) now() xendit.Time {
	return xendit.Time{Time: s.clock.Now().UTC().Truncate(time.Millisecond)}
}

func (s *Server) routeEWallets() {
	s.handle("ewallets.create_charge", s.createEWalletCharge)
	s.handle("ewallets.get_charge", s.withCharge(func(w http.ResponseWriter, _ *http.Request, _ *paymentsState, c *ewallets.Charge) {
		WriteJSON(w, http.StatusOK, c)
	}))
	s.handle("ewallets.void_charge", s.withCharge(s.voidEWalletCharge))
	s.handle("ewallets.create_refund", s.withCharge(s.refundEWalletCharge))
	s.handle("ewallets.get_refund", s.getEWalletRefund)
	s.handle("ewallets.list_refunds", s.withCharge(s.listEWalletRefunds))
	s.handle("ewallets.create_payment_method", s.createPaymentMethod)
	s.handle("ewallets.get_payment_method", s.withPaymentMethod(false))
	s.handle("ewallets.expire_payment_method", s.withPaymentMethod(true))
}

// readBody decodes a JSON body into v, answering 400 as Xendit does when it
// cannot.
func readBody(w http.ResponseWriter, r *http.Request, v any) bool {
	if err := json.NewDecoder(r.Body).Decode(v); err != nil {
		writeValidation(w, "request body is not valid JSON: %v", err)
		return false
	}
	return true
}

// writeInvalid answers 400 API_VALIDATION_ERROR with the SDK's own reason,
// which names the field as the API does.
func writeInvalid(w http.ResponseWriter, err error) {
	var ve *xendit.ValidationError
	if errors.As(err, &ve) {
		writeValidation(w, "%s %s", ve.Field, ve.Reason)
		return
	}
	writeValidation(w, "%v", err)
}

func (s *Server) createEWalletCharge(w http.ResponseWriter, r *http.Request) {
	var p ewallets.CreateChargeParams
	if !readBody(w, r, &p) {
		return
	}
	if cur, known := p.ChannelCode.Currency(); known && p.Currency != "" && p.Currency != cur {
		WriteError(w, http.StatusBadRequest, ewallets.CodeUnsupportedCurrency,
			"The payment currency request is not supported for this payment channel. Please refer to our API reference or docs to pick available currencies")
		return
	}
	if err := p.Validate(); err != nil {
		writeInvalid(w, err)
		return
	}
	st := s.payments()
	st.mu.Lock()
	defer st.mu.Unlock()
	c := &ewallets.Charge{
		ID: paymentID("ewc_"), BusinessID: paymentsBusinessID, ReferenceID: p.ReferenceID,
		Status: ewallets.ChargePending, Currency: p.Currency, ChargeAmount: p.Amount, CaptureAmount: p.Amount,
		CheckoutMethod: p.CheckoutMethod, ChannelCode: p.ChannelCode, ChannelProperties: p.ChannelProperties,
		CallbackURL: s.callbackURL(accountOf(r), "ewallets"), Created: s.now(), CaptureNow: true,
		Basket: p.Basket, Metadata: p.Metadata,
	}
	c.Updated = c.Created
	if p.CustomerID != nil {
		c.CustomerID = *p.CustomerID
	}
	if p.CheckoutMethod == ewallets.TokenizedPayment {
		pm, ok := st.methods[*p.PaymentMethodID]
		if !ok || pm.Status != ewallets.PaymentMethodActive {
			WriteError(w, http.StatusBadRequest, "INVALID_PAYMENT_METHOD_ID",
				"payment_method_id does not exist in this account or is not ACTIVE")
			return
		}
		c.PaymentMethodID, c.CustomerID = pm.ID, pm.CustomerID
		if c.ChannelCode == "" && pm.EWallet != nil {
			c.ChannelCode = ewallets.ChannelCode(string(pm.Country) + "_" + string(pm.EWallet.ChannelCode))
		}
	}
	if p.ChannelProperties != nil && p.ChannelProperties.SuccessRedirectURL != "" {
		base := s.URL + "/xendittest/checkout/" + c.ID
		c.IsRedirectRequired = true
		c.Actions = &ewallets.ChargeActions{
			DesktopWebCheckoutURL: base, MobileWebCheckoutURL: base + "?mobile=1",
			MobileDeeplinkCheckoutURL: "xendittest://checkout/" + c.ID,
		}
	}
	st.charges[c.ID] = c
	st.owners[c.ID] = accountOf(r)
	WriteJSON(w, http.StatusOK, c)
}

// withCharge looks up the charge in the path (404 DATA_NOT_FOUND as
// Xendit answers) and runs h with the state locked.
func (s *Server) withCharge(h func(http.ResponseWriter, *http.Request, *paymentsState, *ewallets.Charge)) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		st := s.payments()
		st.mu.Lock()
		defer st.mu.Unlock()
		c, ok := st.charges[r.PathValue("id")]
		if !ok {
			writeNotFound(w)
			return
		}
		h(w, r, st, c)
	}
}

func writeNotFound(w http.ResponseWriter) {
	WriteError(w, http.StatusNotFound, ewallets.CodeDataNotFound, "Resource not found. Please check your query again.")
}

// voidEWalletCharge answers with void_status PENDING, settles the void at
// once and sends ewallet.void in the background.
func (s *Server) voidEWalletCharge(w http.ResponseWriter, _ *http.Request, st *paymentsState, c *ewallets.Charge) {
	if c.Status != ewallets.ChargeSucceeded || c.CheckoutMethod != ewallets.OneTimePayment || c.VoidStatus != "" {
		WriteError(w, http.StatusForbidden, ewallets.CodeIneligibleTransaction,
			"Transaction is not eligible for void: the charge must be a SUCCEEDED one-time payment, voided on the same day")
		return
	}
	answer := *c
	answer.VoidStatus, answer.Updated = ewallets.VoidPending, s.now()
	c.Status, c.VoidStatus, c.VoidedAt, c.Updated = ewallets.ChargeVoided, ewallets.VoidSucceeded, s.now(), s.now()
	WriteJSON(w, http.StatusOK, answer)
	voided := *c
	voided.BusinessID = "" // the void callback's data has no business_id
	s.deliverLater(st.owners[c.ID], "ewallets", s.ewalletCallback(ewallets.EventVoid, voided))
}

// refundEWalletCharge checks the refund as Xendit documents, answers with a
// PENDING refund, settles it at once and sends ewallet.refund in the
// background.
func (s *Server) refundEWalletCharge(w http.ResponseWriter, r *http.Request, st *paymentsState, c *ewallets.Charge) {
	var p ewallets.CreateRefundParams
	if !readBody(w, r, &p) {
		return
	}
	if c.Status != ewallets.ChargeSucceeded && c.Status != ewallets.ChargeRefunded {
		WriteError(w, http.StatusForbidden, ewallets.CodeIneligibleTransaction,
			"Transaction is not eligible for refund: the charge is "+string(c.Status))
		return
	}
	refunded := 0.0
	if c.RefundedAmount != nil {
		refunded = *c.RefundedAmount
	}
	amount := c.CaptureAmount - refunded
	if p.Amount != nil {
		amount = *p.Amount
	}
	switch {
	case amount <= 0 && p.Amount != nil:
		writeValidation(w, "amount must be positive")
		return
	case amount > c.CaptureAmount-refunded || amount <= 0:
		WriteError(w, http.StatusBadRequest, ewallets.CodeMaximumRefundAmountReached,
			"The refund amount exceeds the remaining amount of the charge")
		return
	}
	reason := ewallets.ReasonOthers
	if p.Reason != nil {
		reason = *p.Reason
	}
	ref := &ewallets.Refund{
		ID: paymentID("ewr_"), ChargeID: c.ID, Status: ewallets.RefundPending, Currency: c.Currency,
		ChannelCode: c.ChannelCode, CaptureAmount: c.CaptureAmount, RefundAmount: amount, Reason: reason,
		Created: s.now(),
	}
	ref.Updated = ref.Created
	WriteJSON(w, http.StatusOK, ref)
	ref.Status, ref.Updated = ewallets.RefundSucceeded, s.now()
	st.refunds[c.ID] = append(st.refunds[c.ID], ref)
	c.RefundedAmount = xendit.Ptr(refunded + amount)
	c.Status, c.Updated = ewallets.ChargeRefunded, s.now()
	s.deliverLater(st.owners[c.ID], "ewallets", ewallets.Callback{Event: ewallets.EventRefund, BusinessID: paymentsBusinessID, Created: s.now(), Refund: xendit.Ptr(*ref)})
}

func (s *Server) getEWalletRefund(w http.ResponseWriter, r *http.Request) {
	st := s.payments()
	st.mu.Lock()
	defer st.mu.Unlock()
	for _, ref := range st.refunds[r.PathValue("charge_id")] {
		if ref.ID == r.PathValue("refund_id") {
			WriteJSON(w, http.StatusOK, ref)
			return
		}
	}
	writeNotFound(w)
}

func (s *Server) listEWalletRefunds(w http.ResponseWriter, r *http.Request, st *paymentsState, c *ewallets.Charge) {
	page, ok := refundPage(w, r, st.refunds[c.ID], func(ref *ewallets.Refund) string { return string(ref.Status) })
	if !ok {
		return
	}
	out := ewallets.RefundList{Data: make([]ewallets.Refund, 0, len(page.items)), HasMore: page.hasMore}
	for _, ref := range page.items {
		out.Data = append(out.Data, *ref)
	}
	WriteJSON(w, http.StatusOK, out)
}

type refundSlice[T any] struct {
	items   []T
	hasMore bool
}

// refundPage applies the limit (1 to 50, default 10) and status filter of
// the refund list endpoints.
func refundPage[T any](w http.ResponseWriter, r *http.Request, all []T, status func(T) string) (refundSlice[T], bool) {
	limit := 10
	if v := r.URL.Query().Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 50 {
			writeValidation(w, "limit must be a number between 1 and 50")
			return refundSlice[T]{}, false
		}
		limit = n
	}
	want := r.URL.Query().Get("status")
	var out refundSlice[T]
	for _, x := range all {
		if want != "" && status(x) != want {
			continue
		}
		if len(out.items) == limit {
			out.hasMore = true
			break
		}
		out.items = append(out.items, x)
	}
	return out, true
}

func (s *Server) createPaymentMethod(w http.ResponseWriter, r *http.Request) {
	var p ewallets.CreatePaymentMethodParams
	if !readBody(w, r, &p) {
		return
	}
	if err := p.Validate(); err != nil {
		writeInvalid(w, err)
		return
	}
	country := p.Country
	if country == "" {
		country = ewallets.Indonesia // only single-country wallets may omit it
		if p.EWallet.ChannelCode == ewallets.LinkMaya || p.EWallet.ChannelCode == ewallets.LinkGCash {
			country = ewallets.Philippines
		} else if p.EWallet.ChannelCode == ewallets.LinkTouchNGo {
			country = ewallets.Malaysia
		}
	}
	id := paymentID("pm-")
	t := xendit.Time{Time: s.clock.Now().UTC()} // nanoseconds, as Xendit sends here
	pm := &ewallets.PaymentMethod{
		ID: id, Type: "EWALLET", Country: country, BusinessID: paymentsBusinessID, CustomerID: p.CustomerID,
		ReferenceID: paymentID(""), Reusability: "MULTIPLE_USE", Status: ewallets.PaymentMethodRequiresAction,
		Actions: []ewallets.PaymentMethodAction{{
			Action: "AUTH", URL: s.URL + "/xendittest/link/" + id, URLType: "WEB", Method: http.MethodGet,
		}},
		Created: t, Updated: t, Metadata: p.Metadata,
		EWallet: &ewallets.LinkingEWallet{
			ChannelCode: p.EWallet.ChannelCode, ChannelProperties: p.EWallet.ChannelProperties,
			Account: &ewallets.LinkedAccount{},
		},
	}
	if p.ReferenceID != nil {
		pm.ReferenceID = *p.ReferenceID
	}
	if p.Description != nil {
		pm.Description = *p.Description
	}
	st := s.payments()
	st.mu.Lock()
	st.methods[id] = pm
	st.owners[id] = accountOf(r)
	answer := clonePM(pm)
	st.mu.Unlock()
	WriteJSON(w, http.StatusOK, answer)
}

// withPaymentMethod serves Get, or Unlink when expire is true (the payment
// method becomes EXPIRED; Xendit sends no callback for an unlink).
func (s *Server) withPaymentMethod(expire bool) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		st := s.payments()
		st.mu.Lock()
		defer st.mu.Unlock()
		pm, ok := st.methods[r.PathValue("id")]
		if !ok {
			WriteError(w, http.StatusNotFound, "DATA_NOT_FOUND_ERROR", "Payment method not found")
			return
		}
		if expire {
			pm.Status, pm.Updated = ewallets.PaymentMethodExpired, xendit.Time{Time: s.clock.Now().UTC()}
		}
		WriteJSON(w, http.StatusOK, pm)
	}
}
