package build

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/seed19b1029f/xendit-go/internal/reference"
)

// How an OpenAPI schema becomes reference's parameters: an object's
// properties are its fields, in the file's order, required when its
// "required" list names them; allOf merges its members' fields; anyOf and
// oneOf become Variants, one per member, labelled with the member's schema
// name; an array of objects has its items' fields as Children, as the
// inventory does. Types are the inventory's: string, number, integer,
// boolean, object, array<string>, array<object>... Formats, lengths,
// minimums, nullable and descriptions are left out.

// prop is one property of a flattened object schema.
type prop struct {
	name   string
	schema *yaml.Node
}

// variant is one member of an anyOf or oneOf.
type variant struct {
	label  string
	schema *yaml.Node
}

// fields are the Params of an object schema's properties.
func (s *spec) fields(schema *yaml.Node, seen []string) []reference.Param {
	n, ref := s.resolveRef(schema)
	if ref != "" {
		if slices.Contains(seen, ref) {
			return nil
		}
		seen = append(slices.Clip(seen), ref)
	}
	props, required, _ := s.flatten(n, seen)
	var out []reference.Param
	for _, p := range props {
		req := reference.Optional
		if required[p.name] {
			req = reference.Required
		}
		out = append(out, s.param(p.name, p.schema, req, seen))
	}
	return out
}

// param is the Param of one named schema. seen holds the schema names on
// the way down, so that a schema that contains itself ends the recursion.
func (s *spec) param(name string, schema *yaml.Node, required string, seen []string) reference.Param {
	n, ref := s.resolveRef(schema)
	p := reference.Param{Name: name, Type: s.typeOf(n), Required: required, Enum: s.enumOf(n)}
	if ref != "" && slices.Contains(seen, ref) {
		return p
	}
	if ref != "" {
		seen = append(slices.Clip(seen), ref)
	}
	target := n
	if scalar(n, "type") == "array" {
		items, itemsRef := s.resolveRef(get(n, "items"))
		p.Enum = s.enumOf(items)
		if t := s.typeOf(items); t != "" {
			p.Type = "array<" + t + ">"
		}
		if p.Type != "array<object>" || (itemsRef != "" && slices.Contains(seen, itemsRef)) {
			return p
		}
		if itemsRef != "" {
			seen = append(slices.Clip(seen), itemsRef)
		}
		target = items
	}
	if p.Type != "object" && p.Type != "array<object>" {
		return p
	}
	p.Children = s.fields(target, seen)
	_, _, variants := s.flatten(target, seen)
	for _, v := range variants {
		p.Variants = append(p.Variants, reference.Variant{Label: v.label, Fields: s.fields(v.schema, seen)})
	}
	return p
}

// flatten returns an object schema's properties, the required ones and
// its anyOf/oneOf members, with allOf's members merged in.
func (s *spec) flatten(schema *yaml.Node, seen []string) ([]prop, map[string]bool, []variant) {
	n, ref := s.resolveRef(schema)
	if n == nil || (ref != "" && slices.Contains(seen, ref)) {
		return nil, nil, nil
	}
	if ref != "" {
		seen = append(slices.Clip(seen), ref)
	}
	var props []prop
	required := map[string]bool{}
	var variants []variant
	add := func(p prop) {
		if i := slices.IndexFunc(props, func(q prop) bool { return q.name == p.name }); i >= 0 {
			props[i] = p // the later member refines the field
			return
		}
		props = append(props, p)
	}
	if all := get(n, "allOf"); all != nil {
		for _, m := range all.Content {
			ps, req, vs := s.flatten(m, seen)
			for _, p := range ps {
				add(p)
			}
			for k := range req {
				required[k] = true
			}
			variants = append(variants, vs...)
		}
	}
	if ps := get(n, "properties"); ps != nil {
		for i := 0; i+1 < len(ps.Content); i += 2 {
			add(prop{ps.Content[i].Value, ps.Content[i+1]})
		}
	}
	if req := get(n, "required"); req != nil {
		for _, r := range req.Content {
			required[r.Value] = true
		}
	}
	for _, key := range []string{"anyOf", "oneOf"} {
		members := get(n, key)
		if members == nil {
			continue
		}
		for i, m := range members.Content {
			label := fmt.Sprintf("%s %d", key, i+1)
			if r := scalar(m, "$ref"); r != "" {
				label = r[strings.LastIndexByte(r, '/')+1:]
			}
			variants = append(variants, variant{label, m})
		}
	}
	return props, required, variants
}

