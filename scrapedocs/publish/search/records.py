"""What a reader can search on each page, read from the built HTML.

Theme-agnostic: the templates mark the searchable part of a page with Pagefind's own
attributes, so MkDocs and Zensical output are read the same way, and Pagefind's CLI
would index the same text:

- `data-pagefind-body`: the element holding the page's searchable text (title, metadata
  block, article); pages without one are not searched (lists, the 404 page);
- `data-pagefind-ignore`: a part of it that is not searched (generated link lists);
- `data-pagefind-meta` ("key:value", "key[attr]" or "key" for the element's text) and
  `data-pagefind-filter` ("key:value"): metadata shown with a result, and filters.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

#: Elements whose start and end break the text: their words never run into the next block's.
BLOCKS = frozenset(
    "address article aside blockquote br dd details div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul".split()
)
#: Never text a reader sees as the page's content.
SKIPPED = frozenset("script style noscript template svg button input select textarea".split())
HEADINGS = frozenset("h2 h3 h4 h5 h6".split())
#: Metadata shown under a result's title (and searched with the summary).
SHOWN = ("date", "doc_number", "issuer", "source")

_SPACES = re.compile(r"[^\S\n]+")
_LINES = re.compile(r"\s*\n\s*")


@dataclass
class Record:
    """One searchable page."""

    url: str  # relative to the site root: "articles/x/" (or "articles/x.html" offline), "" for the home page
    title: str
    text: str  # the searchable text, one block per line
    meta: dict[str, str] = field(default_factory=dict)
    filters: dict[str, list[str]] = field(default_factory=dict)
    headings: list[str] = field(default_factory=list)
    lead: str = ""  # the first paragraph of the article
    source: str = ""  # digest of the built HTML it was read from

    @property
    def summary(self) -> str:
        """The title, the metadata shown with a result, the headings and the first paragraph."""
        shown = [self.meta.get(k, "") for k in SHOWN]
        return "\n".join(part for part in [self.title, *shown, *self.headings, self.lead] if part)

    @property
    def kind(self) -> str:
        """"document" for a page carrying a document's text; anything else ranks after them."""
        return (self.filters.get("kind") or ["page"])[0]


def squeeze(text: str) -> str:
    """White space of the HTML gone: runs of spaces collapsed, one line per block.

    >>> squeeze(" 标题 \\n\\n  正文  第一段 \\n")
    '标题\\n正文 第一段'
    """
    return _LINES.sub("\n", _SPACES.sub(" ", text)).strip()


def _skipped(el) -> bool:
    if not isinstance(el.tag, str):  # comments, processing instructions
        return True
    if el.tag in SKIPPED or el.get("hidden") is not None or el.get("data-pagefind-ignore") is not None:
        return True
    return "headerlink" in (el.get("class") or "").split()  # the ¶ of a heading's permalink


def text_of(root) -> tuple[str, list[str], str]:
    """The text under `root` (ignored parts left out), its h2–h6 headings and its first paragraph.

    Iterative, so a deeply nested page cannot exhaust the stack.
    """
    parts: list[str] = []
    headings: list[str] = []
    lead = ""
    stack: list = [root]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
            continue
        if isinstance(item, tuple):  # the end of a heading or paragraph
            tag, start = item
            if tag in HEADINGS:
                text = squeeze("".join(parts[start:]))
                if text:
                    headings.append(text)
            elif not lead:  # a paragraph: the first of 20 characters or more is the lead
                text = squeeze("".join(parts[start:]))
                if len(text) >= 20:
                    lead = text
            continue
        el = item
        if el is not root and el.tail:
            stack.append(el.tail)
        if _skipped(el):
            continue
        block = el.tag in BLOCKS
        if block:
            stack.append("\n")
        if el.tag in HEADINGS or el.tag == "p":
            stack.append((el.tag, len(parts)))
        stack.extend(reversed(el))
        if el.text:
            stack.append(el.text)
        if block:
            stack.append("\n")
    return squeeze("".join(parts)), headings, lead


def _entries(value: str):
    """Pagefind's attribute syntax: comma-separated `key`, `key:value` or `key[attr]` entries."""
    m = re.fullmatch(r"\s*([\w-]+)\s*:(.*)", value, re.S)
    if m:  # key:value (the value may hold commas): the whole attribute is one entry
        yield m.group(1), m.group(2).strip(), None
        return
    for entry in value.split(","):
        m = re.fullmatch(r"\s*([\w-]+)\s*(?:\[([\w-]+)\])?\s*", entry)
        if m:
            yield m.group(1), None, m.group(2)


def _attributes(tree, name: str) -> list[tuple[str, str]]:
    pairs = []
    for el in tree.xpath(f"//*[@{name}]"):  # XPath runs in C; iterfind walks every element in Python
        for key, value, attr in _entries(el.get(name) or ""):
            if value is None:
                value = el.get(attr) if attr else text_of(el)[0]
            if value:
                pairs.append((key, value))
    return pairs


def read_page(path: Path, url: str, data: bytes | None = None) -> Record | None:
    """The record of one built page (its bytes `data`, when already read), or None when it has no searchable body."""
    data = path.read_bytes() if data is None else data
    if b"data-pagefind-body" not in data:
        return None
    # Plain lxml elements (lxml.html's element classes cost a lookup per element visited).
    root = etree.fromstring(data, parser=etree.HTMLParser(encoding="utf-8", huge_tree=True))
    if root is None:
        return None
    tree = root.getroottree()
    body = next(iter(tree.xpath("//*[@data-pagefind-body]")), None)
    if body is None:
        return None
    text, headings, lead = text_of(body)
    meta = dict(_attributes(tree, "data-pagefind-meta"))
    filters: dict[str, list[str]] = {}
    for key, value in _attributes(tree, "data-pagefind-filter"):
        filters.setdefault(key, []).append(value)
    title = meta.pop("title", "")
    if not title:
        h1 = next(body.iter("h1"), None)
        title = text_of(h1)[0] if h1 is not None else squeeze(tree.findtext(".//title") or "")
    return Record(url=url, title=title, text=text, meta=meta, filters=filters, headings=headings, lead=lead,
                  source=hashlib.sha256(data).hexdigest())


def page_url(rel: str, directory_urls: bool) -> str:
    """The URL a link from the site root uses for the built file `rel`.

    >>> page_url("articles/x/index.html", True), page_url("index.html", True)
    ('articles/x/', '')
    >>> page_url("articles/x.html", False)
    'articles/x.html'
    """
    if directory_urls and (rel == "index.html" or rel.endswith("/index.html")):
        return rel[: -len("index.html")]
    return rel


def read_records(site_dir: Path, directory_urls: bool = True) -> list[Record]:
    """Every searchable page of the built site, in URL order."""
    records = []
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        if rel.split("/", 1)[0] in ("pagefind", "search", "assets"):
            continue
        record = read_page(path, page_url(rel, directory_urls))
        if record is not None:
            records.append(record)
    return sorted(records, key=lambda r: r.url)


__all__ = ["Record", "read_records", "read_page", "text_of", "squeeze", "page_url"]
