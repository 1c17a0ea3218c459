"""Where the article ends on a portal page: at the feed of other stories or the list that follows it.

Portals run a feed of other stories straight under the article, inside the same
container (信报财经新闻·8 小时前, a headline, AASTOCKS·21 分钟前, a headline …), or open
a list with a label (相关阅读, 猜你喜欢, 热门推荐, 24小时热文). Extractors that judge a
block by its text keep such a feed: its headlines are text. So the article is cut
where the first such item or label stands, once some of the article has been read.
"""
from __future__ import annotations

import re

from ..chrome import STOPPERS, features
from .ensemble import bare

MIN_FEED_ITEMS = 2  # outlet·age stamps that make a run of lines a feed
MIN_BEFORE = 2  # lines of the article before a cut may fall
_MARK = re.compile(r"^(?:#{2,6}|-)\s+")
#: Labels that open the lists portals put after an article, as the page prints them (a heading or a short line).
LIST_LABELS = re.compile(r"^(?:相关阅读|相关新闻|相关文章|相关推荐|延伸阅读|推荐阅读|猜你喜欢|热门推荐|为你推荐|为您推荐|大家都在看|热门文章"
                         r"|热点新闻|24小时热文|今日热点|精彩推荐|编辑推荐|更多精彩|你可能(?:还)?(?:感兴趣|喜欢)|您可能(?:还)?(?:感兴趣|喜欢))"
                         r"\s*[:：>»]*\s*$")


def stamp(text: str) -> bool:
    return features(_MARK.sub("", text)).chrome == "feed"


def label(text: str) -> bool:
    bare_text = _MARK.sub("", text).strip()
    return bool(LIST_LABELS.match(bare_text)) or bare(bare_text) and bool(STOPPERS.match(features(bare_text).folded))


def feed_start(lines: list[str]) -> int | None:
    """Where the feed or the list after the article begins, if it does (see the module's docstring).

    >>> feed_start(["正文第一段，说了很多。", "正文第二段，也说了很多。", "汇丰研究上调目标价", "信报财经新闻·8 小时前",
    ...             "港股收市", "AASTOCKS·21 分钟前"])
    2
    >>> feed_start(["正文第一段，说了很多。", "正文第二段，也说了很多。", "## 相关阅读", "另一篇报道的标题"])
    2
    >>> feed_start(["正文第一段，说了很多。", "正文第二段。"]) is None
    True
    """
    stamps = [i for i, text in enumerate(lines) if stamp(text)]
    for i, text in enumerate(lines):
        if i < MIN_BEFORE:
            continue
        if label(text):
            cut = i
        elif i in stamps and sum(1 for j in stamps if j >= i) >= MIN_FEED_ITEMS:
            headline = i - 1  # the item's headline stands above its stamp
            cut = headline if headline >= MIN_BEFORE and not re.search(r"[。！？]$", lines[headline]) else i
        else:
            continue
        if prose(lines[cut:]) <= prose(lines[:cut]):
            return cut  # else a box of links above the article, whose prose follows it
    return None


PROSE = 40  # characters of a punctuated line that is a paragraph, not a headline


def prose(lines: list[str]) -> int:
    """Characters of the lines that read as paragraphs (punctuated, long): a feed's headlines are not."""
    return sum(len(t) for t in lines if len(t) >= PROSE and re.search(r"[，。；！？]", t))
