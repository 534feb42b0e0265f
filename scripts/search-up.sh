#!/usr/bin/env bash
# Start one local OpenSearch 2.x node (HTTP on 127.0.0.1 only) for development
# and tests, in the background. Prints OPENSEARCH_URL=... as its last line.
#   OPENSEARCH_PORT=9201    HTTP port
#   OPENSEARCH_FRESH=1      wipe the node's data before starting
#   OPENSEARCH_TIMEOUT=120  seconds to wait for the node to become healthy
#   OPENSEARCH_HOME=.cache/opensearch  the node's data, pid file and log (a second
#                           node needs its own, and its own port); the jars stay shared
#   OPENSEARCH_CLUSTER_PORTS=9226,9227  this node is one member of a cluster of the nodes
#                           with these HTTP ports (OPENSEARCH_PORT among them; each node with
#                           its own OPENSEARCH_HOME). Members talk on transport port HTTP+100.
#                           Start the members at the same time (the cluster forms once all
#                           are up); each call returns when the cluster is healthy.
# Stop it with scripts/search-down.sh (same OPENSEARCH_HOME).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PORT="${OPENSEARCH_PORT:-9201}"
URL="http://127.0.0.1:$PORT"
TIMEOUT="${OPENSEARCH_TIMEOUT:-120}"
CACHE="$PWD/.cache/opensearch"
LIB="$CACHE/lib"
HOME_DIR="$(mkdir -p "${OPENSEARCH_HOME:-$CACHE}" && cd "${OPENSEARCH_HOME:-$CACHE}" && pwd)"
BASE="$HOME_DIR/node"
PIDFILE="$HOME_DIR/pid"
LOG="$HOME_DIR/opensearch.log"
POM=scripts/opensearch/pom.xml

# The runner looks for HTTP ports below 9300 only and quits silently above that.
if ! [[ $PORT =~ ^[0-9]+$ ]] || ((PORT < 1025 || PORT > 9299)); then
  echo "search-up: OPENSEARCH_PORT must be a number from 1025 to 9299 (got '$PORT')" >&2
  exit 1
fi

# A cluster member: its peers' transport addresses (HTTP port + 100, below 9400).
CLUSTER_NAME=lokalprojekte
CLUSTER_PORTS="${OPENSEARCH_CLUSTER_PORTS:-}"
peers=()
if [[ -n $CLUSTER_PORTS ]]; then
  IFS=, read -ra members <<<"$CLUSTER_PORTS"
  for member in "${members[@]}"; do
    if ! [[ $member =~ ^[0-9]+$ ]] || ((member < 1025 || member > 9299)); then
      echo "search-up: OPENSEARCH_CLUSTER_PORTS must list ports from 1025 to 9299 (got '$member')" >&2
      exit 1
    fi
    peers+=("\"127.0.0.1:$((member + 100))\"")
  done
  if [[ ",$CLUSTER_PORTS," != *",$PORT,"* ]]; then
    echo "search-up: OPENSEARCH_PORT $PORT is not one of OPENSEARCH_CLUSTER_PORTS ($CLUSTER_PORTS)" >&2
    exit 1
  fi
  # Its own name, so that it never meets a single node or another cluster on this machine.
  CLUSTER_NAME="lokalprojekte-${members[0]}"
fi

for tool in java mvn curl; do
  if ! command -v "$tool" >/dev/null; then
    echo "search-up: '$tool' not found (Debian: apt-get install openjdk-17-jre-headless maven curl)" >&2
    exit 1
  fi
done

# Alive and really our node (pids get reused); a zombie does not count.
is_node() {
  [[ -r /proc/$1/cmdline ]] && grep -qa OpenSearchRunner "/proc/$1/cmdline" &&
    ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status"
}
healthy() {
  curl -s --max-time 5 "$URL/_cluster/health" | grep -qE '"status":"(yellow|green)"'
}

