package xendit_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
)

func TestTimeDecodesEveryLayoutXenditUses(t *testing.T) {
	cases := map[string]time.Time{
		`"2020-03-30T06:12:47.212Z"`:            time.Date(2020, 3, 30, 6, 12, 47, 212e6, time.UTC),
		`"2017-07-21T17:32:28Z"`:                time.Date(2017, 7, 21, 17, 32, 28, 0, time.UTC),
		`"2021-08-18T03:52:56.936277373Z"`:      time.Date(2021, 8, 18, 3, 52, 56, 936277373, time.UTC),
		`"2020-01-01 00:00:00.000Z"`:            time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC),
		`"2021-01-01T10:00:00+07:00"`:           time.Date(2021, 1, 1, 3, 0, 0, 0, time.UTC),
		`"2022-05-06T07:08:09.123"`:             time.Date(2022, 5, 6, 7, 8, 9, 123e6, time.UTC),
		`"2022-05-06 07:08:09"`:                 time.Date(2022, 5, 6, 7, 8, 9, 0, time.UTC),
		`null`:                                  {},
		`""`:                                    {},
		`"2023-12-31T23:59:59.999999+08:00"`:    time.Date(2023, 12, 31, 15, 59, 59, 999999e3, time.UTC),
		`"2024-02-29 12:00:00.5+07:00"`:         time.Date(2024, 2, 29, 5, 0, 0, 5e8, time.UTC),
		`"2020-10-31T00:00:00.000000000+00:00"`: time.Date(2020, 10, 31, 0, 0, 0, 0, time.UTC),
		`"2020-03-26T05:44:26+0800"`:            time.Date(2020, 3, 25, 21, 44, 26, 0, time.UTC),
	}
	for in, want := range cases {
		var got xendit.Time
		require.NoError(t, json.Unmarshal([]byte(in), &got), in)
		assert.True(t, want.Equal(got.Time), "%s: got %v, want %v", in, got.Time, want)
	}
	for _, bad := range []string{`"yesterday"`, `"2020-13-01T00:00:00Z"`, `12345`} {
		var got xendit.Time
		assert.Error(t, json.Unmarshal([]byte(bad), &got), bad)
	}
}

func TestTimeEncodesRFC3339UTCMillis(t *testing.T) {
	in := xendit.Time{Time: time.Date(2021, 1, 1, 10, 0, 0, 123456789, time.FixedZone("WIB", 7*3600))}
	b, err := json.Marshal(in)
	require.NoError(t, err)
	assert.JSONEq(t, `"2021-01-01T03:00:00.123Z"`, string(b))
	b, err = json.Marshal(xendit.Time{})
	require.NoError(t, err)
	assert.Equal(t, "null", string(b))
}

func TestNumberAcceptsNumbersAndNumericStrings(t *testing.T) {
	var v struct {
		A, B, C, D, E xendit.Number
	}
	require.NoError(t, json.Unmarshal([]byte(`{"A":10000,"B":"7.5","C":null,"D":"","E":1.25e3}`), &v))
	assert.Equal(t, 10000.0, v.A.Float64())
	assert.Equal(t, 7.5, v.B.Float64())
	assert.Zero(t, v.C.Float64())
	assert.Zero(t, v.D.Float64())
	assert.Equal(t, 1250.0, v.E.Float64())
	assert.Error(t, json.Unmarshal([]byte(`{"A":"ten"}`), &v))
	b, err := json.Marshal(xendit.NumberOf(12.5))
	require.NoError(t, err)
	assert.Equal(t, "12.5", string(b))
}

func TestNullableOmitsSendsValueOrExplicitNull(t *testing.T) {
	type patch struct {
		Email  xendit.Nullable[string] `json:"email,omitzero"`
		Mobile xendit.Nullable[string] `json:"mobile_number,omitzero"`
		Phone  xendit.Nullable[string] `json:"phone_number,omitzero"`
	}
	b, err := json.Marshal(patch{Email: xendit.Set("a@example.com"), Mobile: xendit.Null[string]()})
	require.NoError(t, err)
	assert.JSONEq(t, `{"email":"a@example.com","mobile_number":null}`, string(b))

	var back patch
	require.NoError(t, json.Unmarshal(b, &back))
	v, ok := back.Email.Get()
	assert.True(t, ok)
	assert.Equal(t, "a@example.com", v)
	assert.True(t, back.Mobile.IsNull())
	assert.True(t, back.Phone.IsZero())
}

// A service that stores, forwards or signs what it received must get the
// same text back.
func TestTimeReencodesWhatWasReceived(t *testing.T) {
	for _, in := range []string{
		`"2021-08-18T03:52:56.936277373Z"`, `"2021-01-01T10:00:00+07:00"`, `"2022-05-06 07:08:09"`,
		`"2020-10-31T00:00:00.000000000+00:00"`, `"2017-07-21T17:32:28Z"`, `""`, `null`,
	} {
		var got xendit.Time
		require.NoError(t, json.Unmarshal([]byte(in), &got), in)
		b, err := json.Marshal(got)
		require.NoError(t, err)
		assert.Equal(t, in, string(b))
	}
	var changed xendit.Time
	require.NoError(t, json.Unmarshal([]byte(`"2021-08-18T03:52:56.936277373Z"`), &changed))
	changed.Time = changed.Add(time.Second)
	b, err := json.Marshal(changed)
	require.NoError(t, err)
	assert.Equal(t, `"2021-08-18T03:52:57.936Z"`, string(b), "a changed value is encoded afresh")
}

// cards sends some amounts as strings ("100000", "25"): they go back out as
// strings, and numbers as the numbers they were.
func TestNumberReencodesWhatWasReceived(t *testing.T) {
	for _, in := range []string{`"100000"`, `"25"`, `"7.50"`, `""`, `null`, `25`, `1.0`, `1.25e3`} {
		var n xendit.Number
		require.NoError(t, json.Unmarshal([]byte(in), &n), in)
		b, err := json.Marshal(n)
		require.NoError(t, err)
		assert.Equal(t, in, string(b))
	}
	b, err := json.Marshal(xendit.NumberOf(12.5))
	require.NoError(t, err)
	assert.Equal(t, "12.5", string(b), "a Number made in Go is a number")
}
