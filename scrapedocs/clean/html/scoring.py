"""Readability-style scoring that suits Chinese pages: which element holds the article.

Every count comes from one bottom-up pass (`measure`), so scoring stays linear
in the size of the page however deep it is nested.
"""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

from .tags import _CHARS, _PUNCT, BLOCK_TAGS, PARAGRAPH_TAGS
from .tree import is_text, postorder, preorder

CONTAINERS = BLOCK_TAGS - {"br", "hr"}


@dataclass
class _Stats:
    chars: int = 0  # letters and digits under the element
    link_chars: int = 0  # of them, inside links
    punct: int = 0  # sentence punctuation under the element
    own_chars: int = 0  # letters and digits outside its block-level children
    own_punct: int = 0
    paragraphs: int = 0  # punctuated <p> without links under it: running text
    has_block: bool = False  # a block-level element under it
    has_link: bool = False
    has_p: bool = False  # a <p> under it
    inner: frozenset = frozenset()  # which of WATCHED stand under it
    rows: int = 0  # <tr> under it


#: Tags whose presence under an element the walks ask about (instead of a `find`, which costs a subtree).
WATCHED = frozenset({"table", "p", "div", "h1", "h2", "h3", "ul", "img", "br"})


def measure(root: Tag, skip: Collection[int] = ()) -> dict[int, _Stats]:
    """Counts of every element under `root`, by id; elements whose id is in `skip` are left out."""
    stats: dict[int, _Stats] = {}
    in_link = {id(a) for a in root.find_all("a")}
    for node in preorder(root, lambda tag: id(tag) in skip):  # everything under a link is link text
        if id(node) in in_link:
            in_link.update(id(t) for t in node.contents if isinstance(t, Tag))
    for node in postorder(root, lambda tag: id(tag) in skip):
        s = _Stats()
        for child in node.children:
            if isinstance(child, Tag):
                c = stats.get(id(child))
                if c is None:
                    continue
                s.chars += c.chars
                s.link_chars += c.link_chars
                s.punct += c.punct
                s.paragraphs += c.paragraphs
                s.has_link = s.has_link or c.has_link or child.name == "a"
                s.has_p = s.has_p or c.has_p or child.name == "p"
                s.rows += c.rows + (child.name == "tr")
                if c.inner or child.name in WATCHED:
                    s.inner = s.inner | c.inner | ({child.name} & WATCHED)
                if child.name in CONTAINERS:
                    s.has_block = True
                else:
                    s.own_chars += c.chars
                    s.own_punct += c.punct
                    s.has_block = s.has_block or c.has_block
            elif is_text(child):
                text = str(child)
                n, p = len(_CHARS.findall(text)), len(_PUNCT.findall(text))
                s.chars += n
                s.punct += p
                s.own_chars += n
                s.own_punct += p
        if id(node) in in_link:
            s.link_chars = s.chars
        if node.name == "p" and s.punct >= 2 and not s.has_link:
            s.paragraphs += 1
        stats[id(node)] = s
    return stats


MIN_PARAGRAPH = 10  # characters; shorter elements are labels and buttons, not paragraphs


def paragraph_score(chars: int, punct: int) -> float:
    """Readability's paragraph score, with Chinese sentence punctuation counting like commas."""
    if chars < MIN_PARAGRAPH:
        return 0.0
    return 1 + punct + min(chars / 50, 5)


def choose_article(body: BeautifulSoup | Tag, stats: dict[int, _Stats]) -> list[Tag]:
    """The article element, plus siblings that score nearly as well (elements missing from `stats` are skipped)."""
    scores: dict[int, float] = {}
    nodes: dict[int, Tag] = {}
    for tag in preorder(body, lambda t: id(t) not in stats):
        s = stats.get(id(tag))
        if s is None or tag is body:
            continue
        whole = tag.name in PARAGRAPH_TAGS and not s.has_block
        own = paragraph_score(s.chars, s.punct) if whole else paragraph_score(s.own_chars, s.own_punct)
        if not own or (s.chars and s.link_chars / s.chars > 0.5):
            continue
        holder = tag if tag.name not in PARAGRAPH_TAGS or tag.name == "td" else tag.parent
        for depth, node in enumerate([holder, holder.parent, holder.parent and holder.parent.parent]):
            if isinstance(node, Tag) and node.name != "[document]" and id(node) in stats:
                nodes[id(node)] = node
                scores[id(node)] = scores.get(id(node), 0.0) + own / (1 + depth)
    if not scores:
        return [body]

    def final(key: int) -> float:
        s = stats[key]
        density = s.link_chars / s.chars if s.chars else 1
        return scores[key] * (1 - density)

    best = max(scores, key=final)
    top = nodes[best]
    threshold = max(10.0, final(best) * 0.2)
    parent = top.parent
    if parent is None or parent.name == "[document]":
        return [top]
    chosen = []
    for sibling in parent.children:
        if not isinstance(sibling, Tag):
            continue
        if sibling is top or (id(sibling) in scores and final(id(sibling)) >= threshold):
            chosen.append(sibling)
    return chosen
