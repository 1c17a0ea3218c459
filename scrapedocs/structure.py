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


#: Anchor kinds, outermost first: the outline's, then 第X条.
ANCHOR_KINDS = [name for name, _ in OUTLINE] + ["article"]
_LABEL = re.compile(rf"^(?:(第[{NUM}\d]+[章节条])|([{NUM}]+)、|[（(]([{NUM}]+)[）)])")


def outline_label(text: str) -> tuple[str, str] | None:
    """(kind, label) of a numbered heading or article lead: the anchor it is known by.

    >>> outline_label("六、推进知识产权国际合作"), outline_label("（十三）主动参与全球治理。")
    (('item', '六'), ('subitem', '十三'))
    >>> outline_label("第十条"), outline_label("第二章 专利代理机构"), outline_label("加强组织领导")
    (('article', '第十条'), ('chapter', '第二章'), None)
    """
    m = _LABEL.match(text.strip())
    if not m:
        return None
    if m[1]:
        kind = {"章": "chapter", "节": "section", "条": "article"}[m[1][-1]]
        return kind, m[1]
    return ("item", m[2]) if m[2] else ("subitem", m[3])


def numbered_anchors(items: list[tuple[str, str]]) -> list[str]:
    """Anchors for numbered elements in document order, from their numbering alone.

    A label is the anchor where it is unambiguous (#六, #十三, #第十条); where the
    same number recurs — （一） restarting under each 一、, or 一 both an item and
    a subitem — the outer kind keeps the bare label and the others are qualified by
    their parent's anchor (#二-一). Inserting text moves none of them.

    >>> numbered_anchors([("item", "一"), ("subitem", "一"), ("subitem", "二"), ("item", "二"), ("subitem", "一")])
    ['一', '一-一', '一-二', '二', '二-一']
    >>> numbered_anchors([("item", "六"), ("subitem", "十三"), ("subitem", "十四")])
    ['六', '十三', '十四']
    """
    from collections import Counter

    labels = Counter(label for _, label in items)
    per_kind = Counter(items)
    outermost: dict[str, int] = {}
    for kind, label in items:
        outermost[label] = min(outermost.get(label, 99), ANCHOR_KINDS.index(kind))
    anchors, used = [], set()
    parents: dict[str, str] = {}  # kind → anchor of the current element of that kind
    following: dict[str, int] = {}  # anchor → the next number to try for it: 5,000 一、 stay linear
    for kind, label in items:
        rank = ANCHOR_KINDS.index(kind)
        for inner in ANCHOR_KINDS[rank:]:
            parents.pop(inner, None)
        bare = labels[label] == 1 or (outermost[label] == rank and per_kind[(kind, label)] == 1)
        parent = next((parents[k] for k in reversed(ANCHOR_KINDS[:rank]) if k in parents), None)
        anchor = label if bare or parent is None else f"{parent}-{label}"
        base, n = anchor, following.get(anchor, 2)
        while anchor in used:
            anchor, n = f"{base}-{n}", n + 1
        following[base] = n
        used.add(anchor)
        parents[kind] = anchor
        anchors.append(anchor)
    return anchors


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
    body = doc.body
    texts = [line.text.strip() for line in body]
    used = {kind for line, kind in zip(body, map(outline_kind, texts)) if kind and not line.role}
    levels = {name: 2 + i for i, name in enumerate(n for n, _ in OUTLINE if n in used)}
    blocks: list[Block] = []
    for line, text in zip(body, texts):
        if line.role == "post":
            blocks.append(Block("byline", text))
            continue
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
