# The two commands a newcomer needs: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Where `make run` keeps its files; config/settings/base.py reads the same VAR_DIR.
VAR_DIR ?= var

.PHONY: install run test bench lint format lock upgrade icons messages clean

# The virtual environment, built from the pinned lock file; rebuilt when the lock changes.
# --isolated: the lock file alone says what is installed (from PyPI, checked against its
# hashes), whatever indexes or wheel folders a personal pip configuration adds.
$(STAMP): requirements-dev.lock
	@$(PYTHON) -c 'import sys; v = sys.version_info[:2]; sys.exit(0 if v == (3, 13) else f"Pacewise needs Python 3.13, found {v[0]}.{v[1]} (pyenv reads .python-version).")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip --isolated install --quiet --disable-pip-version-check --require-hashes \
		-r requirements-dev.lock
	touch $@

install: $(STAMP)

# Serve the app with its Celery worker and beat. Embedded defaults (SQLite, a filesystem broker,
# mail on the console) unless DATABASE_URL / REDIS_URL / EMAIL_URL are set.
run: $(STAMP)
	mkdir -p $(VAR_DIR)/broker/control
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py vapid_keys --file $(VAR_DIR)/vapid.json
	@echo "Pacewise: http://127.0.0.1:8000/ (the worker and beat run beside it; Ctrl-C stops all three)"
	$(BIN)/honcho start -f Procfile.dev --port 8000

# The whole suite on real PostgreSQL and Redis (see config/settings/test.py for the defaults),
# browser journeys and `check --deploy` on production settings included; then the tests marked
# `sqlite` again on SQLite, the database of `make run`; then lint and bandit (high-severity
# findings fail the build).
test: $(STAMP)
	$(BIN)/pytest
	DATABASE_URL=sqlite:// $(BIN)/pytest -m sqlite
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/bandit --quiet --recursive apps config --severity-level high

# The benchmarks of docs/architecture.md ("Performance targets"): every bench/bench_*.py against real PostgreSQL and
# Redis (defaults in bench/harness.py), pages under gunicorn; the figures, `name: value`, come last.
bench: $(STAMP)
	$(BIN)/python -m bench

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Pin what pyproject.toml allows, with hashes and without this machine's index or wheel folders:
# `make lock` after editing pyproject.toml keeps every pin it can; `make upgrade` moves them all
# to the newest release pyproject.toml allows.
COMPILE := $(BIN)/pip-compile --quiet --strip-extras --allow-unsafe --generate-hashes \
	--no-emit-index-url --no-emit-find-links

lock: $(STAMP)
	$(COMPILE) $(UPGRADE) -o requirements.lock pyproject.toml
	$(COMPILE) $(UPGRADE) --extra dev -o requirements-dev.lock pyproject.toml

upgrade:
	$(MAKE) lock UPGRADE=--upgrade

# allauth's words in the site's voice (config/locale/en/LC_MESSAGES/django.po); commit the .mo.
messages:
	msgfmt --check -o config/locale/en/LC_MESSAGES/django.mo config/locale/en/LC_MESSAGES/django.po

# The site's icons from static/img/icon.svg (apps/lib/icons.py); commit what it writes.
icons: $(STAMP)
	$(BIN)/python -m apps.lib.icons

clean:
	rm -rf $(VENV) var staticfiles
