"""magic-html over many pages in one process, for benchmarks/score_extraction.py.

magic-html 0.1.8 needs Python >= 3.12, the project runs on 3.11: this script runs
in the venv that benchmarks/setup_peers.sh makes and must import nothing from the
project. It reads a JSON list of pages on stdin, `[{"name", "html", "html_type"}]`
(the page already decoded to text; `html_type` None for magic-html's default
article extractor, or "forum"), and writes `{name: {"text", "title", "seconds",
"error"}}` on stdout. `seconds` is the processor time of the extraction and the
HTML-to-text step of that page alone, without the interpreter's start or the import.
"""
from __future__ import annotations

import contextlib
import json
import sys
import time


def html_text(fragment: str) -> str:
    """The text of magic-html's output HTML, one line a text node (as readability's text is made)."""
    from lxml import html as lxml_html

    if not fragment or not fragment.strip():
        return ""
    root = lxml_html.fromstring(fragment)
    return "\n".join(t.strip() for t in root.itertext() if t.strip())


def main() -> int:
    pages = json.load(sys.stdin)
    with contextlib.redirect_stdout(sys.stderr):  # the library's prints must not spoil the JSON
        from magic_html import GeneralExtractor

        extractor = GeneralExtractor()
        results = {}
        for page in pages:
            started = time.process_time()
            kwargs = {"html_type": page["html_type"]} if page.get("html_type") else {}
            try:
                data = extractor.extract(page["html"], **kwargs) or {}
                text, title, error = html_text(data.get("html") or ""), data.get("title") or "", ""
            except Exception as err:  # noqa: BLE001 - a failing page scores zero, it does not stop the run
                text, title, error = "", "", f"{type(err).__name__}: {err}"[:200]
            results[page["name"]] = {"text": text, "title": title, "seconds": time.process_time() - started,
                                     "error": error}
    json.dump(results, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
