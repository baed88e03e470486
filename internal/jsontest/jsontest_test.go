package jsontest

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDiffFailsOnWhatIsGoneOrChanged(t *testing.T) {
	cases := []struct {
		want, got string
		diffs     int
	}{
		{`{"a":1,"b":"x"}`, `{"b":"x","a":1.0}`, 0},          // numbers numerically
		{`{"a":null,"b":[1,{"c":null}]}`, `{"b":[1,{}]}`, 0}, // null may come back absent
		{`{"a":1}`, `{"a":1,"extra":true}`, 0},               // keys the types add
		{`{"a":""}`, `{}`, 1},                                // a zero value gone
		{`{"a":false}`, `{}`, 1},
		{`{"a":"25"}`, `{"a":25}`, 1},                                                     // a string became a number
		{`{"t":"2021-01-01T00:00:56.936277373Z"}`, `{"t":"2021-01-01T00:00:56.936Z"}`, 1}, // timestamps by text
		{`{"a":{}}`, `{"a":null}`, 1},
		{`{"a":[1,2]}`, `{"a":[1]}`, 1},
		{`{"a":{"b":{"c":1}}}`, `{"a":{"b":{"c":2}}}`, 1},
		{`{"a":null}`, `{"a":0}`, 1},
	}
	for _, tc := range cases {
		assert.Len(t, Diff([]byte(tc.want), []byte(tc.got)), tc.diffs, "%s -> %s: %v", tc.want, tc.got, Diff([]byte(tc.want), []byte(tc.got)))
	}
}
