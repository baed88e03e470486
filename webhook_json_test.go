package xendit

import (
	"encoding/json"
	"testing"
)

// FuzzEventName checks the handler's one-pass reading of "event" against
// encoding/json: the same bodies refused, the same event found.
//
//	go test -run='^$' -fuzz=FuzzEventName -fuzztime=30s .
func FuzzEventName(f *testing.F) {
	for _, s := range []string{
		`{"event":"reports.completed","id":"x"}`, `{"id":{"event":"nested"},"event":"top"}`,
		`{"event":"a","event":"b"}`, `{"\u0065vent":"escaped key"}`, `{"event":"\u00e9\n"}`,
		`{"event":7}`, `{"event":null}`, `{"data":["event",{"event":"no"}],"x":"}"}`, ` { } `,
		`[]`, `null`, `{`, `{"event":"a"}x`, "{\"event\":\"\xff\"}", `{"Event":"case"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		got, err := eventName(body)
		var m map[string]json.RawMessage
		decodeErr := json.Unmarshal(body, &m)
		if (err == nil) != (decodeErr == nil && m != nil) {
			t.Fatalf("eventName(%q) error %v; encoding/json into a map: %v, %v", body, err, m, decodeErr)
		}
		if err != nil {
			return
		}
		var want string
		if raw, ok := m["event"]; ok {
			_ = json.Unmarshal(raw, &want)
		}
		if got != want {
			t.Fatalf("eventName(%q) = %q; encoding/json says %q", body, got, want)
		}
	})
}
