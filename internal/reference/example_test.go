package reference_test

import (
	"fmt"

	"github.com/seed19b1029f/xendit-go/internal/reference"
)

// A concrete request finds its endpoint, and with it the headers to expect
// and the example to answer with.
func ExampleLookup() {
	e, ok := reference.Lookup("POST", "/credit_card_charges/ch_123/refunds")
	if !ok {
		return
	}
	fmt.Println(e.ID, e.Path)
	fmt.Println(e.VersionHeader, e.Versions, "required:", e.VersionRequired)
	fmt.Println(e.IdempotencyHeader, "required:", e.IdempotencyRequired)
	for _, x := range e.Examples {
		if x.Kind == reference.ExampleResponse {
			fmt.Println(x.Name, x.Source)
		}
	}
	// Output:
	// cards.create_refund /credit_card_charges/{credit_card_charge_id}/refunds
	// x-api-version [2019-05-01] required: true
	// X-IDEMPOTENCY-KEY required: false
	// cards.create_refund.response.json 002_e6ad2b928180ed42.txt lines 8754-8764
}
