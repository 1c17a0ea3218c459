"""A raw HTML page becomes its article: text lines plus metadata hints.

The page is parsed with BeautifulSoup over lxml. Metadata is read first, from
the whole page (`<title>`, `<meta>`, canonical links, bylines near the
headline). Then what is never article is dropped (scripts, navigation,
forms, comments, and elements whose class or id names a known kind of noise)
and the article is chosen the way Readability does, with scores that suit
Chinese pages: every paragraph-like element scores by its length and its
sentence punctuation (，。、；：！？ count), the score flows to its parent and
grandparent, link-heavy elements are discounted, and the best-scoring element
is the article, joined by siblings that score nearly as well.

The article comes out as one line per block: headings as "## …", list items
as "- …", tables as Markdown table rows ("| a | b |"), images as their alt
text. Lines are data for the later stages; nothing here escapes Markdown.
"""
from __future__ import annotations

import re

from bs4 import BeautifulSoup

from ...extract.fields import closing_byline
from ...extract.page import page_hints
from .blocks import article_lines
from .noise import strip_noise
from .scoring import choose_article, measure


def extract_article(html: str) -> tuple[list[str], dict[str, str]]:
    """The article of an HTML page as text lines, and the metadata the page states.

    >>> lines, hints = extract_article(
    ...     "<html><head><title>标题_新华网</title></head><body><nav>首页 新闻</nav>"
    ...     "<div><p>这是第一段，有标点。内容足够长了吧。</p><p>第二段，也有标点。</p></div></body></html>")
    >>> lines, hints["title"]
    (['这是第一段，有标点。内容足够长了吧。', '第二段，也有标点。'], '标题')
    """
    soup = BeautifulSoup(html, "lxml")
    hints = page_hints(soup, html)
    strip_noise(soup)
    # Not soup.body: on malformed pages lxml leaves part of the content outside the first <body>.
    stats = measure(soup)
    lines = article_lines(choose_article(soup, stats), stats)
    title = hints.get("title", "")
    # The headline is front matter, not body: drop it where the article repeats it.
    squeezed = re.sub(r"\s", "", title)
    lines = [line for line in lines if not squeezed or re.sub(r"[\s#]", "", line) != squeezed]
    if "author" not in hints:
        author = closing_byline(lines)
        if author:
            hints["author"] = author
    return lines, hints
