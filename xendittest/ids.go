package xendittest

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"sync"
)

// ids hands out object ids in the shapes the reference shows: a prefix
// ("ewc_", "cust_", "pm-", ...) and a UUID, or for the card API a 24-digit
// hex string. Each prefix has its own counter, so a test's ids follow the
// order of its requests; a random part taken once per Server keeps two
// Servers' ids apart.
type ids struct {
	salt string // 8 hex digits

	mu sync.Mutex
	n  map[string]uint64
}

func newIDs() *ids {
	var b [4]byte
	_, _ = rand.Read(b[:])
	return &ids{salt: hex.EncodeToString(b[:]), n: make(map[string]uint64)}
}

func (g *ids) next(prefix string) uint64 {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.n[prefix]++
	return g.n[prefix]
}

// uuid returns prefix and a version-4-shaped UUID.
func (g *ids) uuid(prefix string) string {
	return fmt.Sprintf("%s%s-0000-4000-8000-%012x", prefix, g.salt, g.next(prefix))
}

// hex24 returns a 24-digit hex id, the card API's shape.
func (g *ids) hex24(kind string) string {
	return fmt.Sprintf("%s%016x", g.salt, g.next("hex24:"+kind))
}
