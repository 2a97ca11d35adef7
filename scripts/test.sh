#!/usr/bin/env bash
# Runs Broadsheet's whole test suite, the fast tests and the slow ones (@Tag("slow"): child JVMs,
# the browser, hostile files, the bench smoke test, the jqwik model) and the consumer check: finds
# a JDK 21+, makes sure the headless browser the front-end tests drive is installed, then runs Maven
# through the wrapper. `./mvnw test` runs the fast tests only (see DEVELOPERS.md).
#
# When Chromium cannot be installed (no root, no network) the suite still runs: the browser tests skip
# itself, and this script says so at the start and at the end.
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
status=0
./mvnw -B verify -Dtest.excludedGroups= "$@" || status=$?
if [ -n "$browser_note" ]; then
  echo "$browser_note" >&2
fi
exit "$status"
