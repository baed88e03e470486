package xendittest

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"math"
	"net/http"
	"strings"
	"sync"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/cards"
)

// cardsState is what the cards fake keeps. Like the other products' state
// it hangs off the Server through a weak registry, so it goes away with the
// Server.
type cardsState struct {
	mu         sync.Mutex
	tokens     map[string]*cardToken
	charges    map[string]*cards.Charge
	byExternal map[string]string          // charge external_id -> charge id
	refunds    map[string][]*cards.Refund // by charge id
	refundIDs  map[string]bool            // refund external_ids used
	expired    map[string]bool            // authorizations past their 7 days
	promotions map[string]*cards.Promotion
}

type cardToken struct {
	token    cards.Token
	authID   string
	masked   string
	brand    string
	multiUse bool
	used     bool
	decline  string
}

func newCardsState() *cardsState {
	return &cardsState{
		tokens: make(map[string]*cardToken), charges: make(map[string]*cards.Charge),
		byExternal: make(map[string]string), refunds: make(map[string][]*cards.Refund),
		refundIDs: make(map[string]bool), expired: make(map[string]bool),
		promotions: make(map[string]*cards.Promotion),
	}
}

func (s *Server) cards() *cardsState { return s.crd }

// cardObjectID returns a 24-hex id, the shape of the card API's ids.
func cardObjectID() string {
	var b [12]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// CardToken describes a token as Xendit.js would create it in the browser.
type CardToken struct {
	// CardNumber is the test card; only its BIN and last four digits are
	// kept. Empty means Visa 4000000000000002.
	CardNumber string
	// MultipleUse makes a token that can be charged more than once.
	MultipleUse bool
	// Decline makes every charge with the token FAILED with this reason
	// (a failure_reason such as INSUFFICIENT_BALANCE), as a declined card
	// does.
	Decline string
}

// CardTokenization is what Xendit.js's createToken gives the browser, and
// the browser posts to your server.
type CardTokenization struct {
	ID               string `json:"id"`
	AuthenticationID string `json:"authentication_id"`
	Status           string `json:"status"`
	MaskedCardNumber string `json:"masked_card_number"`
}

// NewCardToken plays Xendit.js's createToken with bundled 3DS
// authentication: it stores a VERIFIED token and returns what the browser
// would post to your server (the token id and authentication id).
func (s *Server) NewCardToken(t CardToken) CardTokenization {
	number := t.CardNumber
	if number == "" {
		number = "4000000000000002"
	}
	masked := number[:6] + strings.Repeat("X", len(number)-10) + number[len(number)-4:]
	brand := cardBrand(number)
	tok := &cardToken{
		token: cards.Token{
			ID: cardObjectID(), BusinessID: paymentsBusinessID, Created: s.now(), Status: "VALID",
			CardExpirationMonth: "12", CardExpirationYear: "2030",
			CardInfo: &cards.CardInfo{Bank: "PT. Bank Xendittest", Country: "ID", Type: cards.Credit, Brand: brand,
				Fingerprint: fingerprint(number)},
		},
		authID: cardObjectID(), masked: masked, brand: brand, multiUse: t.MultipleUse, decline: t.Decline,
	}
	st := s.cards()
	st.mu.Lock()
	st.tokens[tok.token.ID] = tok
	st.mu.Unlock()
	return CardTokenization{ID: tok.token.ID, AuthenticationID: tok.authID, Status: "VERIFIED", MaskedCardNumber: masked}
}

func cardBrand(number string) string {
	switch {
	case strings.HasPrefix(number, "4"):
		return "VISA"
	case strings.HasPrefix(number, "5"):
		return "MASTERCARD"
	case strings.HasPrefix(number, "34"), strings.HasPrefix(number, "37"):
		return "AMEX"
	case strings.HasPrefix(number, "35"):
		return "JCB"
	}
	return "UNKNOWN"
}

// fingerprint is stable per card number without keeping it.
func fingerprint(number string) string {
	var h uint64 = 14695981039346656037
	for i := range len(number) {
		h = (h ^ uint64(number[i])) * 1099511628211
	}
	return fmt.Sprintf("%024x", h)
}

// ExpireCardAuthorization plays the 7 days passing: capturing the
// AUTHORIZED charge id now fails with AUTHORIZATION_EXPIRED.
func (s *Server) ExpireCardAuthorization(id string) error {
	st := s.cards()
	st.mu.Lock()
	defer st.mu.Unlock()
	c, ok := st.charges[id]
	if !ok {
		return fmt.Errorf("%w: charge %q", ErrNoSuchObject, id)
	}
	if c.Status != cards.ChargeAuthorized {
		return fmt.Errorf("xendittest: charge %s is %s, not AUTHORIZED", id, c.Status)
	}
	st.expired[id] = true
	return nil
}

func (s *Server) routeCards() {
	s.handle("cards.get_token", s.getCardToken)
	s.handle("cards.create_charge", s.createCardCharge)
	s.handle("cards.get_charge", s.getCardCharge)
	s.handle("cards.capture_charge", s.withCardCharge("credit_card_charge_id", s.captureCardCharge))
	s.handle("cards.reverse_authorization", s.withCardCharge("charge_id", s.reverseCardAuthorization))
	s.handle("cards.create_refund", s.withCardCharge("credit_card_charge_id", s.refundCardCharge))
	s.routeCardPromotions() // cards_promotions.go
}

func (s *Server) getCardToken(w http.ResponseWriter, r *http.Request) {
	st := s.cards()
	st.mu.Lock()
	defer st.mu.Unlock()
	tok, ok := st.tokens[r.PathValue("credit_card_token_id")]
	if !ok {
		WriteError(w, http.StatusNotFound, cards.CodeCreditCardTokenNotFound, "Credit card token not found")
		return
	}
	WriteJSON(w, http.StatusOK, tok.token)
}

// cardAmountLimits are the reference's default limits per currency.
var cardAmountLimits = map[string][2]float64{"IDR": {5000, 200_000_000}, "PHP": {20, 700_000}}

func (s *Server) createCardCharge(w http.ResponseWriter, r *http.Request) {
	var p cards.CreateChargeParams
	if !readBody(w, r, &p) {
		return
	}
	if err := p.Validate(); err != nil {
		writeInvalid(w, err)
		return
	}
	currency := p.Currency
	if currency == "" {
		currency = "IDR"
	}
	if lim, ok := cardAmountLimits[currency]; ok && p.Amount > 0 {
		switch {
		case p.Amount < lim[0]:
			WriteError(w, http.StatusBadRequest, cards.CodeAmountBelowMinimumLimit, fmt.Sprintf("The minimum amount is %v %s", lim[0], currency))
			return
		case p.Amount > lim[1]:
			WriteError(w, http.StatusBadRequest, cards.CodeAmountAboveMaximumLimit, fmt.Sprintf("The maximum amount is %v %s", lim[1], currency))
			return
		}
	}
	st := s.cards()
	st.mu.Lock()
	defer st.mu.Unlock()
	tok, ok := st.tokens[p.TokenID]
	switch {
	case !ok:
		WriteError(w, http.StatusNotFound, cards.CodeTokenNotFound, "The token was not found; charge with your secret key")
		return
	case tok.used && !tok.multiUse:
		WriteError(w, http.StatusBadRequest, cards.CodeTokenAlreadyUsed, "The single-use token has already been used in a charge")
		return
	case p.AuthenticationID != "" && p.AuthenticationID != tok.authID:
		WriteError(w, http.StatusNotFound, cards.CodeAuthenticationNotFound, "The authentication was not found")
		return
	case p.Installment != nil && p.Amount < 500_000:
		WriteError(w, http.StatusBadRequest, cards.CodeInstallmentBelowMinimumAmount, "The amount is below the installment minimum of 500000")
		return
	}
	if p.Promotion != nil && !st.promotionApplies(p.Promotion.ReferenceID) {
		WriteError(w, http.StatusBadRequest, cards.CodeInvalidPromotionDetails, "The promotion details are invalid")
		return
	}
	tok.used = true
	c := &cards.Charge{
		ID: cardObjectID(), ExternalID: p.ExternalID, BusinessID: paymentsBusinessID, Created: s.now(),
		Currency: currency, ChargeType: cards.SingleUseToken, CardType: cards.Credit, CardBrand: tok.brand,
		MaskedCardNumber: tok.masked, ECI: "05", CVNCode: cards.CVNMatch, MerchantID: "xendit",
		MerchantReferenceCode: cardObjectID(), BankReconciliationID: "5132390610356134503009",
		Descriptor: p.Descriptor, MIDLabel: p.MIDLabel, Promotion: p.Promotion, Installment: p.Installment,
	}
	if tok.multiUse {
		c.ChargeType = cards.MultipleUseToken
	}
	if tok.brand == "MASTERCARD" {
		c.ECI = "02"
	}
	switch {
	case tok.decline != "":
		c.Status, c.FailureReason = cards.ChargeFailed, cards.FailureReason(tok.decline)
	case p.Amount > 0 && (p.Capture == nil || *p.Capture):
		c.Status, c.AuthorizedAmount, c.CaptureAmount, c.ApprovalCode = cards.ChargeCaptured, p.Amount, p.Amount, "831000"
	default:
		c.Status, c.AuthorizedAmount, c.ApprovalCode = cards.ChargeAuthorized, p.Amount, "831000"
	}
	st.charges[c.ID] = c
	st.byExternal[c.ExternalID] = c.ID
	WriteJSON(w, http.StatusOK, c)
}

func (s *Server) getCardCharge(w http.ResponseWriter, r *http.Request) {
	st := s.cards()
	st.mu.Lock()
	defer st.mu.Unlock()
	id := r.PathValue("credit_card_charge_id")
	if r.URL.Query().Get("id_type") == "external" {
		id = st.byExternal[id]
	}
	c, ok := st.charges[id]
	if !ok {
		writeCardChargeNotFound(w)
		return
	}
	WriteJSON(w, http.StatusOK, c)
}

func writeCardChargeNotFound(w http.ResponseWriter) {
	WriteError(w, http.StatusNotFound, cards.CodeCreditCardChargeNotFound, "Credit card charge not found")
}

// withCardCharge looks up the charge named by the path parameter param and
// runs h with the state locked.
func (s *Server) withCardCharge(param string, h func(http.ResponseWriter, *http.Request, *cardsState, *cards.Charge)) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		st := s.cards()
		st.mu.Lock()
		defer st.mu.Unlock()
		c, ok := st.charges[r.PathValue(param)]
		if !ok {
			writeCardChargeNotFound(w)
			return
		}
		h(w, r, st, c)
	}
}

