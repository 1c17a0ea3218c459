"""How much inline Markdown one page may hold, and what a block over the limits becomes.

Python-Markdown's inline pass is not linear in a paragraph: every match (an escaped
character, an entity, a link) rebuilds the paragraph's string, and every link re-scans
the whole paragraph for its brackets, so one paragraph of 13,000 links takes hours. The
cost of a page is therefore estimated from its blocks before any Markdown is written,
with constants measured on Python-Markdown 3.x (`benchmarks/bench_fuzz.py`), and bounded:

- a paragraph over `MAX_PARAGRAPH` characters or `MAX_LINKS` links is split at sentence
  ends (a sentence over the limit at a comma or a space, else at the limit), never inside
  a link: every piece is within the limits and keeps its links;
- a table over `MAX_TABLE_CELLS` cells becomes one paragraph per row, its cells between |;
- a heading over `MAX_HEADING` characters becomes a paragraph, and headings after the first
  `MAX_HEADINGS` become bold paragraphs (the table of contents stays readable);
- once a page's estimated inline work passes `PAGE_BUDGET`, its later blocks are written
  as plain HTML (`plain`): the text escaped, without links, a raw block Python-Markdown
  passes through without inline processing.

Nothing is dropped: every character of the text stays on the page. What was changed is
noted (`Page.notes`), and the render stage puts it on the document (`doc.degraded`), so
the report and the console name the input.
"""
from __future__ import annotations

import bisect
import html
import re
from collections import Counter
from dataclasses import replace

from ..model import Block, Link

MAX_PARAGRAPH = 3_000  # characters; the longest paragraph of the seeds and of bench_scale's corpus: under 800
MAX_LINKS = 20  # links in one paragraph (a document is linked once per paragraph: see link/)
MAX_TABLE_CELLS = 2_000
MAX_HEADING = 300  # characters; outline headings are at most 60 (structure.MAX_HEADING)
MAX_HEADINGS = 1_000  # per page
#: Estimated microseconds of Python-Markdown's inline work a page may take; 1 s is a thousand
#: ordinary pages' worth (a 13 KB article is about 1 ms of it).
PAGE_BUDGET = 1_000_000

# What the estimate charges, in microseconds (measured with Python-Markdown 3.x, 2 cores, see
# benchmarks/bench_fuzz.py): an escaped character, an entity, a link for each character of its
# paragraph's Markdown (the bracket scan), a table cell, and any block.
ESCAPE_COST, ENTITY_COST, LINK_CHARACTER_COST, CELL_COST, BLOCK_COST = 20, 40, 0.4, 100, 20
TARGET = 40  # characters a link's target adds to the Markdown, about

#: Characters `escape.escape` prefixes with a backslash, and those it writes as entities.
_ESCAPED = re.compile(r"[\\`*_\[\]{}|~^]")
_ENTITIES = re.compile(r"[&<>]")
_MARKDOWN_MARKERS = re.compile(r"\\.|&|\]\(|\]\[")  # in written Markdown: escapes, entities, links

#: Where a piece of a paragraph may end: after a sentence (its closing quotes too), else after a pause.
_SENTENCE_END = re.compile(r"[。！？!?；;]+[”’」』）)》]*|\.(?=\s)")
_PAUSE = re.compile(r"[，,、：:]|\s")


def estimate(block: Block) -> float:
    """Microseconds of inline work Python-Markdown spends on `block`, estimated from its text.

    >>> estimate(Block("paragraph", "知识产权")), estimate(Block("paragraph", "a*b&c"))
    (20.0, 80.0)
    """
    if block.kind == "table":
        rows = block.text.split("\n")
        return BLOCK_COST + CELL_COST * sum(row.count("|") for row in rows) + _markers(block.text)
    text = block.lead + block.text
    escapes = len(_ESCAPED.findall(text))
    entities = len(_ENTITIES.findall(text))
    length = len(text) + escapes + 4 * entities + TARGET * len(block.links)
    return (BLOCK_COST + ESCAPE_COST * escapes + ENTITY_COST * entities
            + LINK_CHARACTER_COST * len(block.links) * length)


def _markers(text: str) -> float:
    return ESCAPE_COST * len(_ESCAPED.findall(text)) + ENTITY_COST * len(_ENTITIES.findall(text))


def estimate_markdown(markdown: str) -> float:
    """The same estimate for Markdown already written (a generated section), line by line.

    >>> estimate_markdown("- [甲](a.md)\\n- 乙\\\\*")
    64.4
    """
    total = 0.0
    for line in markdown.split("\n"):
        found = _MARKDOWN_MARKERS.findall(line)
        links = sum(1 for m in found if m[0] == "]")
        entities = found.count("&")
        total += (BLOCK_COST * bool(line.strip()) + ESCAPE_COST * (len(found) - links - entities)
                  + ENTITY_COST * entities + LINK_CHARACTER_COST * links * len(line))
    return total


def plain(block: Block) -> str:
    """`block` as raw HTML: its text escaped, no links, nothing for Python-Markdown's inline pass.

    >>> plain(Block("paragraph", "<b>*1*</b> & [x]", lead="第一条"))
    '<p><strong>第一条</strong> &lt;b&gt;*1*&lt;/b&gt; &amp; [x]</p>'
    >>> plain(Block("heading", "一、总体", level=2))
    '<h2>一、总体</h2>'
    """
    if block.kind == "heading":
        return f"<h{block.level}>{html.escape(block.text, quote=False)}</h{block.level}>"
    if block.kind == "table":
        return "\n\n".join(plain(Block("paragraph", row)) for row in table_rows(block.text))
    lead = f"<strong>{html.escape(block.lead, quote=False)}</strong> " if block.lead else ""
    return f"<p>{lead}{html.escape(block.text, quote=False)}</p>"


