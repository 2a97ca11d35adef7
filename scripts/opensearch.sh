#!/usr/bin/env bash
# A local OpenSearch cluster for developing and testing Broadsheet's OpenSearch engine.
#
#   scripts/opensearch.sh start [--nodes N] [--port P]   N nodes (default 1), HTTP on P..P+N-1 (default 9200)
#   scripts/opensearch.sh stop                           stops every node this script started, and waits
#   scripts/opensearch.sh status                         prints the nodes when a cluster is up
#
# `start` prints the cluster's URL (http://127.0.0.1:P) as its last line, and only that when the
# cluster is up already. See docs/opensearch.md for what it installs and where.
#
# The node is OpenSearch's minimal distribution from Maven Central (the integ-test zip: a real node
# with the transport modules only) plus the modules Broadsheet's analysis needs, which are published
# as plain jars and installed here as modules with a descriptor of our own. OpenSearch refuses to run
# as root: the nodes run as the unprivileged user $OPENSEARCH_USER (created when missing).
set -euo pipefail

OPENSEARCH_VERSION=3.3.0
# Modules the integ-test zip lacks and Broadsheet's index settings use: groupId:artifactId:classname.
# analysis-common: word_delimiter_graph, asciifolding with preserve_original, kstem.
OPENSEARCH_MODULES=(
  "org.opensearch.plugin:analysis-common:org.opensearch.analysis.common.CommonAnalysisModulePlugin"
)
OPENSEARCH_USER=${OPENSEARCH_USER:-broadsheet-os}
# Small heaps: the nodes share a developer's machine (and CI's 2 cores) with the build.
OPENSEARCH_HEAP=${OPENSEARCH_HEAP:-"-Xms256m -Xmx512m"}
CLUSTER_NAME=broadsheet-dev

cd "$(dirname "$0")/.."
REPO=$(pwd)
# Where the distribution and the nodes' folders go; the nodes' user must be able to read it.
BASE=${OPENSEARCH_BASE:-$REPO/target/opensearch}
HOME_DIR=$BASE/opensearch-$OPENSEARCH_VERSION
CLUSTER=$BASE/cluster

say() { echo "opensearch.sh: $*" >&2; }
die() { say "$*"; exit 1; }

# A JDK 21+ for the nodes: OPENSEARCH_JAVA_HOME, else scripts/jdk.sh's search (JAVA_HOME, PATH, /usr/lib/jvm).
find_java() {
  if [ -n "${OPENSEARCH_JAVA_HOME:-}" ]; then
    [ -x "$OPENSEARCH_JAVA_HOME/bin/java" ] || die "OPENSEARCH_JAVA_HOME=$OPENSEARCH_JAVA_HOME has no bin/java"
    return
  fi
  # shellcheck source=jdk.sh
  . "$REPO/scripts/jdk.sh"
  broadsheet_find_jdk || die "no JDK 21+ for OpenSearch; set OPENSEARCH_JAVA_HOME"
  OPENSEARCH_JAVA_HOME=$JAVA_HOME
}

# The distribution and the modules, from Maven Central through the project's Maven wrapper; once.
install_distribution() {
  [ -x "$HOME_DIR/bin/opensearch" ] && [ -f "$HOME_DIR/.broadsheet-installed" ] && return
  mkdir -p "$BASE/downloads"
  local zip=$BASE/downloads/opensearch-$OPENSEARCH_VERSION.zip
  if [ ! -f "$zip" ]; then
    say "fetching OpenSearch $OPENSEARCH_VERSION (integ-test zip) with Maven"
    mvn_copy "org.opensearch.distribution.integ-test-zip:opensearch:$OPENSEARCH_VERSION:zip"
  fi
  rm -rf "$HOME_DIR"
  (cd "$BASE" && unzip -q "$zip")
  local m group artifact classname jar
  for m in "${OPENSEARCH_MODULES[@]}"; do
    IFS=: read -r group artifact classname <<<"$m"
    jar=$BASE/downloads/$artifact-$OPENSEARCH_VERSION.jar
    [ -f "$jar" ] || mvn_copy "$group:$artifact:$OPENSEARCH_VERSION:jar"
    mkdir -p "$HOME_DIR/modules/$artifact"
    cp "$jar" "$HOME_DIR/modules/$artifact/"
    # The published jar has no descriptor (the full distribution's build writes it). No
    # extended.plugins: analysis-common's Painless extension is loaded only by lang-painless,
    # which we do not install.
    cat >"$HOME_DIR/modules/$artifact/plugin-descriptor.properties" <<EOF
description=$artifact, installed by Broadsheet's scripts/opensearch.sh
version=$OPENSEARCH_VERSION
name=$artifact
classname=$classname
java.version=21
opensearch.version=$OPENSEARCH_VERSION
custom.foldername=
extended.plugins=
has.native.controller=false
EOF
  done
  chmod -R a+rX "$HOME_DIR"
  touch "$HOME_DIR/.broadsheet-installed"
}

