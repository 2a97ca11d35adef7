#!/usr/bin/env bash
# Load test for a Broadsheet server on this machine: N clients for S seconds send a seeded
# mix of searches, facet lookups and filtered searches; prints requests/s, how many requests
# were distinct, p50/p90/p99/max latency and errors, and the server's heap before and after.
# --think MS makes each client pause a random time of that mean between requests, like a
# reader; without it the clients saturate the server and latency measures its queue.
# --baseline first runs one client without pauses for as long, against a server of its own,
# and ends with the p99 of the N clients as a multiple of that one client's.
#
#   scripts/load.sh [--index DIR] [--clients 64] [--seconds 60] [--seed 42] [--port 7077] [--think MS]
#                   [--baseline] [--serve-arg ARG]...
#   scripts/load.sh --url http://127.0.0.1:7070 --pid PID   # an already running server
#
# Without --url each run starts `broadsheet serve` on 127.0.0.1 for the index (with any
# --serve-arg, e.g. --serve-arg --cache-mb=0) and stops it after, so runs do not share a
# warm result cache. Only 127.0.0.1/localhost is accepted: this is for your own server.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
. "$here/scripts/jdk.sh"
broadsheet_find_jdk || exit 1

index="$here/index"; clients=64; seconds=60; seed=42; port=7077; url=""; pid=""; warmup=10; think=0
baseline=""; serve_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --index) index="$2"; shift 2 ;;
    --clients) clients="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --url) url="$2"; shift 2 ;;
    --pid) pid="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --think) think="$2"; shift 2 ;;
    --baseline) baseline=1; shift ;;
    --serve-arg) serve_args+=("$2"); shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "load: unknown option $1" >&2; exit 64 ;;
  esac
done

own=""
[ -z "$url" ] && own=1
started=""
stop_server() {
  if [ -n "$started" ]; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    started=""
  fi
}
trap stop_server EXIT

start_server() {
  url="http://127.0.0.1:$port"
  local log
  log="$(mktemp -t broadsheet-load.XXXXXX)"
  "$here/broadsheet" serve --index "$index" --host 127.0.0.1 --port "$port" ${serve_args[@]+"${serve_args[@]}"} >"$log" 2>&1 &
  pid=$!; started=1
  for _ in $(seq 1 600); do
    curl -fs "$url/api/search?q=test" >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || { echo "load: server exited:" >&2; cat "$log" >&2; exit 1; }
    sleep 0.5
  done
  echo "load: server did not answer within 300 s" >&2; exit 1
}

heap() { # used heap of the server, from the JVM itself
  [ -n "$pid" ] || { echo "unknown (pass --pid)"; return; }
  "$JAVA_HOME/bin/jcmd" "$pid" GC.heap_info 2>/dev/null | awk '/garbage-first heap|def new generation|PSYoungGen|total.*used/ {print; exit}' | sed 's/^ *//'
  grep -E '^VmRSS' "/proc/$pid/status" 2>/dev/null | tr -s ' ' || true
}

# One run: N clients, think time, seed; prints the client's result line and the heap.
run() {
  local n="$1" pause="$2" s="$3"
  [ -n "$own" ] && start_server
  echo "server $url (pid ${pid:-?}), $n clients, think ${pause} ms, ${seconds}s, seed $s, warm-up ${warmup}s" >&2
  echo "heap before: $(heap | tr '\n' ' ')" >&2
  "$JAVA_HOME/bin/java" "$here/src/tools/java/org/broadsheet/load/LoadClient.java" "$url" "$n" "$seconds" "$s" "$warmup" "$pause"
  echo "heap after:  $(heap | tr '\n' ' ')" >&2
  if [ -n "$pid" ]; then
    "$JAVA_HOME/bin/jcmd" "$pid" GC.run >/dev/null 2>&1 || true
    echo "heap after a full GC: $(heap | tr '\n' ' ')" >&2
  fi
  [ -n "$own" ] && stop_server
  return 0
}

p99() { sed -n 's/.* p99_ms=\([0-9.]*\).*/\1/p' <<<"$1"; }

if [ -n "$baseline" ]; then
  one="$(run 1 0 "$seed")"
  echo "$one"
fi
many="$(run "$clients" "$think" "$seed")"
echo "$many"
if [ -n "$baseline" ]; then
  awk -v a="$(p99 "$many")" -v b="$(p99 "$one")" -v n="$clients" \
    'BEGIN { printf "p99 with %d clients / p99 with 1 client: %.1f / %.1f ms = %.1fx\n", n, a, b, a / b }'
fi