// typeOf is a schema's type; an untyped schema with fields or members is
// an object, an untyped allOf takes its members' type.
func (s *spec) typeOf(n *yaml.Node) string {
	if t := scalar(n, "type"); t != "" {
		return t
	}
	if all := get(n, "allOf"); all != nil {
		for _, m := range all.Content {
			if t := s.typeOf(s.resolve(m)); t != "" {
				return t
			}
		}
	}
	if get(n, "properties") != nil || get(n, "anyOf") != nil || get(n, "oneOf") != nil {
		return "object"
	}
	return ""
}

// enumOf is a schema's enum, or its allOf members'.
func (s *spec) enumOf(n *yaml.Node) []string {
	if e := enum(n); e != nil {
		return e
	}
	if all := get(n, "allOf"); all != nil {
		for _, m := range all.Content {
			if e := s.enumOf(s.resolve(m)); e != nil {
				return e
			}
		}
	}
	return nil
}

func enum(n *yaml.Node) []string {
	var out []string
	if e := get(n, "enum"); e != nil {
		for _, v := range e.Content {
			if v.Tag != "!!null" {
				out = append(out, v.Value)
			}
		}
	}
	return out
}

// resolve follows $ref to the node it names.
func (s *spec) resolve(n *yaml.Node) *yaml.Node {
	n, _ = s.resolveRef(n)
	return n
}

// resolveRef follows $ref and returns the node and the last name followed
// ("" when n is no reference).
func (s *spec) resolveRef(n *yaml.Node) (*yaml.Node, string) {
	name := ""
	for hops := 0; n != nil; hops++ {
		ref := scalar(n, "$ref")
		if ref == "" {
			return n, name
		}
		if hops > 16 || !strings.HasPrefix(ref, "#/") {
			s.fail("%s: cannot follow $ref %q", s.source, ref)
			return nil, ""
		}
		next := s.root
		for _, seg := range strings.Split(ref[2:], "/") {
			next = get(next, strings.NewReplacer("~1", "/", "~0", "~").Replace(seg))
		}
		if next == nil {
			s.fail("%s: $ref %q names nothing", s.source, ref)
		}
		n, name = next, ref[strings.LastIndexByte(ref, '/')+1:]
	}
	return nil, ""
}

// get returns the value of key in a mapping node.
func get(n *yaml.Node, key string) *yaml.Node {
	_, v := getKV(n, key)
	return v
}

// getKV returns the key node and the value node of key in a mapping node.
func getKV(n *yaml.Node, key string) (*yaml.Node, *yaml.Node) {
	if n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if n == nil || n.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			v := n.Content[i+1]
			if v.Kind == yaml.AliasNode {
				v = v.Alias
			}
			return n.Content[i], v
		}
	}
	return nil, nil
}

// scalar is the text of a scalar value of key, or "".
func scalar(n *yaml.Node, key string) string {
	if v := get(n, key); v != nil && v.Kind == yaml.ScalarNode {
		return v.Value
	}
	return ""
}

// toJSON writes a YAML value as compact JSON, keeping the file's key
// order so that a regeneration diffs well. Timestamps stay strings, as
// JSON has none.
func toJSON(n *yaml.Node) json.RawMessage {
	var b bytes.Buffer
	writeJSON(&b, n)
	return b.Bytes()
}

func writeJSON(b *bytes.Buffer, n *yaml.Node) {
	switch n.Kind {
	case yaml.AliasNode:
		writeJSON(b, n.Alias)
	case yaml.DocumentNode:
		writeJSON(b, n.Content[0])
	case yaml.MappingNode:
		b.WriteByte('{')
		for i := 0; i+1 < len(n.Content); i += 2 {
			if i > 0 {
				b.WriteByte(',')
			}
			writeString(b, n.Content[i].Value)
			b.WriteByte(':')
			writeJSON(b, n.Content[i+1])
		}
		b.WriteByte('}')
	case yaml.SequenceNode:
		b.WriteByte('[')
		for i, c := range n.Content {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJSON(b, c)
		}
		b.WriteByte(']')
	default:
		var v any
		switch n.Tag {
		case "!!null":
			b.WriteString("null")
			return
		case "!!bool", "!!int", "!!float":
			if n.Decode(&v) == nil {
				if j, err := json.Marshal(v); err == nil {
					b.Write(j)
					return
				}
			}
		}
		writeString(b, n.Value)
	}
}

func writeString(b *bytes.Buffer, s string) {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	b.Truncate(b.Len() - 1) // Encode's newline
}
