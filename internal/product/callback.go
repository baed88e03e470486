package product

import (
	"encoding/json"
	"fmt"
)

// ParseCallback decodes a callback body into a new T, the product's
// Callback type, whose UnmarshalJSON reads the envelope.
func ParseCallback[T any](body []byte) (*T, error) {
	var c T
	if err := json.Unmarshal(body, &c); err != nil {
		return nil, err
	}
	return &c, nil
}

// DecodeData decodes the data object of a callback whose event the
// product types into target. A missing or null data is an error naming
// the package and the event: the product's caller would otherwise get a
// zero object it cannot tell from a real one.
func DecodeData(pkg, event string, data json.RawMessage, target any) error {
	if len(data) == 0 || string(data) == "null" {
		return fmt.Errorf("%s: %s callback without data", pkg, event)
	}
	if err := json.Unmarshal(data, target); err != nil {
		return fmt.Errorf("%s: decoding %s callback: %w", pkg, event, err)
	}
	return nil
}

// EncodeData is the data object of a callback being encoded: typed (the
// object the event carries) when it is not nil, else raw, as received.
func EncodeData(typed any, raw json.RawMessage) (json.RawMessage, error) {
	if typed == nil {
		return raw, nil
	}
	return json.Marshal(typed)
}
