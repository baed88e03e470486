package main

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"
)

// events holds the webhook examples of Xendit's API reference, copied as
// printed (inventory/examples of the reference's normalised copy), and
// catalog.json, which names each one for trigger and says where in the
// reference it comes from. The payloads come from the reference, not from
// the SDK's types, so that a receiver is tested against what Xendit
// documents.
//
//go:embed events/*.json
var events embed.FS

// event is one entry of events/catalog.json.
type event struct {
	// Name is what trigger is given: the payload's event (or SNAP type)
	// where it has one, with "/variant" for a second example of it; the
	// reference's id where the payload names no event.
	Name string `json:"name"`
	// Example is the file under events/.
	Example   string `json:"example"`
	Reference string `json:"reference"`
	Title     string `json:"title"`
	Source    string `json:"source"`
	// Signature is "token" (x-callback-token and webhook-id) or "snap"
	// (X-SIGNATURE over the body, BI SNAP).
	Signature string `json:"signature"`
	// IDPaths are the fields -id replaces: the object's id.
	IDPaths []string `json:"id_paths"`
	// Set overrides fields of the example where the reference's example
	// is not a payload as sent; Note says why.
	Set  map[string]any `json:"set"`
	Note string         `json:"note"`
}

func catalog() []event {
	b, err := events.ReadFile("events/catalog.json")
	if err != nil {
		panic(err)
	}
	var es []event
	if err := json.Unmarshal(b, &es); err != nil {
		panic("xendit-mock: events/catalog.json: " + err.Error())
	}
	return es
}

func findEvent(name string) (event, error) {
	es := catalog()
	if i := slices.IndexFunc(es, func(e event) bool { return e.Name == name }); i >= 0 {
		return es[i], nil
	}
	var near []string
	for _, e := range es {
		if strings.HasPrefix(e.Name, strings.SplitN(name, ".", 2)[0]) {
			near = append(near, e.Name)
		}
	}
	msg := fmt.Sprintf("no event %q in the reference's examples (trigger -list lists them)", name)
	if len(near) > 0 {
		msg += "; did you mean " + strings.Join(near, ", ") + "?"
	}
	return event{}, fmt.Errorf("%s", msg)
}

// payload returns the example as a JSON object with the catalog's overrides.
func (e event) payload() (map[string]any, error) {
	b, err := events.ReadFile(path.Join("events", e.Example))
	if err != nil {
		return nil, err
	}
	var p map[string]any
	if err := decodeJSON(b, &p); err != nil {
		return nil, fmt.Errorf("%s: %w", e.Example, err)
	}
	for k, v := range e.Set {
		p[k] = v
	}
	return p, nil
}

// setField sets the field at a dotted path of p to value. A bare name is
// looked up at the top level, then in the "data" or "payload" object that
// holds the event's object; where it is nowhere, it is added at the top.
// The value keeps the type the field has in the example: "20000" stays a
// string where the example has a string, and becomes a number where it has
// a number. JSON values (numbers, true, null, objects, quoted strings) are
// taken as JSON for a new field.
func setField(p map[string]any, dotted, value string) error {
	parts := strings.Split(dotted, ".")
	if len(parts) == 1 {
		if _, top := p[dotted]; !top {
			for _, inner := range []string{"data", "payload"} {
				if m, ok := p[inner].(map[string]any); ok {
					if _, ok := m[dotted]; ok {
						parts = []string{inner, dotted}
						break
					}
				}
			}
		}
	}
	m := p
	for i, k := range parts[:len(parts)-1] {
		next, ok := m[k].(map[string]any)
		if !ok {
			return fmt.Errorf("-set %s: %s is not an object in the payload", dotted, strings.Join(parts[:i+1], "."))
		}
		m = next
	}
	last := parts[len(parts)-1]
	old, exists := m[last]
	var v any
	if _, isString := old.(string); exists && isString {
		v = value
		var s string
		if decodeJSON([]byte(value), &s) == nil {
			v = s
		}
	} else if err := decodeJSON([]byte(value), &v); err != nil {
		v = value
	}
	m[last] = v
	return nil
}

// decodeJSON decodes one JSON value, keeping numbers as printed (1000.00
// stays 1000.00).
func decodeJSON(b []byte, v any) error {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	if err := d.Decode(v); err != nil {
		return err
	}
	if d.More() {
		return errors.New("more than one JSON value")
	}
	return nil
}

// encodeJSON encodes p compactly, without escaping <, > and & (a URL in a
// payload stays as Xendit writes it).
func encodeJSON(p any) ([]byte, error) {
	var buf bytes.Buffer
	e := json.NewEncoder(&buf)
	e.SetEscapeHTML(false)
	if err := e.Encode(p); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}
