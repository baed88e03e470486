package xendittest

import (
	"context"
	"fmt"
	"net/http"
)

// SNAP QR codes (one payment each, or many when MULTIPLE_USE), direct
// debits (BRI asks for an OTP; e-wallets approve on their page), their
// refunds, and account bindings, all keyed by Xendit's referenceNo and
// found by the merchant's partnerReferenceNo too.

func (s *Server) snapCreateQR(c *call) {
	b := c.body
	info := obj(b, "additionalInfo")
	reuse := str(info, "reusability")
	if reuse == "" {
		c.missing("additionalInfo.reusability")
		return
	}
	if reuse == "ONE_TIME_USE" {
		sen, ok := snapAmount(c, "amount", obj(b, "amount"))
		if !ok {
			return
		}
		if sen <= 0 || sen > snapMaxAmountSen {
			snapAmountOutOfRange(c)
			return
		}
	}
	ref := str(b, "partnerReferenceNo")
	if _, dup := s.lookup("snap_qrs", c.account, "partnerReferenceNo", ref); dup && ref != "" {
		snapConflict(c)
		return
	}
	now := snapStamp(c.now())
	id := s.ids.uuid("pr-")
	qr := snapResult("2004700", "Successful")
	qr["referenceNo"], qr["partnerReferenceNo"] = id, ref
	qr["qrContent"] = "00020101021226660014ID.CO.XENDIT.WWW0118936009150000000000" + id
	qr["additionalInfo"] = map[string]any{"paymentMethodId": s.ids.uuid("pm-"),
		"paymentMethodReferenceId": orDefault(str(info, "paymentMethodReferenceId"), s.ids.uuid("")),
		"paymentMethodStatus":      "ACTIVE", "reusability": reuse, "paymentMethodExpiresAt": info["expiresAt"],
		"created": now, "updated": now, "metadata": info["metadata"]}
	stored := deepCopy(qr)
	stored[hidden+"amount"], stored[hidden+"status"] = b["amount"], "PENDING"
	s.store.put("snap_qrs", c.account, id, stored)
	c.ok(qr)
}

// snapQuery reads a status query, checks the service code it names and
// finds the object of col it refers to.
func (s *Server) snapQuery(c *call, col, service string) (map[string]any, bool) {
	b := c.body
	ref := orDefault(str(b, "originalReferenceNo"), str(b, "originalPartnerReferenceNo"))
	switch {
	case str(b, "serviceCode") == "":
		c.missing("serviceCode")
	case b["serviceCode"] != service:
		c.invalid("serviceCode must be %s", service)
	case ref == "":
		c.missing("originalReferenceNo")
	default:
		if o, ok := s.lookup(col, c.account, "partnerReferenceNo", ref); ok {
			return o, true
		}
		c.notFound("01", "Transaction")
	}
	return nil, false
}

func (s *Server) snapInquireQR(c *call) {
	qr, ok := s.snapQuery(c, "snap_qrs", "47")
	if !ok {
		return
	}
	status := str(qr, hidden+"status")
	r := snapResult("2005100", "Successful")
	r["originalReferenceNo"], r["originalPartnerReferenceNo"] = qr["referenceNo"], qr["partnerReferenceNo"]
	r["serviceCode"], r["latestTransactionStatus"] = "47", snapStatusCode[status]
	r["transactionStatusDesc"] = map[string]string{"SUCCESS": "Success", "PENDING": "Pending"}[status]
	r["amount"], r["additionalInfo"] = qr[hidden+"amount"], qr["additionalInfo"]
	c.ok(r)
}

// snapStatusCode is latestTransactionStatus's two-digit code.
var snapStatusCode = map[string]string{"SUCCESS": "00", "PENDING": "03"}

