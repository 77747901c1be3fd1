// Command capstone is the leaking service of the capstone lesson: the lessons'
// web service with net/http/pprof mounted, so a goroutine profile can confirm
// what the traces point at, and with the fix one argument away.
//
//	go build
//	GOMAXPROCS=2 GODEBUG=gctrace=1,schedtrace=1000 ./capstone        # leaks
//	GOMAXPROCS=2 GODEBUG=gctrace=1,schedtrace=1000 ./capstone fixed  # fixed
//	curl 'http://127.0.0.1:4000/debug/pprof/goroutine?debug=1'
//
// Set PORT to listen somewhere other than 4000.
package main

import (
	"context"
	"encoding/json"
	"log"
	"net/http"
	_ "net/http/pprof" // serves /debug/pprof/ on the default mux
	"os"
	"time"
)

// user is the document every request gets back.
type user struct {
	Name  string `json:"name"`
	Email string `json:"email"`
}

// fixed is set by the "fixed" argument: each request's heartbeat stops when
// the request ends.
var fixed bool

func main() {
	fixed = len(os.Args) > 1 && os.Args[1] == "fixed"

	port := os.Getenv("PORT")
	if port == "" {
		port = "4000"
	}
	// Loopback only: this service exists to be hammered by a local load generator.
	addr := "127.0.0.1:" + port

	http.HandleFunc("/sendjson", sendJSON)

	log.Println("listener : Started : Listening on: http://" + addr)
	log.Fatal(http.ListenAndServe(addr, nil))
}

// sendJSON answers a POST with a small JSON document, and starts a heartbeat
// for the request.
func sendJSON(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.Error(w, "POST only", http.StatusMethodNotAllowed)
		return
	}

	u := user{Name: "Bill", Email: "bill@ardanlabs.com"}

	if fixed {
		go heartbeatUntil(r.Context(), u)
	} else {
		go heartbeat(u)
	}

	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(u); err != nil {
		log.Println("sendjson:", err)
	}
}

// heartbeat is the leak: nothing ever tells it to stop, so every request
// leaves one more goroutine behind that wakes up forever and keeps a record
// of every beat. The run queues fill with them (schedtrace) and the live
// heap grows with their records (gctrace), long after the load is gone.
func heartbeat(u user) {
	start := time.Now()
	var beats []time.Duration
	for {
		time.Sleep(10 * time.Millisecond)
		beats = append(beats, time.Since(start))
		if _, err := json.Marshal(u); err != nil {
			return
		}
	}
}

// heartbeatUntil is the fix: the same beat, stopped when the request's
// context is done, which net/http does when the handler returns.
func heartbeatUntil(ctx context.Context, u user) {
	start := time.Now()
	var beats []time.Duration
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-tick.C:
			beats = append(beats, now.Sub(start))
			if _, err := json.Marshal(u); err != nil {
				return
			}
		}
	}
}