mvn_copy() {
  (
    . "$REPO/scripts/jdk.sh"
    broadsheet_find_jdk
    "$REPO/mvnw" -B -q dependency:copy -Dartifact="$1" -DoutputDirectory="$BASE/downloads" -Dmdep.stripVersion=false
  ) || die "could not fetch $1 from Maven Central"
}

ensure_user() {
  id -u "$OPENSEARCH_USER" >/dev/null 2>&1 && return
  say "creating the unprivileged user $OPENSEARCH_USER (OpenSearch refuses to run as root)"
  useradd --system --no-create-home --shell /usr/sbin/nologin "$OPENSEARCH_USER" \
    || die "could not create the user $OPENSEARCH_USER"
}

# Runs a command as the nodes' user when we are root, else as ourselves.
as_user() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u "$OPENSEARCH_USER" -- "$@"
  else
    "$@"
  fi
}

health() { # port, extra query
  curl -fsS --max-time 5 "http://127.0.0.1:$1/_cluster/health?$2" 2>/dev/null
}

node_count() {
  health "$1" "" | sed -n 's/.*"number_of_nodes":\([0-9]*\).*/\1/p'
}

# The nodes of this checkout's cluster: by their pid files, and, as a node writes its pid file only
# once it has booted, by the configuration folder on its command line (processes of the nodes'
# user started from this checkout's target/, nothing else).
running_pids() {
  {
    local f pid
    for f in "$CLUSTER"/node-*/pid; do
      [ -f "$f" ] || continue
      pid=$(cat "$f" 2>/dev/null || true)
      [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
    done
    if id -u "$OPENSEARCH_USER" >/dev/null 2>&1; then
      pgrep -u "$OPENSEARCH_USER" -f -- "-Dopensearch.path.conf=$CLUSTER/node-[0-9]+/config" || true
    fi
  } | sort -un
  return 0
}

start() {
  local nodes=1 port=9200
  while [ $# -gt 0 ]; do
    case "$1" in
      --nodes) nodes=${2:?--nodes needs a number}; shift 2 ;;
      --port) port=${2:?--port needs a number}; shift 2 ;;
      *) die "unknown option $1 (start [--nodes N] [--port P])" ;;
    esac
  done
  [[ "$nodes" =~ ^[1-9][0-9]*$ ]] || die "--nodes must be a positive number, not '$nodes'"
  [[ "$port" =~ ^[0-9]+$ ]] || die "--port must be a number, not '$port'"
  local url=http://127.0.0.1:$port
  if [ -n "$(running_pids)" ]; then
    local have
    have=$(node_count "$port")
    if [ -n "$have" ]; then
      [ "$have" -eq "$nodes" ] || say "a cluster of $have node(s) is already up at $url (stop it first for $nodes)"
      echo "$url"
      return
    fi
    die "nodes from an earlier start are running but nothing answers at $url; run 'scripts/opensearch.sh stop' first"
  fi
  if health "$port" "" >/dev/null; then
    die "something else answers at $url; choose another --port"
  fi
  find_java
  install_distribution
  ensure_user
  if [ "$(id -u)" -eq 0 ] && ! as_user test -x "$HOME_DIR/bin/opensearch"; then
    die "the user $OPENSEARCH_USER cannot read $HOME_DIR (a folder above it is closed to others);" \
      "set OPENSEARCH_BASE to a folder it can reach, e.g. OPENSEARCH_BASE=/var/tmp/broadsheet-opensearch"
  fi
  if ! as_user test -x "$OPENSEARCH_JAVA_HOME/bin/java"; then
    die "the user $OPENSEARCH_USER cannot run $OPENSEARCH_JAVA_HOME/bin/java; set OPENSEARCH_JAVA_HOME to a JDK 21+ it can run"
  fi
  local transport=$((port + 100)) i seeds="" managers=""
  for ((i = 0; i < nodes; i++)); do
    seeds+="${seeds:+, }\"127.0.0.1:$((transport + i))\""
    managers+="${managers:+, }\"node-$i\""
  done
  local started=$SECONDS
  for ((i = 0; i < nodes; i++)); do
    local dir=$CLUSTER/node-$i
    rm -rf "$dir"
    mkdir -p "$dir/data" "$dir/logs"
    cp -r "$HOME_DIR/config" "$dir/config"
    # The shipped jvm.options write GC logs and heap dumps relative to the working directory and
    # ask for a 1 GB heap: this node's folders instead, and the heap comes from OPENSEARCH_JAVA_OPTS.
    sed -i -e "s|logs/|$dir/logs/|g" -e "s|HeapDumpPath=data|HeapDumpPath=$dir/data|" \
      -e '/^-Xm[sx]/d' "$dir/config/jvm.options"
    cat >"$dir/config/opensearch.yml" <<EOF
