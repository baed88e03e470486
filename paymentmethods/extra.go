package paymentmethods

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"sync"
)

// Extra holds the keys of an object that its Go type has no field for, as
// they came. Xendit adds fields to payment methods and their channel
// objects without notice; a service that stores or forwards a payment
// method keeps them, because MarshalJSON writes them back.
type Extra map[string]json.RawMessage

// knownKeys caches, per struct type, the JSON names of its fields.
var knownKeys sync.Map // reflect.Type → map[string]bool

func keysOf(t reflect.Type) map[string]bool {
	if k, ok := knownKeys.Load(t); ok {
		return k.(map[string]bool)
	}
	keys := make(map[string]bool)
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		keys[name] = true
	}
	knownKeys.Store(t, keys)
	return keys
}

// decodeWithExtra decodes b into fields (a pointer to a struct type
// without methods, so that json does not call back here) and sets *extra
// to the keys fields has no field for.
func decodeWithExtra(b []byte, fields any, extra *Extra) error {
	reflect.ValueOf(fields).Elem().SetZero() // a decode replaces, as it did for a fresh value
	if err := json.Unmarshal(b, fields); err != nil {
		return err
	}
	*extra = nil
	if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		return nil
	}
	var all map[string]json.RawMessage
	if err := json.Unmarshal(b, &all); err != nil {
		return err
	}
	known := keysOf(reflect.TypeOf(fields).Elem())
	for k, v := range all {
		if !known[k] {
			if *extra == nil {
				*extra = make(Extra)
			}
			(*extra)[k] = v
		}
	}
	return nil
}

// encodeWithExtra encodes fields and adds the keys of extra it does not
// write itself.
func encodeWithExtra(fields any, extra Extra) ([]byte, error) {
	b, err := json.Marshal(fields)
	if err != nil || len(extra) == 0 {
		return b, err
	}
	var all map[string]json.RawMessage
	if err := json.Unmarshal(b, &all); err != nil {
		return nil, err
	}
	for k, v := range extra {
		if _, written := all[k]; !written {
			all[k] = v
		}
	}
	return json.Marshal(all)
}
