package xendit

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// eventName checks that body is a JSON object and returns its top-level
// "event" member when that is a string, as encoding/json would decode it
// into a map (the key matched exactly, the last of duplicates wins). It
// validates once and then walks the top level only, without decoding the
// rest: the function decodes the body anyway.
func eventName(body []byte) (string, error) {
	if !json.Valid(body) {
		return "", fmt.Errorf("%w: the body is not a JSON object", ErrWebhookMalformed)
	}
	i := skipSpace(body, 0)
	if body[i] != '{' {
		return "", fmt.Errorf("%w: the body is not a JSON object", ErrWebhookMalformed)
	}
	event := ""
	i++
	for {
		i = skipSpace(body, i)
		if body[i] == '}' {
			return event, nil
		}
		keyStart := i
		i = skipString(body, i)
		key := body[keyStart:i]
		i = skipSpace(body, i) + 1 // the colon
		i = skipSpace(body, i)
		valueStart := i
		i = skipValue(body, i)
		if isEventKey(key) {
			event = ""
			if body[valueStart] == '"' {
				event = jsonString(body[valueStart:i])
			}
		}
		i = skipSpace(body, i)
		if body[i] == '}' {
			return event, nil
		}
		i++ // the comma
	}
}

// The helpers below walk JSON that json.Valid accepted, so they need not
// check what they find.

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// skipString returns the index after the string that starts at b[i].
func skipString(b []byte, i int) int {
	for i++; b[i] != '"'; i++ {
		if b[i] == '\\' {
			i++
		}
	}
	return i + 1
}

// skipValue returns the index after the value that starts at b[i].
func skipValue(b []byte, i int) int {
	switch b[i] {
	case '"':
		return skipString(b, i)
	case '{', '[':
		depth := 0
		for {
			switch b[i] {
			case '"':
				i = skipString(b, i)
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			}
			i++
		}
	}
	for i < len(b) && b[i] != ',' && b[i] != '}' && b[i] != ']' &&
		b[i] != ' ' && b[i] != '\t' && b[i] != '\n' && b[i] != '\r' {
		i++
	}
	return i
}

// isEventKey reports whether a quoted key is "event", escapes decoded.
func isEventKey(quoted []byte) bool {
	if string(quoted) == `"event"` {
		return true
	}
	return bytes.IndexByte(quoted, '\\') >= 0 && jsonString(quoted) == "event"
}

// jsonString decodes a quoted JSON string; plain ASCII without escapes is
// copied as it is, anything else goes through encoding/json.
func jsonString(quoted []byte) string {
	plain := true
	for _, c := range quoted[1 : len(quoted)-1] {
		if c == '\\' || c >= 0x80 {
			plain = false
			break
		}
	}
	if plain {
		return string(quoted[1 : len(quoted)-1])
	}
	var s string
	_ = json.Unmarshal(quoted, &s)
	return s
}
