package xendittest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"runtime"
	"strconv"
	"sync"
	"time"
	"weak"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/ewallets"
)

// paymentsState is what the eWallets and PayLater fakes keep. Like the
// other products' state it hangs off the Server through a weak registry, so
// it goes away with the Server.
type paymentsState struct {
	mu       sync.Mutex
	ewallet  callbackTarget
	paylater callbackTarget
	charges  map[string]*ewallets.Charge
	refunds  map[string][]*ewallets.Refund // by charge id, oldest first
	methods  map[string]*ewallets.PaymentMethod
	pl       paylaterState
	inflight sync.WaitGroup // callbacks being delivered in the background
}

// callbackTarget is a Dashboard callback URL and the account's verification
// token.
type callbackTarget struct{ url, token string }

var paymentsStates sync.Map // weak.Pointer[Server] -> *paymentsState

func (s *Server) payments() *paymentsState {
	wp := weak.Make(s)
	if st, ok := paymentsStates.Load(wp); ok {
		return st.(*paymentsState)
	}
	st, loaded := paymentsStates.LoadOrStore(wp, &paymentsState{
		charges: make(map[string]*ewallets.Charge),
		refunds: make(map[string][]*ewallets.Refund),
		methods: make(map[string]*ewallets.PaymentMethod),
		pl:      newPaylaterState(),
	})
	if !loaded {
		runtime.AddCleanup(s, func(wp weak.Pointer[Server]) { paymentsStates.Delete(wp) }, wp)
	}
	return st.(*paymentsState)
}

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

// SetEWalletCallbackURL makes the server deliver ewallet.* and
// payment_method.* callbacks to url, with token in x-callback-token, as the
// Dashboard's eWallet callback settings do. Without it no callback is sent.
func (s *Server) SetEWalletCallbackURL(url, token string) {
	st := s.payments()
	st.mu.Lock()
	st.ewallet = callbackTarget{url, token}
	st.mu.Unlock()
}

// WaitCallbacks waits until the callbacks the server sends on its own (after
// a void or a refund, or a report that finished by itself) have been
// delivered or given up.
func (s *Server) WaitCallbacks() { s.payments().inflight.Wait() }

// ErrNoSuchObject is returned by the test hooks for an unknown id.
var ErrNoSuchObject = errors.New("xendittest: no such object")

// CompleteEWalletCharge plays the customer authorizing a PENDING charge: it
// becomes SUCCEEDED and the ewallet.capture callback is delivered before
// the call returns (an error if the receiver did not answer 2xx after
// retries).
func (s *Server) CompleteEWalletCharge(id string) error {
	return s.settleEWalletCharge(id, ewallets.ChargeStatusSucceeded, "")
}

// FailEWalletCharge plays a PENDING charge failing with code (for example
// USER_DECLINED_PAYMENT), and delivers its ewallet.capture callback.
func (s *Server) FailEWalletCharge(id string, code ewallets.FailureCode) error {
	return s.settleEWalletCharge(id, ewallets.ChargeStatusFailed, code)
}

func (s *Server) settleEWalletCharge(id string, status ewallets.ChargeStatus, code ewallets.FailureCode) error {
	st := s.payments()
	st.mu.Lock()
	c, ok := st.charges[id]
	if !ok {
		st.mu.Unlock()
		return fmt.Errorf("%w: charge %q", ErrNoSuchObject, id)
	}
	if c.Status != ewallets.ChargeStatusPending {
		st.mu.Unlock()
		return fmt.Errorf("xendittest: charge %s is %s, not PENDING", id, c.Status)
	}
	c.Status, c.FailureCode, c.Updated = status, code, now()
	if status == ewallets.ChargeStatusSucceeded {
		c.PaymentDetail = &ewallets.PaymentDetail{FundSource: "BALANCE"}
	}
	payload := ewalletCallback(ewallets.EventCapture, *c)
	target := st.ewallet
	st.mu.Unlock()
	return deliver(target, payload)
}

// ActivatePaymentMethod plays the customer authorizing an account link: the
// payment method becomes ACTIVE and payment_method.activated is delivered.
func (s *Server) ActivatePaymentMethod(id string) error {
	return s.setPaymentMethodStatus(id, ewallets.PaymentMethodStatusActive, ewallets.EventPaymentMethodActivated)
}

// ExpirePaymentMethod plays the wallet ending an account link: the payment
// method becomes EXPIRED and payment_method.expiry.expired is delivered.
func (s *Server) ExpirePaymentMethod(id string) error {
	return s.setPaymentMethodStatus(id, ewallets.PaymentMethodStatusExpired, ewallets.EventPaymentMethodExpired)
}

