// Package reference is the Xendit API reference's endpoint inventory as
// data: for each HTTP operation its method and path template, the headers
// as the reference spells them (version, idempotency, SNAP's signature
// headers), path, query and body parameters with their requirement and
// enums, the success status, the documented error codes, the webhooks it
// triggers and the reference's JSON examples, each with the lines of the
// reference it comes from.
//
// It is the independent side of two checks: the SDK's endpoint table is
// pinned to it (endpoints_reference_test.go in the root package), and the
// fake server answers from it. So it imports nothing of the SDK, and
// nothing in it is derived from the SDK's table or types.
//
// # Where it comes from
//
// The API reference (a text dump of Xendit's documentation) was read into
// an inventory, ../shared/reference/inventory beside the repository: four
// JSON files of different shapes, one per part of the reference, with the
// JSON examples extracted into files. Where the reference contradicts
// itself the inventory records a decision (endpoints-more.json's
// conventions: the method and path are the corrected ones, the printed
// ones are kept as doc_method/doc_path); this package takes the decided
// values. The generator, gen (logic in internal/build), normalises the four
// shapes into one, [Area], written to data/<area>.json and embedded.
//
// The unified payments API (Payment Requests, Payment Methods v2,
// Refunds) is not in the reference. Its contract is Xendit's own OpenAPI
// files, ../shared/reference/openapi (payment_request.yaml,
// payment_method.yaml, refund.yaml, late 2023; SOURCES.md there has their
// provenance and caveats), read into the areas paymentrequests,
// paymentmethods and refunds. Their Source is the file
// ("openapi/refund.yaml") and the operation's lines in it. What the files
// give is taken as they give it: paths with the file's placeholder names
// ({paymentRequestId}), header names as spelled (idempotency-key,
// for-user-id), the lowest 2xx response as SuccessStatus, the enum of each
// error response's error_code as Errors, anyOf and oneOf members as
// Variants. Examples are the request body's named examples, and else the
// schema's own example, which openapi-generator wrote from the properties'
// examples ("city: city" placeholders included); their names end in
// ".schema_<schema>.json". The files define no webhooks.
//
// Normalisation, in short: paths use {name} placeholders as the inventory
// writes them; requirements are "required", "optional", "conditional" or
// "" (not stated); nested body fields are nested (Param.Children, the item
// fields for an array of objects); the default base URL and the common
// errors of every endpoint are left out; client-side functions (Xendit.js)
// and cross-reference entries (Create Customer reprinted in other
// sections) are dropped. Descriptions and quirks stay in the inventory.
//
// # Regenerating
//
// With the inventory at ../shared/reference/inventory:
//
//	go generate ./internal/reference
//
// The package's tests regenerate into memory and fail when the committed
// files are stale; they skip when the inventory is absent, except in CI
// (CI=true). XENDIT_REFERENCE_INVENTORY and XENDIT_REFERENCE_OPENAPI point
// them at other copies.
package reference

//go:generate go run ./gen -in ../../../shared/reference/inventory -openapi ../../../shared/reference/openapi -out data
