package xendittest

import (
	"crypto/rsa"
	"encoding/json"
	"net/http"
	"sync"
	"time"
)

// products is the state of the hand-written product models, on the Server.
type products struct {
	prod *productState
	pay  *paymentsState
	crd  *cardsState
	snp  *snapState
}

// productState is what the customers, files, reports and transactions fakes
// keep.
type productState struct {
	mu           sync.Mutex
	customers    map[string]*customerRecord // by id
	files        map[string]*storedFile
	fileLimit    int64
	reports      map[string]*reportRecord
	reportDelay  time.Duration
	transactions []Transaction
	idempotent   map[string]*idempotentResult
}

func newProducts(merchant *rsa.PublicKey) products {
	return products{
		prod: &productState{
			customers:  make(map[string]*customerRecord),
			files:      make(map[string]*storedFile),
			fileLimit:  DefaultFileSizeLimit,
			reports:    make(map[string]*reportRecord),
			idempotent: make(map[string]*idempotentResult),
		},
		pay: newPaymentsState(),
		crd: newCardsState(),
		snp: newSNAPState(merchant),
	}
}

func (s *Server) state() *productState { return s.prod }

// businessID is the business id the fake puts in the objects it creates.
const businessID = "5f34f60535ba7c1c0eed846a"

// nowString is the server's time in the API's layout.
func (s *Server) nowString() string {
	return s.clock.Now().UTC().Format("2006-01-02T15:04:05.000Z07:00")
}

// decodeJSON reads a JSON object body, answering 400 when it is not one.
func decodeJSON(w http.ResponseWriter, r *http.Request) (map[string]any, bool) {
	var m map[string]any
	if err := json.NewDecoder(r.Body).Decode(&m); err != nil || m == nil {
		writeValidation(w, "the request body must be a JSON object")
		return nil, false
	}
	return m, true
}
