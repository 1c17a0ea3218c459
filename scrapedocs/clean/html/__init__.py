"""A raw HTML page becomes its article: text lines plus metadata hints.

The page is parsed with BeautifulSoup over lxml. Metadata is read first, from
the whole page (`<title>`, `<meta>`, canonical links, bylines near the
headline). What no reader sees (scripts, styles, hidden elements) is dropped;
what is usually not article (navigation, forms, comments, elements whose class
or id names a known kind of noise) is only marked. Then the article is chosen
the way Readability does, with scores that suit Chinese pages: every
paragraph-like element scores by its length and its sentence punctuation
(，。、；：！？ count), the score flows to its parent and grandparent, link-heavy
elements are discounted, and the best-scoring element is the article, joined by
siblings that score nearly as well.

The article comes out as one line per block: headings as "## …", list items
as "- …", tables as Markdown table rows ("| a | b |"), images as their alt
text. Lines are data for the later stages; nothing here escapes Markdown.
"""
from __future__ import annotations

import re

from bs4 import BeautifulSoup

from ...extract.fields import closing_byline
from ...extract.page import page_hints
from .blocks import PageLine, page_lines
from .noise import drop_never_text, noise_roots
from .scoring import choose_article, measure


def scored_lines(soup: BeautifulSoup) -> list[PageLine]:
    """Every line of the page, marked with the scorer's choice; no filter may empty the page.

    When the noise filter leaves no article (a blog inside an ASP.NET form with
    few <p>), the choice is made again on the unfiltered page.
    """
    drop_never_text(soup)
    full = measure(soup)
    noise = noise_roots(soup, full)
    roots = choose_article(soup, measure(soup, skip=noise))
    lines = page_lines(soup, full, chosen={id(r) for r in roots}, noise=noise)
    if not any(line.ours for line in lines):
        roots = choose_article(soup, full)
        lines = page_lines(soup, full, chosen={id(r) for r in roots})
    if not any(line.ours for line in lines):
        lines = page_lines(soup, full, chosen={id(soup)})
    return lines


def extract_article(html: str) -> tuple[list[str], dict[str, str]]:
    """The article of an HTML page as text lines, and the metadata the page states.

    >>> lines, hints = extract_article(
    ...     "<html><head><title>标题_新华网</title></head><body><nav>首页 新闻</nav>"
    ...     "<div><p>这是第一段，有标点。内容足够长了吧。</p><p>第二段，也有标点。</p></div></body></html>")
    >>> lines, hints["title"]
    (['这是第一段，有标点。内容足够长了吧。', '第二段，也有标点。'], '标题')
    """
    # Not soup.body: on malformed pages lxml leaves part of the content outside the first <body>.
    soup = BeautifulSoup(html, "lxml")
    hints = page_hints(soup, html)
    lines = [line.text for line in scored_lines(soup) if line.ours]
    title = hints.get("title", "")
    # The headline is front matter, not body: drop it where the article repeats it.
    squeezed = re.sub(r"\s", "", title)
    lines = [line for line in lines if not squeezed or re.sub(r"[\s#]", "", line) != squeezed]
    if "author" not in hints:
        author = closing_byline(lines)
        if author:
            hints["author"] = author
    return lines, hints
