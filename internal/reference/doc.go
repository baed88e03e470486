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
// (CI=true). XENDIT_REFERENCE_INVENTORY points them at another copy.
package reference

//go:generate go run ./gen -in ../../../shared/reference/inventory -out data
