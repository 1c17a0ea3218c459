"""Pages that are not articles: section fronts, tag pages, pagers, search results — lists of links.

A crawl holds them beside the articles, and the extractors, asked for "the
article", return one of the list's summaries or the list itself. Such a page
is not published; its line says why: `a list page: 83 links, 43 characters of
text`.

The judgement is made on the page's structure, not on sizes alone (a real
article can be a 40-character note on a page of 300 links):

1. The page's link lists are found: a group of at least `MIN_ITEMS` sibling
   elements of one kind (`<li>`s, rows, `<div class="item">`s, bare links), most
   of which hold a title link — a link to another page whose text is as long
   as a headline (`TITLE_WIDTH`) — and little text of their own
   (`MAX_ITEM_TEXT`: a summary, not a post).
2. The page is a list when those lists link to at least `MIN_LINKS` pages and
   the article the extractors chose lies mostly (`LISTED_SHARE`) inside them, or
   they found none. A real article, however short, lies outside the lists
   around it.

Links to files (PDF, Office documents, archives) are attachments, not pages:
a notice with ten attachments is an article. Every walk is iterative and
linear in the page.
"""
from __future__ import annotations

import re
from collections import defaultdict

from ..model import Document

TITLE_WIDTH = 16  # a title link's text, in columns (a Han character is two): 8 characters of Chinese
MAX_ITEM_TEXT = 400  # characters of an item's own text (outside its links): a summary, not a post
MIN_ITEMS = 4  # siblings of one kind that make a list
ITEM_SHARE = 0.6  # of a group's siblings that must be list items
MIN_LINKS = 10  # distinct pages the lists link to
LISTED_SHARE = 0.5  # of the article's characters found inside the lists

#: Elements whose text no reader sees.
_UNSEEN = ("script", "style", "noscript", "template", "head", "select", "textarea", "iframe", "svg", "object")
_FILE = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|wps|et|ofd|zip|rar|7z|gz|txt|csv|jpe?g|png|gif|mp[34])(?:[?#]|$)",
                   re.I)
_SQUEEZE = re.compile(r"[\s|｜]+")
_WIDE = re.compile("[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
_MARKER = re.compile(r"^(?:#{1,6}\s+|[-*]\s+)")


def page_link(href: str | None) -> bool:
    """Whether a link leads to another page (not an anchor, a script, an address, a file).

    >>> page_link("/news/2024/a.html"), page_link("#top"), page_link("javascript:void(0)"), page_link("附件.pdf")
    (True, False, False, False)
    """
    href = (href or "").strip()
    return bool(href) and not href.lower().startswith(("#", "javascript:", "mailto:", "tel:", "data:")) \
        and not _FILE.search(href)


def _squeeze(text: str) -> str:
    return _SQUEEZE.sub("", text)


def _parse(html: str):
    from lxml import etree

    html = re.sub(r"^\s*<\?xml[^>]*>", "", html)  # lxml refuses text with an encoding declaration
    try:
        root = etree.fromstring(html, etree.HTMLParser(remove_comments=True, remove_pis=True))
    except (etree.ParserError, ValueError):
        return None
    if root is None:
        return None
    etree.strip_elements(root, *_UNSEEN, with_tail=False)
    return root


def _title(link) -> bool:
    """Whether a link's text is as long as a headline."""
    text = _squeeze("".join(link.itertext()))
    return len(text) + len(_WIDE.findall(text)) >= TITLE_WIDTH


def link_lists(html: str) -> tuple[int, str]:
    """(distinct pages the page's link lists lead to, their text squeezed and joined by newlines)."""
    root = _parse(html)
    if root is None:
        return 0, ""
    # Bottom-up (reversed document order: children before parents): characters, link characters and
    # title links of each subtree.
    chars: dict = {}
    linked: dict = {}
    titles: dict = {}
    for el in reversed(list(root.iter())):
        n, link, title = len(_squeeze(el.text or "")), 0, 0
        for child in el:
            n += chars[child] + len(_squeeze(child.tail or ""))
            link += linked[child]
            title += titles[child]
        if el.tag == "a" and page_link(el.get("href")):
            link, title = n, int(_title(el))
        chars[el], linked[el], titles[el] = n, link, title
    # Top-down: the items of each parent's lists; the links and text of the outermost items.
    inside = {root: False}
    item: set = set()
    pages: set[str] = set()
    texts: list[str] = []
    for el in root.iter():
        parent = el.getparent()
        within = inside[parent] if parent is not None else False
        if el in item and not within:
            texts.append(_squeeze("".join(el.itertext())))
        inside[el] = within or el in item
        if inside[el] and el.tag == "a" and page_link(el.get("href")) and _title(el):
            pages.add(el.get("href").strip())
        groups: dict = defaultdict(list)
        for child in el:
            groups[(child.tag, child.get("class"))].append(child)
        for members in groups.values():
            if len(members) < MIN_ITEMS:
                continue
            good = [m for m in members if titles[m] and chars[m] - linked[m] <= MAX_ITEM_TEXT]
            if len(good) >= MIN_ITEMS and len(good) >= ITEM_SHARE * len(members):
                item.update(good)
    return len(pages), "\n".join(texts)


def list_page_reason(html: str, article: list[str]) -> str:
    """"a list page: N links, M characters of text" when the page is a list of links, else ""."""
    pages, listed = link_lists(html)
    if pages < MIN_LINKS:
        return ""
    total = outside = 0
    for line in article:
        text = _squeeze(_MARKER.sub("", line.strip()))
        if not re.search(r"\w", text):
            continue
        total += len(text)
        if text not in listed:
            outside += len(text)
    if total and (total - outside) < LISTED_SHARE * total:
        return ""
    return f"a list page: {pages} links, {outside} characters of text"


def reject_list_page(doc: Document) -> Document:
    """The `lists` stage: an HTML page that is a list of links gets the reason as its error (not an article).

    It also judges a page in which the extractors found no article at all: when
    that page is a list, the list is the better reason.
    """
    if doc.kind != "html" or doc.rejected or (doc.error and doc.body):
        return doc
    reason = list_page_reason(doc.raw, [line.text for line in doc.body])
    if reason:
        doc.error, doc.rejected = reason, True
    return doc
