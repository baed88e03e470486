package chargerefund_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/chargerefund"
	"github.com/seed19b1029f/xendit-go/internal/fake"
)

type refund struct {
	ID string `json:"id"`
}

type status string

// The ewallets rows; the package is reached only through its endpoints.
var (
	createRefund = xendit.MustEndpoint("ewallets.create_refund")
	getRefund    = xendit.MustEndpoint("ewallets.get_refund")
	listRefunds  = xendit.MustEndpoint("ewallets.list_refunds")
)

// server answers every request with body and records the requests' URLs.
type server struct {
	mu   sync.Mutex
	urls []*url.URL
}

func start(t *testing.T, body string) (*server, *xendit.Client) {
	t.Helper()
	s := &server{}
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.urls = append(s.urls, r.URL)
		n := len(s.urls)
		s.mu.Unlock()
		w.Header().Set("Request-Id", fmt.Sprint("req-", n))
		w.Header().Set("Content-Type", "application/json")
		_, _ = fmt.Fprint(w, body)
	}))
	t.Cleanup(ts.Close)
	c, err := xendit.New("xnd_development_test", xendit.WithBaseURL(ts.URL), xendit.WithRetryPolicy(fake.NoRetries))
	require.NoError(t, err)
	return s, c
}

func (s *server) requests() []*url.URL {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]*url.URL(nil), s.urls...)
}

func TestCallsReachTheProductsRows(t *testing.T) {
	t.Parallel()
	s, c := start(t, `{"id":"ewr_1","data":[],"has_more":false}`)
	ctx := t.Context()
	r, err := chargerefund.Create[refund](ctx, c, createRefund, "ewc_1", map[string]any{}, nil)
	require.NoError(t, err)
	assert.Equal(t, "ewr_1", r.ID)
	_, err = chargerefund.Get[refund](ctx, c, getRefund, "ewc_1", "ewr_1", nil)
	require.NoError(t, err)
	_, err = chargerefund.List[refund, status](ctx, c, listRefunds, "ewc_1", nil, nil)
	require.NoError(t, err)
	st := status("FAILED")
	_, err = chargerefund.List[refund](ctx, c, listRefunds, "ewc_1", &chargerefund.ListParams[status]{Limit: xendit.Ptr(5), Status: &st}, nil)
	require.NoError(t, err)

	reqs := s.requests()
	require.Len(t, reqs, 4)
	assert.Equal(t, "/ewallets/charges/ewc_1/refunds", reqs[0].Path)
	assert.Equal(t, "/ewallets/charges/ewc_1/refunds/ewr_1", reqs[1].Path)
	assert.Empty(t, reqs[2].RawQuery, "nil params: the API's defaults")
	assert.Equal(t, url.Values{"limit": {"5"}, "status": {"FAILED"}}, reqs[3].Query())
}

func TestListChecksTheLimit(t *testing.T) {
	t.Parallel()
	s, c := start(t, `{"data":[],"has_more":false}`)
	for _, limit := range []int{0, -1, 51} {
		_, err := chargerefund.List[refund, status](t.Context(), c, listRefunds, "ewc_1", &chargerefund.ListParams[status]{Limit: &limit}, nil)
		var ve *xendit.ValidationError
		require.ErrorAs(t, err, &ve, "limit %d", limit)
		assert.Equal(t, "limit", ve.Field)
	}
	for _, limit := range []int{1, 50} {
		_, err := chargerefund.List[refund, status](t.Context(), c, listRefunds, "ewc_1", &chargerefund.ListParams[status]{Limit: &limit}, nil)
		require.NoError(t, err, "limit %d", limit)
	}
	assert.Len(t, s.requests(), 2, "only the valid limits were sent")
}

func collect(seq func(func(*refund, error) bool)) (ids []string, errs []error) {
	for r, err := range seq {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ids = append(ids, r.ID)
	}
	return ids, errs
}

func TestAllReadsOnePageOfTheLargestSize(t *testing.T) {
	t.Parallel()
	s, c := start(t, `{"data":[{"id":"a"},{"id":"b"}],"has_more":false}`)
	var resp xendit.Response
	var seen []string
	for r, err := range chargerefund.All[refund, status](t.Context(), c, listRefunds, "ewc_1", nil, []xendit.RequestOption{xendit.CaptureResponse(&resp)}) {
		require.NoError(t, err)
		assert.Equal(t, "req-1", resp.RequestID, "the page's response is captured before its refunds are yielded")
		seen = append(seen, r.ID)
	}
	assert.Equal(t, []string{"a", "b"}, seen)
	reqs := s.requests()
	require.Len(t, reqs, 1)
	assert.Equal(t, "50", reqs[0].Query().Get("limit"))

	st := status("PENDING")
	ids, errs := collect(chargerefund.All[refund](t.Context(), c, listRefunds, "ewc_1", &chargerefund.ListParams[status]{Limit: xendit.Ptr(7), Status: &st}, nil))
	assert.Empty(t, errs)
	assert.Equal(t, []string{"a", "b"}, ids)
	assert.Equal(t, url.Values{"limit": {"7"}, "status": {"PENDING"}}, s.requests()[1].Query(), "the caller's limit and status")
}

func TestAllEndsWithErrPaginationWhenMoreFollowWithoutACursor(t *testing.T) {
	t.Parallel()
	s, c := start(t, `{"data":[{"id":"a"},{"id":"b"}],"has_more":true}`)
	ids, errs := collect(chargerefund.All[refund, status](t.Context(), c, listRefunds, "ewc_1", nil, nil))
	assert.Equal(t, []string{"a", "b"}, ids, "the page's refunds first")
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], xendit.ErrPagination)
	assert.Len(t, s.requests(), 1, "no second page is guessed at")
}

func TestAllStopsWhenTheLoopBreaksAndYieldsCheckErrors(t *testing.T) {
	t.Parallel()
	s, c := start(t, `{"data":[{"id":"a"},{"id":"b"}],"has_more":true}`)
	for range chargerefund.All[refund, status](t.Context(), c, listRefunds, "ewc_1", nil, nil) {
		break
	}
	assert.Len(t, s.requests(), 1)

	_, errs := collect(chargerefund.All[refund, status](t.Context(), c, listRefunds, "ewc_1", &chargerefund.ListParams[status]{Limit: xendit.Ptr(51)}, nil))
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], xendit.ErrValidation)
	assert.Len(t, s.requests(), 1, "an invalid limit is not sent")
}
