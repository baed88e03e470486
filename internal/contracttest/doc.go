// Package contracttest holds the contract test against Xendit's own OpenAPI
// files (testdata/openapi): it serves each file with Stoplight Prism on
// loopback and calls every SDK method that maps to one of its operations,
// so that a request the SDK sends that breaks the schema, or a response the
// schema allows that the SDK cannot decode, fails a test. The package has
// tests only; see prism_test.go for how to run them.
package contracttest
