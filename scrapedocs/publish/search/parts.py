"""How the website's index is cut into parts: bounded, in rank order, stable from build to build.

A part is one Pagefind bundle. The browser searches the parts in rank order and shows a
result as soon as no part left to search can hold a better one, so the first results of a
query cost a few parts, whatever the size of the collection:

- pages are ranked documents first, newest first, then by URL (`ranked`); the other pages
  (cited-document placeholders) after them, by URL;
- each kind is cut into **text parts** of about `TEXT_SIZE` pages (the full text) and into
  **title parts** of about `TITLE_SIZE` pages (the titles only). A query lists the pages whose
  title holds it first, then the others: a title part answers for many pages at once, and a
  common word is in some recent title, so its first result comes from the first title part;
- a part ends after a page whose URL hashes to 0 modulo the part size (content-defined
  cuts, as in rsync or restic), so adding, removing or editing a page changes the part it
  is in (rarely its neighbour), never the others: a rebuild re-indexes only those.

A part's folder is named after a digest of what goes into it, so an unchanged part keeps
its name and its bytes, and a browser may cache it for good.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

#: Pages per text part (about; at most twice as many). Smaller parts: an edit re-indexes
#: fewer pages, and Pagefind holds less in memory (about 1 MB a page of 12 KB while it
#: indexes a part, pagefind.MEMORY); larger: fewer bundles for the browser to open before a
#: query's count is complete. Title parts hold titles only, a hundred times less text a page.
TEXT_SIZE = 250
TITLE_SIZE = 5000
#: The version of the index's format: a change re-indexes every part.
FORMAT = "pairs-4"  # 3: the text parts index characters; 4: a page keeps what its title part shows


@dataclass(frozen=True)
class Page:
    """What the plan needs to know of a searchable page; kept in the index between builds."""

    url: str
    kind: str  # "document" or "page"
    date: str  # "" when undated
    text: str  # digest of what its text part indexes for it
    title: str  # digest of what its title part indexes for it
    source: str = ""  # digest of the built HTML it was read from ("" when not read from a file)
    #: What its title part indexes and shows (the title and the metadata line): kept so that a
    #: title part whose other pages did not change is indexed again without reading their HTML.
    shown: dict = field(default_factory=dict)

    def row(self) -> list:
        return [self.url, self.kind, self.date, self.text, self.title, self.source, self.shown]


@dataclass
class Part:
    kind: str
    band: str  # "title" or "text"
    pages: list[Page] = field(default_factory=list)

    @property
    def digest(self) -> str:
        keys = [(p.url, p.title if self.band == "title" else p.text) for p in self.pages]
        data = json.dumps([FORMAT, self.kind, self.band, keys], ensure_ascii=False)
        return hashlib.sha256(data.encode("utf-8")).hexdigest()

    @property
    def name(self) -> str:
        """Its folder: the band and the digest, e.g. `title-3f2a…/`."""
        return f"{self.band}-{self.digest[:16]}"


def digest(value) -> str:
    return hashlib.sha256(json.dumps(value, ensure_ascii=False).encode("utf-8")).hexdigest()


def ranked(pages: list) -> list:
    """Documents first, newest first (undated last), then by URL; then the other pages by URL.

    Works on anything with `url`, `kind` and `date` (pages) or `meta["date"]` (records).
    """
    def date(p) -> str:
        return p.date if hasattr(p, "date") else p.meta.get("date", "")

    out = sorted(pages, key=lambda p: p.url)
    out.sort(key=date, reverse=True)  # stable; undated ("") last
    out.sort(key=lambda p: p.kind != "document")
    return out


def _hash(url: str, salt: str) -> int:
    return int.from_bytes(hashlib.sha1(f"{salt}:{url}".encode("utf-8")).digest()[:8], "big")


def cut(pages: list[Page], size: int, salt: str) -> list[list[Page]]:
    """`pages` (in rank order) cut after each page whose URL hashes to 0 modulo `size`.

    A part holds at least size/4 pages (no cut before) and at most 2 × size (cut there
    anyway); a cut depends on the page before it, so a change moves the cuts of its own
    part only, and of the next while the forced cut of an oversized part moves.

    >>> pages = [Page(f"p{i}/", "document", "", "", "") for i in range(100)]
    >>> [len(p) for p in cut(pages, 10, "x")] == [len(p) for p in cut(pages, 10, "x")]
    True
    >>> sum(len(p) for p in cut(pages, 10, "x"))
    100
    """
    parts: list[list[Page]] = []
    current: list[Page] = []
    for page in pages:
        current.append(page)
        if len(current) >= max(1, size // 4) and (_hash(page.url, salt) % size == 0 or len(current) >= 2 * size):
            parts.append(current)
            current = []
    if current:
        parts.append(current)
    return parts


def plan(pages: list[Page], text_size: int | None = None, title_size: int | None = None) -> list[Part]:
    """The parts, in the order the browser searches them: for documents, then for the other
    pages, their title parts, then their text parts (of about `TEXT_SIZE` and `TITLE_SIZE` pages)."""
    text_size, title_size = text_size or TEXT_SIZE, title_size or TITLE_SIZE
    ordered = ranked(pages)
    out: list[Part] = []
    for kind in ("document", "page"):
        of_kind = [p for p in ordered if (p.kind == "document") == (kind == "document")]
        out += [Part(kind, "title", group) for group in cut(of_kind, title_size, "title")]
        out += [Part(kind, "text", group) for group in cut(of_kind, text_size, "text")]
    return out
