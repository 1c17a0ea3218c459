"""Readability-style scoring that suits Chinese pages: which element holds the article."""
from __future__ import annotations

from dataclasses import dataclass

from bs4 import BeautifulSoup, NavigableString, Tag

from .tags import _CHARS, _PUNCT, BLOCK_TAGS, PARAGRAPH_TAGS


@dataclass
class _Stats:
    chars: int = 0
    link_chars: int = 0
    punct: int = 0


def measure(root: Tag) -> dict[int, _Stats]:
    """Characters, characters inside links and punctuation of every element, in one pass."""
    stats: dict[int, _Stats] = {}

    def visit(node: Tag, in_link: bool) -> _Stats:
        s = _Stats()
        for child in node.children:
            if isinstance(child, NavigableString):
                text = str(child)
                n = len(_CHARS.findall(text))
                s.chars += n
                s.punct += len(_PUNCT.findall(text))
                if in_link:
                    s.link_chars += n
            elif isinstance(child, Tag):
                c = visit(child, in_link or child.name == "a")
                s.chars += c.chars
                s.link_chars += c.link_chars
                s.punct += c.punct
        stats[id(node)] = s
        return s

    visit(root, False)
    return stats


def _direct_text(tag: Tag) -> str:
    """Text of `tag` outside its block-level children: a div that holds paragraphs split by <br>."""
    parts = []
    for child in tag.children:
        if isinstance(child, NavigableString):
            parts.append(str(child))
        elif isinstance(child, Tag) and child.name not in BLOCK_TAGS:
            parts.append(child.get_text())
    return "".join(parts)


MIN_PARAGRAPH = 10  # characters; shorter elements are labels and buttons, not paragraphs


def paragraph_score(text: str) -> float:
    """Readability's paragraph score, with Chinese sentence punctuation counting like commas."""
    chars = len(_CHARS.findall(text))
    if chars < MIN_PARAGRAPH:
        return 0.0
    return 1 + len(_PUNCT.findall(text)) + min(chars / 50, 5)


def choose_article(body: BeautifulSoup | Tag, stats: dict[int, _Stats]) -> list[Tag]:
    """The article element, plus siblings that score nearly as well."""
    scores: dict[int, float] = {}
    nodes: dict[int, Tag] = {}
    for tag in body.find_all(True):
        text = tag.get_text() if tag.name in PARAGRAPH_TAGS else _direct_text(tag)
        if tag.name in PARAGRAPH_TAGS and tag.find(["p", "div", "table", "li"]):
            text = _direct_text(tag)
        own = paragraph_score(text)
        if not own:
            continue
        s = stats[id(tag)]
        if s.chars and s.link_chars / s.chars > 0.5:
            continue
        holder = tag if tag.name not in PARAGRAPH_TAGS or tag.name == "td" else tag.parent
        for depth, node in enumerate([holder, holder.parent, holder.parent and holder.parent.parent]):
            if isinstance(node, Tag) and node.name != "[document]":
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
