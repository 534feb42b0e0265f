#!/usr/bin/env bash
# Start a private PostgreSQL server for tests and local development.
#
#   scripts/pg-up.sh                 # install (Debian/apt) if needed, init, start
#   eval "export $(scripts/pg-up.sh | tail -n1)"   # -> DATABASE_URL in your shell
#   scripts/pg-down.sh               # stop it again
#
# Environment:
#   PG_DIR   directory for the cluster (default: <repo>/.cache/postgres);
#            holds data/, the unix socket and postgres.log
#   PG_PORT  TCP port on 127.0.0.1 (default: 54329)
#
# The server is completely private: its own data directory, its own port,
# listening on 127.0.0.1 only, unix socket inside PG_DIR. It never uses or
# modifies a system-wide cluster (/var/lib/postgresql, port 5432). If this
# script has to install the Debian packages, the "main" cluster that the
# package creates automatically is stopped again and set to start manually.
#
# Durability is switched off (fsync, synchronous_commit, full_page_writes):
# a crash of the machine can corrupt the cluster. Delete PG_DIR and rerun
# if that happens. Auth is "trust" for local and 127.0.0.1 connections, so
# any local OS user can connect as any role: development/test use only.
#
# All progress messages go to stderr; the last line on stdout is
#   DATABASE_URL=postgres://lokalprojekte@127.0.0.1:<port>/lokalprojekte
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO_ROOT="$(pwd -P)"

PG_PORT="${PG_PORT:-54329}"
DB_NAME=lokalprojekte
DB_USER=lokalprojekte
PG_SUPERUSER=postgres   # bootstrap superuser created by initdb

log() { echo "pg-up: $*" >&2; }
die() { echo "pg-up: ERROR: $*" >&2; exit 1; }

