// Command godebug is the small web service the lessons put under load to
// read the runtime's GODEBUG traces.
//
//	go build
//	GOMAXPROCS=1 GODEBUG=schedtrace=1000 ./godebug       # healthy
//	GOMAXPROCS=1 GODEBUG=schedtrace=1000 ./godebug leak  # leaks a goroutine per request
//	GODEBUG=schedtrace=1000,scheddetail=1 ./godebug block # leaks a blocked goroutine per request
//
// Set PORT to listen somewhere other than 4000.
package main

import (
	"encoding/json"
	"log"
	"net/http"
	"os"
	"time"
)

// user is the document every request gets back.
type user struct {
	Name  string `json:"name"`
	Email string `json:"email"`
}

// leak is set by the "leak" argument to turn on the bug the goroutine-leak lesson hunts for:
// goroutines that never stop and keep waking up.
var leak bool

// block is set by the "block" argument to turn on the quieter leak of the
// detailed-dump lesson: goroutines that wait forever and never run again.
var block bool

func main() {
	leak = len(os.Args) > 1 && os.Args[1] == "leak"
	block = len(os.Args) > 1 && os.Args[1] == "block"

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

// sendJSON answers a POST with a small JSON document.
func sendJSON(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.Error(w, "POST only", http.StatusMethodNotAllowed)
		return
	}

	u := user{Name: "Bill", Email: "bill@ardanlabs.com"}

	if leak {
		go heartbeat(u)
	}
	if block {
		go waitForReply(make(chan user))
	}

	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(u); err != nil {
		log.Println("sendjson:", err)
	}
}

// heartbeat is the leak: nothing ever tells it to stop, so every request
// leaves one more goroutine behind that wakes up forever. Long after the
// load is gone they keep the run queues busy, which is what schedtrace shows.
func heartbeat(u user) {
	for {
		time.Sleep(10 * time.Millisecond)

		// A little work per wake-up, as a real poller would do.
		if _, err := json.Marshal(u); err != nil {
			return
		}
	}
}

// waitForReply is the blocked leak: it waits for a reply on a channel that
// nobody ever sends on or closes. The goroutine never runs again, so it never
// enters a run queue; only a scheddetail dump, one G line each, shows it.
func waitForReply(reply chan user) {
	u := <-reply
	log.Println("reply for", u.Name)
}
