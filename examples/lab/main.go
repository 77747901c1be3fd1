// Command lab is the program the site's /lab/ page runs in the browser
// (GOOS=js GOARCH=wasm): it allocates at a chosen rate and object size, keeps
// some of it alive, and stops after a set time, so that the real Go runtime's
// gctrace and gcpacertrace lines can be watched as they are printed. It also
// runs natively:
//
//	GODEBUG=gctrace=1,gcpacertrace=1 go run . -rate 20 -size 4096 -live 8 -d 5s
//	GODEBUG=gctrace=1 GOGC=400 go run . -leak 5
//
// GOGC and GOMEMLIMIT are read by the runtime from the environment as usual;
// in the browser the page can change them while the program runs (see js.go),
// and the program applies them with debug.SetGCPercent and
// debug.SetMemoryLimit.
//
// The runtime's trace lines go to standard error. The program's own lines go
// to standard output, each starting with "lab:" and made of key=value words,
// so the page can read them: "lab: start", then "lab: progress" twice a
// second, "lab: set" when a setting changes, and "lab: end".
package main

import (
	"flag"
	"fmt"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// Bounds on what the program will do, whatever it is asked: the page's
// settings parser (src/present/lab-settings.ts) clamps to the same limits, so a link cannot make a tab
// allocate without end.
const (
	maxRate     = 200              // MB allocated per second
	maxObject   = 1 << 20          // bytes per object
	maxLive     = 128              // MB kept in the ring
	maxLeak     = 20               // percent of the allocated bytes kept forever
	maxDuration = 20 * time.Second // how long a run may last
)

// object is what the program allocates: a slice of pointers, so the
// collector has to scan every retained object word by word (plain []byte
// would be skipped during marking and give it little to do).
type object []*int

var (
	// ring holds the steady live heap: each new object replaces the oldest.
	ring []object
	// leaked holds what is kept forever: in Go, a leak is memory you keep a
	// reference to.
	leaked []object
	// sink keeps the latest object reachable, so the allocation is not optimised away.
	sink object
)

// setting is a change asked for while the program runs: a new GOGC
// (percent, -1 for off) or a new GOMEMLIMIT (bytes, math.MaxInt64 for none).
type setting struct {
	gogc     *int
	memLimit *int64
}

// settings carries the changes; js.go sends to it, and main applies them
// between allocations.
var settings = make(chan setting, 16)

func main() {
	rate := flag.Float64("rate", 20, "MB allocated per second")
	size := flag.Int("size", 4096, "bytes per object (rounded down to whole 8-byte words)")
	live := flag.Float64("live", 4, "MB kept alive at any time, in a ring: a steady live heap")
	leak := flag.Float64("leak", 0, "percent of the allocated bytes kept forever: a live heap that grows like a leak")
	d := flag.Duration("d", 10*time.Second, "how long to run")
	flag.Parse()

	*rate = clamp(*rate, 0.1, maxRate)
	words := int(clamp(float64(*size), 8, maxObject)) / 8
	*live = clamp(*live, 0, maxLive)
	*leak = clamp(*leak, 0, maxLeak)
	if *d <= 0 || *d > maxDuration {
		*d = maxDuration
	}
	objectBytes := float64(words * 8)
	ring = make([]object, int(*live*1e6/objectBytes))
	listenForSettings()

	fmt.Printf("lab: start go=%s os=%s arch=%s gomaxprocs=%d numcpu=%d gogc=%d gomemlimit=%d rate=%g size=%d live=%g leak=%g duration=%s\n",
		runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.GOMAXPROCS(0), runtime.NumCPU(),
		currentGOGC(), debug.SetMemoryLimit(-1), *rate, words*8, *live, *leak, *d)

	start := time.Now()
	var allocated, kept float64 // bytes
	var made int
	// The live heap is there from the start, so a run shows the collector with it, not the ring
	// filling (which would look like a leak); its bytes count as allocated, beyond the rate.
	for i := range ring {
		ring[i] = make(object, words)
		allocated += objectBytes
		made++
	}
	prefilled := allocated
	nextProgress := 500 * time.Millisecond
	for {
		elapsed := time.Since(start)
		if elapsed >= *d {
			break
		}
		// Catch up with the rate, in bursts of at most 20 ms, then sleep: in a
		// browser the runtime gives the thread back to JavaScript only when
		// every goroutine waits, and the page's messages are read then.
		want := prefilled + *rate*1e6*elapsed.Seconds()
		burst := time.Now()
		for allocated < want && time.Since(burst) < 20*time.Millisecond {
			for i := 0; i < 64 && allocated < want; i++ {
				o := make(object, words)
				sink = o
				allocated += objectBytes
				if len(ring) > 0 {
					ring[made%len(ring)] = o // the object it replaces becomes garbage
				}
				made++
				if kept+objectBytes <= allocated**leak/100 {
					leaked = append(leaked, o)
					kept += objectBytes
				}
			}
		}
		for len(settings) > 0 {
			apply(<-settings, elapsed)
		}
		if elapsed >= nextProgress {
			nextProgress += 500 * time.Millisecond
			fmt.Printf("lab: progress t=%.2f allocated=%.1f leaked=%.1f cycles=%d\n",
				elapsed.Seconds(), allocated/1e6, kept/1e6, gcCycles())
		}
		time.Sleep(2 * time.Millisecond)
	}
	fmt.Printf("lab: end t=%.2f allocated=%.1f leaked=%.1f cycles=%d\n",
		time.Since(start).Seconds(), allocated/1e6, kept/1e6, gcCycles())
	os.Stdout.Sync()
}

func apply(s setting, elapsed time.Duration) {
	if s.gogc != nil {
		debug.SetGCPercent(*s.gogc)
	}
	if s.memLimit != nil {
		debug.SetMemoryLimit(*s.memLimit)
	}
	fmt.Printf("lab: set t=%.2f gogc=%d gomemlimit=%d\n", elapsed.Seconds(), currentGOGC(), debug.SetMemoryLimit(-1))
}

// currentGOGC reads GOGC back: SetGCPercent returns the value it replaces.
func currentGOGC() int {
	v := debug.SetGCPercent(-1)
	debug.SetGCPercent(v)
	return v
}

var cyclesSample = []metrics.Sample{{Name: "/gc/cycles/total:gc-cycles"}}

// gcCycles counts completed GC cycles without stopping the world (unlike runtime.ReadMemStats).
func gcCycles() uint64 {
	metrics.Read(cyclesSample)
	if cyclesSample[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return cyclesSample[0].Value.Uint64()
}

func clamp(v, lo, hi float64) float64 {
	if math.IsNaN(v) {
		return lo
	}
	return math.Min(math.Max(v, lo), hi)
}