// PaySNAPQR plays a customer scanning and paying the QR code with
// referenceNo (Xendit's or yours) and delivers the snap_qr.payment
// callback, returning when the receiver has answered. A multiple-use code
// is paid value (IDR, "10000.00"); a one-time code its own amount.
func (s *Server) PaySNAPQR(ctx context.Context, referenceNo, value string) error {
	qr, ok := s.lookup("snap_qrs", "*", "partnerReferenceNo", referenceNo)
	if !ok {
		return fmt.Errorf("xendittest: no SNAP QR %q", referenceNo)
	}
	var notice map[string]any
	id := str(qr, "referenceNo")
	_, err := s.store.update("snap_qrs", "*", id, func(qr map[string]any) error {
		info := obj(qr, "additionalInfo")
		if qr[hidden+"status"] == "SUCCESS" && info["reusability"] == "ONE_TIME_USE" {
			return fmt.Errorf("xendittest: SNAP QR %q is paid", referenceNo)
		}
		amount := qr[hidden+"amount"]
		if amount == nil {
			amount = map[string]any{"value": value, "currency": "IDR"}
		}
		qr[hidden+"status"] = "SUCCESS"
		if info["reusability"] == "ONE_TIME_USE" {
			info["paymentMethodStatus"] = "INACTIVE"
		}
		now := snapStamp(s.clock.Now())
		notice = map[string]any{
			"originalReferenceNo": id, "originalPartnerReferenceNo": qr["partnerReferenceNo"],
			"latestTransactionStatus": "00", "transactionStatusDesc": "Success", "amount": amount,
			"additionalInfo": map[string]any{"id": s.ids.uuid("qrpy-"), "paymentMethodId": info["paymentMethodId"],
				"paymentMethodReferenceId": info["paymentMethodReferenceId"], "created": now, "updated": now},
		}
		return nil
	})
	if err != nil {
		return err
	}
	owner, _ := s.store.ownerOf("snap_qrs", id)
	return s.deliverSNAP(ctx, owner, "snap_qr.payment", notice)
}

func (s *Server) snapCreateDebit(c *call) {
	b := c.body
	info := obj(b, "additionalInfo")
	ref := str(b, "partnerReferenceNo")
	switch {
	case ref == "":
		c.missing("partnerReferenceNo")
		return
	case str(info, "customerId") == "":
		c.missing("additionalInfo.customerId")
		return
	}
	sen, ok := snapAmount(c, "amount", obj(b, "amount"))
	if !ok {
		return
	}
	if sen <= 0 || sen > snapMaxAmountSen {
		snapAmountOutOfRange(c)
		return
	}
	pmID, channel := str(info, "paymentMethodId"), ""
	options, _ := b["payOptionDetails"].([]any)
	switch {
	case pmID != "":
		bind, ok := s.store.get("snap_bindings", c.account, pmID)
		pm := obj(obj(bind, "additionalInfo"), "paymentMethod")
		if !ok || pm["status"] != "ACTIVE" {
			c.invalid("additionalInfo.paymentMethodId %q is not an active linked account", pmID)
			return
		}
		channel = str(obj(pm, "directDebit"), "channelCode") + str(obj(pm, "ewallet"), "channelCode")
	case len(options) == 1:
		channel, pmID = str(options[0].(map[string]any), "payOption"), s.ids.uuid("pm-")
	default:
		c.missing("additionalInfo.paymentMethodId")
		return
	}
	if _, dup := s.lookup("snap_debits", c.account, "partnerReferenceNo", ref); dup {
		snapConflict(c)
		return
	}
	// BRI asks for an OTP when told to, and always above IDR 1,000,000.
	needsOTP := channel == "BRI" && (sen > 1_000_000_00 || obj(info, "channelProperties")["requireAuth"] == true)
	now := snapStamp(c.now())
	id := s.ids.uuid("pr-")
	d := snapResult("2005400", "Successful")
	d["referenceNo"], d["partnerReferenceNo"] = id, ref
	action := map[string]any{"action": "AUTH", "method": "POST", "url": "https://api.xendit.co/snap/v1.0/otp-verification", "urlType": "API"}
	if !needsOTP {
		d["webRedirectUrl"] = "https://link-web.xendit.co/oauth/" + id + "/confirm"
		action = map[string]any{"action": "AUTH", "method": "GET", "url": d["webRedirectUrl"], "urlType": "WEB"}
	}
	d["additionalInfo"] = map[string]any{"customerId": info["customerId"], "paymentMethodId": pmID,
		"description": info["description"], "created": now, "updated": now, "metadata": info["metadata"],
		"actions": []any{action}}
	stored := deepCopy(d)
	stored[hidden+"amount"], stored[hidden+"status"], stored[hidden+"otp"] = b["amount"], "PENDING", needsOTP
	s.store.put("snap_debits", c.account, id, stored)
	c.ok(d)
}

