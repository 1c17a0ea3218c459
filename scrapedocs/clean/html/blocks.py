"""The chosen elements as lines: headings "## …", list items "- …", table rows "| a | b |"."""
from __future__ import annotations

import re
from collections import Counter

from bs4 import NavigableString, Tag

from ...text import node_text as _text
from ...text import tidy
from .scoring import _Stats
from .tags import _CHARS, _GENERIC_ALT, BLOCK_TAGS

MAX_LINK_DENSITY = 0.5  # a block more than half links is a list of links, not article


def _link_heavy(tag: Tag, stats: dict[int, _Stats]) -> bool:
    s = stats.get(id(tag))
    return bool(s and s.chars >= 4 and s.link_chars / s.chars > MAX_LINK_DENSITY)


def _cell(tag: Tag) -> str:
    return tidy(_text(tag)).replace("|", "｜")


def table_lines(table: Tag) -> list[str]:
    """A data table as Markdown table rows, the first row as the header."""
    rows = []
    for tr in table.find_all("tr"):
        if tr.find_parent("table") is not table:
            continue
        cells = [_cell(c) for c in tr.find_all(["td", "th"], recursive=False)]
        if any(cells):
            rows.append(cells)
    if not rows:
        return []
    width = max(map(len, rows))
    rows = [r + [""] * (width - len(r)) for r in rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
    lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return lines


def _layout_table(table: Tag) -> bool:
    """A table used for page layout (cells full of paragraphs or tables), not data."""
    return bool(table.find(["table", "p", "div", "h1", "h2", "h3", "ul"])) or len(table.find_all("tr")) <= 1


def _image_text(img: Tag) -> str:
    alt = tidy(img.get("alt") or img.get("title") or "")
    return "" if not alt or _GENERIC_ALT.match(alt) else alt


def article_lines(roots: list[Tag], stats: dict[int, _Stats]) -> list[str]:
    """The article's blocks as Markdown-ready lines, in page order."""
    out: list[str] = []
    buffer: list[str] = []
    alts: list[str] = []

    def flush(prefix: str = "") -> None:
        text = tidy("".join(buffer))
        buffer.clear()
        if text and len(_CHARS.findall(text)):
            out.append(prefix + text)

    def walk(node: Tag) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                buffer.append(str(child))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name
            if name == "img":
                alt = _image_text(child)
                if alt:
                    flush()
                    out.append(alt)
                    alts.append(alt)
                continue
            if name not in BLOCK_TAGS:
                if name == "a" or not child.find(list(BLOCK_TAGS - {"br"})):
                    if child.find("img") and not tidy(child.get_text()):
                        walk(child)
                    else:
                        buffer.append(child.get_text(" ") if child.find("br") else child.get_text())
                else:
                    walk(child)
                continue
            flush()
            if name in ("br", "hr"):
                continue
            if _link_heavy(child, stats) and not child.find(["p"]):
                continue
            if re.fullmatch(r"h[1-6]", name):
                text = tidy(_text(child))
                if text:
                    out.append("#" * max(2, int(name[1])) + " " + text)
            elif name == "table" and not _layout_table(child):
                out.extend(table_lines(child))
            elif name == "li" and not child.find(list(BLOCK_TAGS - {"br"})):
                buffer.append(child.get_text())
                flush("- ")
            else:
                walk(child)
                flush()

    for root in roots:
        if root.name in BLOCK_TAGS and root.name not in ("td",):
            walk(root)
        else:
            wrapper = [root]
            for r in wrapper:
                walk(r)
        flush()
    # The same alt text on several images is a watermark (游民星空), not a caption.
    repeated = {alt for alt, n in Counter(alts).items() if n > 1}
    return [line for line in out if line not in repeated]
