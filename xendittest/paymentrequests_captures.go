package xendittest

import "net/http"

// capturePaymentRequest captures an AWAITING_CAPTURE payment request, up to
// its amount: the request becomes SUCCEEDED, the answer is the capture
// (201) and capture.succeeded follows.
func (s *Server) capturePaymentRequest(c *call) {
	amount, _ := num(c.body, "capture_amount")
	var capture map[string]any
	var paid settlement
	var problem func()
	_, err := s.store.update("payment_requests", c.account, c.param("paymentRequestId"), func(pr map[string]any) error {
		authorized, _ := num(pr, "amount")
		switch {
		case pr["status"] == "SUCCEEDED":
			problem = func() {
				c.fail(http.StatusBadRequest, "PAYMENT_REQUEST_ALREADY_COMPLETED", "The payment request is already completed")
			}
		case pr["status"] == "FAILED":
			problem = func() {
				c.fail(http.StatusBadRequest, "PAYMENT_REQUEST_ALREADY_FAILED", "The payment request has failed")
			}
		case pr["status"] != "AWAITING_CAPTURE":
			problem = func() {
				c.fail(http.StatusBadRequest, "OPERATION_NOT_ALLOWED", "The payment request is %v, not AWAITING_CAPTURE", pr["status"])
			}
		case amount <= 0 || amount > authorized:
			problem = func() {
				c.fail(http.StatusBadRequest, "EXCEEDS_CAPTURABLE_AMOUNT", "capture_amount must be positive and at most %v", authorized)
			}
		}
		if problem != nil {
			return errIneligible
		}
		now := stamp(c.now())
		capture = map[string]any{
			"id": s.ids.uuid("cptr-"), "payment_request_id": pr["id"], "payment_id": paymentOf(str(pr, "id")),
			"reference_id": orDefault(str(c.body, "reference_id"), str(pr, "reference_id")), "customer_id": pr["customer_id"],
			"currency": pr["currency"], "authorized_amount": authorized, "captured_amount": amount, "status": "SUCCEEDED",
			"payment_method": pr["payment_method"], "failure_code": nil, "channel_properties": nil,
			"metadata": pr["metadata"], "created": now, "updated": now,
		}
		pr["status"], pr["updated"] = "SUCCEEDED", now
		paid = paymentRequestSettlement(pr, amount)
		return nil
	})
	switch {
	case problem != nil:
		problem()
		return
	case err != nil:
		c.notFound("DATA_NOT_FOUND", "payment request")
		return
	}
	s.store.put("captures", c.account, capture["id"].(string), capture)
	s.settle(paid)
	c.reply(http.StatusCreated, capture)
	s.deliverLater(c.account, "paymentrequests", s.ewalletCallback("capture.succeeded", capture))
}

// listPaymentRequestCaptures answers a payment request's captures, oldest
// first.
func (s *Server) listPaymentRequestCaptures(c *call) {
	id := c.param("paymentRequestId")
	if _, ok := s.store.get("payment_requests", c.account, id); !ok {
		c.notFound("DATA_NOT_FOUND", "payment request")
		return
	}
	limit, ok := c.limit(10, 100)
	if !ok {
		return
	}
	p := s.store.list("captures", c.account, listQuery{oldest: true, limit: limit,
		match: func(cp map[string]any) bool { return cp["payment_request_id"] == id }})
	c.ok(map[string]any{"data": orEmpty(p.items), "has_more": p.hasMore})
}