func (s *Server) snapInquireDebit(c *call) {
	d, ok := s.snapQuery(c, "snap_debits", "54")
	if !ok {
		return
	}
	status := str(d, hidden+"status")
	info := obj(d, "additionalInfo")
	info["paymentMethodReferenceId"] = d["partnerReferenceNo"]
	r := snapResult("2005500", "Successful")
	r["originalReferenceNo"], r["originalPartnerReferenceNo"] = d["referenceNo"], d["partnerReferenceNo"]
	r["serviceCode"], r["latestTransactionStatus"] = "54", snapStatusCode[status]
	r["transactionStatusDesc"] = map[string]string{"SUCCESS": "Success", "PENDING": "REQUIRES_ACTION"}[status]
	r["transAmount"], r["additionalInfo"] = d[hidden+"amount"], info
	c.ok(r)
}

// CompleteSNAPDirectDebit plays the customer authorizing a direct debit
// that needs no OTP (an e-wallet's web page) and delivers the
// snap.direct_debit.succeeded callback, returning when the receiver has
// answered.
func (s *Server) CompleteSNAPDirectDebit(ctx context.Context, referenceNo string) error {
	d, ok := s.lookup("snap_debits", "*", "partnerReferenceNo", referenceNo)
	if !ok || d[hidden+"status"] != "PENDING" || d[hidden+"otp"] == true {
		return fmt.Errorf("xendittest: no SNAP direct debit %q awaiting authorization outside OTP", referenceNo)
	}
	n, err := s.settleDebit(str(d, "referenceNo"))
	if err != nil {
		return err
	}
	owner, _ := s.store.ownerOf("snap_debits", str(d, "referenceNo"))
	return s.deliverSNAP(ctx, owner, "snap.direct_debit.succeeded", n)
}

// settleDebit marks direct debit id paid and returns its callback payload.
func (s *Server) settleDebit(id string) (map[string]any, error) {
	var n map[string]any
	_, err := s.store.update("snap_debits", "*", id, func(d map[string]any) error {
		if d[hidden+"status"] != "PENDING" {
			return fmt.Errorf("xendittest: SNAP direct debit %s is not pending", id)
		}
		d[hidden+"status"] = "SUCCESS"
		info := obj(d, "additionalInfo")
		n = map[string]any{
			"originalReferenceNo": id, "originalPartnerReferenceNo": d["partnerReferenceNo"],
			"latestTransactionStatus": "00", "transactionStatusDesc": "Success", "createdTime": info["created"],
			"amount": d[hidden+"amount"],
			"additionalInfo": map[string]any{"id": s.ids.uuid("ddpy-"), "paymentMethodId": info["paymentMethodId"],
				"paymentMethodReferenceId": d["partnerReferenceNo"], "updated": snapStamp(s.clock.Now())},
		}
		return nil
	})
	return n, err
}

