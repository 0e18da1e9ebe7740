# vollzug – set-up, demo, tests, conformance, benchmarks. Every target installs what it needs.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
CORPUS ?= ../shared/corpora
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: setup system-deps browser-deps js-deps vendor-bpmn-js demo test conformance bench bench-smoke lint clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

system-deps:
	@command -v dot >/dev/null 2>&1 || { echo "installing Graphviz (Debian package graphviz)"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq graphviz >/dev/null; }

browser-deps:
	@command -v chromium >/dev/null 2>&1 || { echo "installing Chromium (Debian package chromium)"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }

js-deps:
	@if [ -f tests/js/package-lock.json ] && [ ! -d tests/js/node_modules ]; then \
	  command -v npm >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq nodejs npm >/dev/null; }; \
	  cd tests/js && npm ci --silent --no-audit --no-fund; fi

vendor-bpmn-js: js-deps  # refresh the bpmn-js viewer shipped with the HTML reports (src/vollzug/report/assets/)
	scripts/vendor-bpmn-js.sh

setup: system-deps $(STAMP)

demo: setup
	$(VENV)/bin/vollzug report models/ist/*/ --reference models/soll/wpg-kreis-steinfurt.yaml -o build/report
	@echo "Report: build/report/index.html"

test: setup browser-deps js-deps
	$(PY) -m pytest -q -n 2 -p no:cacheprovider

conformance: setup
	@if [ ! -d "$(CORPUS)" ]; then echo "ERROR: corpus folder '$(CORPUS)' not found (set CORPUS=DIR)" >&2; exit 2; fi
	$(PY) tests/conformance/run.py "$(CORPUS)"

bench: setup
	$(PY) benchmarks/run_all.py

bench-smoke: setup
	$(PY) benchmarks/run_all.py --smoke

lint: setup
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/mypy src

clean:
	rm -rf $(VENV) build .mypy_cache .ruff_cache tests/js/node_modules
