#!/usr/bin/env bash
# Stop nginx, gunicorn and the task worker started by scripts/stack-up.sh (same STACK_DIR).
# PostgreSQL and OpenSearch keep running: scripts/pg-down.sh and scripts/search-down.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
STACK_DIR="${STACK_DIR:-.cache/stack}"

# Alive, not a zombie (an exited child of ours nobody has reaped yet).
alive() { [[ -d /proc/$1 ]] && ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status" 2>/dev/null; }

# stop NAME PIDFILE PATTERN SIGNAL: signal the process if it is alive and really ours (its
# command line contains PATTERN; pids get reused), wait up to 30 s, then kill it.
stop() {
  local name=$1 pidfile=$2 pattern=$3 signal=$4 pid
  [[ -f $pidfile ]] || return 0
  pid=$(<"$pidfile")
  if [[ $pid =~ ^[0-9]+$ ]] && alive "$pid" && grep -qa -- "$pattern" "/proc/$pid/cmdline"; then
    kill "-$signal" "$pid" 2>/dev/null || true
    for _ in $(seq 60); do
      alive "$pid" || break
      sleep 0.5
    done
    if alive "$pid"; then
      echo "stack-down: $name (pid $pid) still running after 30 s, killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    echo "stack-down: stopped $name (pid $pid)"
  fi
  rm -f "$pidfile"
}

# nginx first, so no request reaches a gunicorn that is shutting down.
stop nginx "$STACK_DIR/nginx/nginx.pid" "nginx: master" QUIT
stop gunicorn "$STACK_DIR/gunicorn.pid" "gunicorn" TERM
stop "task worker" "$STACK_DIR/worker.pid" "db_worker" TERM
