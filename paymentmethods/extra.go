package paymentmethods

import "encoding/json"

// Extra holds the keys of an object that its Go type has no field for, as
// they came. Xendit adds fields to payment methods and their channel
// objects without notice; a service that stores or forwards a payment
// method keeps them, because MarshalJSON writes them back
// (internal/product's DecodeWithExtra and EncodeWithExtra).
type Extra map[string]json.RawMessage
