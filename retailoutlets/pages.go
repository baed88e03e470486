package retailoutlets

import (
	"bytes"
	"encoding/json"

	"github.com/seed19b1029f/xendit-go"
)

// linkedPage is a page as the fixed payment code payments list sends it:
// like [xendit.Page], but with "links" one object rather than a list
// (lines 20540 and 20579).
type linkedPage[T any] struct {
	Data    []T       `json:"data"`
	HasMore bool      `json:"has_more"`
	Links   pageLinks `json:"links,omitzero"`
}

func (p *linkedPage[T]) page() *xendit.Page[T] {
	return &xendit.Page[T]{Data: p.Data, HasMore: p.HasMore, Links: p.Links}
}

// pageLinks reads "links" as one object (as documented) or a list (as the
// other lists send it), and writes one link back as an object.
type pageLinks []xendit.Link

func (l *pageLinks) UnmarshalJSON(b []byte) error {
	switch b = bytes.TrimSpace(b); {
	case bytes.Equal(b, []byte("null")):
		*l = nil
		return nil
	case len(b) > 0 && b[0] == '[':
		return json.Unmarshal(b, (*[]xendit.Link)(l))
	}
	var one xendit.Link
	if err := json.Unmarshal(b, &one); err != nil {
		return err
	}
	*l = pageLinks{one}
	return nil
}

func (l pageLinks) MarshalJSON() ([]byte, error) {
	if len(l) == 1 {
		return json.Marshal(l[0])
	}
	return json.Marshal([]xendit.Link(l))
}

// paymentList is the payment code payments list: documented as an array
// (line 21622) but shown as one object (lines 21624-21635); both decode.
type paymentList []PaymentCodePayment

func (l *paymentList) UnmarshalJSON(b []byte) error {
	if b = bytes.TrimSpace(b); len(b) > 0 && b[0] == '{' {
		var one PaymentCodePayment
		if err := json.Unmarshal(b, &one); err != nil {
			return err
		}
		*l = paymentList{one}
		return nil
	}
	return json.Unmarshal(b, (*[]PaymentCodePayment)(l))
}
