#!/usr/bin/env bash
# The site on PostgreSQL, OpenSearch and Redis (as in production), with the demo content.
# The services keep running after the server stops: `make pg-down search-down redis-down`
# ends them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PY=.venv/bin/python

export DATABASE_URL=$(bash scripts/pg-up.sh | tail -n1 | sed 's/^DATABASE_URL=//')
export OPENSEARCH_URL=$(bash scripts/search-up.sh | tail -n1 | sed 's/^OPENSEARCH_URL=//')
export REDIS_URL=$(bash scripts/redis-up.sh | tail -n1 | sed 's/^REDIS_URL=//')
$PY manage.py migrate --no-input -v 0
$PY manage.py seed_demo
# Builds the index with the German analysis settings before anything auto-creates it.
$PY manage.py update_index
$PY manage.py search_rebuild -v 0
$PY manage.py ensure_local_admin
exec $PY manage.py runserver 127.0.0.1:8000