func (s *Server) snapRefund(c *call) {
	b := c.body
	ref := orDefault(str(b, "originalReferenceNo"), str(b, "originalPartnerReferenceNo"))
	if ref == "" {
		c.missing("originalReferenceNo")
		return
	}
	d, ok := s.lookup("snap_debits", c.account, "partnerReferenceNo", ref)
	if !ok {
		c.notFound("01", "Transaction")
		return
	}
	if d[hidden+"status"] != "SUCCESS" {
		c.invalid("the payment %s has not succeeded", ref)
		return
	}
	refundNo := str(b, "partnerRefundNo")
	if _, dup := s.store.get("snap_refunds", c.account, refundNo); dup && refundNo != "" {
		snapConflict(c)
		return
	}
	total, _ := snapAmountSen(obj(d, hidden+"amount"))
	refunded, _ := num(d, hidden+"refunded")
	amount := obj(b, "refundAmount")
	if amount == nil {
		amount = snapIDR(total - int64(refunded))
	}
	sen, ok := snapAmount(c, "refundAmount", amount)
	if !ok {
		return
	}
	if sen <= 0 || sen > total-int64(refunded) {
		snapAmountOutOfRange(c)
		return
	}
	_, _ = s.store.update("snap_debits", c.account, str(d, "referenceNo"), func(d map[string]any) error {
		d[hidden+"refunded"] = refunded + float64(sen)
		return nil
	})
	now := snapStamp(c.now())
	r := snapResult("2005800", "Successful")
	r["originalReferenceNo"], r["refundNo"], r["partnerRefundNo"] = d["referenceNo"], s.ids.uuid("rfd-"), refundNo
	r["refundAmount"] = amount
	r["additionalInfo"] = map[string]any{"channelCode": "BRI", "status": "SUCCESS", "reason": orDefault(str(b, "reason"), "OTHERS"),
		"created": now, "updated": now, "metadata": obj(b, "additionalInfo")["metadata"]}
	if refundNo != "" {
		s.store.put("snap_refunds", c.account, refundNo, r)
	}
	c.ok(r)
}

// snapAmountSen reads a stored amount object.
func snapAmountSen(a map[string]any) (int64, bool) {
	f, ok := num(a, "value")
	return int64(f*100 + 0.5), ok
}

// snapVerifyOTP serves both OTP flows of the shared path, told apart by
// the body's type.
func (s *Server) snapVerifyOTP(c *call) {
	b := c.body
	ref, otp, typ := str(b, "originalReferenceNo"), str(b, "otp"), str(b, "type")
	switch {
	case ref == "":
		c.missing("originalReferenceNo")
		return
	case otp == "":
		c.missing("otp")
		return
	case typ != "binding" && typ != "payment":
		c.invalid("type must be binding or payment")
		return
	}
	out := snapResult("2000400", "Successful")
	out["originalReferenceNo"] = ref
	if typ == "binding" {
		bind, ok := s.store.get("snap_bindings", c.account, ref)
		pm := obj(obj(bind, "additionalInfo"), "paymentMethod")
		switch {
		case !ok || pm["status"] != "REQUIRES_ACTION":
			c.notFound("01", "Transaction")
		case otp != SNAPTestOTP:
			c.invalid("the OTP is wrong")
		default:
			s.setBindingStatus(ref, "ACTIVE")
			out["originalPartnerReferenceNo"], out["customerId"] = bind["partnerReferenceNo"], pm["customerId"]
			c.ok(out)
		}
		return
	}
	d, ok := s.store.get("snap_debits", c.account, ref)
	switch {
	case !ok || d[hidden+"otp"] != true || d[hidden+"status"] != "PENDING":
		c.notFound("01", "Transaction")
		return
	case otp != SNAPTestOTP:
		c.invalid("the OTP is wrong")
		return
	}
	n, err := s.settleDebit(ref)
	if err != nil {
		c.notFound("01", "Transaction")
		return
	}
	s.deliverLater(c.account, "snap", snapCallback("snap.direct_debit.succeeded", n))
	out["originalPartnerReferenceNo"], out["customerId"] = d["partnerReferenceNo"], obj(d, "additionalInfo")["customerId"]
	c.ok(out)
}

