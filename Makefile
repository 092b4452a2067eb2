# The two commands a newcomer needs: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test bench lint format lock clean

# The virtual environment, built from the pinned lock file; rebuilt when the lock changes.
$(STAMP): requirements-dev.lock
	@$(PYTHON) -c 'import sys; v = sys.version_info[:2]; sys.exit(0 if v == (3, 13) else f"Pacewise needs Python 3.13, found {v[0]}.{v[1]} (pyenv reads .python-version).")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.lock
	touch $@

install: $(STAMP)

# Serve the app with its Celery worker and beat. Embedded defaults (SQLite, a filesystem broker,
# mail on the console) unless DATABASE_URL / REDIS_URL / EMAIL_URL are set.
run: $(STAMP)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/honcho start -f Procfile.dev

# The whole suite on real PostgreSQL and Redis (see config/settings/test.py for the defaults),
# browser journeys and `check --deploy` on production settings included, then lint and bandit
# (high-severity findings fail the build).
test: $(STAMP)
	$(BIN)/pytest
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/bandit --quiet --recursive apps config --severity-level high

# The benchmarks of DESIGN.md ("Targets"): every bench/bench_*.py against real PostgreSQL and
# Redis (defaults in bench/harness.py), pages under gunicorn; the figures, `name: value`, come last.
bench: $(STAMP)
	$(BIN)/python -m bench

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Re-pin every dependency after editing pyproject.toml.
lock: $(STAMP)
	$(BIN)/pip-compile --quiet --strip-extras --allow-unsafe -o requirements.lock pyproject.toml
	$(BIN)/pip-compile --quiet --strip-extras --allow-unsafe --extra dev -o requirements-dev.lock pyproject.toml

clean:
	rm -rf $(VENV) var staticfiles