start_node() {
  # The runner silently moves to the next free port when its port is taken, so
  # refuse instead of ending up somewhere the caller does not look.
  if (: </dev/tcp/127.0.0.1/"$PORT") 2>/dev/null; then
    echo "search-up: port $PORT is already in use by something else" >&2
    exit 1
  fi
  if [[ -n $CLUSTER_PORTS ]] && (: </dev/tcp/127.0.0.1/"$((PORT + 100))") 2>/dev/null; then
    echo "search-up: transport port $((PORT + 100)) is already in use by something else" >&2
    exit 1
  fi

  # Resolve the jars once; the stamp (hash of the pom) keeps later runs offline
  # and refetches only when the pom changes.
  local stamp
  stamp=$(sha256sum "$POM" | cut -d' ' -f1)
  if [[ "$(cat "$LIB/.stamp" 2>/dev/null)" != "$stamp" ]]; then
    echo "search-up: fetching OpenSearch jars with Maven (first run only)..."
    rm -rf "$LIB"
    # Absolute outputDirectory: Maven resolves relative paths against the pom's folder.
    # Output shown only on failure (even -q -B prints stray colour codes).
    local out
    if ! out=$(mvn -q -B -f "$POM" dependency:copy-dependencies -DoutputDirectory="$LIB" 2>&1); then
      echo "$out" >&2
      echo "search-up: Maven could not fetch the OpenSearch jars (see above)" >&2
      exit 1
    fi
    echo "$stamp" >"$LIB/.stamp"
  fi

  if [[ ${OPENSEARCH_FRESH:-0} == 1 ]]; then rm -rf "$BASE"; fi
  mkdir -p "$BASE/node_1/config"
  # The runner uses this file when present (else it copies an empty default);
  # its own settings (http.port, cluster.name, paths, node.roles) take precedence.
  # disk.threshold_enabled: a nearly full disk must not make the node refuse shards.
  if [[ -n $CLUSTER_PORTS ]]; then
    # The members find each other on their transport ports and elect a cluster manager
    # among themselves the first time (the runner names every node "Node 1", so they are
    # listed by address). Every member holds data and may be elected.
    local seeds
    seeds=$(IFS=,; echo "[${peers[*]}]")
    printf '%s\n' \
      'network.host: 127.0.0.1' \
      "transport.port: $((PORT + 100))" \
      "discovery.seed_hosts: $seeds" \
      "cluster.initial_cluster_manager_nodes: $seeds" \
      'cluster.routing.allocation.disk.threshold_enabled: false' \
      >"$BASE/node_1/config/opensearch.yml"
  else
    printf '%s\n' \
      'network.host: 127.0.0.1' \
      'discovery.type: single-node' \
      'cluster.routing.allocation.disk.threshold_enabled: false' \
      >"$BASE/node_1/config/opensearch.yml"
  fi

  # http.port = baseHttpPort + node number, hence PORT-1.
  # nohup + </dev/null: the node must outlive this script and its terminal.
  nohup java -Xms512m -Xmx512m -XX:+UseG1GC \
    -Djava.awt.headless=true -Dfile.encoding=UTF-8 \
    -Djava.io.tmpdir="$HOME_DIR" \
    -Dlog4j2.formatMsgNoLookups=true -Dlog4j.shutdownHookEnabled=false \
    -cp "$LIB/*" org.codelibs.opensearch.runner.OpenSearchRunner \
    -basePath "$BASE" -numOfNode 1 -baseHttpPort "$((PORT - 1))" \
    -clusterName "$CLUSTER_NAME" -printOnFailure \
    </dev/null >"$LOG" 2>&1 &
  pid=$!
  echo "$pid" >"$PIDFILE"
  echo "search-up: started node (pid $pid), log in ${LOG#"$PWD"/}; waiting for $URL ..."
}

pid=""
if [[ -f $PIDFILE ]]; then
  pid=$(<"$PIDFILE")
  if ! is_node "$pid"; then
    pid=""
    rm -f "$PIDFILE"
  fi
fi

if [[ -z $pid ]]; then
  start_node
elif healthy; then
  echo "search-up: node already running (pid $pid)"
  echo "OPENSEARCH_URL=$URL"
  exit 0
else
  # Most likely still starting (another search-up just launched it): wait for it.
  echo "search-up: node pid $pid is running but not healthy yet; waiting for $URL ..."
fi

deadline=$((SECONDS + TIMEOUT))
until healthy; do
  if ! is_node "$pid"; then
    echo "search-up: node exited during startup; log tail:" >&2
    tail -n 40 "$LOG" >&2
    rm -f "$PIDFILE"
    exit 1
  fi
  if ((SECONDS >= deadline)); then
    echo "search-up: not healthy after ${TIMEOUT}s (node left running, stop it with" \
      "scripts/search-down.sh; on another OPENSEARCH_PORT?); log tail:" >&2
    tail -n 40 "$LOG" >&2
    exit 1
  fi
  sleep 1
done
echo "search-up: healthy after ${SECONDS}s"
echo "OPENSEARCH_URL=$URL"