cluster.name: $CLUSTER_NAME
node.name: node-$i
path.data: $dir/data
path.logs: $dir/logs
network.host: 127.0.0.1
http.port: $((port + i))
transport.port: $((transport + i))
discovery.seed_hosts: [$seeds]
cluster.initial_cluster_manager_nodes: [$managers]
# A development cluster on one disk: do not stop allocating shards when the disk fills.
cluster.routing.allocation.disk.threshold_enabled: false
EOF
    chown -R "$OPENSEARCH_USER" "$dir" 2>/dev/null || [ "$(id -u)" -ne 0 ]
    say "starting node-$i (HTTP $((port + i)), transport $((transport + i)))"
    as_user env OPENSEARCH_JAVA_HOME="$OPENSEARCH_JAVA_HOME" OPENSEARCH_PATH_CONF="$dir/config" \
      OPENSEARCH_JAVA_OPTS="$OPENSEARCH_HEAP" \
      "$HOME_DIR/bin/opensearch" -d -p "$dir/pid" \
      >"$dir/logs/startup.out" 2>&1 || {
        cat "$dir/logs/startup.out" >&2
        stop
        die "node-$i did not start; see $dir/logs"
      }
  done
  # Yellow with all N nodes: every primary is allocated and every node has joined.
  local deadline=$((SECONDS + ${OPENSEARCH_START_TIMEOUT:-300}))
  until health "$port" "wait_for_status=yellow&wait_for_nodes=$nodes&timeout=5s" | grep -q '"timed_out":false'; do
    if [ "$SECONDS" -ge "$deadline" ] || [ -z "$(running_pids)" ]; then
      tail -n 20 "$CLUSTER"/node-*/logs/$CLUSTER_NAME.log >&2 2>/dev/null || true
      stop
      die "the cluster did not come up with $nodes node(s) in time; logs are in $CLUSTER/node-*/logs"
    fi
    sleep 1
  done
  say "cluster $CLUSTER_NAME up with $nodes node(s) after $((SECONDS - started)) s"
  echo "$url"
}

stop() {
  local pids
  pids=$(running_pids)
  if [ -z "$pids" ]; then
    say "no node running"
    return 0
  fi
  # shellcheck disable=SC2086
  kill $pids 2>/dev/null || true
  local deadline=$((SECONDS + 60)) pid
  for pid in $pids; do
    while kill -0 "$pid" 2>/dev/null; do
      if [ "$SECONDS" -ge "$deadline" ]; then
        say "node $pid did not stop within 60 s; killing it"
        kill -9 "$pid" 2>/dev/null || true
      fi
      sleep 0.5
    done
  done
  rm -f "$CLUSTER"/node-*/pid
  say "stopped $(echo "$pids" | wc -w) node(s)"
}

status() {
  [ -n "$(running_pids)" ] || { say "no node running"; return 1; }
  local f port
  for f in "$CLUSTER"/node-*/config/opensearch.yml; do
    port=$(sed -n 's/^http.port: //p' "$f")
    curl -fsS --max-time 5 "http://127.0.0.1:$port/_cat/nodes?v" && return 0
  done
  return 1
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: scripts/opensearch.sh start [--nodes N] [--port P] | stop | status" >&2; exit 2 ;;
esac
