"""The offline bundle's search index: one script, loaded by a <script> tag from file://.

Browsers refuse fetch() and module imports from file://, so Pagefind's loader cannot run
there; a classic script can. The script defines `__scrapedocsSearch`: for each page its
URL, title, kind, metadata line and text, folded to Simplified (`text.fold`). The browser
searches it by substring, with the same query folding as the website.

Up to `FULL_TEXT_LIMIT` characters of text in all, the text is each page's full text;
above it (a collection of thousands of documents), it is the title, metadata, headings and
first paragraph, and the search results say so.
"""
from __future__ import annotations

import json
from pathlib import Path

from .pagefind import SHOWN
from .records import Record
from .text import fold

#: Where the index goes, under the site.
PATH = "search/offline-index.js"
#: Total characters of text up to which the bundle searches full text. A 20 MB script
#: (about 6.5 million Chinese characters) loads and answers in about a second from disk.
FULL_TEXT_LIMIT = 6_000_000


def summary(record: Record) -> str:
    """What the bundle searches of a page when the collection is too large for full text."""
    parts = [record.title, *(record.meta.get(k, "") for k in SHOWN), *record.headings, record.lead]
    return "\n".join(part for part in parts if part)


def build(records: list[Record], limit: int = FULL_TEXT_LIMIT) -> dict:
    full = sum(len(r.text) for r in records) <= limit
    docs = [[r.url, r.title, r.kind, " · ".join(r.meta[k] for k in SHOWN if r.meta.get(k)),
             fold(r.text if full else summary(r))] for r in records]
    return {"full": full, "docs": docs}


def write_index(records: list[Record], site_dir: Path, limit: int = FULL_TEXT_LIMIT) -> Path:
    """Write `site_dir/search/offline-index.js`; return its path."""
    path = site_dir / PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(build(records, limit), ensure_ascii=False, separators=(",", ":"))
    # "</" cannot close a script element that includes the file; keep it inert anyway.
    path.write_text("var __scrapedocsSearch = " + data.replace("</", "<\\/") + ";\n", encoding="utf-8")
    return path
