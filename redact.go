package xendit

import "strings"

// redactedText stands in for a secret removed from text a server sent.
const redactedText = "[redacted]"

// maxEscapeLen is the longest spelling of one character that redact
// recognizes ("&#x0002B;").
const maxEscapeLen = 11

// redact removes every occurrence of the secrets from t, whether a secret is
// spelled literally or with any of its characters escaped as a JSON, URL or
// HTML encoder may escape them ("\u002B", "\/", "%2B", "&#43;"), so that
// neither a raw body nor what decoding it yields can hold one.
func redact(t string, secrets []string) string {
	if !strings.ContainsAny(t, `\%&`) {
		for _, s := range secrets {
			if strings.Contains(t, s) {
				t = strings.ReplaceAll(t, s, redactedText)
			}
		}
		return t
	}
	var b strings.Builder
	last := 0
	for i := 0; i < len(t); {
		end := -1
		for _, s := range secrets {
			if e := matchEscaped(t, i, s); e > end {
				end = e
			}
		}
		if end < 0 {
			i++
			continue
		}
		b.WriteString(t[last:i])
		b.WriteString(redactedText)
		i, last = end, end
	}
	if last == 0 {
		return t
	}
	b.WriteString(t[last:])
	return b.String()
}

// matchEscaped returns where an occurrence of s that starts at t[i] ends,
// or -1.
func matchEscaped(t string, i int, s string) int {
	for j := 0; j < len(s); j++ {
		n := spelledAs(t[i:], s[j])
		if n == 0 {
			return -1
		}
		i += n
	}
	return i
}

// spelledAs returns the length of the spelling of c that t starts with, or 0.
func spelledAs(t string, c byte) int {
	if t == "" {
		return 0
	}
	if t[0] == c {
		return 1
	}
	switch t[0] {
	case '\\': // JSON and JavaScript escapes
		if len(t) >= 2 && t[1] == c && (c == '/' || c == '"' || c == '\\') {
			return 2
		}
		if len(t) >= 6 && t[1] == 'u' && hexValue(t[2:6]) == int(c) {
			return 6
		}
		if len(t) >= 4 && t[1] == 'x' && hexValue(t[2:4]) == int(c) {
			return 4
		}
	case '%': // URL encoding
		if len(t) >= 3 && hexValue(t[1:3]) == int(c) {
			return 3
		}
	case '&': // HTML character references
		if len(t) >= 4 && t[1] == '#' {
			end := strings.IndexByte(t[:min(len(t), maxEscapeLen)], ';')
			if end < 0 {
				return 0
			}
			if (t[2] == 'x' || t[2] == 'X') && hexValue(t[3:end]) == int(c) ||
				decValue(t[2:end]) == int(c) {
				return end + 1
			}
			return 0
		}
		for _, ref := range htmlRefs {
			if ref.c == c && strings.HasPrefix(t, ref.name) {
				return len(ref.name)
			}
		}
	}
	return 0
}

var htmlRefs = []struct {
	c    byte
	name string
}{{'+', "&plus;"}, {'=', "&equals;"}, {'/', "&sol;"}, {'&', "&amp;"}, {'"', "&quot;"}, {'_', "&lowbar;"}}

// hexValue parses 1 to 8 hex digits, or returns -1.
func hexValue(s string) int {
	if s == "" || len(s) > 8 {
		return -1
	}
	v := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			v = v<<4 | int(c-'0')
		case c >= 'a' && c <= 'f':
			v = v<<4 | int(c-'a'+10)
		case c >= 'A' && c <= 'F':
			v = v<<4 | int(c-'A'+10)
		default:
			return -1
		}
	}
	return v
}

// decValue parses 1 to 8 decimal digits, or returns -1.
func decValue(s string) int {
	if s == "" || len(s) > 8 {
		return -1
	}
	v := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return -1
		}
		v = v*10 + int(s[i]-'0')
	}
	return v
}