func (s *Server) setPaymentMethodStatus(id string, status ewallets.PaymentMethodStatus, event string) error {
	st := s.payments()
	st.mu.Lock()
	pm, ok := st.methods[id]
	if !ok {
		st.mu.Unlock()
		return fmt.Errorf("%w: payment method %q", ErrNoSuchObject, id)
	}
	pm.Status, pm.Updated = status, now()
	if status == ewallets.PaymentMethodStatusActive && pm.EWallet != nil {
		pm.EWallet.Account = &ewallets.LinkedAccount{AccountDetails: "+62*****3123", Balance: xendit.Ptr(1_000_000.0)}
	}
	payload := ewallets.Callback{Event: event, BusinessID: paymentsBusinessID, Created: now(), PaymentMethod: clonePM(pm)}
	target := st.ewallet
	st.mu.Unlock()
	return deliver(target, payload)
}

func clonePM(pm *ewallets.PaymentMethod) *ewallets.PaymentMethod {
	c := *pm
	if pm.EWallet != nil {
		e := *pm.EWallet
		c.EWallet = &e
	}
	return &c
}

func ewalletCallback(event string, c ewallets.Charge) ewallets.Callback {
	return ewallets.Callback{Event: event, BusinessID: paymentsBusinessID, Created: now(), Charge: &c}
}

func now() xendit.Time { return xendit.Time{Time: time.Now().UTC().Truncate(time.Millisecond)} }

