package xendittest

import (
	"fmt"
	"net/http"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/snap"
)

func (s *Server) snapCreateBinding(st *snapState, body []byte) (int, any, error) {
	var p snap.CreateAccountBindingParams
	if err := snapDecode(body, &p); err != nil {
		return 0, nil, err
	}
	ai := p.AdditionalInfo
	if ai.PayMethod == "" || ai.PayOption == "" {
		return 0, nil, snapMissing("additionalInfo.payMethod")
	}
	if err := p.Validate(); err != nil {
		return 0, nil, snapInvalid("%v", err)
	}
	reuse := snap.ReusabilityOneTimeUse
	if ai.Reusability != nil {
		reuse = *ai.Reusability
	}
	now := snapNow()
	ref := snapStr(p.PartnerReferenceNo)
	if ref == "" {
		ref = paymentID("")
	}
	pm := &snap.PaymentMethod{ID: paymentID("pm-"), Reusability: reuse, BusinessID: paymentsBusinessID,
		ReferenceID: &ref, Country: "ID", Created: now, Updated: now, Metadata: ai.Metadata}
	if p.AdditionalData != nil {
		pm.CustomerID = &p.AdditionalData.UserID
	}
	if ai.PayMethod == snap.PayMethodDirectDebit {
		// BRI links a debit card after an OTP sent to the card's phone.
		pm.Type, pm.Status = snap.PaymentMethodTypeDirectDebit, snap.PaymentMethodStatusRequiresAction
		cp := ai.ChannelProperties
		pm.DirectDebit = &snap.DirectDebitAccount{ChannelCode: string(ai.PayOption), Type: "DEBIT_CARD", ChannelProperties: cp, DebitCard: cp}
		pm.Actions = []snap.Action{{Action: snap.ActionTypeAuth, Method: http.MethodPost, URLType: snap.URLTypeAPI,
			URL: "https://api.xendit.co/snap/v1.0/otp-verification"}}
	} else {
		// An e-wallet links on the wallet's own page: PENDING until
		// ActivateSNAPBinding plays the customer's approval.
		pm.Type, pm.Status = snap.PaymentMethodTypeEWallet, snap.PaymentMethodStatusPending
		pm.EWallet = &snap.EWalletAccount{ChannelCode: string(ai.PayOption),
			ChannelProperties: &snap.ChannelProperties{MobileNumber: p.PhoneNo}, Account: &snap.EWalletBalance{}}
		pm.Actions = []snap.Action{{Action: snap.ActionTypeAuth, Method: http.MethodGet, URLType: snap.URLTypeWeb,
			URL: "https://link-web.xendit.co/oauth/" + pm.ID + "/confirm"}}
	}
	b := &snapBinding{resp: snap.BindingResponse{
		Result:      snap.Result{ResponseCode: "2020700", ResponseMessage: "Request In Progress"},
		ReferenceNo: pm.ID, PartnerReferenceNo: ref, AdditionalInfo: snap.BindingInfo{PaymentMethod: pm},
	}}
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.bindings[ref] != nil {
		return 0, nil, snapErr(http.StatusConflict, "01", "An object with the same reference already exists")
	}
	st.bindings[ref], st.bindings[pm.ID] = b, b
	return http.StatusAccepted, b.view("2020700", "Request In Progress"), nil
}

// view copies the binding into a response with code.
func (b *snapBinding) view(code, message string) snap.BindingResponse {
	r := b.resp
	r.Result = snap.Result{ResponseCode: code, ResponseMessage: message}
	pm := *r.AdditionalInfo.PaymentMethod
	r.AdditionalInfo.PaymentMethod = &pm
	if code != "2020700" {
		r.AccountCurrency = xendit.CurrencyIDR
	}
	return r
}

// snapBindingByRef finds the binding a request's partnerReferenceNo names.
func (st *snapState) snapBindingByRef(body []byte) (*snapBinding, error) {
	var ref struct {
		PartnerReferenceNo string `json:"partnerReferenceNo"`
	}
	if err := snapDecode(body, &ref); err != nil {
		return nil, err
	}
	if ref.PartnerReferenceNo == "" {
		return nil, snapMissing("partnerReferenceNo")
	}
	b := st.bindings[ref.PartnerReferenceNo]
	if b == nil {
		return nil, snapNotFound()
	}
	return b, nil
}

func (s *Server) snapInquireBinding(st *snapState, body []byte) (int, any, error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	b, err := st.snapBindingByRef(body)
	if err != nil {
		return 0, nil, err
	}
	return http.StatusOK, b.view("2000800", "Successful"), nil
}

// snapUnbind expires the link. It answers with the inquiry's code, 2000800,
// as the reference prints it.
func (s *Server) snapUnbind(st *snapState, body []byte) (int, any, error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	b, err := st.snapBindingByRef(body)
	if err != nil {
		return 0, nil, err
	}
	pm := b.resp.AdditionalInfo.PaymentMethod
	pm.Status, pm.Updated = snap.PaymentMethodStatusExpired, snapNow()
	return http.StatusOK, b.view("2000800", "Successful"), nil
}

// ActivateSNAPBinding plays the customer approving an e-wallet link on the
// wallet's page: the payment method (by id or partnerReferenceNo) becomes
// ACTIVE.
func (s *Server) ActivateSNAPBinding(ref string) error {
	st := s.snap()
	st.mu.Lock()
	defer st.mu.Unlock()
	b := st.bindings[ref]
	if b == nil || b.resp.AdditionalInfo.PaymentMethod.Status != snap.PaymentMethodStatusPending {
		return fmt.Errorf("xendittest: no pending SNAP binding %q", ref)
	}
	pm := b.resp.AdditionalInfo.PaymentMethod
	pm.Status, pm.Updated = snap.PaymentMethodStatusActive, snapNow()
	return nil
}
