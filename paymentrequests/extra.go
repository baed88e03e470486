package paymentrequests

import "encoding/json"

// Extra holds the fields of a JSON object that its Go type does not name,
// as received, so that encoding the object again gives them back: a
// payment read from a callback and stored or forwarded loses nothing the
// API added.
type Extra map[string]json.RawMessage