def plain_text(markdown: str) -> str:
    """Markdown shown as its own source text: each line escaped in a paragraph of raw HTML.

    >>> plain_text("## 标题\\n\\n- [a](b.md)")
    '<p>## 标题</p>\\n\\n<p>- [a](b.md)</p>'
    """
    lines = [line.strip() for line in markdown.split("\n") if line.strip()]
    return "\n\n".join(f"<p>{html.escape(line, quote=False)}</p>" for line in lines)


def table_rows(rows: str) -> list[str]:
    """A table's rows as text, cells between " | "; the "| --- |" rule, which is syntax, left out.

    >>> table_rows("| a | b |\\n| --- | --- |\\n| 1 | 2 |")
    ['a | b', '1 | 2']
    """
    out = []
    for row in rows.split("\n"):
        cells = [c.strip() for c in row.strip().strip("|").split("|")]
        if cells and all(c and set(c) <= set("-:") for c in cells):
            continue
        out.append(" | ".join(cells))
    return out


def _cut(text: str, start: int, limit: int) -> int:
    """Where a piece of `text` starting at `start` ends, at `limit` at the latest: after the last
    sentence end before it, else after the last pause, else at `limit`."""
    for pattern in (_SENTENCE_END, _PAUSE):
        end = -1
        for m in pattern.finditer(text, start, limit):
            end = m.end()
        if start < end:
            return end
    return limit


def split(block: Block) -> list[Block]:
    """A paragraph cut into pieces within `MAX_PARAGRAPH` characters and `MAX_LINKS` links, at
    sentence ends where it can be; every character kept but the white space between pieces.

    >>> [len(b.text) for b in split(Block("paragraph", "一句话。" * 1000))]
    [3000, 1000]
    >>> [b.text for b in split(Block("paragraph", "长" * 3500))] == ["长" * 3000, "长" * 500]
    True
    """
    text, links = block.text, sorted(block.links, key=lambda link: link.start)
    starts = [link.start for link in links]
    pieces, start = [], 0
    while start < len(text):
        limit = min(len(text), start + MAX_PARAGRAPH)
        first = bisect.bisect_left(starts, start)
        if first + MAX_LINKS < len(links):  # the piece ends before its (MAX_LINKS + 1)th link
            limit = max(start + 1, min(limit, links[first + MAX_LINKS].start))
        end = limit if limit == len(text) else _cut(text, start, limit)
        inside = next((link for link in links[first:first + MAX_LINKS + 1] if link.start < end < link.end), None)
        if inside is not None:  # never inside a link: before it, or after it when it opens the piece
            end = inside.start if inside.start > start else inside.end
        pieces.append((start, end))
        start = end
    out = []
    for number, (start, end) in enumerate(pieces):
        piece = text[start:end]
        shift = start + len(piece) - len(piece.lstrip())
        piece = piece.strip()
        if not piece:
            continue
        within = links[bisect.bisect_left(starts, shift):bisect.bisect_left(starts, end)]
        kept = [Link(link.start - shift, link.end - shift, link.target) for link in within
                if link.end - shift <= len(piece)]
        out.append(replace(block, text=piece, links=kept, lead=block.lead if number == 0 else ""))
    return out


class Page:
    """The limits of one page as its blocks are written: what each block becomes, and what changed."""

    def __init__(self, budget: float = PAGE_BUDGET):
        self.budget = budget
        self.spent = 0.0
        self.headings = 0
        self.changed: Counter = Counter()  # what was changed → how many blocks

    def fit(self, block: Block) -> list[Block]:
        """The blocks `block` is written as: itself when within the limits, else its pieces."""
        if block.kind == "heading":
            self.headings += 1
            if len(block.text) > MAX_HEADING:
                self.changed[f"headings over {MAX_HEADING:,} characters written as paragraphs"] += 1
                return self.fit(Block("paragraph", block.text))
            if self.headings > MAX_HEADINGS:
                self.changed[f"headings after the first {MAX_HEADINGS:,} written as bold paragraphs"] += 1
                return [Block("paragraph", "", lead=block.text)]
            return [block]
        if block.kind == "table":
            if block.text.count("|") <= MAX_TABLE_CELLS:  # a row of n cells has n + 1 bars: about right
                return [block]
            self.changed[f"tables over {MAX_TABLE_CELLS:,} cells written as one paragraph per row"] += 1
            return [piece for row in table_rows(block.text) for piece in self._paragraph(Block("paragraph", row))]
        return self._paragraph(block)

    def _paragraph(self, block: Block) -> list[Block]:
        if len(block.text) <= MAX_PARAGRAPH and len(block.links) <= MAX_LINKS:
            return [block]
        self.changed[f"paragraphs over {MAX_PARAGRAPH:,} characters or {MAX_LINKS} links split at sentence ends"] += 1
        return split(block)

    def affordable(self, cost: float) -> bool:
        """Whether a block of `cost` estimated microseconds still fits the page's budget (then it is spent)."""
        if self.spent + cost > self.budget:
            return False
        self.spent += cost
        return True

    def written_plain(self, block: Block) -> str:
        self.changed["blocks past the page's Markdown budget written as plain text, without links"] += 1
        return plain(block)

    def notes(self) -> list[str]:
        """What changed on the page, one line per kind: "paragraphs over … split at sentence ends: 3"."""
        return [f"{what}: {count:,}" for what, count in self.changed.items()]
