package xendit

import "errors"

// Page is one page of a list endpoint: the items, whether more follow, and
// the links some endpoints add. Every product's List returns one; its All
// walks the pages for you. An endpoint that answers a bare array is given as
// a Page with HasMore false.
type Page[T any] struct {
	Data    []T  `json:"data"`
	HasMore bool `json:"has_more"`
	// Links holds, on the endpoints that send it, the relative href of the
	// next page (Rel "next") while HasMore is true.
	Links []Link `json:"links,omitzero"`
}

// Link is a link to another page of a list.
type Link struct {
	Href   string `json:"href"`
	Method string `json:"method"`
	Rel    string `json:"rel"`
}

// ErrPagination is wrapped by the error an All iterator yields when it
// cannot page further safely: the API handed back a cursor it had already
// used (following it would loop), or said more pages follow without saying
// how to reach them.
var ErrPagination = errors.New("xendit: cannot page further")
