# Sourced by ./broadsheet and scripts/test.sh: finds a JDK 21 or newer and
# exports JAVA_HOME for it. Order: $JAVA_HOME, the java on the PATH, then the
# places JDKs are usually installed. Prints one line and returns 1 when none.

BROADSHEET_MIN_JAVA=21

# Prints the major version of the JDK at $1 (a JAVA_HOME), or nothing.
broadsheet_jdk_major() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

broadsheet_find_jdk() {
  local candidates=() c major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  # BROADSHEET_JDK_DIRS (space-separated globs) replaces the usual places, e.g. for a test.
  local places=${BROADSHEET_JDK_DIRS-/usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* $HOME/.sdkman/candidates/java/* $HOME/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home}
  for c in $places; do
    [ -d "$c" ] && candidates+=("$c")
  done
  local best="" best_major=0
  for c in "${candidates[@]}"; do
    major=$(broadsheet_jdk_major "$c")
    [ -n "$major" ] || continue
    # JAVA_HOME wins when it is new enough; otherwise take the newest found.
    if [ "$c" = "${JAVA_HOME:-}" ] && [ "$major" -ge "$BROADSHEET_MIN_JAVA" ]; then best=$c; best_major=$major; break; fi
    if [ "$major" -gt "$best_major" ]; then best=$c; best_major=$major; fi
  done
  if [ -z "$best" ] || [ "$best_major" -lt "$BROADSHEET_MIN_JAVA" ]; then
    echo "broadsheet: needs a JDK $BROADSHEET_MIN_JAVA or newer (with javac); none found in JAVA_HOME, on the PATH or under /usr/lib/jvm. Install one (e.g. apt-get install openjdk-21-jdk) or set JAVA_HOME." >&2
    return 1
  fi
  export JAVA_HOME="$best"
  # Maven's own libraries (Guice) use sun.misc.Unsafe, which JDK 24+ warns about on every build.
  if [ "$best_major" -ge 24 ]; then
    case " ${MAVEN_OPTS:-} " in
      *sun-misc-unsafe-memory-access*) ;;
      *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;;
    esac
  fi
}
