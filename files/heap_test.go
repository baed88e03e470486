package files_test

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"io"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go/files"
	"github.com/seed19b1029f/xendit-go/internal/fake"
)

// patternReader yields n deterministic bytes (a PDF header, then 64 KiB
// blocks stamped with their index) without holding them: a stand-in for a
// large file that is neither on disk nor in memory, and not re-readable.
type patternReader struct {
	n, off int64
	block  []byte
}

func newPattern(n int64) *patternReader {
	b := make([]byte, 64<<10)
	for i := range b {
		b[i] = byte(i * 7)
	}
	copy(b, "%PDF-1.4\n")
	return &patternReader{n: n, block: b}
}

func (p *patternReader) Read(b []byte) (int, error) {
	if p.off >= p.n {
		return 0, io.EOF
	}
	i := p.off % int64(len(p.block))
	if i == 0 && p.off > 0 {
		binary.BigEndian.PutUint64(p.block[:8], uint64(p.off))
	}
	n := copy(b, p.block[i:min(int64(len(p.block)), i+p.n-p.off)])
	p.off += int64(n)
	return n, nil
}

// peakHeap samples the live heap every few milliseconds while f runs and
// returns the largest growth over the heap before f.
func peakHeap(t *testing.T, f func()) uint64 {
	t.Helper()
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	base := read()
	var peak uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		tick := time.NewTicker(2 * time.Millisecond)
		defer tick.Stop()
		for {
			peak = max(peak, read())
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	})
	f()
	close(stop)
	wg.Wait()
	if peak < base {
		return 0
	}
	return peak - base
}

// flatHeapSize is the file TestFlatHeap moves each way.
const flatHeapSize = 256 << 20

// TestFlatHeap uploads and downloads 256 MiB through xendittest, client and
// fake server in this process, and checks that the live heap never grows by
// 16 MiB: nothing holds the file. It is the one test here not marked
// parallel, so that it measures the heap alone: Go runs the parallel tests
// after it.
func TestFlatHeap(t *testing.T) {
	if testing.Short() {
		t.Skip("moves hundreds of MiB")
	}
	srv, c := fake.Server(t, fake.NoRetries)
	srv.SetFileSizeLimit(1 << 30)
	api := files.New(c)
	ctx := context.Background()

	want := sha256.New()
	_, _ = io.Copy(want, newPattern(flatHeapSize))

	var (
		up  *files.File
		err error
	)
	upPeak := peakHeap(t, func() {
		up, err = api.Upload(ctx, &files.UploadParams{Purpose: files.PurposeKYCDocument, Filename: "big.pdf",
			Reader: newPattern(flatHeapSize), MaxSize: 1 << 30})
	})
	require.NoError(t, err)
	assert.Equal(t, int64(flatHeapSize), up.Size)

	got := sha256.New()
	var n int64
	downPeak := peakHeap(t, func() { n, err = api.DownloadTo(ctx, up.ID, got) })
	require.NoError(t, err)
	assert.Equal(t, int64(flatHeapSize), n)
	assert.Equal(t, want.Sum(nil), got.Sum(nil), "the download is the upload, byte for byte")

	t.Logf("%d MiB: peak heap growth upload %.2f MiB, download %.2f MiB",
		flatHeapSize>>20, float64(upPeak)/(1<<20), float64(downPeak)/(1<<20))
	assert.Less(t, upPeak, uint64(16<<20))
	assert.Less(t, downPeak, uint64(16<<20))
}
