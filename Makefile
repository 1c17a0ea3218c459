# Two commands on a fresh machine: `make site` and `make test` (see README.md).
PYTHON ?= python
# apt-get needs root: use sudo when not root and sudo exists.
SUDO := $(shell [ "$$(id -u)" = 0 ] || command -v sudo)

.PHONY: install site test-deps test bench

# pip first: the resolver of older pips (23.2) fails on some extras.
install:
	$(PYTHON) -m pip install --upgrade pip
	$(PYTHON) -m pip install -e .

site: install
	$(PYTHON) build_docs.py

# Debian's Chromium (the browser test drives /usr/bin/chromium), CJK fonts and
# poppler-utils, installed only when Chromium is missing; then pytest and Playwright.
test-deps:
	@if [ -x /usr/bin/chromium ]; then echo "chromium: /usr/bin/chromium"; else \
	  $(SUDO) apt-get update && $(SUDO) apt-get install -y chromium fonts-noto-cjk poppler-utils; fi
	$(PYTHON) -m pip install -e '.[test]'

test: install test-deps
	$(PYTHON) -m pytest -q
	$(PYTHON) build_docs.py --check --no-site

bench:
	$(PYTHON) benchmarks/bench_build.py
