"""Remove what is never article: scripts, navigation, forms, comments, hidden and noise-named elements."""
from __future__ import annotations

from bs4 import BeautifulSoup, Comment, Tag

from .tags import _PUNCT, ARTICLE_WORDS, DROP_TAGS, NOISE_WORDS


def _attrs(tag: Tag) -> str:
    classes = tag.get("class") or []
    return " ".join([*(classes if isinstance(classes, list) else [classes]), tag.get("id") or ""])


def _hidden(tag: Tag) -> bool:
    style = (tag.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style or tag.has_attr("hidden")


MIN_ARTICLE_PARAGRAPHS = 3  # punctuated paragraphs that make an element article, whatever its class says


def _holds_article(tag: Tag) -> bool:
    """Whether `tag` holds running text: several punctuated paragraphs, few of them links."""
    paragraphs = [p for p in tag.find_all("p", limit=50) if len(_PUNCT.findall(p.get_text())) >= 2 and not p.find("a")]
    return len(paragraphs) >= MIN_ARTICLE_PARAGRAPHS


def strip_noise(soup: BeautifulSoup) -> None:
    """Remove what is never article: scripts, navigation, forms, comments, hidden and noise-named elements."""
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in soup.find_all(DROP_TAGS):
        if not (tag.name == "form" and _holds_article(tag)):  # ASP.NET wraps whole pages in a form
            tag.decompose()
    for tag in soup.find_all(True):
        if tag.decomposed or tag.name in ("html", "body"):
            continue
        if _hidden(tag):
            tag.decompose()
            continue
        names = _attrs(tag)
        if names and NOISE_WORDS.search(names) and not ARTICLE_WORDS.search(names) and not _holds_article(tag):
            tag.decompose()