if ! [[ "$PG_PORT" =~ ^[0-9]{1,5}$ ]] || (( 10#$PG_PORT < 1 || 10#$PG_PORT > 65535 )); then
  die "PG_PORT must be a port number (1-65535), got '$PG_PORT'"
fi
PG_PORT=$((10#$PG_PORT))

# ---------------------------------------------------------------------------
# 1. Make sure PostgreSQL server binaries exist (install via apt if not).
# ---------------------------------------------------------------------------
have_server_binaries() { compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; }

# "ver/name" of clusters managed by Debian's postgresql-common, optionally
# only the online ones. Empty if postgresql-common is not installed.
list_system_clusters() {  # $1 = "all" | "online"
  command -v pg_lsclusters >/dev/null 2>&1 || return 0
  pg_lsclusters --no-header 2>/dev/null | while read -r ver name _port status _rest; do
    if [[ "$1" == all || "$status" == online* ]]; then echo "$ver/$name"; fi
  done
}

install_postgresql() {
  local -a as_root=()
  if (( EUID != 0 )); then
    if command -v sudo >/dev/null 2>&1; then
      as_root=(sudo)
    else
      die "PostgreSQL server binaries (/usr/lib/postgresql/*/bin/initdb) not found and" \
          "this script is not running as root and sudo is not available." \
          "Install them first, e.g. as root: apt-get install postgresql"
    fi
  fi
  command -v apt-get >/dev/null 2>&1 \
    || die "PostgreSQL server binaries not found and apt-get is not available; install PostgreSQL manually."

  local existed_before online_before
  existed_before="$(list_system_clusters all)"
  online_before="$(list_system_clusters online)"

  log "PostgreSQL server not installed; installing Debian package 'postgresql' ..."
  # apt output goes to stderr: stdout is reserved for the DATABASE_URL line.
  "${as_root[@]}" apt-get update >&2
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends postgresql >&2

  # The package's postinst creates a system cluster (e.g. 15/main, port 5432)
  # and, on hosts with systemd/init scripts (no policy-rc.d block), starts it.
  # We never want that one: stop whatever the install started, and make the
  # newly created cluster(s) start manually only (so not at the next boot).
  # Clusters that existed/ran before the install are left alone.
  local c
  for c in $(list_system_clusters online); do
    if ! grep -qxF "$c" <<<"$online_before"; then
      log "stopping system cluster $c that the package install started (not used here)"
      "${as_root[@]}" pg_ctlcluster "${c%%/*}" "${c#*/}" stop || log "WARNING: could not stop system cluster $c"
    fi
  done
  for c in $(list_system_clusters all); do
    if ! grep -qxF "$c" <<<"$existed_before" && [[ -f "/etc/postgresql/$c/start.conf" ]]; then
      log "setting system cluster $c to start manually (/etc/postgresql/$c/start.conf)"
      echo manual | "${as_root[@]}" tee "/etc/postgresql/$c/start.conf" >/dev/null \
        || log "WARNING: could not update /etc/postgresql/$c/start.conf"
    fi
  done
}

have_server_binaries || install_postgresql
have_server_binaries || die "PostgreSQL server binaries still not found after installation."

# ---------------------------------------------------------------------------
# 2. Decide who runs the server and where its files live.
# ---------------------------------------------------------------------------
# initdb and postgres refuse to run as root. As root we run them as the
# 'postgres' OS user (created by the Debian package); otherwise as ourselves.
if (( EUID == 0 )); then
  SERVER_USER=postgres
  id -u "$SERVER_USER" >/dev/null 2>&1 \
    || die "running as root but OS user '$SERVER_USER' does not exist (needed to run the server)."
  AS_SERVER=(runuser -u "$SERVER_USER" --)
else
  SERVER_USER="$(id -un)"
  AS_SERVER=()
fi
# Run a command as the server user, from / so that an unreadable current
# directory does not bother initdb/pg_ctl (all paths below are absolute).
as_server() { (cd / && "${AS_SERVER[@]}" "$@"); }

abspath() { case "$1" in /*) echo "$1" ;; *) echo "$REPO_ROOT/$1" ;; esac; }

# Stable per-checkout fallback location (pg-down.sh computes the same name).
FALLBACK_DIR="/tmp/lokalprojekte-pg-$(printf '%s' "$REPO_ROOT" | sha256sum | cut -c1-12)"

# Unix socket paths are limited to 107 bytes (sizeof(sun_path) - 1); the
# socket lives directly in PG_DIR as .s.PGSQL.<port>.
socket_path_fits() { (( ${#1} + ${#PG_PORT} + 10 <= 107 )); }

# Try to make $1 usable as PG_DIR: create it, hand it to the server user and
# verify the server user can actually reach and write it.
prepare_dir() {
  local dir="$1"
  socket_path_fits "$dir" || { log "$dir is too long for a unix socket path"; return 1; }
  mkdir -p "$dir" 2>/dev/null || { log "cannot create $dir"; return 1; }
  if [[ -L "$dir" || "$(stat -c %U "$dir")" != "$SERVER_USER" ]]; then
    if (( EUID == 0 )) && [[ ! -L "$dir" ]]; then
      chown "$SERVER_USER:$(id -gn "$SERVER_USER")" "$dir"
    else
      log "$dir is not owned by $SERVER_USER"; return 1
    fi
  fi
  chmod 0755 "$dir"  # others may use the socket; data/ itself stays 0700
  as_server test -d "$dir" -a -w "$dir" -a -x "$dir" \
    || { log "$SERVER_USER cannot write to $dir (a parent directory is not traversable?)"; return 1; }
}

if [[ -n "${PG_DIR:-}" ]]; then
  PG_DIR="$(abspath "$PG_DIR")"
  prepare_dir "$PG_DIR" || die "PG_DIR=$PG_DIR is not usable (see above)."
else
  PG_DIR="$REPO_ROOT/.cache/postgres"
  # Fallback: when run as root the server runs as 'postgres', which may not be
  # able to reach a checkout under e.g. /root (mode 0700) or a home directory;
  # chown-ing the whole path is not acceptable. Likewise a deep checkout path
  # can exceed the unix-socket path limit. In those cases use a directory under
  # /tmp whose name is derived from the repo path, so it is stable across runs
  # and distinct per checkout. (/tmp may be wiped on reboot: a fresh cluster is
  # then initialised automatically.)
  if ! prepare_dir "$PG_DIR"; then
    log "falling back to $FALLBACK_DIR"
    PG_DIR="$FALLBACK_DIR"
    prepare_dir "$PG_DIR" || die "fallback directory $PG_DIR is not usable either (see above)."
  fi
fi

DATA="$PG_DIR/data"
LOGFILE="$PG_DIR/postgres.log"
SOCKET_DIR="$PG_DIR"

# Use the server version the data directory was created with, else the newest.
if [[ -f "$DATA/PG_VERSION" ]]; then
  DATA_VERSION="$(cat "$DATA/PG_VERSION")"
  BIN="/usr/lib/postgresql/$DATA_VERSION/bin"
  [[ -x "$BIN/postgres" ]] || die "$DATA was created by PostgreSQL $DATA_VERSION, which is not installed" \
    "(installed: $(cd /usr/lib/postgresql && echo *)). Remove $PG_DIR to start over."
  DATA_OWNER="$(stat -c %U "$DATA")"
  [[ "$DATA_OWNER" == "$SERVER_USER" ]] || die "$DATA is owned by '$DATA_OWNER' but the server would" \
    "run as '$SERVER_USER' (script run as a different user before?). Remove $PG_DIR or run as that user."
else
  BIN="$(dirname "$(compgen -G '/usr/lib/postgresql/*/bin/initdb' | sort -V | tail -n1)")"
fi

# ---------------------------------------------------------------------------
# 3. initdb (only once).
# ---------------------------------------------------------------------------
if [[ ! -f "$DATA/PG_VERSION" ]]; then
  if [[ -e "$DATA" ]] && [[ -n "$(ls -A "$DATA" 2>/dev/null)" ]]; then
    die "$DATA exists and is not empty but is not a PostgreSQL cluster. Remove it and rerun."
  fi
  log "initialising private cluster in $DATA ($("$BIN/postgres" --version))"
  # --no-sync: skip fsync of the new files, like fsync=off at runtime.
  as_server "$BIN/initdb" -D "$DATA" -U "$PG_SUPERUSER" --encoding=UTF8 --locale=C.UTF-8 \
    --auth=trust --no-sync >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; die "initdb failed (log: $PG_DIR/initdb.log)"; }
  # Only local socket and IPv4 loopback, no password (test/dev only).
  as_server tee "$DATA/pg_hba.conf" >/dev/null <<'EOF'
# Private test/dev cluster managed by scripts/pg-up.sh
# TYPE  DATABASE  USER  ADDRESS        METHOD
local   all       all                  trust
host    all       all   127.0.0.1/32   trust
EOF
  # Settings written by pg-up.sh on every start (port/socket may change).
  echo "include_if_exists = 'pg-up.conf'" | as_server tee -a "$DATA/postgresql.conf" >/dev/null
fi

# ---------------------------------------------------------------------------
# 4. Start (unless already running).
# ---------------------------------------------------------------------------
PORT="$PG_PORT"
if as_server "$BIN/pg_ctl" status -D "$DATA" >/dev/null 2>&1; then
  # postmaster.pid line 4 is the port the running server actually uses.
  RUNNING_PORT="$(sed -n 4p "$DATA/postmaster.pid" 2>/dev/null || true)"
  if [[ -n "$RUNNING_PORT" && "$RUNNING_PORT" != "$PG_PORT" ]]; then
    log "WARNING: server is already running on port $RUNNING_PORT (not PG_PORT=$PG_PORT); run scripts/pg-down.sh to change it"
    PORT="$RUNNING_PORT"
  fi
  log "already running (data: $DATA, port $PORT)"
else
  sq() { printf '%s' "${1//\'/\'\'}"; }  # quote for postgresql.conf
  as_server tee "$DATA/pg-up.conf" >/dev/null <<EOF
# Written by scripts/pg-up.sh on every start; do not edit.
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$(sq "$SOCKET_DIR")'
# Test speed over durability:
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
  log "starting server (data: $DATA, 127.0.0.1:$PG_PORT, log: $LOGFILE)"
  if ! as_server "$BIN/pg_ctl" start -D "$DATA" -l "$LOGFILE" -w -t 60 -s; then
    tail -n 20 "$LOGFILE" >&2 || true
    die "could not start PostgreSQL (port $PG_PORT in use? try PG_PORT=...); log: $LOGFILE"
  fi
fi

# ---------------------------------------------------------------------------
# 5. Role and database for the project.
# ---------------------------------------------------------------------------
# The role is a superuser so pytest-django can create/drop test databases
# (and extensions).
"$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$SOCKET_DIR" -p "$PORT" -U "$PG_SUPERUSER" -d postgres <<EOF
SELECT format('CREATE ROLE %I LOGIN SUPERUSER', '$DB_USER')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER')\\gexec
SELECT format('CREATE DATABASE %I OWNER %I', '$DB_NAME', '$DB_USER')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$DB_NAME')\\gexec
EOF

echo "DATABASE_URL=postgres://$DB_USER@127.0.0.1:$PORT/$DB_NAME"
