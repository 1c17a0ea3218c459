"""The page as lines, in page order: headings "## …", list items "- …", table rows "| a | b |".

Every text block of the page becomes a line, marked with what the Chinese-aware
scorer thinks of it (inside the chosen article? inside noise? a list of
links?) and with the post it belongs to, so the ensemble can vote on each line.
The walk keeps its own stack: a page nested thousands deep is no problem.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass

from bs4 import Tag

from ...text import node_text as _text
from ...text import HAN, tidy
from .scoring import _Stats
from .tags import _CHARS, _GENERIC_ALT, BLOCK_TAGS
from .tree import is_text

MAX_LINK_DENSITY = 0.5  # a block more than half links is a list of links, not article


_HAN_CHAR = re.compile(f"[{HAN}]")


def pre_lines(text: str) -> list[str]:
    """The lines of a <pre>: a program listing line by line, prose (an old page's hard-wrapped
    article) paragraph by paragraph, so neither is run together into one line.

    >>> pre_lines("int a;\\nint b;\\n")
    ['int a;', 'int b;']
    >>> pre_lines("第一段第一行\\n第一段第二行\\n\\n第二段")
    ['第一段第一行第一段第二行', '第二段']
    """
    rows = [row for row in text.splitlines() if row.strip()]
    if sum(bool(_HAN_CHAR.search(row)) for row in rows) * 2 < len(rows):
        return [tidy(row) for row in rows if _CHARS.search(row)]
    paragraphs = (tidy(block) for block in re.split(r"\n\s*\n", text))
    return [p for p in paragraphs if p and _CHARS.search(p)]


@dataclass
class PageLine:
    """One block of the page's text and where it stands."""

    text: str
    chosen: bool = False  # inside the element the scorer chose as the article
    noise: bool = False  # inside an element the noise filter names (nav, footer, .share, …)
    links: bool = False  # inside a block that is mostly links
    post: int = -1  # index of the post (blog entry, forum floor) it belongs to, -1 outside posts
    image: bool = False  # an image's alt text
    style: str = ""  # how the page sets it off as a heading: "h1" … "h6", "titled" (class title), "big", "bold"

    @property
    def ours(self) -> bool:
        """The Chinese-aware scorer's vote: chosen, not noise, not a list of links."""
        return self.chosen and not self.noise and not self.links


@dataclass(frozen=True)
class _Context:
    chosen: bool = False
    noise: bool = False
    links: bool = False
    post: int = -1


def _link_heavy(tag: Tag, stats: dict[int, _Stats]) -> bool:
    s = stats.get(id(tag))
    return bool(s and s.chars >= 4 and s.link_chars / s.chars > MAX_LINK_DENSITY)


def _cell(tag: Tag) -> str:
    return tidy(_text(tag)).replace("|", "｜")


MAX_CELL = 150  # characters: a longer cell holds paragraphs, and its table is the page's layout


