#!/usr/bin/env bash
# Records the GODEBUG traces the lessons show, from real Go runtimes.
#
#   bash scripts/capture.sh                      every scenario, every toolchain
#   bash scripts/capture.sh p8-leak gcdemo-ring  only these scenarios
#
# It builds examples/godebug, examples/gcdemo and examples/capstone with the machine's `go`, with
# Go 1.27.3 (the go command fetches that toolchain from the module proxy) and,
# when present, Debian's Go 1.19, runs each scenario below and writes the
# program's standard error, byte for byte, to content/traces/<setting>/
# go1.NN-<scenario>.txt. Then it writes content/traces/captures.json and
# content/traces/README.md with the provenance of every file.
#
# Naming scenarios records only those (on every toolchain) and keeps every
# other capture as it is: lessons quote lines of the existing files by number.
#
# Environment:
#   GO     the machine's toolchain (default: go)
#   GO127  Go 1.27 toolchain (default: the one `GOTOOLCHAIN=go1.27.3 go` runs; skipped if unavailable)
#   GO119  Go 1.19 toolchain (default: /usr/lib/go-1.19/bin/go; skipped if missing)
#   HEY    load generator (default: hey)
#
# Load only ever targets 127.0.0.1, and every run is bounded in time.
set -euo pipefail

cd "$(dirname "$0")/.."

GO=${GO:-go}
GO119=${GO119:-/usr/lib/go-1.19/bin/go}
if [ -z "${GO127:-}" ]; then
	root127=$(GOTOOLCHAIN=go1.27.3 "$GO" env GOROOT 2>/dev/null || true)
	GO127=${root127:+$root127/bin/go}
fi
HEY=${HEY:-hey}
OUT=content/traces
only=("$@") # scenarios to record; none named means all

# Only the variables each run sets may shape its output.
unset GODEBUG GOMAXPROCS GOGC GOMEMLIMIT GOTRACEBACK GOEXPERIMENT GOFLAGS PORT
export GOTOOLCHAIN=local # never download a toolchain; the go.mod says 1.19

command -v "$HEY" >/dev/null || { echo "capture: $HEY not found" >&2; exit 1; }

work=$(mktemp -d)
server=""

