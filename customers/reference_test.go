package customers_test

import (
	"testing"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/customers"
	"github.com/seed19b1029f/xendit-go/internal/jsontest"
)

func TestReferenceExamplesRoundTrip(t *testing.T) {
	t.Parallel()
	customer := func() any { return new(customers.Customer) }
	v20200519 := func() any { return new(customers.CustomerV20200519) }
	jsontest.RoundTripAll(t, map[string]func() any{
		"customers.object.response.json":                customer,
		"customers.object.response.2.json":              customer,
		"customers.openapi.response.json":               customer,
		"customers.get_by_reference_id.response.json":   func() any { return new(xendit.Page[customers.Customer]) },
		"customers.object.response.3.json":              v20200519,
		"customers.create.response.json":                v20200519,
		"customers.get_by_reference_id.response.2.json": func() any { return new([]customers.CustomerV20200519) },
		"customers.create.request.json":                 func() any { return new(customers.CreateParams) },
		"customers.update.request.json":                 func() any { return new(customers.UpdateParams) },
		"customers.update.request.3.json":               func() any { return new(customers.UpdateParamsV20200519) },
	}, map[string]string{
		"customers.update.request.2.json": "sends type, which cannot be changed, so UpdateParams has no field for it",
	})
}
