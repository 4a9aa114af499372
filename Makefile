# One task runner for every check. `make demo` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HAVZA := $(VENV)/bin/havza
export HAVZA_DATA_DIR ?= var

.PHONY: setup demo test lint format tools messages clean bench plain-install

setup: $(VENV)/.installed messages

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

messages: $(VENV)/.installed
	$(PY) scripts/compile_messages.py

# Checkers the tests drive: the Nu Html Checker and axe-core (npm). Debian's chromium is
# installed by .ci/run; where it is missing, browser tests skip (unless HAVZA_REQUIRE_BROWSER=1).
tools: node_modules/.installed

node_modules/.installed: package.json
	@if command -v npm >/dev/null; then npm install --silent --no-audit --no-fund && touch $@; \
	else echo "npm not found: HTML validation and accessibility tests will skip"; fi

# The demo network served with the worker beside it (scheduled publishing, mail); stopping
# the server (Ctrl+C) stops the worker too.
DEMO_PORT ?= 8000
demo: setup
	$(HAVZA) demo --no-serve --port $(DEMO_PORT)
	$(HAVZA) worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(HAVZA) serve --port $(DEMO_PORT)

test: setup tools
	PY=$(PY) scripts/run-tests

# Style, formatting, missing migrations, and the import order of docs/architecture.md.
lint: setup
	$(VENV)/bin/ruff check src tests bench scripts
	$(VENV)/bin/ruff format --check src tests bench scripts
	$(HAVZA) makemigrations --check --dry-run
	$(PY) -m pytest -q -p no:cacheprovider tests/test_layering.py

# `pip install .` without extras, into a new venv, gives a havza that imports, builds and demos.
plain-install:
	PYTHON=$(PYTHON) scripts/check-plain-install

format: setup
	$(VENV)/bin/ruff check --fix src tests bench scripts
	$(VENV)/bin/ruff format src tests bench scripts

bench: setup
	$(PY) -m bench

clean:
	rm -rf $(VENV) node_modules var .pytest_cache