func (s *Server) snapCreateBinding(c *call) {
	b := c.body
	info := obj(b, "additionalInfo")
	if str(info, "payMethod") == "" || str(info, "payOption") == "" {
		c.missing("additionalInfo.payMethod")
		return
	}
	ref := orDefault(str(b, "partnerReferenceNo"), s.ids.uuid(""))
	if _, dup := s.lookup("snap_bindings", c.account, "partnerReferenceNo", ref); dup {
		snapConflict(c)
		return
	}
	now := snapStamp(c.now())
	id := s.ids.uuid("pm-")
	pm := map[string]any{"id": id, "reusability": orDefault(str(info, "reusability"), "ONE_TIME_USE"),
		"businessId": paymentsBusinessID, "referenceId": ref, "country": "ID", "created": now, "updated": now,
		"metadata": info["metadata"], "customerId": obj(b, "additionalData")["userId"]}
	if info["payMethod"] == "DIRECT_DEBIT" {
		// BRI links a debit card after an OTP sent to the card's phone.
		cp := info["channelProperties"]
		pm["type"], pm["status"] = "DIRECT_DEBIT", "REQUIRES_ACTION"
		pm["directDebit"] = map[string]any{"channelCode": info["payOption"], "type": "DEBIT_CARD", "channelProperties": cp, "debitCard": cp}
		pm["actions"] = []any{map[string]any{"action": "AUTH", "method": "POST", "urlType": "API",
			"url": "https://api.xendit.co/snap/v1.0/otp-verification"}}
	} else {
		// An e-wallet links on the wallet's own page: PENDING until
		// ActivateSNAPBinding plays the customer's approval.
		pm["type"], pm["status"] = "EWALLET", "PENDING"
		pm["ewallet"] = map[string]any{"channelCode": info["payOption"],
			"channelProperties": map[string]any{"mobileNumber": b["phoneNo"]}, "account": map[string]any{}}
		pm["actions"] = []any{map[string]any{"action": "AUTH", "method": "GET", "urlType": "WEB",
			"url": "https://link-web.xendit.co/oauth/" + id + "/confirm"}}
	}
	bind := map[string]any{"referenceNo": id, "partnerReferenceNo": ref, "additionalInfo": map[string]any{"paymentMethod": pm}}
	s.store.put("snap_bindings", c.account, id, bind)
	c.reply(http.StatusAccepted, bindingView(bind, "2020700", "Request In Progress"))
}

// bindingView is a binding answered with code.
func bindingView(bind map[string]any, code, message string) map[string]any {
	r := snapResult(code, message)
	for k, v := range bind {
		r[k] = v
	}
	if code != "2020700" {
		r["accountCurrency"] = "IDR"
	}
	return r
}

// snapBinding serves inquiry, or unbinding when unbind is true (the link
// expires). Both answer with the inquiry's code, 2000800, as the reference
// prints it.
func (s *Server) snapBinding(unbind bool) handler {
	return func(c *call) {
		ref := str(c.body, "partnerReferenceNo")
		if ref == "" {
			c.missing("partnerReferenceNo")
			return
		}
		bind, ok := s.lookup("snap_bindings", c.account, "partnerReferenceNo", ref)
		if !ok {
			c.notFound("01", "Transaction")
			return
		}
		if unbind {
			bind, _ = s.setBindingStatus(str(bind, "referenceNo"), "EXPIRED")
		}
		c.ok(bindingView(bind, "2000800", "Successful"))
	}
}

func (s *Server) setBindingStatus(id, status string) (map[string]any, error) {
	return s.store.update("snap_bindings", "*", id, func(bind map[string]any) error {
		pm := obj(obj(bind, "additionalInfo"), "paymentMethod")
		pm["status"], pm["updated"] = status, snapStamp(s.clock.Now())
		return nil
	})
}

// ActivateSNAPBinding plays the customer approving an e-wallet link on the
// wallet's page: the payment method (by id or partnerReferenceNo) becomes
// ACTIVE.
func (s *Server) ActivateSNAPBinding(ref string) error {
	bind, ok := s.lookup("snap_bindings", "*", "partnerReferenceNo", ref)
	if !ok || obj(obj(bind, "additionalInfo"), "paymentMethod")["status"] != "PENDING" {
		return fmt.Errorf("xendittest: no pending SNAP binding %q", ref)
	}
	_, err := s.setBindingStatus(str(bind, "referenceNo"), "ACTIVE")
	return err
}
