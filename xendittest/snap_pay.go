package xendittest

import (
	"context"
	"fmt"
	"net/http"

	"github.com/seed19b1029f/xendit-go/snap"
)

// snapQR is a QR code and its one payment.
type snapQR struct {
	resp   snap.QRResponse
	amount *snap.Amount
	status snap.TransactionStatus
	paidID string
}

// snapDebit is a direct debit payment.
type snapDebit struct {
	resp      snap.DirectDebitResponse
	amount    snap.Amount
	status    snap.TransactionStatus
	needsOTP  bool
	paymentID string
	refunded  int64 // sen
}

// snapBinding is a linked account.
type snapBinding struct {
	resp snap.BindingResponse
}

func (s *Server) snapCreateQR(st *snapState, body []byte) (int, any, error) {
	var p snap.CreateQRParams
	if err := snapDecode(body, &p); err != nil {
		return 0, nil, err
	}
	if p.AdditionalInfo.Reusability == "" {
		return 0, nil, snapMissing("additionalInfo.reusability")
	}
	if p.AdditionalInfo.Reusability == snap.OneTimeUse {
		sen, err := snapAmount("amount", p.Amount)
		if err != nil {
			return 0, nil, err
		}
		if sen <= 0 || sen > snapMaxAmountSen {
			return 0, nil, snapAmountOutOfRange()
		}
	}
	now := snapNow()
	qr := &snapQR{amount: p.Amount, status: snap.TransactionPending}
	qr.resp = snap.QRResponse{
		Result:      snap.Result{ResponseCode: "2004700", ResponseMessage: "Successful"},
		ReferenceNo: paymentID("pr-"), PartnerReferenceNo: p.PartnerReferenceNo,
		QRContent: "00020101021226660014ID.CO.XENDIT.WWW0118936009150000000000" + paymentID(""),
		AdditionalInfo: snap.QRInfo{PaymentMethodID: paymentID("pm-"), PaymentMethodReferenceID: p.AdditionalInfo.PaymentMethodReferenceID,
			PaymentMethodStatus: snap.PaymentMethodActive, Reusability: p.AdditionalInfo.Reusability,
			Created: now, Updated: now, Metadata: p.AdditionalInfo.Metadata},
	}
	if p.AdditionalInfo.ExpiresAt != nil {
		qr.resp.AdditionalInfo.PaymentMethodExpiresAt = *p.AdditionalInfo.ExpiresAt
	}
	if qr.resp.AdditionalInfo.PaymentMethodReferenceID == "" {
		qr.resp.AdditionalInfo.PaymentMethodReferenceID = paymentID("")
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	if p.PartnerReferenceNo != "" && st.qrs[p.PartnerReferenceNo] != nil {
		return 0, nil, snapErr(http.StatusConflict, "01", "An object with the same reference already exists")
	}
	st.qrs[qr.resp.ReferenceNo] = qr
	if p.PartnerReferenceNo != "" {
		st.qrs[p.PartnerReferenceNo] = qr
	}
	return http.StatusOK, qr.resp, nil
}

// snapQuery reads a status query and checks the service code it names.
func snapQuery(body []byte, service string) (string, error) {
	var q snap.StatusQuery
	if err := snapDecode(body, &q); err != nil {
		return "", err
	}
	switch {
	case q.ServiceCode == "":
		return "", snapMissing("serviceCode")
	case q.ServiceCode != service:
		return "", snapInvalid("serviceCode must be %s", service)
	case q.OriginalReferenceNo != "":
		return q.OriginalReferenceNo, nil
	case q.OriginalPartnerReferenceNo != "":
		return q.OriginalPartnerReferenceNo, nil
	}
	return "", snapMissing("originalReferenceNo")
}

func snapNotFound() error {
	// Not in the reference's tables; the BI SNAP standard's code.
	return snapErr(http.StatusNotFound, "01", "Transaction Not Found")
}

func (s *Server) snapInquireQR(st *snapState, body []byte) (int, any, error) {
	ref, err := snapQuery(body, snap.ServiceQRGenerate)
	if err != nil {
		return 0, nil, err
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	qr := st.qrs[ref]
	if qr == nil {
		return 0, nil, snapNotFound()
	}
	desc := map[snap.TransactionStatus]string{snap.TransactionSuccess: "Success", snap.TransactionPending: "Pending"}[qr.status]
	return http.StatusOK, snap.QRStatus{
		Result:              snap.Result{ResponseCode: "2005100", ResponseMessage: "Successful"},
		OriginalReferenceNo: qr.resp.ReferenceNo, OriginalPartnerReferenceNo: qr.resp.PartnerReferenceNo,
		ServiceCode: snap.ServiceQRGenerate, LatestTransactionStatus: qr.status, TransactionStatusDesc: desc,
		Amount: qr.amount, AdditionalInfo: qr.resp.AdditionalInfo,
	}, nil
}

// PaySNAPQR plays a customer scanning and paying the QR code with
// referenceNo (Xendit's or yours) and delivers the snap_qr.payment
// callback, returning when the receiver has answered. A multiple-use code
// is paid amount; a one-time code its own amount (amount is ignored).
func (s *Server) PaySNAPQR(ctx context.Context, referenceNo, value string) error {
	amount := snap.Amount{Value: value, Currency: "IDR"}
	st := s.snap()
	st.mu.Lock()
	qr := st.qrs[referenceNo]
	if qr == nil || qr.status == snap.TransactionSuccess && qr.resp.AdditionalInfo.Reusability == snap.OneTimeUse {
		st.mu.Unlock()
		return fmt.Errorf("xendittest: no unpaid SNAP QR %q", referenceNo)
	}
	if qr.amount != nil {
		amount = *qr.amount
	}
	qr.status, qr.paidID = snap.TransactionSuccess, paymentID("qrpy-")
	now := snapNow()
	if qr.resp.AdditionalInfo.Reusability == snap.OneTimeUse {
		qr.resp.AdditionalInfo.PaymentMethodStatus = snap.PaymentMethodInactive
	}
	n := snap.PaymentNotice{
		OriginalReferenceNo: qr.resp.ReferenceNo, OriginalPartnerReferenceNo: qr.resp.PartnerReferenceNo,
		LatestTransactionStatus: snap.TransactionSuccess, TransactionStatusDesc: "Success", Amount: amount,
		AdditionalInfo: snap.PaymentNoticeInfo{ID: qr.paidID, PaymentMethodID: qr.resp.AdditionalInfo.PaymentMethodID,
			PaymentMethodReferenceID: qr.resp.AdditionalInfo.PaymentMethodReferenceID, Created: now, Updated: now},
	}
	st.mu.Unlock()
	return s.deliverSNAP(ctx, snap.EventQRPayment, n)
}

func (s *Server) snapCreateDebit(st *snapState, body []byte) (int, any, error) {
	var p snap.DirectDebitParams
	if err := snapDecode(body, &p); err != nil {
		return 0, nil, err
	}
	if p.PartnerReferenceNo == "" {
		return 0, nil, snapMissing("partnerReferenceNo")
	}
	if p.AdditionalInfo.CustomerID == "" {
		return 0, nil, snapMissing("additionalInfo.customerId")
	}
	sen, err := snapAmount("amount", &p.Amount)
	if err != nil {
		return 0, nil, err
	}
	if sen <= 0 || sen > snapMaxAmountSen {
		return 0, nil, snapAmountOutOfRange()
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	pmID, channel := p.AdditionalInfo.PaymentMethodID, snap.PayOption("")
	switch {
	case pmID != "":
		b := st.bindings[pmID]
		if b == nil || b.resp.AdditionalInfo.PaymentMethod.Status != snap.PaymentMethodActive {
			return 0, nil, snapInvalid("additionalInfo.paymentMethodId %q is not an active linked account", pmID)
		}
		channel = snapChannel(b.resp.AdditionalInfo.PaymentMethod)
	case len(p.PayOptionDetails) == 1:
		channel, pmID = p.PayOptionDetails[0].PayOption, paymentID("pm-")
	default:
		return 0, nil, snapMissing("additionalInfo.paymentMethodId")
	}
	if st.debits[p.PartnerReferenceNo] != nil {
		return 0, nil, snapErr(http.StatusConflict, "01", "An object with the same reference already exists")
	}
	cp := p.AdditionalInfo.ChannelProperties
	// BRI asks for an OTP when told to, and always above IDR 1,000,000.
	needsOTP := channel == snap.PayOptionBRI && (sen > 1_000_000_00 || cp != nil && cp.RequireAuth == true)
	d := &snapDebit{amount: p.Amount, status: snap.TransactionPending, needsOTP: needsOTP}
	now := snapNow()
	d.resp = snap.DirectDebitResponse{
		Result:      snap.Result{ResponseCode: "2005400", ResponseMessage: "Successful"},
		ReferenceNo: paymentID("pr-"), PartnerReferenceNo: p.PartnerReferenceNo,
		AdditionalInfo: snap.DirectDebitInfo{CustomerID: p.AdditionalInfo.CustomerID, PaymentMethodID: pmID,
			Description: p.AdditionalInfo.Description, Created: now, Updated: now, Metadata: p.AdditionalInfo.Metadata},
	}
	if needsOTP {
		d.resp.AdditionalInfo.Actions = []snap.Action{{Action: snap.ActionAuth, Method: http.MethodPost,
			URL: "https://api.xendit.co/snap/v1.0/otp-verification", URLType: snap.URLTypeAPI}}
	} else {
		d.resp.WebRedirectURL = "https://link-web.xendit.co/oauth/" + d.resp.ReferenceNo + "/confirm"
		d.resp.AdditionalInfo.Actions = []snap.Action{{Action: snap.ActionAuth, Method: http.MethodGet,
			URL: d.resp.WebRedirectURL, URLType: snap.URLTypeWeb}}
	}
	st.debits[d.resp.ReferenceNo], st.debits[p.PartnerReferenceNo] = d, d
	return http.StatusOK, d.resp, nil
}

// snapChannel is a linked account's channel.
func snapChannel(pm *snap.PaymentMethod) snap.PayOption {
	switch {
	case pm.DirectDebit != nil:
		return snap.PayOption(pm.DirectDebit.ChannelCode)
	case pm.EWallet != nil:
		return snap.PayOption(pm.EWallet.ChannelCode)
	}
	return ""
}

func (s *Server) snapInquireDebit(st *snapState, body []byte) (int, any, error) {
	ref, err := snapQuery(body, snap.ServiceDirectDebit)
	if err != nil {
		return 0, nil, err
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	d := st.debits[ref]
	if d == nil {
		return 0, nil, snapNotFound()
	}
	desc := map[snap.TransactionStatus]string{snap.TransactionSuccess: "Success", snap.TransactionPending: "REQUIRES_ACTION"}[d.status]
	info := d.resp.AdditionalInfo
	info.PaymentMethodReferenceID = d.resp.PartnerReferenceNo
	amount := d.amount
	return http.StatusOK, snap.DirectDebitStatus{
		Result:              snap.Result{ResponseCode: "2005500", ResponseMessage: "Successful"},
		OriginalReferenceNo: d.resp.ReferenceNo, OriginalPartnerReferenceNo: d.resp.PartnerReferenceNo,
		ServiceCode: snap.ServiceDirectDebit, LatestTransactionStatus: d.status, TransactionStatusDesc: desc,
		TransAmount: &amount, AdditionalInfo: info,
	}, nil
}

// CompleteSNAPDirectDebit plays the customer authorizing a direct debit
// that needs no OTP (an e-wallet's web page) and delivers the
// snap.direct_debit.succeeded callback, returning when the receiver has
// answered.
func (s *Server) CompleteSNAPDirectDebit(ctx context.Context, referenceNo string) error {
	st := s.snap()
	st.mu.Lock()
	d := st.debits[referenceNo]
	if d == nil || d.status != snap.TransactionPending || d.needsOTP {
		st.mu.Unlock()
		return fmt.Errorf("xendittest: no SNAP direct debit %q awaiting authorization outside OTP", referenceNo)
	}
	n := st.settleDebit(d)
	st.mu.Unlock()
	return s.deliverSNAP(ctx, snap.EventDirectDebitSucceeded, n)
}

// settleDebit marks d paid and returns its callback payload; st.mu is held.
func (st *snapState) settleDebit(d *snapDebit) snap.PaymentNotice {
	d.status, d.paymentID = snap.TransactionSuccess, paymentID("ddpy-")
	now := snapNow()
	return snap.PaymentNotice{
		OriginalReferenceNo: d.resp.ReferenceNo, OriginalPartnerReferenceNo: d.resp.PartnerReferenceNo,
		LatestTransactionStatus: snap.TransactionSuccess, TransactionStatusDesc: "Success", CreatedTime: d.resp.AdditionalInfo.Created,
		Amount: d.amount,
		AdditionalInfo: snap.PaymentNoticeInfo{ID: d.paymentID, PaymentMethodID: d.resp.AdditionalInfo.PaymentMethodID,
			PaymentMethodReferenceID: d.resp.PartnerReferenceNo, Updated: now},
	}
}

func (s *Server) snapRefund(st *snapState, body []byte) (int, any, error) {
	var p snap.RefundParams
	if err := snapDecode(body, &p); err != nil {
		return 0, nil, err
	}
	ref := p.OriginalReferenceNo
	if ref == "" {
		ref = p.OriginalPartnerReferenceNo
	}
	if ref == "" {
		return 0, nil, snapMissing("originalReferenceNo")
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	d := st.debits[ref]
	if d == nil {
		return 0, nil, snapNotFound()
	}
	if d.status != snap.TransactionSuccess {
		return 0, nil, snapInvalid("the payment %s has not succeeded", ref)
	}
	if p.PartnerRefundNo != "" && st.refunds[p.PartnerRefundNo] != nil {
		return 0, nil, snapErr(http.StatusConflict, "01", "An object with the same reference already exists")
	}
	total, _ := d.amount.Sen()
	amount := snap.IDRSen(total - d.refunded)
	if p.RefundAmount != nil {
		amount = *p.RefundAmount
	}
	sen, err := snapAmount("refundAmount", &amount)
	if err != nil {
		return 0, nil, err
	}
	if sen <= 0 || sen > total-d.refunded {
		return 0, nil, snapAmountOutOfRange()
	}
	d.refunded += sen
	reason := p.Reason
	if reason == "" {
		reason = snap.RefundOthers
	}
	now := snapNow()
	r := &snap.RefundResponse{
		Result:              snap.Result{ResponseCode: "2005800", ResponseMessage: "Successful"},
		OriginalReferenceNo: d.resp.ReferenceNo, RefundNo: paymentID("rfd-"), PartnerRefundNo: p.PartnerRefundNo,
		RefundAmount: &amount,
		AdditionalInfo: snap.RefundInfo{ChannelCode: "BRI", Status: snap.RefundSucceeded, Reason: reason,
			Created: now, Updated: now},
	}
	if p.AdditionalInfo != nil {
		r.AdditionalInfo.Metadata = p.AdditionalInfo.Metadata
	}
	if p.PartnerRefundNo != "" {
		st.refunds[p.PartnerRefundNo] = r
	}
	return http.StatusOK, r, nil
}

// snapVerifyOTP serves both OTP flows of the shared path, told apart by the
// body's type.
func (s *Server) snapVerifyOTP(st *snapState, body []byte) (int, any, error) {
	var p snap.OTPRequest
	if err := snapDecode(body, &p); err != nil {
		return 0, nil, err
	}
	switch {
	case p.OriginalReferenceNo == "":
		return 0, nil, snapMissing("originalReferenceNo")
	case p.OTP == "":
		return 0, nil, snapMissing("otp")
	case p.Type != snap.OTPBinding && p.Type != snap.OTPPayment:
		return 0, nil, snapInvalid("type must be binding or payment")
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	out := snap.OTPResponse{Result: snap.Result{ResponseCode: "2000400", ResponseMessage: "Successful"},
		OriginalReferenceNo: p.OriginalReferenceNo}
	if p.Type == snap.OTPBinding {
		b := st.bindings[p.OriginalReferenceNo]
		if b == nil || b.resp.AdditionalInfo.PaymentMethod.Status != snap.PaymentMethodRequiresAction {
			return 0, nil, snapNotFound()
		}
		if p.OTP != SNAPTestOTP {
			return 0, nil, snapInvalid("the OTP is wrong")
		}
		pm := b.resp.AdditionalInfo.PaymentMethod
		pm.Status, pm.Updated = snap.PaymentMethodActive, snapNow()
		out.OriginalPartnerReferenceNo = b.resp.PartnerReferenceNo
		if pm.CustomerID != nil {
			out.CustomerID = *pm.CustomerID
		}
		return http.StatusOK, out, nil
	}
	d := st.debits[p.OriginalReferenceNo]
	if d == nil || !d.needsOTP || d.status != snap.TransactionPending {
		return 0, nil, snapNotFound()
	}
	if p.OTP != SNAPTestOTP {
		return 0, nil, snapInvalid("the OTP is wrong")
	}
	n := st.settleDebit(d)
	s.deliverLater(s.account(""), "snap", snapCallback(snap.EventDirectDebitSucceeded, n))
	out.OriginalPartnerReferenceNo, out.CustomerID = d.resp.PartnerReferenceNo, d.resp.AdditionalInfo.CustomerID
	return http.StatusOK, out, nil
}
