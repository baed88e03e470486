package snap_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go/snap"
)

func TestTimeReencodesWhatWasReceived(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		`"2020-12-31T23:59:59.1234567890123456-07:00"`, `"2023-12-31T23:59:59.000Z"`, `"2020-12-31T23:59:59-07:00"`, `""`, `null`,
	} {
		var got snap.Time
		require.NoError(t, json.Unmarshal([]byte(in), &got), in)
		b, err := json.Marshal(got)
		require.NoError(t, err)
		assert.Equal(t, in, string(b))
	}
	b, err := json.Marshal(snap.At(time.Date(2024, 5, 1, 10, 0, 0, 5, snap.WIB)))
	require.NoError(t, err)
	assert.Equal(t, `"2024-05-01T10:00:00+07:00"`, string(b), "a value the caller made uses the request layout")
}
