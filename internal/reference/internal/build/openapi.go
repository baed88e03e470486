package build

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/seed19b1029f/xendit-go/internal/reference"
)

// openAPIFile is one of Xendit's OpenAPI files that the API reference
// does not cover: the unified payments API. Each operation gets a
// hand-chosen name (operationId → name, the id's second segment), so that
// a newer copy of a file with an operation nobody named fails the
// generation instead of inventing an id.
type openAPIFile struct {
	area, file string
	ops        map[string]string
}

var openAPIFiles = []openAPIFile{
	{"paymentrequests", "payment_request.yaml", map[string]string{
		"createPaymentRequest":      "create",
		"getAllPaymentRequests":     "list",
		"getPaymentRequestByID":     "get",
		"authorizePaymentRequest":   "authorize",
		"resendPaymentRequestAuth":  "resend_auth",
		"getPaymentRequestCaptures": "list_captures",
		"capturePaymentRequest":     "capture",
	}},
	{"paymentmethods", "payment_method.yaml", map[string]string{
		"createPaymentMethod":          "create",
		"getAllPaymentMethods":         "list",
		"getPaymentMethodByID":         "get",
		"patchPaymentMethod":           "update",
		"expirePaymentMethod":          "expire",
		"authPaymentMethod":            "authorize",
		"getPaymentsByPaymentMethodId": "list_payments",
		"simulatePayment":              "simulate_payment",
	}},
	{"refunds", "refund.yaml", map[string]string{
		"createRefund":  "create",
		"getAllRefunds": "list",
		"getRefund":     "get",
		"cancelRefund":  "cancel",
	}},
}

