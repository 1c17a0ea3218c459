"""Python-Markdown extension: headings and 第X条 leads get anchors from their numbering.

`markdown_extensions: [scrapedocs.anchors]` in mkdocs.yml. A reader links to
(十三) as `#十三` and to 第十条 as `#第十条`; the toc extension's own ids for
Chinese headings are counters (`_1`, `_2`) that shift whenever a heading is
added. Numbered elements get `structure.numbered_anchors`; other headings an
id made of their own text, a repeated one numbered (附件, 附件-2), so that toc's
own numbering, which walks from _1 for every repeat, never runs. The Markdown stays as the converter wrote it (no
`{#id}` glued to headings), so the page text is unchanged for every reader of
the Markdown; the ids exist in the built HTML only. Runs before toc, which
keeps ids already set.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, STX

from .structure import numbered_anchors, outline_label

HEADINGS = {"h2", "h3", "h4", "h5", "h6"}
MAX_TEXT_ID = 40  # characters of an unnumbered heading's text kept in its id


def text_id(text: str) -> str:
    """An id from a heading's own words: punctuation and spaces become '-'.

    >>> text_id("附件：“十四五”规划 (2021—2025)")
    '附件-十四五-规划-2021-2025'
    """
    return re.sub(r"[\W_]+", "-", text).strip("-")[:MAX_TEXT_ID].strip("-").lower()


_ESCAPED = re.compile(f"{STX}([0-9]+){ETX}")


def _text(el: etree.Element) -> str:
    """The element's text as a reader sees it: a character escaped in the Markdown (\\*) is still a
    placeholder of its code when tree processors run (unescaped last), read here as the character."""
    return _ESCAPED.sub(lambda m: chr(int(m[1])), "".join(el.itertext())).strip()


class NumberedAnchors(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        numbered: list[tuple[etree.Element, tuple[str, str]]] = []
        plain: list[etree.Element] = []
        for el in root.iter():
            if el.get("id"):
                continue
            if el.tag in HEADINGS:
                found = outline_label(_text(el))
                if found and found[0] != "article":
                    numbered.append((el, found))
                else:
                    plain.append(el)
            elif el.tag == "p" and len(el) and el[0].tag == "strong" and not (el.text or "").strip():
                found = outline_label(_text(el[0]))
                if found and found[0] == "article" and _text(el[0]) == found[1]:
                    numbered.append((el, found))
        used = {el.get("id") for el in root.iter() if el.get("id")}
        for (el, _), anchor in zip(numbered, numbered_anchors([found for _, found in numbered])):
            if anchor not in used:
                el.set("id", anchor)
                used.add(anchor)
        following: dict[str, int] = {}  # id → the next number to try for a repeat of it
        for el in plain:
            base = text_id(_text(el)) or "h"
            anchor, n = base, following.get(base, 2)
            while anchor in used:  # a repeated heading: 附件, 附件-2, … (toc's own counter is quadratic)
                anchor, n = f"{base}-{n}", n + 1
            following[base] = n
            el.set("id", anchor)
            used.add(anchor)


class AnchorsExtension(Extension):
    def extendMarkdown(self, md) -> None:  # noqa: N802 (Python-Markdown's name)
        # After attr_list (8), which may set ids by hand; before toc (5), which keeps them.
        md.treeprocessors.register(NumberedAnchors(md), "scrapedocs_anchors", 6)


def makeExtension(**kwargs) -> AnchorsExtension:  # noqa: N802 (Python-Markdown's entry point)
    return AnchorsExtension(**kwargs)
