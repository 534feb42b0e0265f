#!/usr/bin/env bash
# The whole suite: start PostgreSQL, OpenSearch and Redis (unless already running), run the
# project gates and pytest, stop what this script started. Called by `make test`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PY=.venv/bin/python
PG_PORT="${PG_PORT:-54329}"
OPENSEARCH_PORT="${OPENSEARCH_PORT:-9201}"
REDIS_PORT="${REDIS_PORT:-6390}"
started=()

cleanup() {
  for service in "${started[@]}"; do
    bash "scripts/${service}-down.sh" >&2 || true
  done
}
trap cleanup EXIT

if pg_isready -q -h 127.0.0.1 -p "$PG_PORT" 2>/dev/null; then
  echo "test: PostgreSQL already running on port $PG_PORT" >&2
  DATABASE_URL="postgres://lokalprojekte@127.0.0.1:${PG_PORT}/lokalprojekte"
else
  DATABASE_URL=$(bash scripts/pg-up.sh | tail -n1 | sed 's/^DATABASE_URL=//')
  started+=(pg)
fi
export DATABASE_URL

if curl -fsS "http://127.0.0.1:${OPENSEARCH_PORT}/_cluster/health" >/dev/null 2>&1; then
  echo "test: OpenSearch already running on port $OPENSEARCH_PORT" >&2
  OPENSEARCH_TEST_URL="http://127.0.0.1:${OPENSEARCH_PORT}"
else
  OPENSEARCH_TEST_URL=$(bash scripts/search-up.sh | tail -n1 | sed 's/^OPENSEARCH_URL=//')
  started+=(search)
fi
export OPENSEARCH_TEST_URL

if command -v redis-cli >/dev/null && [ "$(redis-cli -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ]; then
  echo "test: Redis already running on port $REDIS_PORT" >&2
else
  REDIS_PORT="$REDIS_PORT" bash scripts/redis-up.sh >/dev/null
  started+=(redis)
fi
# The suite empties its cache before every test: database 1, so a development server's
# cache on the same Redis (database 0) is left alone.
export REDIS_URL="redis://127.0.0.1:${REDIS_PORT}/1"

export DJANGO_SETTINGS_MODULE=config.settings.test
# One command per line: `set -e` does not stop at a failure inside an `a && b` list.
echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== import layers"
.venv/bin/lint-imports --no-cache
echo "== django check"
$PY manage.py check --fail-level WARNING
echo "== migrations"
$PY manage.py makemigrations --check --dry-run
echo "== catalogues"
$PY scripts/check_catalogues.py --quiet

echo "== browser test dependencies" && bash scripts/browser-deps.sh
echo "== pytest"
set +e
.venv/bin/pytest "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "test: pytest collected no tests; that is a failure." >&2
  exit 1
fi
exit "$status"