cleanup() {
	if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
		kill -KILL "$server" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Provenance of the current toolchain, set by capture_all.
gover="" # e.g. "go1.26.8 linux/amd64"
tag=""   # e.g. "go1.26"
bin=""   # where this toolchain's binaries are
today=$(date -u +%F)

# Provenance rows are fields separated by US (\x1f), a character no field
# contains; a tab would not do, as `read` merges empty tab-separated fields.
US=$'\x1f'

# record FILE GODEBUG GOMAXPROCS COMMAND LOAD PROGRAM BUILD
# Appends one provenance row; LOAD is empty when there was no load.
record() {
	printf '%s\n' "$1$US$gover$US$2$US$3$US$4$US$5$US$today$US$6$US$7" >>"$work/records"
	printf '  %-42s %6d lines %8d bytes\n' "$1" "$(wc -l <"$OUT/$1")" "$(wc -c <"$OUT/$1")"
}

# wanted FILE: whether this run records FILE (tag-scenario.txt).
wanted() {
	local scenario=${1#*/"$tag"-}
	scenario=${scenario%.txt}
	[ ${#only[@]} -eq 0 ] && return 0
	local s
	for s in "${only[@]}"; do [ "$s" = "$scenario" ] && return 0; done
	return 1
}

# complete FILE: a capture must end in a newline, or the program was stopped
# in the middle of printing a line. Such a capture is run again, never edited.
complete() {
	[ -s "$OUT/$1" ] && [ "$(tail -c 1 "$OUT/$1" | od -An -c | tr -d ' ')" = '\n' ]
}

free_port() {
	local p
	while :; do
		p=$((20000 + RANDOM % 20001))
		# Nobody answering there means the port is free for us.
		if ! (: >"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
			echo "$p"
			return
		fi
	done
}

wait_ready() {
	local port=$1 i
	for i in $(seq 100); do
		kill -0 "$server" 2>/dev/null || { echo "capture: server exited early" >&2; return 1; }
		if (: >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
			return 0
		fi
		sleep 0.05
	done
	echo "capture: server did not listen on $port" >&2
	return 1
}

stop_server() {
	local i
	kill -TERM "$server" 2>/dev/null || true
	for i in $(seq 30); do
		kill -0 "$server" 2>/dev/null || break
		sleep 0.1
	done
	kill -KILL "$server" 2>/dev/null || true
	wait "$server" 2>/dev/null || true
	server=""
}

now_ns() { date +%s%N; }

# sleep_until START_NS SECONDS: sleep until SECONDS (may be fractional)
# after START_NS.
sleep_until() {
	local left
	left=$(awk -v s="$1" -v d="$2" -v n="$(now_ns)" 'BEGIN { x = (s + d * 1e9 - n) / 1e9; print (x > 0 ? x : 0) }')
	sleep "$left"
}

# web FILE GODEBUG GOMAXPROCS LOAD_SECONDS TOTAL_SECONDS [leak|block]
# Runs the web service, puts LOAD_SECONDS of load on it (0: none), and stops
# it TOTAL_SECONDS after it started. Make TOTAL end in .5 for traces printed
# every whole second, so the stop never lands in the middle of a report.
# HEYRATE, when set, is hey's requests per second per worker (-q).
web() {
	local file=$1 godebug=$2 procs=$3 load=$4 total=$5 args=("${@:6}")
	local try port url cmd heycmd start rate=()
	wanted "$file" || return 0
	[ -n "${HEYRATE:-}" ] && rate=(-q "$HEYRATE")
	mkdir -p "$OUT/$(dirname "$file")"
	for try in 1 2 3; do
		port=$(free_port)
		url="http://127.0.0.1:$port/sendjson"
		cmd="GOMAXPROCS=$procs GODEBUG=$godebug PORT=$port ./godebug${args[*]:+ ${args[*]}}"
		heycmd=""
		start=$(now_ns)
		(cd "$bin" && GOMAXPROCS=$procs GODEBUG=$godebug PORT=$port exec ./godebug "${args[@]}") \
			>/dev/null 2>"$OUT/$file" &
		server=$!
		wait_ready "$port"
		if [ "$load" -gt 0 ]; then
			heycmd="hey -m POST -c 8${rate[*]:+ ${rate[*]}} -z ${load}s $url"
			timeout $((load + 15)) "$HEY" -m POST -c 8 "${rate[@]}" -z "${load}s" "$url" >"$work/hey.txt"
			grep -h 'Requests/sec' "$work/hey.txt" | sed 's/^ */  hey: /'
		fi
		sleep_until "$start" "$total"
		stop_server
		complete "$file" && break
		echo "  $file: stopped mid-line, running it again"
	done
	complete "$file" || { echo "capture: $file never ended cleanly" >&2; return 1; }
	record "$file" "$godebug" "$procs" "$cmd" "$heycmd" examples/godebug "go build"
}

# gcdemo FILE GODEBUG DIR BUILD ARGS...
# Runs DIR/gcdemo (which exits by itself) with GOMAXPROCS=2. GCENV, when set,
# is more of its environment, such as "GOGC=50" or "GOGC=off GOMEMLIMIT=24MiB".
gcdemo() {
	local file=$1 godebug=$2 dir=$3 build=$4 args=("${@:5}") extra=()
	wanted "$file" || return 0
	[ -n "${GCENV:-}" ] && read -r -a extra <<<"$GCENV"
	mkdir -p "$OUT/$(dirname "$file")"
	(cd "$dir" && exec env GOMAXPROCS=2 "${extra[@]}" GODEBUG="$godebug" timeout 60 ./gcdemo "${args[@]}") \
		>/dev/null 2>"$OUT/$file"
	complete "$file" || { echo "capture: $file is empty or unfinished" >&2; return 1; }
	record "$file" "$godebug" 2 "GOMAXPROCS=2 ${extra[*]:+${extra[*]} }GODEBUG=$godebug ./gcdemo ${args[*]}" "" examples/gcdemo "$build"
}

# capstone FILE [fixed]: the capstone lesson's service (examples/capstone),
# with gctrace and schedtrace, under 5 s of load at 100 requests a second per
# worker, stopped 9.5 s after it started. At 8 s, with the load over, its
# goroutine profile is saved to content/profiles/<tag>-<scenario>-goroutine.txt,
# with its provenance in content/profiles/captures.json.
capstone() {
	local file=$1 args=("${@:2}") godebug=gctrace=1,schedtrace=1000 procs=2 load=5 total=9.5
	local try port url cmd heycmd start profile profurl scenario
	wanted "$file" || return 0
	scenario=${file#*/}
	scenario=${scenario%.txt}
	profile="content/profiles/$scenario-goroutine.txt"
	mkdir -p "$OUT/$(dirname "$file")" content/profiles
	for try in 1 2 3; do
		port=$(free_port)
		url="http://127.0.0.1:$port/sendjson"
		profurl="http://127.0.0.1:$port/debug/pprof/goroutine?debug=1"
		cmd="GOMAXPROCS=$procs GODEBUG=$godebug PORT=$port ./capstone${args[*]:+ ${args[*]}}"
		heycmd="hey -m POST -c 8 -q 100 -z ${load}s $url"
		start=$(now_ns)
		(cd "$bin" && GOMAXPROCS=$procs GODEBUG=$godebug PORT=$port exec ./capstone "${args[@]}") \
			>/dev/null 2>"$OUT/$file" &
		server=$!
		wait_ready "$port"
		timeout $((load + 15)) "$HEY" -m POST -c 8 -q 100 -z "${load}s" "$url" >"$work/hey.txt"
		grep -h 'Requests/sec' "$work/hey.txt" | sed 's/^ */  hey: /'
		sleep_until "$start" 8
		curl -sf --max-time 5 "$profurl" >"$profile"
		sleep_until "$start" "$total"
		stop_server
		complete "$file" && break
		echo "  $file: stopped mid-line, running it again"
	done
	complete "$file" || { echo "capture: $file never ended cleanly" >&2; return 1; }
	record "$file" "$godebug" "$procs" "$cmd" "$heycmd" examples/capstone "go build -trimpath"
	printf '  %-42s %6d lines\n' "$profile" "$(wc -l <"$profile")"
	local entry
	entry=$(jq -n --arg file "${profile#content/profiles/}" --arg go "$gover" --arg trace "$file" \
		--arg command "curl '$profurl'" --arg date "$today" \
		'{file: $file, go: $go, trace: $trace, command: $command, at: "8 s after the service started, 3 s after the load ended", date: $date}')
	if [ -f content/profiles/captures.json ]; then
		jq --argjson e "$entry" '[.[] | select(.file != $e.file)] + [$e] | sort_by(.file)' \
			content/profiles/captures.json >"$work/profiles.json"
	else
		jq -n --argjson e "$entry" '[$e]' >"$work/profiles.json"
	fi
	mv "$work/profiles.json" content/profiles/captures.json
}

# lab FILE ARGS...
# Runs the GC lab's program (examples/lab, which exits by itself), with
# one P as in the browser and gctrace and pacer lines, as the lessons' "try it"
# boxes run it. GCENV, when set, is more of its environment, as for gcdemo.
lab() {
	local file=$1 args=("${@:2}") extra=() godebug=gctrace=1,gcpacertrace=1
	wanted "$file" || return 0
	[ -x "$bin/lab" ] || { echo "  $tag cannot build examples/lab: no $file"; return 0; }
	[ -n "${GCENV:-}" ] && read -r -a extra <<<"$GCENV"
	mkdir -p "$OUT/$(dirname "$file")"
	(cd "$bin" && exec env GOMAXPROCS=1 "${extra[@]}" GODEBUG="$godebug" timeout 60 ./lab "${args[@]}") \
		>/dev/null 2>"$OUT/$file"
	complete "$file" || { echo "capture: $file is empty or unfinished" >&2; return 1; }
	record "$file" "$godebug" 1 "GOMAXPROCS=1 ${extra[*]:+${extra[*]} }GODEBUG=$godebug ./lab ${args[*]}" "" examples/lab "go build"
}

# capture_all GOBINARY: every scenario with one toolchain.
capture_all() {
	local gobin=$1
	gover=$("$gobin" version | sed 's/^go version //')
	tag=$(echo "$gover" | sed -E 's/^(go[0-9]+\.[0-9]+).*/\1/')
	bin="$work/$tag"
	echo "== $gover"

	mkdir -p "$bin"
	(cd examples/godebug && "$gobin" build -o "$bin/godebug" .)
	(cd examples/gcdemo && "$gobin" build -o "$bin/gcdemo" .)
	# -trimpath: the goroutine profiles name files without this machine's paths.
	(cd examples/capstone && "$gobin" build -trimpath -o "$bin/capstone" .)
	(cd examples/lab && "$gobin" build -o "$bin/lab" .) 2>/dev/null || true
	# A full run drops this release's captures of scenarios that no longer exist.
	[ ${#only[@]} -eq 0 ] && rm -f "$OUT"/*/"$tag"-*.txt

	# Lessons 1-4: the scheduler under load, healthy and leaking.
	web "schedtrace/$tag-p1-load.txt" schedtrace=1000 1 5 9.5
	web "schedtrace/$tag-p1-leak.txt" schedtrace=1000 1 5 9.5 leak
	web "schedtrace/$tag-p2-load.txt" schedtrace=1000 2 5 9.5
	web "schedtrace/$tag-p2-leak.txt" schedtrace=1000 2 5 9.5 leak
	web "schedtrace/$tag-p8-load.txt" schedtrace=1000 8 5 9.5
	web "schedtrace/$tag-p8-leak.txt" schedtrace=1000 8 5 9.5 leak
	# One G line per goroutine ever created: keep it short and leak-free.
	web "scheddetail/$tag-p2-load.txt" schedtrace=1000,scheddetail=1 2 3 4.5
	# Lesson 6: goroutines blocked forever, one per request. 8 workers at 20
	# requests a second each leave about 160 more G lines in every dump.
	HEYRATE=20 web "scheddetail/$tag-p2-block.txt" schedtrace=1000,scheddetail=1 2 4 6.5 block

	# The collector under load. A cycle every few milliseconds: a few seconds is plenty.
	web "gctrace/$tag-web-load.txt" gctrace=1 2 3 3.5
	web "gcpacertrace/$tag-web-load.txt" gctrace=1,gcpacertrace=1 2 3 3.5
	web "inittrace/$tag-web.txt" inittrace=1 2 0 0.5

	# The collector on its own, with forced cycles halfway through.
	gcdemo "gctrace/$tag-gcdemo.txt" gctrace=1 "$bin" "go build" -d 3s
	gcdemo "gctrace/$tag-gcdemo-retain.txt" gctrace=1 "$bin" "go build" -d 6s -retain
	gcdemo "gctrace/$tag-gcdemo-ring.txt" gctrace=1 "$bin" "go build" -d 6s -ring
	gcdemo "gctrace/$tag-gcdemo-gctrace2.txt" gctrace=2 "$bin" "go build" -d 1s
	gcdemo "scavtrace/$tag-gcdemo.txt" scavtrace=1 "$bin" "go build" -d 3s
	gcdemo "inittrace/$tag-gcdemo.txt" inittrace=1 "$bin" "go build" -d 100ms
	gcdemo "combined/$tag-gcdemo-gc-sched.txt" gctrace=1,schedtrace=200 "$bin" "go build" -d 3s
	gcdemo "combined/$tag-gcdemo-gc-pacer-scav.txt" gctrace=1,gcpacertrace=1,scavtrace=1 "$bin" "go build" -d 2s

	# The same program tuned four ways, to compare run against run: GOGC at
	# 50, 100 (the default, set all the same) and 400, and a memory limit in
	# place of GOGC.
	local tune=gctrace=1,gcpacertrace=1,schedtrace=500
	GCENV="GOGC=50" gcdemo "combined/$tag-gcdemo-gogc50.txt" "$tune" "$bin" "go build" -d 6s
	GCENV="GOGC=100" gcdemo "combined/$tag-gcdemo-gogc100.txt" "$tune" "$bin" "go build" -d 6s
	GCENV="GOGC=400" gcdemo "combined/$tag-gcdemo-gogc400.txt" "$tune" "$bin" "go build" -d 6s
	GCENV="GOGC=off GOMEMLIMIT=24MiB" gcdemo "combined/$tag-gcdemo-memlimit.txt" "$tune" "$bin" "go build" -d 6s

	# The capstone: a service that leaks a goroutine per request, then the fix.
	capstone "combined/$tag-capstone-leak.txt"
	capstone "combined/$tag-capstone-fixed.txt" fixed
	# The GC lab's program with the settings of the lessons' "try it" boxes
	# (src/present/lab-experiments.ts), natively with one P: the lab's defaults;
	# GOGC at 100 and doubled, with 8 MB live so that the two goals stand well
	# apart; a memory limit under the live heap; and a live heap that leaks.
	GCENV="GOGC=100" lab "combined/$tag-lab-default.txt" -rate=20 -size=4096 -live=4 -leak=0 -d=5s
	GCENV="GOGC=100" lab "combined/$tag-lab-gogc100.txt" -rate=20 -size=4096 -live=8 -leak=0 -d=5s
	GCENV="GOGC=200" lab "combined/$tag-lab-gogc200.txt" -rate=20 -size=4096 -live=8 -leak=0 -d=5s
	GCENV="GOGC=100 GOMEMLIMIT=16MiB" lab "combined/$tag-lab-memlimit.txt" -rate=20 -size=4096 -live=24 -leak=0 -d=3s
	GCENV="GOGC=100" lab "combined/$tag-lab-retain.txt" -rate=20 -size=4096 -live=4 -leak=5 -d=12s

	# Go 1.26+: the GC cycle that checks for leaked goroutines. In Go 1.26 the
	# profile behind it exists only with this experiment turned on at build
	# time; from Go 1.27 it is always there.
	if (cd examples/gcdemo && GOEXPERIMENT=goroutineleakprofile "$gobin" build -o "$bin/leakcheck/gcdemo" .) 2>/dev/null; then
		gcdemo "gctrace/$tag-gcdemo-leakcheck.txt" gctrace=1 "$bin/leakcheck" \
			"GOEXPERIMENT=goroutineleakprofile go build" -d 1s -leakcheck
	elif grep -q '"goroutineleak":' "$("$gobin" env GOROOT)/src/runtime/pprof/pprof.go" 2>/dev/null; then
		gcdemo "gctrace/$tag-gcdemo-leakcheck.txt" gctrace=1 "$bin" "go build" -d 1s -leakcheck
	else
		echo "  $tag has no goroutineleak profile: no leak-check capture"
	fi
}

mkdir -p "$OUT"
: >"$work/records"
captured=()

capture_all "$GO"
captured+=("$tag")
if [ -n "$GO127" ] && [ -x "$GO127" ]; then
	capture_all "$GO127"
	captured+=("$tag")
else
	echo "== Go 1.27.3 not available: skipping its captures (set GO127 to its go binary)"
fi
if [ -x "$GO119" ]; then
	capture_all "$GO119"
	captured+=("$tag")
else
	echo "== $GO119 not found: skipping the Go 1.19 captures (set GO119 to its go binary)"
fi

# Keep the provenance of every capture this run did not record: those of
# toolchains not run this time, and, when scenarios were named, the others.
if [ -f "$OUT/captures.json" ]; then
	if command -v jq >/dev/null; then
		cut -d "$US" -f1 "$work/records" >"$work/recorded"
		jq -r --arg now "${captured[*]}" --arg full "$([ ${#only[@]} -eq 0 ] && echo yes)" \
			--rawfile recorded "$work/recorded" '
			($now | split(" ")) as $tags
			| ($recorded | split("\n")) as $files
			| .[]
			| .file as $f
			| select(any($files[]; . == $f) | not)
			| select($full != "yes" or ((.file | split("/")[1] | split("-")[0]) as $t | $tags | index($t) | not))
			| [.file, .go, .godebug, (.gomaxprocs | tostring), .command, (.load // ""), .date, .program, (.build // "go build")]
			| join("\u001f")' "$OUT/captures.json" >>"$work/records"
	else
		echo "capture: jq not found; captures.json now lists only this run's captures" >&2
	fi
fi
sort -t "$US" -k1,1 -o "$work/records" "$work/records"

json_str() {
	local s=$1
	s=${s//\\/\\\\}
	s=${s//\"/\\\"}
	printf '"%s"' "$s"
}

# captures.json: one object per file, same order as the README table.
{
	echo "["
	sep=""
	while IFS=$US read -r file ver godebug procs cmd load date program build; do
		printf '%s  {"file": %s, "go": %s, "godebug": %s, "gomaxprocs": %s, "command": %s, "load": %s, "date": %s, "program": %s, "build": %s}' \
			"$sep" "$(json_str "$file")" "$(json_str "$ver")" "$(json_str "$godebug")" "$procs" \
			"$(json_str "$cmd")" "$(if [ -n "$load" ]; then json_str "$load"; else echo null; fi)" \
			"$(json_str "$date")" "$(json_str "$program")" "$(json_str "$build")"
		sep=$',\n'
	done <"$work/records"
	printf '\n]\n'
} >"$OUT/captures.json"
if command -v jq >/dev/null; then
	jq . "$OUT/captures.json" >"$work/captures.json"
	mv "$work/captures.json" "$OUT/captures.json"
fi

# README.md: how the files were made, and how to make them again.
{
	cat <<'EOF'
# Trace captures

Every `.txt` file here is the standard error of a real Go program run with `GODEBUG` set,
saved byte for byte. None has been edited, trimmed or merged: when a capture is too long, the
run is made shorter. Lessons and tests quote these files; they never hand-write runtime output.

Files are named `<setting>/go1.NN-<scenario>.txt`. `combined/` holds runs with several
settings at once, where trace lines of different kinds interleave.

Besides trace lines, a file can hold what the program itself writes to standard error: the web
service logs one `listener : Started : Listening on: …` line when it starts.

## Making them again

```sh
bash scripts/capture.sh
```

The script builds `examples/godebug` (the tutorial's web service), `examples/gcdemo` (a
program that keeps the collector busy for a set time, then exits) and `examples/capstone` (the
capstone lesson's leaking service, which also serves `net/http/pprof`; its goroutine profiles go
to `content/profiles/`) with the current `go` and
with Debian's Go 1.19 (`/usr/lib/go-1.19/bin/go`, or the path in `GO119`; skipped when
missing). For each scenario it starts the program with the environment shown below, puts load
on the web service with `hey` on 127.0.0.1 where a load is listed, stops the service with
SIGTERM at a fixed time, and then rewrites this file and `captures.json` (the same provenance
as JSON). Each web run gets its own free port, so the port in a command differs between runs.
Timings and counts differ on every run; the shapes of the lines do not.

## Provenance

| File | Go | Program | GODEBUG | GOMAXPROCS | Command | Load | Date |
| --- | --- | --- | --- | --- | --- | --- | --- |
EOF
	while IFS=$US read -r file ver godebug procs cmd load date program build; do
		built=""
		if [ "$build" != "go build" ]; then
			built=" (built with \`$build\`)"
		fi
		printf '| [`%s`](%s) | %s | `%s` | `%s` | %s | `%s`%s | %s | %s |\n' \
			"$file" "$file" "$ver" "$program" "$godebug" "$procs" "$cmd" "$built" \
			"$(if [ -n "$load" ]; then printf '`%s`' "$load"; else echo none; fi)" "$date"
	done <"$work/records"
} >"$OUT/README.md"

echo "== wrote $OUT/captures.json and $OUT/README.md"
