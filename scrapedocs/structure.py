"""Stage 5: outline numbering becomes headings, everything else paragraphs.

Chinese official documents number their outline as 第X章 / 第X节 / 一、 /
（一）. Whichever of these kinds a document uses get heading levels 2, 3, …
in that order, so a document with chapters and 一、 items nests correctly and
one with only 一、 and （一） gets h2 and h3. 第X条 (articles of a regulation)
become a bold lead of their paragraph. "一是…", "——…" and numbered lines
like "1." stay paragraphs.
"""
from __future__ import annotations

import re

from .model import Block, Document

NUM = "一二三四五六七八九十百零〇"

#: Outline kinds, outermost first: (name, pattern of a line that opens one).
OUTLINE = [
    ("chapter", re.compile(rf"^第[{NUM}\d]+章")),
    ("section", re.compile(rf"^第[{NUM}\d]+节")),
    ("item", re.compile(rf"^[{NUM}]+、")),
    ("subitem", re.compile(rf"^[（(][{NUM}]+[）)]")),
]
ARTICLE = re.compile(rf"^(第[{NUM}\d]+条)\s*")
#: A heading is a short line; a longer one is a heading sentence plus its paragraph.
MAX_HEADING = 60
_FIRST_SENTENCE = re.compile(r"^(.+?[。！？])(.+)$")


def outline_kind(text: str) -> str | None:
    for name, pattern in OUTLINE:
        if pattern.match(text):
            return name
    return None


_MARKED_HEADING = re.compile(r"^(#{2,6})\s+(.+)$")


def marked_block(text: str, blocks: list[Block]) -> bool:
    """Headings and table rows an HTML page marked ("## x", "| a | b |"): append them, say if it was one."""
    m = _MARKED_HEADING.match(text)
    if m:
        blocks.append(Block("heading", m[2], level=len(m[1])))
    elif text.startswith("|") and text.endswith("|"):
        if blocks and blocks[-1].kind == "table":
            blocks[-1].text += "\n" + text
        else:
            blocks.append(Block("table", text))
    return bool(m) or text.startswith("|") and text.endswith("|")


def structure(doc: Document) -> Document:
    """Turn the kept lines of `doc` into heading and paragraph blocks."""
    texts = [line.text.strip() for line in doc.body]
    used = {kind for kind in map(outline_kind, texts) if kind}
    levels = {name: 2 + i for i, name in enumerate(n for n, _ in OUTLINE if n in used)}
    blocks: list[Block] = []
    for text in texts:
        if doc.kind in ("html", "markdown") and marked_block(text, blocks):
            continue
        kind = outline_kind(text)
        if kind:
            if len(text) <= MAX_HEADING and text.count("。") <= 1 and not text.endswith(("：", ":")):
                blocks.append(Block("heading", text, level=min(levels[kind], 6)))
                continue
            m = _FIRST_SENTENCE.match(text)
            if m and len(m[1]) <= MAX_HEADING:
                blocks.append(Block("heading", m[1], level=min(levels[kind], 6)))
                blocks.append(Block("paragraph", m[2].strip()))
                continue
        article = ARTICLE.match(text)
        if article:
            blocks.append(Block("paragraph", text[article.end():], lead=article[1]))
            continue
        blocks.append(Block("paragraph", text))
    doc.blocks = blocks
    return doc
