package build

import (
	"strings"

	"github.com/seed19b1029f/xendit-go/internal/reference"
)

// core reads endpoints-core.json: a list of entries, kind "api" or
// "webhook"; an endpoint lists the webhooks it triggers with their events.
func (g *gen) core(v any) error {
	events := map[string][]string{}
	var hooks []obj
	for _, x := range asList(v) {
		e := asObj(x)
		if str(e, "kind") == "webhook" {
			hooks = append(hooks, e)
			continue
		}
		ep := g.coreShape(e)
		for _, w := range asList(e["webhooks"]) {
			w := asObj(w)
			ep.Webhooks = append(ep.Webhooks, str(w, "id"))
			events[str(w, "id")] = append(events[str(w, "id")], strs(w["events"])...)
		}
		g.addEndpoint(ep)
	}
	for _, e := range hooks {
		g.addWebhook(reference.Webhook{
			ID: str(e, "id"), Title: str(e, "title"),
			Events:   dedupe(events[str(e, "id")]),
			Headers:  params(e["request_headers"]),
			Body:     params(asObj(e["body"])["params"]),
			Examples: g.examples(asList(e["examples"])),
			Source:   source(e["source"]),
		})
	}
	return nil
}

// coreShape reads an endpoint of the shape endpoints-core.json and
// endpoints-more.json share.
func (g *gen) coreShape(e obj) reference.Endpoint {
	vers, idem, body, resp := asObj(e["versions"]), asObj(e["idempotency"]), asObj(e["body"]), asObj(e["response"])
	ep := reference.Endpoint{
		ID: str(e, "id"), Kind: reference.KindAPI, Title: str(e, "title"),
		Method: str(e, "method"), Path: str(e, "path"), BaseURL: str(e, "base_url"),
		PathParams:          params(e["path_params"]),
		VersionHeader:       str(vers, "api_version_header"),
		IdempotencyHeader:   str(idem, "header"),
		IdempotencyRequired: requirement(idem["required"]) == reference.Required,
		Headers:             params(e["request_headers"]),
		Query:               params(e["query_params"]),
		ContentType:         str(e, "content_type"),
		Body:                params(body["params"]),
		SuccessStatus:       num(resp["success_status"]),
		Errors:              errs(e["errors"]),
		Examples:            g.examples(asList(e["examples"])),
		Source:              source(e["source"]),
	}
	for _, d := range asList(vers["documented"]) {
		ep.Versions = append(ep.Versions, str(asObj(d), "version"))
	}
	return ep
}

// payments reads endpoints-payments.json: a list of entries of kinds
// endpoint, endpoint_variant, callback, client_side_function and
// cross_reference_endpoint; versions are a list of {header, value}.
func (g *gen) payments(v any) error {
	for _, x := range asList(v) {
		e := asObj(x)
		id := str(e, "id")
		switch str(e, "kind") {
		case "client_side_function", "cross_reference_endpoint":
			continue
		case "callback":
			w := asObj(e["webhook"])
			g.addWebhook(reference.Webhook{
				ID: id, Title: str(e, "title"),
				Events:   dedupe([]string{str(w, "event")}),
				Headers:  params(w["headers"]),
				Body:     params(w["fields"]),
				Examples: g.examples(asList(e["examples"])),
				Source:   source(e["source"]),
			})
			continue
		}
		idem := asObj(e["idempotency"])
		ep := reference.Endpoint{
			ID: id, Kind: reference.KindAPI, VariantOf: str(e, "variant_of"), Title: str(e, "title"),
			Method: str(e, "method"), Path: str(e, "path"), BaseURL: str(e, "base_url"),
			PathParams:          params(e["path_params"]),
			IdempotencyHeader:   str(idem, "header"),
			IdempotencyRequired: requirement(idem["required"]) == reference.Required,
			Headers:             params(e["request_headers"]),
			Query:               params(e["query_params"]),
			ContentType:         str(e, "content_type"),
			Body:                params(e["body_params"]),
			Errors:              errs(e["error_codes"]),
			Examples:            g.examples(asList(e["examples"])),
			Source:              source(e["source"]),
		}
		if ep.VariantOf != "" {
			ep.Kind = reference.KindVariant
		}
		for _, x := range asList(e["versions"]) {
			ver := asObj(x)
			if h := str(ver, "header"); h != "" && ep.VersionHeader == "" {
				ep.VersionHeader = h
			}
			ep.Versions = append(ep.Versions, str(ver, "value"))
			ep.VersionRequired = ep.VersionRequired || ver["required"] == true
		}
		g.addEndpoint(ep)
	}
	return nil
}

