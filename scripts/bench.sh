#!/usr/bin/env bash
# Benchmarks: start PostgreSQL, OpenSearch and Redis (unless running), run every
# benchmarks/bench_*.py (each prints its figures), stop what this script started.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PG_PORT="${PG_PORT:-54329}"
OPENSEARCH_PORT="${OPENSEARCH_PORT:-9201}"
REDIS_PORT="${REDIS_PORT:-6390}"
started=()
cleanup() { for s in "${started[@]}"; do bash "scripts/${s}-down.sh" >&2 || true; done; }
trap cleanup EXIT

if pg_isready -q -h 127.0.0.1 -p "$PG_PORT" 2>/dev/null; then
  DATABASE_URL="postgres://lokalprojekte@127.0.0.1:${PG_PORT}/lokalprojekte"
else
  DATABASE_URL=$(bash scripts/pg-up.sh | tail -n1 | sed 's/^DATABASE_URL=//'); started+=(pg)
fi
if curl -fsS "http://127.0.0.1:${OPENSEARCH_PORT}/_cluster/health" >/dev/null 2>&1; then
  OPENSEARCH_TEST_URL="http://127.0.0.1:${OPENSEARCH_PORT}"
else
  OPENSEARCH_TEST_URL=$(bash scripts/search-up.sh | tail -n1 | sed 's/^OPENSEARCH_URL=//'); started+=(search)
fi
if ! { command -v redis-cli >/dev/null && [ "$(redis-cli -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ]; }; then
  REDIS_PORT="$REDIS_PORT" bash scripts/redis-up.sh >/dev/null; started+=(redis)
fi
# A database of its own (2): the benchmark's site must not see a development server's
# cached pages and site paths (database 0), nor the suite's (1).
REDIS_URL="redis://127.0.0.1:${REDIS_PORT}/2"
export DATABASE_URL OPENSEARCH_TEST_URL REDIS_URL DJANGO_SETTINGS_MODULE=config.settings.test

status=0
for bench in benchmarks/bench_*.py; do
  [ -e "$bench" ] || continue
  echo "== $bench"
  .venv/bin/python "$bench" || status=1
done
exit "$status"
