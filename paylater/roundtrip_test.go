package paylater_test

import (
	"testing"

	"github.com/seed19b1029f/xendit-go/internal/jsontest"
	"github.com/seed19b1029f/xendit-go/paylater"
)

func TestExamplesRoundTrip(t *testing.T) {
	charge := func() any { return new(paylater.Charge) }
	refund := func() any { return new(paylater.Refund) }
	refundParams := func() any { return new(paylater.CreateRefundParams) }
	jsontest.RoundTripAll(t, map[string]func() any{
		"paylater.initiate_plans.request.json":          func() any { return new(paylater.InitiatePlansParams) },
		"paylater.initiate_plans.response.json":         func() any { return new(paylater.Plan) },
		"paylater.create_charge.request.json":           func() any { return new(paylater.CreateChargeParams) },
		"paylater.create_charge.response.json":          charge,
		"paylater.get_charge.response.json":             charge,
		"paylater.cancel_charge.response.json":          charge,
		"paylater.create_refund.request.2.json":         refundParams,
		"paylater.create_refund.response.json":          refund,
		"paylater.get_refund.response.json":             refund,
		"paylater.list_refunds.response.json":           func() any { return new(paylater.RefundList) },
		"paylater.payment_status_callback.webhook.json": func() any { return new(paylater.PaymentCallback) },
	}, jsontest.Skip(map[string]string{
		"paylater.create_refund.request.json": "shows amount as a string; the SDK sends a number, as request.2 does",
	}, "paylater.cancel_charge.error.json", "paylater.create_charge.error.json",
		"paylater.create_refund.error.json", "paylater.get_charge.error.json", "paylater.get_refund.error.json",
		"paylater.initiate_plans.error.json", "paylater.list_refunds.error.json"))
}
