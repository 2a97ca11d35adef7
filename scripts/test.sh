#!/usr/bin/env bash
# Runs Broadsheet's whole test suite: finds a JDK 21+, makes sure the headless browser the
# front-end tests drive is installed, then runs Maven through the wrapper.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
. "$here/scripts/jdk.sh"
broadsheet_find_jdk || exit 1
if [ -x "$here/scripts/ensure-chromium.sh" ]; then
  "$here/scripts/ensure-chromium.sh"
fi
cd "$here"
exec ./mvnw -B verify "$@"