// cardAmountBody is a capture's or refund's body; the reference calls the
// amount a string, so both spellings are accepted, as Xendit's form-encoded
// curl example suggests it does.
type cardAmountBody struct {
	Amount     xendit.Number `json:"amount"`
	ExternalID string        `json:"external_id"`
}

func (s *Server) captureCardCharge(w http.ResponseWriter, r *http.Request, st *cardsState, c *cards.Charge) {
	var b cardAmountBody
	if !readBody(w, r, &b) {
		return
	}
	amount := b.Amount.Float64()
	switch {
	case amount <= 0:
		writeValidation(w, "amount must be a positive number")
	case c.Status != cards.ChargeAuthorized:
		WriteError(w, http.StatusBadRequest, cards.CodeInvalidChargeStatus, "The charge status is "+string(c.Status)+", not AUTHORIZED")
	case st.expired[c.ID]:
		WriteError(w, http.StatusBadRequest, cards.CodeAuthorizationExpired, "The authorization has expired and was reversed")
	case amount > c.AuthorizedAmount:
		WriteError(w, http.StatusBadRequest, cards.CodeAmountGreaterThanAuthorized, "The capture amount is greater than the authorized amount")
	default:
		c.Status, c.CaptureAmount = cards.ChargeCaptured, amount
		WriteJSON(w, http.StatusOK, c)
	}
}

