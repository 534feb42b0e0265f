# Lokalprojekte: every set-up step lives here, so a fresh clone needs only `make run` or `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed

.PHONY: lock help install messages assets catalogues run run-full test lint format bench search-up search-down pg-up pg-down redis-up redis-down stack-up stack-down clean

help:
	@echo "make run       – Website mit Demo-Inhalten auf SQLite (http://127.0.0.1:8000)"
	@echo "make test      – alle Tests gegen PostgreSQL, OpenSearch und Redis"
	@echo "make run-full  – Website auf PostgreSQL, OpenSearch und Redis"
	@echo "make lint      – ruff"

$(STAMP): pyproject.toml requirements.lock
	@$(PYTHON) -c "import sys; assert sys.version_info[:2] == (3, 11)" 2>/dev/null || { echo "Python 3.11 wird benötigt (gefunden: $(PYTHON))." >&2; exit 1; }
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	touch $(STAMP)

install: $(STAMP)

# Compiled catalogues are build output, not committed.
messages: install
	@command -v msgfmt >/dev/null || scripts/apt-install.sh gettext
	$(PY) manage.py compilemessages --ignore '.venv/*' -v 0

# The front end: KERN UX and axe-core from package-lock.json (npm ci), then KERN's stylesheet
# and the subset fonts copied into site/static/kern/ (build output, gitignored).
node_modules/.package-lock.json: package.json package-lock.json
	@command -v npm >/dev/null || scripts/apt-install.sh npm
	npm ci --no-audit --no-fund --loglevel=error

assets: install node_modules/.package-lock.json
	$(PY) scripts/build_assets.py

# Update the .po catalogues from the code: an app's strings go to <app>/locale (create that
# directory for a new app), those of site/templates and config/ to site/locale. New English
# msgids arrive empty or fuzzy; the check lists them until they are translated.
catalogues: install
	@command -v msgfmt >/dev/null || scripts/apt-install.sh gettext
	$(PY) manage.py makemessages -l de -l en --no-obsolete -v 0 \
		--ignore 'tests/*' --ignore 'benchmarks/*' --ignore 'scripts/*' --ignore 'docs/*' \
		--ignore 'node_modules/*'
	$(PY) scripts/check_catalogues.py

run: install messages assets
	$(PY) manage.py migrate --no-input -v 0
	$(PY) manage.py seed_demo
	$(PY) manage.py ensure_local_admin
	$(PY) manage.py runserver 127.0.0.1:8000

test: install messages assets
	bash scripts/test.sh

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(PY) scripts/check_catalogues.py --quiet

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

pg-up:
	bash scripts/pg-up.sh

pg-down:
	bash scripts/pg-down.sh

search-up:
	bash scripts/search-up.sh

search-down:
	bash scripts/search-down.sh

redis-up:
	bash scripts/redis-up.sh

redis-down:
	bash scripts/redis-down.sh

# The production stack locally: nginx, gunicorn (production settings), task worker, PostgreSQL,
# OpenSearch (docs/operations.md). stack-down leaves PostgreSQL and OpenSearch running.
stack-up: install messages
	bash scripts/stack-up.sh

stack-down:
	bash scripts/stack-down.sh

run-full: install messages assets
	bash scripts/run-full.sh

clean:
	rm -rf $(VENV) .cache db.sqlite3 media private_media static_collected node_modules site/static/kern

# Re-resolve the pinned versions from pyproject.toml's ranges (run after changing them).
lock:
	rm -rf .cache/lockenv && $(PYTHON) -m venv .cache/lockenv
	.cache/lockenv/bin/pip install --quiet --upgrade pip
	.cache/lockenv/bin/pip install --quiet '.[dev]'
	.cache/lockenv/bin/pip freeze --exclude lokalprojekte > requirements.lock
	rm -rf .cache/lockenv

# Speed figures (printed, not asserted): see benchmarks/.
bench: install messages assets
	bash scripts/bench.sh
