package xendittest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"time"
)

// handler is the one shape of the fake's hand-written endpoint code: it
// reads the call and answers through it.
type handler func(c *call)

// call is one request as a handler sees it, after the server's checks.
type call struct {
	s       *Server
	w       http.ResponseWriter
	r       *http.Request
	account string         // the merchant: for-user-id, else the secret key
	body    map[string]any // the JSON body, nil when there is none
	raw     []byte
	// snapService is the SNAP service code ("27" for Create VA) that goes
	// in the 7-digit responseCode; empty for the classic API.
	snapService string
}

// param is the path parameter name, as the reference names it.
func (c *call) param(name string) string { return c.r.PathValue(name) }

// query is the query parameter name.
func (c *call) query(name string) string { return c.r.URL.Query().Get(name) }

// now is the server's time, UTC.
func (c *call) now() time.Time { return c.s.clock.Now().UTC() }

// reply answers status with v as JSON.
func (c *call) reply(status int, v any) { WriteJSON(c.w, status, v) }

// ok answers 200 with v.
func (c *call) ok(v any) { c.reply(http.StatusOK, v) }

// fail answers an error the way the endpoint's API does: Xendit's
// {error_code, message}, or for SNAP {responseCode, responseMessage} with
// the code HTTP status, service code and case (code, two digits).
func (c *call) fail(status int, code, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if c.snapService != "" {
		c.reply(status, map[string]string{"responseCode": strconv.Itoa(status) + c.snapService + code, "responseMessage": msg})
		return
	}
	WriteError(c.w, status, code, msg)
}

// invalid answers 400 for a field or header that breaks the reference:
// API_VALIDATION_ERROR, or SNAP's 400xx01 (invalid field format).
func (c *call) invalid(format string, args ...any) {
	if c.snapService != "" {
		c.fail(http.StatusBadRequest, "01", "Invalid field format: "+format, args...)
		return
	}
	c.fail(http.StatusBadRequest, "API_VALIDATION_ERROR", format, args...)
}

// missing answers 400 for a required field or header that is absent:
// API_VALIDATION_ERROR, or SNAP's 400xx02 (missing mandatory field).
func (c *call) missing(name string) {
	if c.snapService != "" {
		c.fail(http.StatusBadRequest, "02", "Missing mandatory field or header: %s", name)
		return
	}
	c.fail(http.StatusBadRequest, "API_VALIDATION_ERROR", "%s is required", name)
}

// notFound answers 404 with code (SNAP: 404xx01, the BI SNAP standard's
// "not found", which the reference does not list).
func (c *call) notFound(code, what string) {
	if c.snapService != "" {
		code = "01"
	}
	c.fail(http.StatusNotFound, code, "%s not found", what)
}

// str, num and obj read a field of a JSON object.
func str(m map[string]any, k string) string { s, _ := m[k].(string); return s }

func num(m map[string]any, k string) (float64, bool) {
	switch v := m[k].(type) {
	case float64:
		return v, true
	case int64:
		return float64(v), true
	case int:
		return float64(v), true
	case json.Number:
		f, err := v.Float64()
		return f, err == nil
	case string: // the card API documents some amounts as strings
		f, err := strconv.ParseFloat(v, 64)
		return f, err == nil
	}
	return 0, false
}

func obj(m map[string]any, k string) map[string]any { o, _ := m[k].(map[string]any); return o }

// stamp is t in the API's layout, milliseconds and Z.
func stamp(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z07:00") }

// orDefault is v, or def when v is empty.
func orDefault(v, def string) string {
	if v == "" {
		return def
	}
	return v
}
