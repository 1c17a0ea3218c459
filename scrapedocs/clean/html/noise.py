"""What is never article (scripts, hidden elements) goes; what is usually not (navigation, forms,
comments, noise-named elements) is only marked, so that no filter can empty a page."""
from __future__ import annotations

from bs4 import BeautifulSoup, Comment, Tag

from .scoring import _Stats
from .tags import ARTICLE_WORDS, NEVER_TEXT, NOISE_TAGS, NOISE_WORDS
from .tree import preorder


def _attrs(tag: Tag) -> str:
    classes = tag.get("class") or []
    return " ".join([*(classes if isinstance(classes, list) else [classes]), tag.get("id") or ""])


def _hidden(tag: Tag) -> bool:
    style = (tag.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style or tag.has_attr("hidden")


MIN_ARTICLE_PARAGRAPHS = 3  # punctuated paragraphs that make an element article, whatever its class says


REVEALED = 0.5  # share of the page's text a hidden element holds that makes it the article a script reveals


def drop_never_text(soup: BeautifulSoup) -> None:
    """Remove scripts, styles, embedded objects, comments and hidden elements: no reader sees them.

    An element hidden by its style that holds most of the page's text is the article a
    script reveals on load (WeChat's `visibility: hidden` body): a reader sees it, it stays.
    """
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    doomed: dict[int, Tag] = {}
    hidden: list[Tag] = []
    for tag in preorder(soup, lambda t: id(t) in doomed):
        if tag.name in NEVER_TEXT:
            doomed[id(tag)] = tag
        elif tag.name not in ("html", "body") and _hidden(tag):
            doomed[id(tag)] = tag
            hidden.append(tag)
    for tag in doomed.values():
        if tag.name in NEVER_TEXT:
            tag.decompose()
    if hidden:
        total = len(soup.get_text())
        for tag in hidden:
            if len(tag.get_text()) <= REVEALED * total:
                tag.decompose()


def noise_roots(soup: BeautifulSoup, stats: dict[int, _Stats]) -> dict[int, Tag]:
    """The elements (by id) that are usually not article: navigation, forms, noise-named blocks.

    An element holding several punctuated paragraphs is kept whatever its class
    says (ASP.NET wraps whole pages in a form).
    """
    noise: dict[int, Tag] = {}
    for tag in preorder(soup):  # nested noise is marked too: a fallback may lift the outer mark
        if tag.name in ("html", "body", "[document]"):
            continue
        holds_article = stats[id(tag)].paragraphs >= MIN_ARTICLE_PARAGRAPHS if id(tag) in stats else False
        if tag.name in NOISE_TAGS:
            if not (tag.name == "form" and holds_article):
                noise[id(tag)] = tag
            continue
        names = _attrs(tag)
        if names and NOISE_WORDS.search(names) and not ARTICLE_WORDS.search(names) and not holds_article:
            noise[id(tag)] = tag
    return noise