// deliver sends a callback as Xendit does, retrying a failed delivery a few
// times at short intervals (Xendit retries over 24 hours). It is a no-op
// without a callback URL.
func deliver(t callbackTarget, payload any) error {
	if t.url == "" {
		return nil
	}
	wh := NewWebhook(t.token, payload)
	var last error
	for attempt, wait := 0, 10*time.Millisecond; attempt < 3; attempt, wait = attempt+1, wait*4 {
		if attempt > 0 {
			time.Sleep(wait)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		status, err := wh.Send(ctx, nil, t.url)
		cancel()
		if err == nil && status >= 200 && status < 300 {
			return nil
		}
		if last = err; err == nil {
			last = fmt.Errorf("xendittest: callback %s answered %d", wh.ID, status)
		}
	}
	return last
}

// deliverLater delivers in the background, as Xendit does after answering.
func (st *paymentsState) deliverLater(t callbackTarget, payload any) {
	if t.url == "" {
		return
	}
	st.inflight.Add(1)
	go func() {
		defer st.inflight.Done()
		_ = deliver(t, payload)
	}()
}

func (s *Server) routeEWallets() {
	s.handle("ewallets.create_charge", s.createEWalletCharge)
	s.handle("ewallets.get_charge", s.withCharge(func(w http.ResponseWriter, _ *http.Request, _ *paymentsState, c *ewallets.Charge) {
		WriteJSON(w, http.StatusOK, c)
	}))
	s.handle("ewallets.void_charge", s.withCharge(voidEWalletCharge))
	s.handle("ewallets.create_refund", s.withCharge(refundEWalletCharge))
	s.handle("ewallets.get_refund", s.getEWalletRefund)
	s.handle("ewallets.list_refunds", s.withCharge(listEWalletRefunds))
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
	var channel ewallets.ChannelCode
	if p.ChannelCode != nil {
		channel = *p.ChannelCode
	}
	if cur, known := channel.Currency(); known && p.Currency != "" && p.Currency != cur {
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
		Status: ewallets.ChargeStatusPending, Currency: p.Currency, ChargeAmount: p.Amount, CaptureAmount: p.Amount,
		CheckoutMethod: p.CheckoutMethod, ChannelCode: channel, ChannelProperties: p.ChannelProperties,
		CallbackURL: st.ewallet.url, Created: now(), CaptureNow: true,
		Basket: p.Basket, Metadata: p.Metadata,
	}
	c.Updated = c.Created
	if p.CustomerID != nil {
		c.CustomerID = *p.CustomerID
	}
	if p.CheckoutMethod == ewallets.CheckoutMethodTokenizedPayment {
		pm, ok := st.methods[*p.PaymentMethodID]
		if !ok || pm.Status != ewallets.PaymentMethodStatusActive {
			WriteError(w, http.StatusBadRequest, "INVALID_PAYMENT_METHOD_ID",
				"payment_method_id does not exist in this account or is not ACTIVE")
			return
		}
		c.PaymentMethodID, c.CustomerID = pm.ID, pm.CustomerID
		if c.ChannelCode == "" && pm.EWallet != nil {
			c.ChannelCode = ewallets.ChannelCode(string(pm.Country) + "_" + string(pm.EWallet.ChannelCode))
		}
	}
	if p.ChannelProperties != nil && p.ChannelProperties.SuccessRedirectURL != nil {
		base := s.URL + "/xendittest/checkout/" + c.ID
		c.IsRedirectRequired = true
		c.Actions = &ewallets.ChargeActions{
			DesktopWebCheckoutURL: base, MobileWebCheckoutURL: base + "?mobile=1",
			MobileDeeplinkCheckoutURL: "xendittest://checkout/" + c.ID,
		}
	}
	st.charges[c.ID] = c
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
func voidEWalletCharge(w http.ResponseWriter, _ *http.Request, st *paymentsState, c *ewallets.Charge) {
	if c.Status != ewallets.ChargeStatusSucceeded || c.CheckoutMethod != ewallets.CheckoutMethodOneTimePayment || c.VoidStatus != "" {
		WriteError(w, http.StatusForbidden, ewallets.CodeIneligibleTransaction,
			"Transaction is not eligible for void: the charge must be a SUCCEEDED one-time payment, voided on the same day")
		return
	}
	answer := *c
	answer.VoidStatus, answer.Updated = ewallets.VoidStatusPending, now()
	c.Status, c.VoidStatus, c.VoidedAt, c.Updated = ewallets.ChargeStatusVoided, ewallets.VoidStatusSucceeded, now(), now()
	WriteJSON(w, http.StatusOK, answer)
	voided := *c
	voided.BusinessID = "" // the void callback's data has no business_id
	st.deliverLater(st.ewallet, ewalletCallback(ewallets.EventVoid, voided))
}

// refundEWalletCharge checks the refund as Xendit documents, answers with a
// PENDING refund, settles it at once and sends ewallet.refund in the
// background.
func refundEWalletCharge(w http.ResponseWriter, r *http.Request, st *paymentsState, c *ewallets.Charge) {
	var p ewallets.CreateRefundParams
	if !readBody(w, r, &p) {
		return
	}
	if c.Status != ewallets.ChargeStatusSucceeded && c.Status != ewallets.ChargeStatusRefunded {
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
	reason := ewallets.RefundReasonOthers
	if p.Reason != nil {
		reason = *p.Reason
	}
	ref := &ewallets.Refund{
		ID: paymentID("ewr_"), ChargeID: c.ID, Status: ewallets.RefundStatusPending, Currency: c.Currency,
		ChannelCode: c.ChannelCode, CaptureAmount: c.CaptureAmount, RefundAmount: amount, Reason: reason,
		Created: now(),
	}
	ref.Updated = ref.Created
	WriteJSON(w, http.StatusOK, ref)
	ref.Status, ref.Updated = ewallets.RefundStatusSucceeded, now()
	st.refunds[c.ID] = append(st.refunds[c.ID], ref)
	c.RefundedAmount = xendit.Ptr(refunded + amount)
	c.Status, c.Updated = ewallets.ChargeStatusRefunded, now()
	st.deliverLater(st.ewallet, ewallets.Callback{Event: ewallets.EventRefund, BusinessID: paymentsBusinessID, Created: now(), Refund: xendit.Ptr(*ref)})
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

func listEWalletRefunds(w http.ResponseWriter, r *http.Request, st *paymentsState, c *ewallets.Charge) {
	page, ok := refundPage(w, r, st.refunds[c.ID], func(ref *ewallets.Refund) string { return string(ref.Status) })
	if !ok {
		return
	}
	out := xendit.Page[ewallets.Refund]{Data: make([]ewallets.Refund, 0, len(page.items)), HasMore: page.hasMore}
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
	var country ewallets.Country
	if p.Country != nil {
		country = *p.Country
	} else {
		country = ewallets.CountryID // only single-country wallets may omit it
		if p.EWallet.ChannelCode == ewallets.LinkingChannelMaya || p.EWallet.ChannelCode == ewallets.LinkingChannelGCash {
			country = ewallets.CountryPH
		} else if p.EWallet.ChannelCode == ewallets.LinkingChannelTouchNGo {
			country = ewallets.CountryMY
		}
	}
	id := paymentID("pm-")
	t := xendit.Time{Time: time.Now().UTC()} // nanoseconds, as Xendit sends here
	pm := &ewallets.PaymentMethod{
		ID: id, Type: "EWALLET", Country: country, BusinessID: paymentsBusinessID, CustomerID: p.CustomerID,
		ReferenceID: paymentID(""), Reusability: "MULTIPLE_USE", Status: ewallets.PaymentMethodStatusRequiresAction,
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
			pm.Status, pm.Updated = ewallets.PaymentMethodStatusExpired, xendit.Time{Time: time.Now().UTC()}
		}
		WriteJSON(w, http.StatusOK, pm)
	}
}
