"""Stage 6: a document becomes a Markdown page with YAML front matter.

Scraped text is data, never markup: every character Markdown or HTML would
interpret is escaped, so a page renders exactly what the source said and no
tag, script or include line from a source reaches the site, whatever the
input format (a Markdown source arrives as blocks of text like the others).
Front matter is data too, but themes print it without escaping: every value
is checked against its field's type and made inert (`schema`).

A page's cost in the site build is bounded here (`limits`: paragraphs split,
blocks past the page's budget written as plain HTML) and then measured:
`trial` renders every page with the site's own Markdown configuration in the
engine's workers, under the time budget, before MkDocs sees it.
"""
from __future__ import annotations

import posixpath
import re

import yaml

from ..escape import escape
from ..model import META_KEYS, Block, Document
from ..restore import HAN
from ..schema import check_meta, inert
from .limits import Page, estimate, estimate_markdown, plain, plain_text


def _inert(value):
    """Metadata reaches HTML through theme templates that do not all escape it: no markup characters."""
    if isinstance(value, str):
        return inert(value)
    return [_inert(item) for item in value] if isinstance(value, list) else value


def front_matter(meta: dict, warnings: list[str] | None = None) -> str:
    """YAML front matter of checked, inert values: the known keys in `META_KEYS` order, then the others."""
    meta = {key: value if key == "url" else _inert(value)
            for key, value in check_meta(meta, [] if warnings is None else warnings).items() if value is not False}
    ordered = {key: meta[key] for key in META_KEYS if key in meta}
    ordered |= {key: value for key, value in sorted(meta.items()) if key not in ordered}
    options = {"allow_unicode": True, "sort_keys": False, "width": 10_000}
    try:
        dumped = yaml.dump(ordered, Dumper=_DUMPER, **options)
    except UnicodeEncodeError:  # a file name undecodable as UTF-8 (lone surrogates): libyaml refuses it
        dumped = yaml.dump(ordered, Dumper=yaml.SafeDumper, **options)
    return f"---\n{dumped}---\n"


#: libyaml's emitter (in PyYAML's wheels) is four times faster than the pure-Python one; both write
#: the same YAML but for characters beyond the Basic Multilingual Plane, which libyaml escapes.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


_HAN_AFTER = re.compile(f"[{HAN}]")


def linked_text(block: Block, page: str, refs: dict | None = None) -> str:
    """The block's text, escaped, with its link spans as Markdown links relative to `page`.

    With `refs`, a link followed by a Han character is written as a collapsed reference
    (`[text][]`, its target added to `refs`), so no ASCII ")" touches Chinese text.
    """
    out, pos = [], 0
    for link in sorted(block.links, key=lambda link: link.start):
        if link.start < pos:
            continue  # overlapping spans: the earlier one wins
        target = posixpath.relpath(link.target, posixpath.dirname(page) or ".")
        out.append(escape(block.text[pos:link.start]))
        label = block.text[link.start:link.end]
        if (refs is not None and _HAN_AFTER.match(block.text, link.end) and escape(label) == label
                and refs.setdefault(label, target) == target):
            out.append(f"[{label}][]")
        else:
            out.append(f"[{escape(label)}]({target})")
        pos = link.end
    out.append(escape(block.text[pos:]))
    # Escaping is per segment; line-start syntax only matters for the first one.
    return "".join(out)


def table_markdown(rows: str) -> str:
    """Markdown table rows ("| a | b |") with every cell escaped; the "| --- |" rule kept."""
    out = []
    for row in rows.split("\n"):
        cells = row.strip().strip("|").split("|")
        if all(set(c.strip()) <= set("-:") and c.strip() for c in cells):
            out.append(row.strip())
        else:
            out.append("| " + " | ".join(escape(c.strip()) for c in cells) + " |")
    return "\n".join(out)


#: Around generated lists that repeat other pages' titles and words (md_in_html renders
#: the Markdown inside): shown on the page, left out of search.
UNSEARCHED = ('<div data-pagefind-ignore markdown="1">', "</div>")


def unsearched(markdown: str) -> str:
    """Generated lists that repeat other pages' titles and words: shown on the page, left out of search.

    >>> print(unsearched("## 相关文档"))
    <div data-pagefind-ignore markdown="1">
    <BLANKLINE>
    ## 相关文档
    <BLANKLINE>
    </div>
    """
    return f"{UNSEARCHED[0]}\n\n{markdown}\n\n{UNSEARCHED[1]}"


def written(block: Block, page: str, refs: dict) -> str:
    """One block as Markdown (a heading, a table, a paragraph with its bold lead)."""
    text = linked_text(block, page, refs)
    if block.kind == "heading":
        return f"{'#' * block.level} {text}"
    if block.kind == "table":
        return table_markdown(block.text)
    if block.kind == "byline":  # a thread reply's author and time: a small line of its own
        return f"{text}\n{{: .byline }}"
    if block.lead:
        return f"**{escape(block.lead)}** {text}".rstrip()
    return text


#: Estimated microseconds one appendix section may take (a generated list takes a few
#: milliseconds); a larger one, which only scraped text can make, is shown as text.
SECTION_BUDGET = 200_000


def render(doc: Document) -> Document:
    """Write `doc.markdown` from its metadata, blocks and appendix sections, within the limits of one page."""
    parts, refs = [], {}
    limits = Page()
    for block in doc.blocks:
        for piece in limits.fit(block):
            if limits.affordable(estimate(piece)):
                parts.append(written(piece, doc.page, refs))
            else:
                parts.append(limits.written_plain(piece))
    parts += appendix(doc.appendix)
    if refs:
        parts.append("\n".join(f"[{label}]: {target}" for label, target in refs.items()))
    doc.meta = check_meta(doc.meta, doc.warnings)
    doc.markdown = front_matter(doc.meta) + "\n" + "\n\n".join(parts) + "\n"
    doc.degraded = limits.notes()
    return doc


def appendix(sections: list[str]) -> list[str]:
    """The appendix as Markdown, left out of search; a section over `SECTION_BUDGET` shown as its source text."""
    if not sections:
        return []
    return [unsearched("\n\n".join(s if estimate_markdown(s) <= SECTION_BUDGET else plain_text(s) for s in sections))]


def plain_page(doc: Document) -> str:
    """The page in its simplest complete form, for a page whose Markdown failed or ran out of time:
    every block as plain HTML (its text escaped, no links), the generated sections as they were."""
    parts = [plain(block) for block in doc.blocks] + appendix(doc.appendix)
    return front_matter(doc.meta) + "\n" + "\n\n".join(parts) + "\n"