// openAPI reads the OpenAPI files in dir into their areas.
func (g *gen) openAPI(dir string) error {
	for _, f := range openAPIFiles {
		b, err := os.ReadFile(filepath.Join(dir, f.file))
		if err != nil {
			return err
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(b, &doc); err != nil {
			return fmt.Errorf("%s: %w", f.file, err)
		}
		if len(doc.Content) != 1 {
			return fmt.Errorf("%s: not one YAML document", f.file)
		}
		s := &spec{gen: g, file: f, source: "openapi/" + f.file, root: doc.Content[0]}
		if err := s.read(); err != nil {
			return fmt.Errorf("%s: %w", f.file, err)
		}
	}
	return nil
}

// spec is one OpenAPI file being read.
type spec struct {
	*gen
	file   openAPIFile
	source string
	root   *yaml.Node
}

var methods = []string{"get", "put", "post", "delete", "options", "head", "patch", "trace"}

func (s *spec) read() error {
	base := ""
	if servers := get(s.root, "servers"); servers != nil && len(servers.Content) > 0 {
		base = get(servers.Content[0], "url").Value
	}
	named := map[string]bool{}
	paths := get(s.root, "paths")
	if paths == nil {
		return fmt.Errorf("no paths")
	}
	for i := 0; i+1 < len(paths.Content); i += 2 {
		path, item := paths.Content[i].Value, paths.Content[i+1]
		for j := 0; j+1 < len(item.Content); j += 2 {
			key, op := item.Content[j], item.Content[j+1]
			if !slices.Contains(methods, key.Value) {
				continue // parameters, summary...: shared by the path's operations
			}
			opID := scalar(op, "operationId")
			name, ok := s.file.ops[opID]
			if !ok {
				return fmt.Errorf("%s %s: operation %q has no name in the generator's openAPIFiles", key.Value, path, opID)
			}
			named[opID] = true
			ep := s.endpoint(s.file.area+"."+name, strings.ToUpper(key.Value), path, item, op)
			ep.BaseURL = base
			ep.Source = s.lines(key, op)
			s.addEndpoint(ep)
		}
	}
	for opID := range s.file.ops {
		if !named[opID] {
			return fmt.Errorf("operation %q is no longer in the file", opID)
		}
	}
	return nil
}

// endpoint reads one operation.
func (s *spec) endpoint(id, method, path string, item, op *yaml.Node) reference.Endpoint {
	ep := reference.Endpoint{ID: id, Kind: reference.KindAPI, Method: method, Path: path, Title: scalar(op, "summary")}
	if ep.Title == "" {
		ep.Title = scalar(op, "operationId") // refund.yaml has no summaries
	}
	var params []*yaml.Node
	if p := get(item, "parameters"); p != nil {
		params = append(params, p.Content...)
	}
	if p := get(op, "parameters"); p != nil {
		params = append(params, p.Content...)
	}
	for _, p := range params {
		p = s.resolve(p)
		required := reference.Optional
		if scalar(p, "required") == "true" {
			required = reference.Required
		}
		param := s.param(scalar(p, "name"), get(p, "schema"), required, nil)
		switch scalar(p, "in") {
		case "path":
			ep.PathParams = append(ep.PathParams, param)
		case "query":
			ep.Query = append(ep.Query, param)
		case "header":
			ep.Headers = append(ep.Headers, param)
			if strings.EqualFold(param.Name, "idempotency-key") {
				ep.IdempotencyHeader = param.Name
				ep.IdempotencyRequired = param.Required == reference.Required
			}
		}
	}
	if body := s.resolve(get(op, "requestBody")); body != nil {
		ct, media := firstContent(body)
		ep.ContentType = ct
		ep.Body = s.fields(get(media, "schema"), nil)
		ep.Examples = append(ep.Examples, s.examples(id, reference.ExampleRequest, media)...)
	}
	responses := get(op, "responses")
	var codes []int
	byCode := map[int]*yaml.Node{}
	for i := 0; responses != nil && i+1 < len(responses.Content); i += 2 {
		code, err := strconv.Atoi(responses.Content[i].Value)
		if err != nil {
			continue // "default": no status of its own
		}
		codes = append(codes, code)
		byCode[code] = s.resolve(responses.Content[i+1])
	}
	sort.Ints(codes)
	for _, code := range codes {
		r := byCode[code]
		_, media := firstContent(r)
		switch {
		case code < 300 && ep.SuccessStatus == 0:
			ep.SuccessStatus = code
			ep.Examples = append(ep.Examples, s.examples(id, reference.ExampleResponse, media)...)
		case code >= 400:
			schema := s.resolve(get(media, "schema"))
			for _, c := range s.errorCodes(schema) {
				ep.Errors = append(ep.Errors, reference.Error{Code: c, HTTPStatus: code, Message: scalar(r, "description")})
			}
			ep.Examples = append(ep.Examples, s.examples(id+"."+strconv.Itoa(code), reference.ExampleError, media)...)
		}
	}
	return ep
}

// errorCodes are the enum of an error schema's error_code.
func (s *spec) errorCodes(schema *yaml.Node) []string {
	props, _, _ := s.flatten(schema, nil)
	for _, p := range props {
		if p.name == "error_code" {
			return enum(s.resolve(p.schema))
		}
	}
	return nil
}

// examples are a media type's examples: the named ones, the single one,
// and else its schema's own example (openapi-generator writes one for
// most schemas from the properties' examples; placeholders such as
// "city: city" are its doing).
func (s *spec) examples(id, kind string, media *yaml.Node) []reference.Example {
	if media == nil {
		return nil
	}
	var out []reference.Example
	add := func(suffix string, key, value *yaml.Node) {
		name := id + "." + kind
		if suffix != "" {
			name += "." + suffix
		}
		out = append(out, reference.Example{Kind: kind, Name: name + ".json", Source: s.lines(key, value), JSON: toJSON(value)})
	}
	if named := get(media, "examples"); named != nil {
		for i := 0; i+1 < len(named.Content); i += 2 {
			x := s.resolve(named.Content[i+1])
			if v := get(x, "value"); v != nil {
				add(slug(named.Content[i].Value), named.Content[i], v)
			}
		}
	}
	if key, v := getKV(media, "example"); v != nil {
		add("", key, v)
	}
	if len(out) == 0 {
		schema := get(media, "schema")
		if ref := scalar(schema, "$ref"); ref != "" {
			if key, v := getKV(s.resolve(schema), "example"); v != nil {
				add("schema_"+ref[strings.LastIndexByte(ref, '/')+1:], key, v)
			}
		}
	}
	return out
}

// lines is the passage from key's line to the last line of value.
func (s *spec) lines(key, value *yaml.Node) reference.Source {
	return reference.Source{File: s.source, From: key.Line, To: max(key.Line, lastLine(value))}
}

func lastLine(n *yaml.Node) int {
	if n == nil {
		return 0
	}
	last := n.Line
	for _, c := range n.Content {
		last = max(last, lastLine(c))
	}
	return last
}

// firstContent returns a request body's or response's first media type.
func firstContent(n *yaml.Node) (string, *yaml.Node) {
	content := get(n, "content")
	if content == nil || len(content.Content) < 2 {
		return "", nil
	}
	return content.Content[0].Value, content.Content[1]
}

func slug(label string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(label) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "_"):
			b.WriteByte('_')
		}
	}
	return strings.TrimSuffix(b.String(), "_")
}
