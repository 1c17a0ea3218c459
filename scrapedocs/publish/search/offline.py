"""The offline bundle's search index: one script, loaded by a <script> tag from file://.

Browsers refuse fetch() and module imports from file://, so Pagefind's loader cannot run
there; a classic script can. The script defines `__scrapedocsSearch`: for each page its
URL, title, kind, metadata line and text, folded to Simplified (`text.fold`). The browser
searches it with the same query folding and matching as the website (Han characters as
substrings, other words whole).

Up to `FULL_TEXT_LIMIT` characters of text in all, the text is each page's full text;
above it (a collection of thousands of documents), it is the title, metadata, headings and
first paragraph, and the search results say so.
"""
from __future__ import annotations

import json
from pathlib import Path

from .parts import ranked
from .records import SHOWN, Record
from .text import fold

#: Where the index goes, under the site.
PATH = "search/offline-index.js"
#: Total characters of text up to which the bundle searches full text: about 5,000
#: documents of 12 KB. Measured from file:// in headless Chromium (benchmarks/bench_search.py
#: --offline), a 21-million-character index (a 62 MB script) opens and answers in 1.3 s;
#: the summaries of 10,000 documents (7 MB) in 0.7 s.
FULL_TEXT_LIMIT = 20_000_000


def build(records: list[Record], limit: int = FULL_TEXT_LIMIT) -> dict:
    """The index: pages in rank order (`parts.ranked`: documents, newest first), as the website lists them."""
    full = sum(len(r.text) for r in records) <= limit
    docs = [[r.url, r.title, r.kind, " · ".join(r.meta[k] for k in SHOWN if r.meta.get(k)),
             fold(r.text if full else r.summary)] for r in ranked(records)]
    return {"full": full, "docs": docs}


def write_index(records: list[Record], site_dir: Path, limit: int = FULL_TEXT_LIMIT) -> Path:
    """Write `site_dir/search/offline-index.js`; return its path."""
    path = site_dir / PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(build(records, limit), ensure_ascii=False, separators=(",", ":"))
    # "</" cannot close a script element that includes the file; keep it inert anyway.
    path.write_text("var __scrapedocsSearch = " + data.replace("</", "<\\/") + ";\n", encoding="utf-8")
    return path
