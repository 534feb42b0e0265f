#!/usr/bin/env bash
# Stop the local OpenSearch node started by scripts/search-up.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# OPENSEARCH_HOME: as given to search-up.sh for a second node.
PIDFILE="${OPENSEARCH_HOME:-.cache/opensearch}/pid"

# Alive and really our node (pids get reused); a zombie does not count.
is_node() {
  [[ -r /proc/$1/cmdline ]] && grep -qa OpenSearchRunner "/proc/$1/cmdline" &&
    ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status"
}

if [[ ! -f $PIDFILE ]]; then
  echo "search-down: no node running"
  exit 0
fi
pid=$(<"$PIDFILE")
if is_node "$pid"; then
  kill -TERM "$pid"
  for _ in $(seq 30); do
    is_node "$pid" || break
    sleep 1
  done
  if is_node "$pid"; then
    echo "search-down: pid $pid ignored SIGTERM for 30s, killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  echo "search-down: stopped node (pid $pid)"
else
  echo "search-down: no node running (stale pid file)"
fi
rm -f "$PIDFILE"
