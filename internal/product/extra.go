package product

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"sync"
)

// Keeping the keys a type does not know: a product type with an Extra
// field (map[string]json.RawMessage) decodes through DecodeWithExtra and
// encodes through EncodeWithExtra, so fields Xendit adds without notice
// survive a service that stores or forwards the object.

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

// DecodeWithExtra decodes b into fields (a pointer to a struct type
// without methods, so that json does not call back here) and sets *extra
// to the keys fields has no field for.
func DecodeWithExtra[E ~map[string]json.RawMessage](b []byte, fields any, extra *E) error {
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
				*extra = make(E)
			}
			(*extra)[k] = v
		}
	}
	return nil
}

// EncodeWithExtra encodes fields and adds the keys of extra it does not
// write itself.
func EncodeWithExtra[E ~map[string]json.RawMessage](fields any, extra E) ([]byte, error) {
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
