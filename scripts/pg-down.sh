#!/usr/bin/env bash
# Stop the private PostgreSQL server started by scripts/pg-up.sh.
# Exits 0 if it was not running. Data is kept; pg-up.sh restarts it.
# Honours PG_DIR like pg-up.sh (default <repo>/.cache/postgres, or the
# /tmp fallback pg-up.sh uses when that is not usable).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO_ROOT="$(pwd -P)"

log() { echo "pg-down: $*" >&2; }

# Same candidates as pg-up.sh.
candidates=()
if [[ -n "${PG_DIR:-}" ]]; then
  case "$PG_DIR" in /*) candidates+=("$PG_DIR") ;; *) candidates+=("$REPO_ROOT/$PG_DIR") ;; esac
else
  candidates+=("$REPO_ROOT/.cache/postgres")
  candidates+=("/tmp/lokalprojekte-pg-$(printf '%s' "$REPO_ROOT" | sha256sum | cut -c1-12)")
fi

stopped=0
for dir in "${candidates[@]}"; do
  data="$dir/data"
  [[ -f "$data/PG_VERSION" && -f "$data/postmaster.pid" ]] || continue
  bin="/usr/lib/postgresql/$(cat "$data/PG_VERSION")/bin"
  if [[ ! -x "$bin/pg_ctl" ]]; then
    log "ERROR: $bin/pg_ctl not found, cannot stop server in $data"; exit 1
  fi
  # pg_ctl refuses to run as root: run it as the owner of the data directory.
  as_owner=()
  if (( EUID == 0 )); then as_owner=(runuser -u "$(stat -c %U "$data")" --); fi
  if (cd / && "${as_owner[@]}" "$bin/pg_ctl" status -D "$data" >/dev/null 2>&1); then
    log "stopping server in $data"
    (cd / && "${as_owner[@]}" "$bin/pg_ctl" stop -D "$data" -m fast -w -t 60 -s)
    stopped=1
  fi
done

(( stopped )) || log "not running"
exit 0
