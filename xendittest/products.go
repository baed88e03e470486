package xendittest

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"runtime"
	"sync"
	"time"
	"weak"
)

// productState is what the customers, files, reports and transactions fakes
// keep. It hangs off the Server through a weak registry rather than a field,
// so those fakes live in their own files; it goes away with the Server.
type productState struct {
	mu           sync.Mutex
	customers    map[string]*customerRecord // by id
	files        map[string]*storedFile
	fileLimit    int64
	reports      map[string]*reportRecord
	reportDelay  time.Duration
	reportHook   callbackTarget // reports.go: SetReportCallbackURL
	transactions []Transaction
	idempotent   map[string]*idempotentResult
}

var products sync.Map // weak.Pointer[Server] -> *productState

// state returns s's product state, creating it on first use.
func (s *Server) state() *productState {
	wp := weak.Make(s)
	if st, ok := products.Load(wp); ok {
		return st.(*productState)
	}
	st, loaded := products.LoadOrStore(wp, &productState{
		customers:  make(map[string]*customerRecord),
		files:      make(map[string]*storedFile),
		fileLimit:  DefaultFileSizeLimit,
		reports:    make(map[string]*reportRecord),
		idempotent: make(map[string]*idempotentResult),
	})
	if !loaded {
		runtime.AddCleanup(s, func(wp weak.Pointer[Server]) { products.Delete(wp) }, wp)
	}
	return st.(*productState)
}

// newID returns prefix followed by a random UUID-shaped string.
func newID(prefix string) string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	h := hex.EncodeToString(b[:])
	return prefix + h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

// businessID is the business id the fake puts in the objects it creates.
const businessID = "5f34f60535ba7c1c0eed846a"

// nowString is the current time in the API's layout.
func nowString() string { return time.Now().UTC().Format("2006-01-02T15:04:05.000Z07:00") }

// decodeJSON reads a JSON object body, answering 400 when it is not one.
func decodeJSON(w http.ResponseWriter, r *http.Request) (map[string]any, bool) {
	var m map[string]any
	if err := json.NewDecoder(r.Body).Decode(&m); err != nil || m == nil {
		writeValidation(w, "the request body must be a JSON object")
		return nil, false
	}
	return m, true
}
