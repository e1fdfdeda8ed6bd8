# Two commands for a newcomer: `make run` and `make test`. Everything else is a helper target.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip
DB     ?= sleukrith.db
HOST   ?= 127.0.0.1
PORT   ?= 8000
SAMPLES := src/sleukrith/data/samples

.PHONY: run test install dev bench chromium lint clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip

# Stamps re-run the install whenever pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(PY)
	$(PIP) install -q -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(PY)
	$(PIP) install -q -e '.[dev]'
	touch $@

install: $(VENV)/.installed

dev: $(VENV)/.installed-dev chromium

# Debian's chromium for the browser tests (Playwright drives /usr/bin/chromium; no browser download).
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  echo "installing Debian's chromium for the browser tests"; \
	  SUDO=; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; \
	fi

run: install
	$(VENV)/bin/sleukrith ingest --db $(DB) $(SAMPLES)
	$(VENV)/bin/sleukrith serve --db $(DB) --host $(HOST) --port $(PORT)

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .

test: dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/pytest

# Benchmarks compare against other Khmer tools (dev-only extras) and need ICU headers for PyICU.
bench: dev
	@if ! pkg-config --exists icu-uc 2>/dev/null; then \
	  SUDO=; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libicu-dev pkg-config >/dev/null; \
	fi
	$(PIP) install -q -e '.[dev,bench]'
	@echo "run e.g. $(PY) bench/normalize.py; each script writes its table into docs/benchmarks.md"

clean:
	rm -rf $(VENV) build dist *.egg-info src/*.egg-info .pytest_cache .ruff_cache
