#!/usr/bin/env bash
# The production stack on this machine: nginx (deploy/nginx/) in front of gunicorn
# (deploy/gunicorn.conf.py) with config.settings.production, the task worker (db_worker),
# PostgreSQL and OpenSearch. Everything listens on 127.0.0.1 and runs as the current user;
# nginx gets its own prefix (pid, temp files, logs) under STACK_DIR. Prints STACK_URL=... as
# its last line; scripts/stack-down.sh stops nginx, gunicorn and the worker again.
#
#   NGINX_PORT=8080          nginx (the address visitors use)
#   GUNICORN_PORT=8001       gunicorn, reached by nginx only
#   STACK_DIR=.cache/stack   pid files, logs, the filled-in nginx configuration, STATIC_ROOT
#   DATABASE_URL             default: scripts/pg-up.sh (PG_PORT) starts the private PostgreSQL
#   OPENSEARCH_URL           default: scripts/search-up.sh (OPENSEARCH_PORT) starts a node;
#                            OPENSEARCH_URL=none runs without a search engine
#   REDIS_URL                passed on to gunicorn and the worker when set
#   SECRET_KEY               default: a random key kept in STACK_DIR/secret_key
#   SITE_BASE_URL            default: http://127.0.0.1:NGINX_PORT
#   STATIC_ROOT, MEDIA_ROOT, PRIVATE_MEDIA_ROOT, SEARCH_INDEX_PREFIX, GUNICORN_WORKERS,
#   GUNICORN_THREADS         passed on (the settings' defaults otherwise)
#   STACK_MIGRATE=1          run migrate first (0: the database is ready already)
#   STACK_COLLECTSTATIC=auto run collectstatic when STATIC_ROOT is older than a static source
#                            file or requirements.lock (1: always, 0: never)
#
# Local only: plain HTTP, so SECURE_SSL_REDIRECT is off; in production nginx terminates TLS
# (docs/operations.md).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"
PY="$ROOT/.venv/bin/python"

NGINX_PORT="${NGINX_PORT:-8080}"
GUNICORN_PORT="${GUNICORN_PORT:-8001}"
STACK_DIR="$(mkdir -p "${STACK_DIR:-.cache/stack}" && cd "${STACK_DIR:-.cache/stack}" && pwd)"
NGINX_DIR="$STACK_DIR/nginx"

log() { echo "stack-up: $*" >&2; }
die() { echo "stack-up: ERROR: $*" >&2; exit 1; }

for port in "$NGINX_PORT" "$GUNICORN_PORT"; do
  [[ $port =~ ^[0-9]+$ ]] && ((port >= 1025 && port <= 65535)) ||
    die "NGINX_PORT and GUNICORN_PORT must be port numbers from 1025 to 65535 (got '$port')"
done
if [[ -f $STACK_DIR/gunicorn.pid || -f $NGINX_DIR/nginx.pid ]]; then
  die "a stack is already running from $STACK_DIR; stop it with scripts/stack-down.sh"
fi
for port in "$NGINX_PORT" "$GUNICORN_PORT"; do
  if (: </dev/tcp/127.0.0.1/"$port") 2>/dev/null; then die "port $port is already in use"; fi
done

command -v nginx >/dev/null || bash scripts/apt-install.sh nginx >&2

# --- services: PostgreSQL and OpenSearch through their own scripts -------------------------
if [[ -z ${DATABASE_URL:-} ]]; then
  DATABASE_URL=$(bash scripts/pg-up.sh | tail -n1 | sed 's/^DATABASE_URL=//')
fi
if [[ -z ${OPENSEARCH_URL:-} ]]; then
  OPENSEARCH_URL=$(bash scripts/search-up.sh | tail -n1 | sed 's/^OPENSEARCH_URL=//')
elif [[ $OPENSEARCH_URL == none ]]; then
  OPENSEARCH_URL=""
fi

# --- the production environment ------------------------------------------------------------
if [[ -z ${SECRET_KEY:-} ]]; then
  [[ -s $STACK_DIR/secret_key ]] || (umask 077 && "$PY" -c \
    'import secrets; print(secrets.token_urlsafe(50))' >"$STACK_DIR/secret_key")
  SECRET_KEY=$(<"$STACK_DIR/secret_key")
fi
export DJANGO_SETTINGS_MODULE=config.settings.production
export SECRET_KEY DATABASE_URL OPENSEARCH_URL
export ALLOWED_HOSTS="${ALLOWED_HOSTS:-127.0.0.1,localhost}"
export SITE_BASE_URL="${SITE_BASE_URL:-http://127.0.0.1:$NGINX_PORT}"
export CSRF_TRUSTED_ORIGINS="${CSRF_TRUSTED_ORIGINS:-$SITE_BASE_URL}"
export STATIC_ROOT="${STATIC_ROOT:-$STACK_DIR/static}"
export MEDIA_ROOT="${MEDIA_ROOT:-$ROOT/media}"
export PRIVATE_MEDIA_ROOT="${PRIVATE_MEDIA_ROOT:-$ROOT/private_media}"
# nginx appends the visitor's address to X-Forwarded-For: exactly one proxy to trust.
export TRUSTED_PROXY_COUNT=1
export SECURE_SSL_REDIRECT=false
export GUNICORN_BIND="127.0.0.1:$GUNICORN_PORT"
if [[ -n ${REDIS_URL:-} ]]; then export REDIS_URL; fi
mkdir -p "$STATIC_ROOT" "$MEDIA_ROOT" "$PRIVATE_MEDIA_ROOT"

