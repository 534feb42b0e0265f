#!/usr/bin/env bash
# Start a private Redis server (the shared cache) for tests and local development.
#
#   scripts/redis-up.sh                 # install (Debian/apt) if needed, start
#   eval "export $(scripts/redis-up.sh | tail -n1)"   # -> REDIS_URL in your shell
#   scripts/redis-down.sh               # stop it again
#
# Environment:
#   REDIS_PORT  TCP port on 127.0.0.1 (default: 6390, not Redis' usual 6379, so a
#               system-wide server is never used by mistake)
#   REDIS_DIR   pid file, log and working directory (default: <repo>/.cache/redis)
#
# The server is private to the checkout: it listens on 127.0.0.1 only, keeps nothing on
# disk (no RDB snapshots, no append-only file: a cache may start empty) and never uses
# or changes a system-wide installation. If this script has to install Debian's
# redis-server package and the package starts its own server, that one is stopped again.
#
# Progress messages go to stderr; the last line on stdout is
#   REDIS_URL=redis://127.0.0.1:<port>/0
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO_ROOT="$(pwd -P)"

REDIS_PORT="${REDIS_PORT:-6390}"
log() { echo "redis-up: $*" >&2; }
die() { echo "redis-up: ERROR: $*" >&2; exit 1; }

if ! [[ "$REDIS_PORT" =~ ^[0-9]{1,5}$ ]] || (( 10#$REDIS_PORT < 1 || 10#$REDIS_PORT > 65535 )); then
  die "REDIS_PORT must be a port number (1-65535), got '$REDIS_PORT'"
fi
REDIS_PORT=$((10#$REDIS_PORT))
case "${REDIS_DIR:-}" in
  "") REDIS_DIR="$REPO_ROOT/.cache/redis" ;;
  /*) ;;
  *) REDIS_DIR="$REPO_ROOT/$REDIS_DIR" ;;
esac
PIDFILE="$REDIS_DIR/redis.pid"
LOGFILE="$REDIS_DIR/redis.log"
URL="redis://127.0.0.1:$REDIS_PORT/0"

# ---------------------------------------------------------------------------
# 1. Install Debian's redis-server unless it is there.
# ---------------------------------------------------------------------------
system_server_pids() { pgrep -x redis-server -u redis 2>/dev/null || true; }

if ! command -v redis-server >/dev/null || ! command -v redis-cli >/dev/null; then
  command -v apt-get >/dev/null \
    || die "redis-server not found and apt-get is not available; install Redis (>= 6) manually."
  before="$(system_server_pids)"
  log "redis-server not installed; installing Debian package 'redis-server' ..."
  # apt output goes to stderr: stdout is reserved for the REDIS_URL line.
  bash scripts/apt-install.sh redis-server >&2
  # Where init scripts may run, the package starts a system server on 6379 and enables
  # it at boot. We never use that one: stop what the install started, keep it off at boot.
  if [[ -n "$(system_server_pids)" && -z "$before" ]]; then
    log "stopping the system redis-server the package install started (not used here)"
    service redis-server stop >&2 2>&1 || log "WARNING: could not stop the system redis-server"
    command -v update-rc.d >/dev/null && { update-rc.d redis-server disable >&2 2>&1 || true; }
  fi
fi

# ---------------------------------------------------------------------------
# 2. Start (unless already running).
# ---------------------------------------------------------------------------
mkdir -p "$REDIS_DIR"

# Alive and really our server (pids get reused); a zombie does not count.
is_ours() {
  [[ -r /proc/$1/cmdline ]] && grep -qa redis-server "/proc/$1/cmdline" &&
    ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status"
}
pong() { [[ "$(redis-cli -h 127.0.0.1 -p "$1" ping 2>/dev/null)" == PONG ]]; }

pid=""
if [[ -f "$PIDFILE" ]]; then
  pid="$(<"$PIDFILE")"
  is_ours "$pid" || { pid=""; rm -f "$PIDFILE"; }
fi

if [[ -n "$pid" ]]; then
  running_port="$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" config get port 2>/dev/null | sed -n 2p || true)"
  if [[ "$running_port" != "$REDIS_PORT" ]]; then
    die "a server from $REDIS_DIR is already running (pid $pid) but not on port $REDIS_PORT;" \
      "stop it with scripts/redis-down.sh or use its port"
  fi
  log "already running (pid $pid, 127.0.0.1:$REDIS_PORT)"
else
  if (: </dev/tcp/127.0.0.1/"$REDIS_PORT") 2>/dev/null; then
    die "port $REDIS_PORT is already in use by something else (try REDIS_PORT=...)"
  fi
  log "starting server (127.0.0.1:$REDIS_PORT, log: $LOGFILE)"
  # save "" and appendonly no: nothing is written to disk. maxmemory with allkeys-lru:
  # a cache that is full forgets the least recently used entries instead of refusing writes.
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --protected-mode yes \
    --daemonize yes --pidfile "$PIDFILE" --logfile "$LOGFILE" --dir "$REDIS_DIR" \
    --save "" --appendonly no --maxmemory 256mb --maxmemory-policy allkeys-lru \
    || die "redis-server did not start; log: $LOGFILE"
  for _ in $(seq 50); do
    pong "$REDIS_PORT" && break
    sleep 0.1
  done
  if ! pong "$REDIS_PORT"; then
    tail -n 20 "$LOGFILE" >&2 || true
    die "redis-server does not answer on port $REDIS_PORT; log: $LOGFILE"
  fi
  log "running (pid $(<"$PIDFILE"))"
fi

echo "REDIS_URL=$URL"
