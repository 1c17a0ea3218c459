"""Stage 2: keep the article, drop the site chrome around it.

How depends on the input: a text dump is classified line by line (`dump`); an
HTML page has its article chosen from the page's structure (`html`) and its
headline above it (`headline`), then loses the strong chrome left inside it
(`extracted`), as does a Markdown page. `chrome` is the lexicon of what site
chrome says, shared by all of them. Every
removed line stays in the document with the reason, for the build report and
for metadata extraction.
"""
from __future__ import annotations

from ..model import Document, Line
from .dump import clean_dump
from .extracted import clean_extracted


def clean_html(doc: Document) -> Document:
    """An HTML page: its article's blocks become the lines, its metadata the hints."""
    from .html import explain_article  # bs4 and lxml load only when there is HTML to read
    from .html.thread import PostHeader

    lines, doc.hints, doc.extraction = explain_article(doc.raw)
    doc.lines = [Line(number=i, text=str(text), role="post" if isinstance(text, PostHeader) else "")
                 for i, text in enumerate(lines, start=1)]
    return clean_extracted(doc)


def clean(doc: Document) -> Document:
    """Mark each line of `doc` kept or removed, with the reason."""
    if doc.kind == "text":
        return clean_dump(doc)
    if doc.kind == "html":
        return clean_html(doc)
    return clean_extracted(doc)
