#!/usr/bin/env bash
# Stop the private Redis server started by scripts/redis-up.sh. Exits 0 if it was not
# running. Honours REDIS_DIR like redis-up.sh (default <repo>/.cache/redis).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO_ROOT="$(pwd -P)"
case "${REDIS_DIR:-}" in
  "") REDIS_DIR="$REPO_ROOT/.cache/redis" ;;
  /*) ;;
  *) REDIS_DIR="$REPO_ROOT/$REDIS_DIR" ;;
esac
PIDFILE="$REDIS_DIR/redis.pid"

log() { echo "redis-down: $*" >&2; }

# Alive and really our server (pids get reused); a zombie does not count.
is_ours() {
  [[ -r /proc/$1/cmdline ]] && grep -qa redis-server "/proc/$1/cmdline" &&
    ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status"
}

if [[ ! -f "$PIDFILE" ]]; then
  log "not running"
  exit 0
fi
pid="$(<"$PIDFILE")"
if is_ours "$pid"; then
  # SIGTERM: Redis shuts down cleanly (nothing to save: persistence is off).
  kill -TERM "$pid"
  for _ in $(seq 100); do
    is_ours "$pid" || break
    sleep 0.1
  done
  if is_ours "$pid"; then
    log "pid $pid ignored SIGTERM for 10 s, killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  log "stopped server (pid $pid)"
else
  log "not running (stale pid file)"
fi
rm -f "$PIDFILE"