def table_lines(table: Tag) -> list[str] | None:
    """A data table as Markdown table rows, the first row as the header; None when a cell holds paragraphs
    (an old page laid out in a table whose cell is the article: its text is not a cell's)."""
    rows = []
    for tr in table.find_all("tr"):
        if tr.find_parent("table") is not table:
            continue
        cells = [_cell(c) for c in tr.find_all(["td", "th"], recursive=False)]
        if any(len(c) > MAX_CELL for c in cells):
            return None
        if any(cells):
            rows.append(cells)
    if not rows:
        return []
    width = max(map(len, rows))
    rows = [r + [""] * (width - len(r)) for r in rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
    lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return lines


#: Class and id words of the element that holds a headline.
TITLE_WORDS = re.compile(r"(?:^|[\s_-])(?:title|titles|headline|heading|tit|biaoti|bt|subject|topic-title|"
                         r"art_?title|news_?title|article_?title|post_?title|entry_?title|h1)(?:$|[\s_-]|\d)", re.I)
_BIG_FONT = re.compile(r"font-size\s*:\s*(\d+(?:\.\d+)?)\s*(px|pt|em|rem)", re.I)
MAX_STYLED = 200  # characters: a longer block is text, however it is set
BIG = 18  # pixels: a font this large or larger sets a line off as a heading


def set_off(tag: Tag) -> str:
    """How an element sets its text off as a heading, if it does: a title class, a big font, bold type.

    >>> from bs4 import BeautifulSoup
    >>> page = '<div class="art_title">x</div><font size="5">y</font><b>z</b><p align="center">v</p><p>w</p>'
    >>> [set_off(t) for t in BeautifulSoup(page, "lxml").body]
    ['titled', 'big', 'bold', 'centered', '']
    """
    names = " ".join([*(tag.get("class") or []), tag.get("id") or ""]) if isinstance(tag.get("class") or [], list) \
        else f"{tag.get('class')} {tag.get('id') or ''}"
    if names.strip() and TITLE_WORDS.search(names):
        return "titled"
    size = tag.get("size") if tag.name == "font" else None
    if size and re.fullmatch(r"\+?\d", size.strip()) and (int(size.strip().lstrip("+")) >= 4 or size.strip().startswith("+")):
        return "big"
    m = _BIG_FONT.search(tag.get("style") or "")
    if m:
        px = float(m[1]) * {"px": 1, "pt": 4 / 3, "em": 16, "rem": 16}[m[2].lower()]
        if px >= BIG:
            return "big"
    if tag.name in ("b", "strong"):
        return "bold"
    if tag.name == "center" or (tag.get("align") or "").lower() == "center" \
            or re.search(r"text-align\s*:\s*center", tag.get("style") or "", re.I):
        return "centered"
    return ""


_STYLE_RANK = {"titled": 0, "big": 1, "bold": 2, "centered": 3}


def inline_style(text: str, styled: list[tuple[str, str]]) -> str:
    """The style of a line whose text is (nearly) all inside set-off elements; else none."""
    chars = len(_CHARS.findall(text))
    inside = len(_CHARS.findall("".join(t for _, t in styled)))
    if not chars or inside < 0.8 * chars:
        return ""
    return min((s for s, _ in styled), key=_STYLE_RANK.get)


LAYOUT = frozenset({"table", "p", "div", "h1", "h2", "h3", "ul"})


def _layout_table(s: _Stats | None) -> bool:
    """A table used for page layout (cells full of paragraphs or tables), not data."""
    return s is None or bool(s.inner & LAYOUT) or s.rows <= 1


def _image_text(img: Tag) -> str:
    alt = tidy(img.get("alt") or img.get("title") or "")
    return "" if not alt or _GENERIC_ALT.match(alt) else alt


def page_lines(root: Tag, stats: dict[int, _Stats], *, chosen: Collection[int] = (), noise: Collection[int] = (),
               posts: dict[int, int] | None = None) -> list[PageLine]:
    """Every text block under `root` as a line, in page order, marked (see `PageLine`).

    `stats` must cover the whole page (noise included); `chosen` and `noise` are
    element ids; `posts` maps the id of each post's element to its index.
    """
    posts = posts or {}
    out: list[PageLine] = []
    buffer: list[str] = []

    styled: list[tuple[str, str]] = []  # (style, text) of set-off inline elements in the buffer

    def flush(ctx: _Context, prefix: str = "", style: str = "") -> None:
        text = tidy("".join(buffer))
        buffer.clear()
        if not style and styled:
            style = inline_style(text, styled)
        styled.clear()
        if text and _CHARS.search(text):
            out.append(PageLine(prefix + text, ctx.chosen, ctx.noise, ctx.links, ctx.post, style=style))

    def emit(ctx: _Context, text: str, image: bool = False) -> None:
        out.append(PageLine(text, ctx.chosen, ctx.noise, ctx.links, ctx.post, image))

    def context(child: Tag, ctx: _Context) -> _Context:
        key = id(child)
        if key in chosen or key in noise or key in posts:
            return _Context(ctx.chosen or key in chosen, ctx.noise or key in noise, ctx.links,
                            posts.get(key, ctx.post))
        return ctx

    # Frames: (children iterator, context, flush on exit, prefix of the flushed line).
    stack = [(iter(root.children), context(root, _Context()), True)]
    while stack:
        children, ctx, boundary = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if boundary:
                flush(ctx)
            continue
        if not isinstance(child, Tag):
            if is_text(child):
                buffer.append(str(child))
            continue
        name = child.name
        inner = context(child, ctx)
        if name == "img":
            alt = _image_text(child)
            if alt:
                flush(ctx)
                emit(inner, alt, image=True)
            continue
        s = stats.get(id(child))
        special = inner is not ctx  # a chosen, noise or post element: a boundary of its own
        if name not in BLOCK_TAGS and not special:
            if name == "a" or not (s and s.has_block):
                inner_tags = s.inner if s else frozenset()
                if "img" in inner_tags and not (s and s.chars) or "br" in inner_tags and name != "a":
                    # Its images, or its lines: an old page's <font> holds paragraphs parted by <br>.
                    stack.append((iter(child.children), ctx, False))
                else:
                    text = child.get_text(" ") if "br" in inner_tags else child.get_text()
                    buffer.append(text)
                    style = set_off(child)
                    if style:
                        styled.append((style, text))
            else:
                stack.append((iter(child.children), ctx, False))
            continue
        flush(ctx)
        if name in ("br", "hr"):
            continue
        if _link_heavy(child, stats) and not (s and s.has_p):
            inner = _Context(inner.chosen, inner.noise, True, inner.post)
        if re.fullmatch(r"h[1-6]", name):
            text = tidy(_text(child))
            if text:
                out.append(PageLine("#" * max(2, int(name[1])) + " " + text, inner.chosen, inner.noise, inner.links,
                                    inner.post, style=name))
        elif name == "table" and not _layout_table(s) and (rows := table_lines(child)) is not None:
            for line in rows:
                emit(inner, line)
        elif name == "pre":
            for line in pre_lines(child.get_text()):
                emit(inner, line)
        elif name == "li" and not (s and s.has_block):
            buffer.append(child.get_text())
            flush(inner, "- ")
        else:
            style = set_off(child)
            if style and s and s.chars <= MAX_STYLED and not s.has_p:
                styled.append((style, child.get_text()))
            stack.append((iter(child.children), inner, True))
    # The same alt text on several images is a watermark (游民星空), not a caption.
    alts = Counter(line.text for line in out if line.image)
    return [line for line in out if not (line.image and alts[line.text] > 1)]