if [[ ${STACK_MIGRATE:-1} == 1 ]]; then
  log "migrate"
  "$PY" manage.py migrate --no-input -v 0
fi
# collectstatic post-processes every file each time (hashes, .gz and .br): minutes on a busy
# machine, so by default only when something it collects changed.
collect=${STACK_COLLECTSTATIC:-auto}
if [[ $collect == auto ]]; then
  manifest="$STATIC_ROOT/staticfiles.json"
  collect=0
  if [[ ! -f $manifest ]] || [[ requirements.lock -nt $manifest ]] ||
    [[ -n $(find site/static ./*/static -newer "$manifest" -type f -print -quit 2>/dev/null) ]]; then
    collect=1
  fi
fi
if [[ $collect == 1 ]]; then
  log "collectstatic into $STATIC_ROOT"
  "$PY" manage.py collectstatic --no-input -v 0
fi
# nginx answers a too large upload itself, with the application's bilingual 413 page.
mkdir -p "$NGINX_DIR/errors"
"$PY" manage.py shell -v 0 -c "from django.template.loader import render_to_string as r; \
print(r('413.html'))" >"$NGINX_DIR/errors/413.html"

# --- processes -------------------------------------------------------------------------------
log "gunicorn on 127.0.0.1:$GUNICORN_PORT (log: $STACK_DIR/gunicorn.log)"
"$ROOT/.venv/bin/gunicorn" -c deploy/gunicorn.conf.py config.wsgi:application \
  --pid "$STACK_DIR/gunicorn.pid" --daemon --error-logfile "$STACK_DIR/gunicorn.log"

log "task worker (log: $STACK_DIR/worker.log)"
nohup "$PY" manage.py db_worker --no-startup-delay </dev/null >"$STACK_DIR/worker.log" 2>&1 &
echo $! >"$STACK_DIR/worker.pid"

log "nginx on 127.0.0.1:$NGINX_PORT (logs: $NGINX_DIR/)"
mkdir -p "$NGINX_DIR"/tmp/{body,proxy,fastcgi,uwsgi,scgi}
user_line=""
# nginx started as root would hand its workers to "nobody", who cannot read a checkout or a
# temp directory of root's: run them as the current user, like everything else here.
if ((EUID == 0)); then user_line="user root root;"; fi
fill() {
  sed -e "s|@PREFIX@|$NGINX_DIR|g" -e "s|@USER@|$user_line|g" \
    -e "s|@LISTEN@|127.0.0.1:$NGINX_PORT|g" -e "s|@SERVER_NAME@|${ALLOWED_HOSTS%%,*}|g" \
    -e "s|@UPSTREAM@|127.0.0.1:$GUNICORN_PORT|g" -e "s|@STATIC_ROOT@|$STATIC_ROOT|g" \
    -e "s|@MEDIA_ROOT@|$MEDIA_ROOT|g" -e "s|@ERROR_PAGES@|$NGINX_DIR/errors|g" "$1" >"$2"
}
fill deploy/nginx/nginx.conf "$NGINX_DIR/nginx.conf"
fill deploy/nginx/lokalprojekte.conf "$NGINX_DIR/lokalprojekte.conf"
nginx -q -t -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf" -e "$NGINX_DIR/error.log" ||
  { bash scripts/stack-down.sh >&2; die "nginx configuration rejected (see above)"; }
nginx -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf" -e "$NGINX_DIR/error.log"

# --- ready? ------------------------------------------------------------------------------------
# Any answer from gunicorn through nginx counts (an empty database has no home page yet);
# 502 means gunicorn is not listening yet.
deadline=$((SECONDS + ${STACK_TIMEOUT:-90}))
until code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$NGINX_PORT/de/") &&
  [[ $code != 000 && $code != 502 ]]; do
  if ((SECONDS >= deadline)); then
    tail -n 30 "$STACK_DIR/gunicorn.log" >&2 || true
    bash scripts/stack-down.sh >&2
    die "no answer through nginx within ${STACK_TIMEOUT:-90}s (gunicorn log above)"
  fi
  sleep 0.5
done
if ! kill -0 "$(<"$STACK_DIR/worker.pid")" 2>/dev/null; then
  tail -n 30 "$STACK_DIR/worker.log" >&2 || true
  bash scripts/stack-down.sh >&2
  die "the task worker exited (its log above)"
fi
log "ready ($code from /de/)"
echo "STACK_URL=http://127.0.0.1:$NGINX_PORT"