func (s *Server) reverseCardAuthorization(w http.ResponseWriter, r *http.Request, _ *cardsState, c *cards.Charge) {
	var b cardAmountBody
	if !readBody(w, r, &b) {
		return
	}
	switch {
	case b.ExternalID == "":
		writeValidation(w, "external_id is required")
	case c.Status == cards.ChargeCaptured:
		WriteError(w, http.StatusBadRequest, cards.CodeChargeAlreadyCaptured, "The charge has already been captured")
	case c.Status == cards.ChargeReversed:
		WriteError(w, http.StatusBadRequest, cards.CodeChargeAlreadyReversed, "The charge has already been reversed")
	case c.Status == cards.ChargeFailed:
		WriteError(w, http.StatusBadRequest, cards.CodeChargeFailed, "The charge failed")
	case c.AuthorizedAmount == 0:
		WriteError(w, http.StatusBadRequest, cards.CodeInvalidAmountForReverseAuthorization, "The authorized amount must not be 0")
	default:
		c.Status = cards.ChargeReversed
		WriteJSON(w, http.StatusOK, cards.Reversal{
			ID: cardObjectID(), ChargeID: c.ID, ExternalID: b.ExternalID, Status: cards.ReversalSucceeded,
			BusinessID: c.BusinessID, Currency: c.Currency, Amount: c.AuthorizedAmount, Created: s.now(),
		})
	}
}

// cardRefundVersion is the x-api-version Create Refund requires.
const cardRefundVersion = "2019-05-01"

func (s *Server) refundCardCharge(w http.ResponseWriter, r *http.Request, st *cardsState, c *cards.Charge) {
	var b cardAmountBody
	if !readBody(w, r, &b) {
		return
	}
	amount := b.Amount.Float64()
	refunded := 0.0
	for _, rf := range st.refunds[c.ID] {
		refunded += rf.Amount
	}
	switch {
	case r.Header.Get("x-api-version") != cardRefundVersion:
		writeValidation(w, "x-api-version must be %s", cardRefundVersion)
	case amount <= 0 || b.ExternalID == "":
		writeValidation(w, "amount (positive) and external_id are required")
	case st.refundIDs[b.ExternalID]:
		WriteError(w, http.StatusBadRequest, cards.CodeDuplicateRefund, "The refund external_id has already been used")
	case c.Status != cards.ChargeCaptured || refunded+amount > c.CaptureAmount+1e-9:
		WriteError(w, http.StatusBadRequest, cards.CodeRefundAmountExceeded, "The refunded amount would exceed the captured amount")
	default:
		created := s.now()
		rf := &cards.Refund{
			ID: cardObjectID(), ChargeID: c.ID, ExternalID: b.ExternalID, Status: cards.RefundRequested,
			Amount: amount, FeeRefundAmount: math.Round(amount * 0.01), UserID: c.BusinessID,
			Created: created, Updated: created,
		}
		st.refunds[c.ID] = append(st.refunds[c.ID], rf)
		st.refundIDs[b.ExternalID] = true
		WriteJSON(w, http.StatusOK, rf)
	}
}
