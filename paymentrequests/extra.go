package paymentrequests

import (
	"encoding/json"
	"reflect"
	"strings"
	"sync"
)

// Extra holds the fields of a JSON object that its Go type does not name,
// as received, so that encoding the object again gives them back: a
// payment read from a callback and stored or forwarded loses nothing the
// API added.
type Extra map[string]json.RawMessage

// decodeKeeping decodes b into known (a pointer to a struct without
// methods of its own) and returns the keys of b that known's JSON tags do
// not name.
func decodeKeeping(b []byte, known any) (Extra, error) {
	if err := json.Unmarshal(b, known); err != nil {
		return nil, err
	}
	var all map[string]json.RawMessage
	if err := json.Unmarshal(b, &all); err != nil {
		return nil, err
	}
	names := jsonNames(reflect.TypeOf(known).Elem())
	for k := range all {
		if names[k] {
			delete(all, k)
		}
	}
	if len(all) == 0 {
		return nil, nil
	}
	return all, nil
}

// encodeKeeping encodes known and adds the extra fields it does not name.
func encodeKeeping(known any, extra Extra) ([]byte, error) {
	b, err := json.Marshal(known)
	if err != nil || len(extra) == 0 {
		return b, err
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	for k, v := range extra {
		if _, named := m[k]; !named {
			m[k] = v
		}
	}
	return json.Marshal(m)
}

var namesCache sync.Map // reflect.Type → map[string]bool

// jsonNames are the JSON keys of struct type t's fields.
func jsonNames(t reflect.Type) map[string]bool {
	if v, ok := namesCache.Load(t); ok {
		return v.(map[string]bool)
	}
	names := map[string]bool{}
	for f := range t.Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch {
		case name == "-" || !f.IsExported():
		case name == "":
			names[f.Name] = true
		default:
			names[name] = true
		}
	}
	namesCache.Store(t, names)
	return names
}
