#!/usr/bin/env bash
# Install the benchmark-only peers of benchmarks/score_extraction.py (never project dependencies):
# gne into the current Python, magic-html into a Python >= 3.12 venv at benchmarks/.venv-magic-html/.
# PYTHON312 names that interpreter; by default the first of python3.12, python3.13 and pyenv's 3.12/3.13.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
python="${PYTHON:-python}"
"$python" -m pip install -r "$here/requirements.txt"

venv="$here/.venv-magic-html"
find_python312() {
  for candidate in "${PYTHON312:-}" python3.12 python3.13 \
      "$HOME"/.pyenv/versions/3.12*/bin/python "$HOME"/.pyenv/versions/3.13*/bin/python; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null 2>&1 \
        && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  return 1
}
if ! py312="$(find_python312)"; then
  echo "magic-html not installed: it needs Python >= 3.12 and none was found (set PYTHON312=/path/to/python3.12)" >&2
  exit 0
fi
[ -x "$venv/bin/python" ] || "$py312" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --upgrade pip
"$venv/bin/python" -m pip install -r "$here/requirements-py312.txt"
echo "magic-html: $("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("magic-html"))') in $venv"
