// Command gcdemo keeps the garbage collector busy for a while and then
// exits, so GODEBUG traces can be read without a load generator.
//
//	GODEBUG=gctrace=1 ./gcdemo -d 3s
//	GODEBUG=gctrace=1 ./gcdemo -d 10s -retain   # the live heap grows like a leak
//	GODEBUG=gctrace=1 ./gcdemo -d 10s -ring     # the live heap grows, then levels off
//	GODEBUG=scavtrace=1 ./gcdemo
//
// Halfway through it calls runtime.GC and debug.FreeOSMemory once each,
// so the traces also show what a forced collection and a forced scavenge
// look like.
package main

import (
	"flag"
	"io"
	"log"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"time"
)

// node carries a pointer so the collector has to scan it: garbage made of
// plain []byte would be skipped during marking and give it little to do.
type node struct {
	next *node
	data [56]byte
}

// kept holds what -retain holds on to. Memory still referenced from here
// can never be collected: in Go, a leak is memory you keep a reference to.
var kept []*node

// ringSize lists of about 64 KiB each: -ring keeps every 10th list in a ring
// of ringSize, about 6 MiB once full (after about a second), the way a cache
// or a buffer of recent requests fills up and then stays the same size.
const ringSize = 100

var ring [ringSize]*node

func main() {
	d := flag.Duration("d", 3*time.Second, "how long to run")
	retain := flag.Bool("retain", false, "keep every 10th list forever, so the live heap grows")
	useRing := flag.Bool("ring", false, "keep every 10th list in a ring of 100, so the live heap grows to about 6 MiB and stays there")
	leakcheck := flag.Bool("leakcheck", false, "at the end, run the GC's goroutine leak check (Go 1.26+, GOEXPERIMENT=goroutineleakprofile)")
	flag.Parse()

	start := time.Now()
	forced := false
	for i := 0; time.Since(start) < *d; i++ {
		list := garbage(1000) // about 64 KiB

		if *retain && i%10 == 0 {
			kept = append(kept, list)
		}
		if *useRing && i%10 == 0 {
			ring[(i/10)%ringSize] = list // the list it replaces becomes garbage
		}

		if !forced && time.Since(start) > *d/2 {
			runtime.GC()         // gctrace marks this cycle "(forced)"
			debug.FreeOSMemory() // another forced GC, then returns free memory to the OS
			forced = true
		}

		// Pace the allocations so a few seconds give tens of cycles, not thousands.
		time.Sleep(time.Millisecond)
	}

	if *leakcheck {
		checkLeaks()
	}
}

// garbage builds a linked list of n nodes that the caller will usually drop.
func garbage(n int) *node {
	var head *node
	for i := 0; i < n; i++ {
		head = &node{next: head}
	}
	return head
}

// checkLeaks leaves a goroutine blocked on a channel that nothing else can
// reach, then asks for the goroutineleak profile. Writing that profile runs
// a GC cycle that looks for such goroutines, and gctrace marks that cycle.
func checkLeaks() {
	go func() {
		ch := make(chan int)
		<-ch // no one else has ch: this receive can never finish
	}()
	time.Sleep(10 * time.Millisecond) // let it block

	p := pprof.Lookup("goroutineleak")
	if p == nil {
		log.Print("no goroutineleak profile: build with Go 1.26+ and GOEXPERIMENT=goroutineleakprofile")
		return
	}
	if err := p.WriteTo(io.Discard, 0); err != nil {
		log.Print(err)
	}
}
