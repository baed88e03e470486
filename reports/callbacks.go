package reports

import (
	"encoding/json"
	"fmt"
)

// Callback event names.
const (
	EventCompleted = "reports.completed"
	EventFailed    = "reports.failed"
)

// Callback is the body Xendit posts when a report is ready or failed: the
// event name and the report's fields, flat at the top level. Decode it with
// [ParseCallback] or the root webhook event's Decode method.
type Callback struct {
	// Event is reports.completed or reports.failed. The reference's example
	// leaves it out, so an empty Event is possible; Report.Status tells the
	// outcome either way.
	Event string `json:"event"`
	Report
}

// ParseCallback decodes a report callback body.
func ParseCallback(body []byte) (*Callback, error) {
	var cb Callback
	if err := json.Unmarshal(body, &cb); err != nil {
		return nil, fmt.Errorf("reports: decoding the callback: %w", err)
	}
	return &cb, nil
}
