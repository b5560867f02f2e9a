# Tongban (通办) — every developer and CI task. `make help` lists them.
#
# The same gates run locally and in CI (.ci/run). Targets bootstrap what they need (Debian packages when root,
# the .venv virtualenv, the Python install), so a fresh Debian machine needs only `make run` or `make test`.

SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV ?= .venv
PY := $(VENV)/bin/python
BENCH_ARGS ?=
BENCH_CASES ?=
RUN_ARGS ?=

.PHONY: help
help: ## List every target with a one-line description
	@grep -hE '^[a-zA-Z0-9_-]+:.*?## ' $(MAKEFILE_LIST) | \
	  awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-18s\033[0m %s\n", $$1, $$2}'

.PHONY: bootstrap
bootstrap: ## Install Debian runtime packages (when root), create .venv and install Tongban
	scripts/bootstrap.sh

.PHONY: bootstrap-test
bootstrap-test: ## Like bootstrap, plus the [test] extras and Debian chromium
	scripts/bootstrap.sh --test

.PHONY: run
run: ## Quick start: migrate, load the demo city once, serve on http://127.0.0.1:8000
	scripts/run.sh $(RUN_ARGS)

.PHONY: test
test: ## Run the whole test suite (DATABASE_URL honoured; default SQLite; args via PYTEST_ARGS)
	scripts/test.sh $(PYTEST_ARGS)

FAKETIME_AT ?= 2027-06-15 10:00:00
# Every suite but the browser journeys (their live server and Chromium keep the real clock) and the tests of real
# child processes (`serve` supervision, `restore` on a closed terminal: their timers stall under libfaketime; no
# date in them); the
# calendar journey travels in time itself.
FAR_DATE_PATHS ?= tongban tests --ignore=tests/e2e --ignore=tongban/core/tests/test_supervision.py --ignore=tests/test_serve_live.py --deselect "tongban/core/tests/test_backup.py::test_restore_without_yes_and_without_a_terminal_exits_with_a_message" tests/e2e/test_calendar_notice_journey.py

.PHONY: test-far-date
test-far-date: ## Run the date-independent suites with the clock at FAKETIME_AT (libfaketime; default 2027-06-15)
	scripts/bootstrap.sh --test
	@command -v faketime >/dev/null || { echo "test-far-date: install Debian's faketime (apt-get install faketime)" >&2; exit 1; }
	FAKETIME_AT='$(FAKETIME_AT)' faketime '$(FAKETIME_AT)' scripts/test.sh $(FAR_DATE_PATHS) $(PYTEST_ARGS)

.PHONY: test-pg
test-pg: ## Run the whole test suite on a fresh local PostgreSQL database (tongban_test_pg)
	scripts/pg-test.sh tongban_test_pg $(PYTEST_ARGS)

.PHONY: e2e
e2e: ## Run only the browser journeys (Playwright + Debian chromium)
	scripts/test.sh tests/e2e $(PYTEST_ARGS)

.PHONY: lint
lint: bootstrap-test ## ruff check, ruff format --check, mypy on tongban/, and the layer contracts (import-linter)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy tongban
	PYTHONPATH=scripts/lint $(VENV)/bin/lint-imports

.PHONY: format
format: bootstrap-test ## Apply ruff's fixes and formatting
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

.PHONY: migrations-check
migrations-check: bootstrap ## Fail if a model change lacks its migration
	$(PY) manage.py makemigrations --check --dry-run

.PHONY: openapi
openapi: bootstrap ## Regenerate the committed OpenAPI snapshot tests/openapi.json
	$(PY) scripts/openapi_snapshot.py --write

.PHONY: bench
bench: ## Bench 1: search and guide pages vs the floor, 10,000 items (BENCH_ARGS=--postgres; BENCH_CASES=1000000 adds bench 2)
	scripts/bootstrap.sh --bench
	$(PY) bench/catalog_read.py $(BENCH_ARGS)
	@if [ -n "$(BENCH_CASES)" ]; then $(PY) bench/public_lookup.py --cases $(BENCH_CASES) $(BENCH_ARGS); fi

.PHONY: bench-cases
bench-cases: ## Bench 2: public case-progress lookup with 1,000,000 cases vs the floor (BENCH_ARGS=--postgres)
	scripts/bootstrap.sh --bench
	$(PY) bench/public_lookup.py --cases 1000000 $(BENCH_ARGS)

.PHONY: ci
ci: ## What CI runs: tests on SQLite, then on PostgreSQL when reachable, then lint
	bash .ci/run

.PHONY: clean
clean: ## Remove caches, test results and bench data (keeps .venv and the demo database in var/)
	find . -path ./$(VENV) -prune -o -type d -name __pycache__ -print0 | xargs -0 rm -rf
	rm -rf .pytest_cache .mypy_cache .ruff_cache .hypothesis test-results bench/results var/bench build *.egg-info

.PHONY: distclean
distclean: clean ## clean, plus the virtualenv and everything under var/ (the demo database)
	rm -rf $(VENV) var

.PHONY: messages
messages: bootstrap-test ## Regenerate the English catalogue: makemessages, fill from the glossary, compilemessages
	$(VENV)/bin/django-admin makemessages -l en --ignore ".venv/*" --ignore "var/*" --ignore "tests/*"
	$(PY) tongban/locale/fill_en.py
	cd tongban && ../$(VENV)/bin/django-admin compilemessages -l en
