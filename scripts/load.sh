#!/usr/bin/env bash
# Load test for a Broadsheet server on this machine: N closed-loop clients for S seconds
# send a seeded mix of searches, facet lookups and filtered searches; prints requests/s,
# p50/p90/p99/max latency and errors, and the server's heap before and after.
# --think MS makes each client pause a random time of that mean between requests, like a
# reader; without it the clients saturate the server and latency measures its queue.
#
#   scripts/load.sh [--index DIR] [--clients 64] [--seconds 60] [--seed 42] [--port 7077] [--think MS]
#   scripts/load.sh --url http://127.0.0.1:7070 --pid PID   # an already running server
#
# Without --url it starts `broadsheet serve` on 127.0.0.1 for the index and stops it after.
# Only 127.0.0.1/localhost is accepted: this is for your own server.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
. "$here/scripts/jdk.sh"
broadsheet_find_jdk || exit 1

index="$here/index"; clients=64; seconds=60; seed=42; port=7077; url=""; pid=""; warmup=5; think=0
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
    *) echo "load: unknown option $1" >&2; exit 64 ;;
  esac
done

started=""
if [ -z "$url" ]; then
  url="http://127.0.0.1:$port"
  log="$(mktemp -t broadsheet-load.XXXXXX)"
  "$here/broadsheet" serve --index "$index" --host 127.0.0.1 --port "$port" >"$log" 2>&1 &
  pid=$!; started=1
  trap '[ -n "$started" ] && kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true' EXIT
  for _ in $(seq 1 600); do
    curl -fs "$url/api/search?q=test" >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || { echo "load: server exited:" >&2; cat "$log" >&2; exit 1; }
    sleep 0.5
  done
fi

heap() { # used heap of the server, from the JVM itself
  [ -n "$pid" ] || { echo "unknown (pass --pid)"; return; }
  "$JAVA_HOME/bin/jcmd" "$pid" GC.heap_info 2>/dev/null | awk '/garbage-first heap|def new generation|PSYoungGen|total.*used/ {print; exit}' | sed 's/^ *//'
  grep -E '^VmRSS' "/proc/$pid/status" 2>/dev/null | tr -s ' ' || true
}

echo "server $url (pid ${pid:-?}), $clients clients, think ${think} ms, ${seconds}s, seed $seed, warm-up ${warmup}s"
echo "heap before: $(heap | tr '\n' ' ')"
"$JAVA_HOME/bin/java" "$here/src/test/java/org/broadsheet/reliability/LoadClient.java" "$url" "$clients" "$seconds" "$seed" "$warmup" "$think"
echo "heap after:  $(heap | tr '\n' ' ')"
if [ -n "$pid" ]; then
  "$JAVA_HOME/bin/jcmd" "$pid" GC.run >/dev/null 2>&1 || true
  echo "heap after a full GC: $(heap | tr '\n' ' ')"
fi