// snap reads endpoints-snap.json: endpoints and webhooks; the idempotency
// key is the request header whose role says so (X-EXTERNAL-ID), success
// is implied by the responseCode, errors are SNAP response codes.
func (g *gen) snap(v any) error {
	for _, x := range asList(v) {
		e := asObj(x)
		src := asObj(e["source"])
		where := source(str(src, "seed") + " lines " + str(src, "section_lines"))
		if str(e, "kind") == "webhook" {
			g.addWebhook(reference.Webhook{
				ID: str(e, "id"), Title: str(e, "title"),
				Events:   dedupe([]string{str(e, "event_type")}),
				Headers:  params(e["headers"]),
				Body:     params(e["payload"]),
				Examples: g.examples(asList(e["examples"])),
				Source:   where,
			})
			continue
		}
		ep := reference.Endpoint{
			ID: str(e, "id"), Kind: reference.KindAPI, Title: str(e, "title"),
			Method: str(e, "method"), Path: str(e, "path"), BaseURL: str(e, "base_url"),
			Headers:       params(e["request_headers"]),
			Body:          params(e["body_params"]),
			SuccessStatus: num(asObj(asObj(e["response"])["success"])["http_status_implied_by_code"]),
			Examples:      g.examples(asList(e["examples"])),
			Source:        where,
		}
		for _, h := range asList(e["request_headers"]) {
			h := asObj(h)
			if str(h, "role") == "idempotency key" {
				ep.IdempotencyHeader = str(h, "name")
				ep.IdempotencyRequired = requirement(h["required"]) == reference.Required
			}
			if strings.EqualFold(str(h, "name"), "Content-Type") && len(strs(h["enum"])) == 1 {
				ep.ContentType = strs(h["enum"])[0]
			}
		}
		for _, c := range asList(e["response_codes"]) {
			c := asObj(c)
			ep.Errors = append(ep.Errors, reference.Error{
				Code: str(c, "response_code"), HTTPStatus: num(c["http_status"]), Message: str(c, "response_message"),
			})
		}
		g.addEndpoint(ep)
	}
	return nil
}

// more reads endpoints-more.json, an object whose operations carry the
// decided method and path (its conventions: where a conflict entry says
// the method line is wrong, "method" holds the correction and
// "doc_method" the printed one) and whose webhooks name the operations
// that trigger them.
func (g *gen) more(v any) error {
	root := asObj(v)
	for _, x := range asList(root["operations"]) {
		e := asObj(x)
		ep := g.coreShape(e)
		ep.VersionRequired = asObj(e["versions"])["required"] == true
		ep.Webhooks = strs(e["webhooks"])
		g.addEndpoint(ep)
	}
	for _, x := range asList(root["webhooks"]) {
		e := asObj(x)
		var events []string
		for _, ev := range asList(e["events"]) {
			events = append(events, str(asObj(ev), "name"))
		}
		g.addWebhook(reference.Webhook{
			ID: str(e, "id"), Title: str(e, "title"),
			Events:      dedupe(events),
			TriggeredBy: strs(e["triggered_by"]),
			Examples:    g.examples(asList(e["examples"])),
			Source:      source(e["source"]),
		})
	}
	return nil
}

// dedupe drops empty and repeated strings, keeping the first order.
func dedupe(in []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range in {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
