#!/usr/bin/env bash
# Runs Broadsheet's whole test suite, the fast tests and the slow ones (@Tag("slow"): child JVMs,
# the browser, hostile files, the bench smoke test, the jqwik model) and the consumer check: finds
# a JDK 21+, makes sure the headless browser the front-end tests drive is installed, then runs Maven
# through the wrapper. `./mvnw test` runs the fast tests only (see DEVELOPERS.md).
#
# When Chromium cannot be installed (no root, no network) the suite still runs: the browser tests skip
# itself, and this script says so at the start and at the end. Likewise for the OpenSearch cluster
# the engine contract's OpenSearch half runs on (scripts/opensearch.sh, stopped when the run ends).
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
. "$here/scripts/jdk.sh"
broadsheet_find_jdk || exit 1
browser_note=""
if [ -x "$here/scripts/ensure-chromium.sh" ]; then
  if ! "$here/scripts/ensure-chromium.sh"; then
    browser_note="test: Chromium or its driver could not be installed: the browser tests (*BrowserTest) were SKIPPED, the rest ran"
    echo "$browser_note" >&2
  fi
fi
cd "$here"
# The OpenSearch half of the engine contract runs on a 2-node cluster (docs/opensearch.md), started
# here once for the whole run and stopped at the end; when it cannot start, those tests skip.
opensearch_note=""
opensearch_url=none
opensearch_was_up=no
scripts/opensearch.sh status >/dev/null 2>&1 && opensearch_was_up=yes
if opensearch_out=$(scripts/opensearch.sh start --nodes 2); then
  opensearch_url=$(printf '%s\n' "$opensearch_out" | tail -n 1)
  # A cluster a developer had up stays up.
  [ "$opensearch_was_up" = yes ] || trap 'scripts/opensearch.sh stop || true' EXIT
else
  opensearch_note="test: no OpenSearch cluster could be started: the OpenSearch tests were SKIPPED, the rest ran"
  echo "$opensearch_note" >&2
fi
status=0
./mvnw -B verify -Dtest.excludedGroups= -Dbroadsheet.opensearch.url="$opensearch_url" "$@" || status=$?
if [ -n "$browser_note" ]; then
  echo "$browser_note" >&2
fi
if [ -n "$opensearch_note" ]; then
  echo "$opensearch_note" >&2
fi
exit "$status"
