"""The article's edges: its headline taken out, the text under its byline taken in, the post the page's own
description names, a paragraph said twice said once."""
from __future__ import annotations

import re

from ...text import program_line
from ..chrome import features
from ..extracted import STRONG_CHROME
from ..headline import SelfName, key, refusal
from .blocks import PageLine
from .ensemble import bare, f1, normalise


HEADLINE_LIKE = 0.7  # character F1 with the title above which an opening line is the headline again
_PARAGRAPH = re.compile(r"[，。！？；]")
_SENTENCE = re.compile(r"[。；]")  # a headline has no full stop: a line with one is the article's
MIN_SENTENCE = 10  # normalised characters of a line that opens the article's own text


def without_headline(lines: list[PageLine], title: str) -> list[PageLine]:
    """The headline is front matter, not body: drop it (and its variants above the text) where the article repeats it.

    >>> lines = [PageLine(t) for t in ("## 新规发布：细则出台", "新规发布", "正文第一段，有标点，说明新规的内容。", "新规发布：细则出台")]
    >>> [line.text for line in without_headline(lines, "新规发布：细则出台")]
    ['正文第一段，有标点，说明新规的内容。']
    >>> [line.text for line in without_headline([PageLine("同意在天津开展改革试点。现批复如下：")], "国务院关于同意在天津开展改革试点的批复")]
    ['同意在天津开展改革试点。现批复如下：']
    """
    key = normalise(title)
    if not key:
        return lines
    out, opening = [], True
    for line in lines:
        text = normalise(line.text)
        if opening and _PARAGRAPH.search(line.text) and len(text) > MIN_SENTENCE and f1(text, key) < HEADLINE_LIKE:
            opening = False  # the first sentence: what follows is the article's own (its 落款 names the issuer again)
        variant = opening and text and not _SENTENCE.search(line.text)
        same = text == key or variant and (f1(text, key) >= HEADLINE_LIKE or len(text) >= 4 and text in key)
        if not same:
            out.append(line)
    return out


REPEAT = 20  # normalised characters: a paragraph this long said twice is a carousel or a teaser, said once


def once(lines: list[str]) -> list[str]:
    """Lines without verbatim repeats of a long paragraph (the promotion block shown twice); code may repeat."""
    seen, out = set(), []
    for line in lines:
        key = normalise(line)
        if len(key) >= REPEAT and key in seen and not program_line(line):
            continue
        seen.add(key)
        out.append(line)
    return out


MAX_CHROME_LINE = 30  # characters: the lines of a page's header and footer that may name the site


def self_name(facts, page: list[PageLine]) -> SelfName:
    """What the page calls itself, for the headline's choice: its titles, site name, URL, the words of its chrome."""
    metas = facts.metas
    chrome = frozenset(key(line.text) for line in page if line.noise and len(line.text) <= MAX_CHROME_LINE
                       and (line.links or not line.style))  # a heading in a <header> may be the article's
    return SelfName(facts.title, metas.get("og:title", "") or metas.get("twitter:title", ""),
                    metas.get("og:site_name", "") or metas.get("application-name", ""), facts.url or "", chrome)


#: What the headline's rules say of the byline under a headline.
BYLINE = {"a byline", "a date line", "a counter"}
MAX_GAP = 30  # lines between the headline and the article our choice may take back


def below_headline(page: list[PageLine], headline: int, start: int, name) -> list[int]:
    """The plain text between the headline (and its byline) and the article is the article's (a poem's short
    lines, a 题记, an editor's note our scorer found too short to score).

    Taken back only when it reaches from the article up to the byline or the headline, each
    line plain text: a promotion standing between a share bar and the story is not.
    """
    if start - headline > MAX_GAP:
        return []
    gap = []
    for i in range(start - 1, headline, -1):
        line = page[i]
        if line.links or line.noise or line.image or line.style:
            return []
        why = refusal(line.text, name)
        if why in BYLINE or why.startswith("site chrome"):
            break  # the byline: the gap is closed
        if why == "does not decode" or features(line.text).chrome in STRONG_CHROME:
            return []  # an icon font's glyph: a box the site draws (a summary), not the text
        gap.append(i)
    return gap


ADJACENT = 1  # lines between the description's line and the article that make it the article's lead
MIN_DESCRIBED = 15  # characters of the page's description found in one of its lines that identify the post


def described_post(page: list[PageLine], kept: list[bool], metas: dict[str, str]) -> list[bool] | None:
    """A short post the vote passed over for a longer story beside it, when the page's own description says
    which it is: the post's lines (the description's line and the text lines after it), else None.

    When the description's line stands just above the article (a 核心提示, a lead), it joins the article.
    """
    description = normalise(next((metas[k] for k in ("og:description", "description", "twitter:description")
                                  if metas.get(k)), ""))
    key = description[:MIN_DESCRIBED * 2]
    if len(key) < MIN_DESCRIBED:
        return None
    chosen = normalise("".join(line.text for line, keep in zip(page, kept) if keep))
    if key[:MIN_DESCRIBED] in chosen:
        return None
    at = next((i for i, line in enumerate(page) if not line.links and not line.noise and not line.style
               and key[:MIN_DESCRIBED] in normalise(line.text)), None)
    if at is None:
        return None
    if any(kept[j] and page[j].ours for j in range(at + 1, min(len(page), at + 1 + ADJACENT))):
        return [keep or i == at for i, keep in enumerate(kept)]  # the article's lead
    out = [False] * len(page)
    for i in range(at, len(page)):
        line = page[i]
        if line.links or line.noise or line.style or bare(line.text) and i > at:
            break
        out[i] = True
    return out


