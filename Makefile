# Lokalprojekte: every set-up step lives here, so a fresh clone needs only `make run` or `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed

.PHONY: lock help install messages catalogues run run-full test lint format bench search-up search-down pg-up pg-down redis-up redis-down clean

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

# Update the .po catalogues from the code: an app's strings go to <app>/locale (create that
# directory for a new app), those of site/templates and config/ to site/locale. New English
# msgids arrive empty or fuzzy; the check lists them until they are translated.
catalogues: install
	@command -v msgfmt >/dev/null || scripts/apt-install.sh gettext
	$(PY) manage.py makemessages -l de -l en --no-obsolete -v 0 \
		--ignore 'tests/*' --ignore 'benchmarks/*' --ignore 'scripts/*' --ignore 'docs/*' \
		--ignore 'node_modules/*'
	$(PY) scripts/check_catalogues.py

run: install messages
	$(PY) manage.py migrate --no-input -v 0
	$(PY) manage.py seed_demo
	$(PY) manage.py ensure_local_admin
	$(PY) manage.py runserver 127.0.0.1:8000

test: install messages
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

run-full: install messages
	bash scripts/run-full.sh

clean:
	rm -rf $(VENV) .cache db.sqlite3 media private_media static_collected

# Re-resolve the pinned versions from pyproject.toml's ranges (run after changing them).
lock:
	rm -rf .cache/lockenv && $(PYTHON) -m venv .cache/lockenv
	.cache/lockenv/bin/pip install --quiet --upgrade pip
	.cache/lockenv/bin/pip install --quiet '.[dev]'
	.cache/lockenv/bin/pip freeze --exclude lokalprojekte > requirements.lock
	rm -rf .cache/lockenv

# Speed figures (printed, not asserted): see benchmarks/.
bench: install messages
	bash scripts/bench.sh
