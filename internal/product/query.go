package product

import (
	"net/url"
	"strconv"
	"time"

	"github.com/seed19b1029f/xendit-go"
)

// SetTimes adds the bounds of the created and updated times that list
// endpoints share (created[gte], created[lte], updated[gte], updated[lte]);
// a zero time is left out.
func SetTimes(q url.Values, createdFrom, createdTo, updatedFrom, updatedTo time.Time) {
	for k, t := range map[string]time.Time{
		"created[gte]": createdFrom, "created[lte]": createdTo,
		"updated[gte]": updatedFrom, "updated[lte]": updatedTo,
	} {
		if !t.IsZero() {
			q.Set(k, xendit.FormatTime(t))
		}
	}
}

// SetLimit adds the page size when one is set.
func SetLimit(q url.Values, limit *int) {
	if limit != nil {
		q.Set("limit", strconv.Itoa(*limit))
	}
}
