"""The page's headline: the heading printed above the article, checked against what the page calls itself.

A reader takes the title from the big line just above the article. Pages
also name themselves in `<title>` and `og:title`, usually "headline - channel -
site", sometimes the site alone ("网易娱乐", "bjreader的博客"), sometimes with
a counter in front ("（99+ 封私信）…"). So the headline is chosen among the
lines the page sets off as headings (h1–h3, a title class, a big or bold line)
near the top of the article, each scored by how well it matches the page's
own name for itself and how close it stands above the article; `<title>` is
used alone only when no line on the page is the headline, and only without
its site parts. Lines that cannot be a headline are refused by name (a date
line, a byline, a counter, the site's name, a menu word, text that did not
decode), so the build report can say which candidate won and why.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .refusals import refusal
from .titles import (
    CUT,
    INSIDE,
    MIN_PLAIN,
    SHORT_NAME,
    WINDOW,
    SelfName,
    _chars,
    blog_owner,
    key,
    match,
    named_title,
    post_lead,
    title_parts,
    trimmed,
)

if TYPE_CHECKING:
    from ..html.blocks import PageLine

__all__ = ["Headline", "SelfName", "blog_owner", "choose_headline", "key", "named_title", "refusal", "title_parts"]


STYLE_WEIGHT = {"h1": 1.0, "h2": 0.8, "titled": 0.8, "h3": 0.6, "big": 0.6, "bold": 0.4, "h4": 0.4, "h5": 0.4,
                "h6": 0.3, "centered": 0.3}


@dataclass
class Candidate:
    """A line that may be the headline, with its score and why."""

    text: str
    index: int  # its page line; -1 for the page's own title
    style: str = ""
    match: float = 0.0
    near: float = 0.0
    refused: str = ""
    notes: list[str] = field(default_factory=list)
    owner: str = ""  # the name above the article's heading that the page's title names (a blog's, its owner's)

    @property
    def score(self) -> float:
        return 3 * self.match + STYLE_WEIGHT.get(self.style, 0.0) + self.near

    def explain(self) -> dict:
        out = {"text": self.text, "style": self.style or "plain", "match": round(self.match, 2),
               "near": round(self.near, 2), "score": round(self.score, 2)}
        if self.refused:
            out["refused"] = self.refused
        if self.notes:
            out["notes"] = self.notes
        return out


def _text(line: PageLine) -> str:
    return re.sub(r"^#{2,6}\s+", "", line.text).strip()


def between(page: list[PageLine], start: int, name: SelfName) -> list[int]:
    """For each line above the article, how many lines that could be text stand between it and the article.

    Bylines, dates, menus, toolbars and lists of links do not count: a headline with
    its byline and share bar under it still stands just above the article.
    """
    counts = [0] * start
    seen = 0
    for i in range(start - 1, -1, -1):
        counts[i] = seen
        line = page[i]
        if not (line.links or line.noise or refusal(_text(line), name)):
            seen += 1
    return counts


def nearness(index: int, start: int, lines_between: list[int]) -> float:
    """1 just above the article, less the farther up; a little inside its first lines; 0 elsewhere."""
    if index < start:
        return 1.0 / (1 + lines_between[index] / 2)
    if index < start + INSIDE:
        return 0.6
    return 0.0


NEAR = 0.5  # nearness under which a line stands apart from the article (two lines of text or more above it)
MIN_MATCH = 0.5  # a line matching the page's title this well is the headline, wherever it is set off
MIN_STYLED = 1.0  # score (style + nearness) of a set-off line that the page's title does not confirm


def candidates(page: list[PageLine], start: int, name: SelfName) -> list[Candidate]:
    """Set-off lines near the top of the article, the line just above it, and lines that the page's title names.

    A plain line (no heading, no title class, no bold) is a headline only where it stands
    directly above the article: elsewhere, a plain line that repeats the page's title is
    the site's name in its logo.
    """
    out = []
    low = max(0, start - WINDOW)
    lines_between = between(page, start, name)
    for i, line in enumerate(page[:start + INSIDE]):
        text = trimmed(_text(line), name)
        if not text or line.links and not line.style:
            continue
        m = match(text, name)
        if m == CUT:  # the line the site cut its title from: a post's first line, whose lead is the headline
            text = post_lead(text)
        direct = i < start and lines_between[i] == 0 and (line.style or _chars(text) >= MIN_PLAIN)
        if not (line.style and i >= low or direct or line.style and m >= MIN_MATCH or m == CUT):
            continue
        c = Candidate(text, i, line.style, m, nearness(i, start, lines_between) if i < start else
                      nearness(i, start, []))
        c.refused = refusal(text, name, titled=m >= 0.9)
        if i >= start and m < MIN_MATCH:
            c.refused = c.refused or "a heading of the article, which the page's title does not name"
        if line.noise and m < MIN_MATCH:
            c.refused = c.refused or "in the page's chrome"
        if line.noise and i < start and lines_between[i] and len(title_parts(name.title)) == 1:
            # The page's whole title is a line of its header, far above the article: the site's or the
            # blog's name (李建忠), not the article's.
            c.refused = c.refused or "the site's name, in the page's header"
        out.append(c)
    return out


def joined(page: list[PageLine], best: Candidate, name: SelfName) -> Candidate:
    """A headline printed on two lines: the next (or previous) set-off line joined when the title says so."""
    for j in (best.index + 1, best.index - 1):
        if not 0 <= j < len(page) or not page[j].style or page[j].links:
            continue
        other = _text(page[j])
        text = f"{best.text}{other}" if j > best.index else f"{other}{best.text}"
        if _chars(other) and not refusal(other, name, titled=True) and match(text, name) > best.match + 0.05:
            spaced = f"{best.text} {other}" if j > best.index else f"{other} {best.text}"
            glued = spaced if re.search(r"[A-Za-z0-9]$", spaced.split(" ")[0]) else text
            return Candidate(glued, min(j, best.index), best.style, match(text, name), best.near,
                             notes=["printed on two lines: joined"], owner=best.owner)
    return best


MIN_NEARER = 6  # characters of a heading nearer the article that makes a short title-named heading a name


def nearer_heading(best: Candidate, usable: list[Candidate]) -> Candidate:
    """A short heading the page's title names, with the article's own heading between it and the article, is a name.

    A blog prints its name (海姑娘, 李建忠) in its banner and puts it alone in `<title>`;
    the post's title stands between the banner and the post.
    """
    if best.match < MIN_MATCH or _chars(best.text) > SHORT_NAME:
        return best
    nearer = [c for c in usable if c.index > best.index and c.style and c.match < MIN_MATCH
              and _chars(c.text) >= MIN_NEARER and c.near >= best.near]
    if not nearer:
        return best
    heading = max(nearer, key=lambda c: c.score)
    heading.notes.append(f"{best.text!r}, which the page's title names, is a name above the article's own heading")
    heading.owner = best.text
    return heading


@dataclass
class Headline:
    """The chosen headline, the page line it stands on (None: from `<title>`, or none), and why."""

    text: str
    index: int | None
    explanation: dict
    owner: str = ""  # the blog's (or site's) name the page's title gives above the post's heading


def choose_headline(page: list[PageLine], start: int, name: SelfName) -> Headline:
    """The headline and the explanation for the report: the winner, its score, and the candidates refused."""
    found = candidates(page, start, name)
    usable = [c for c in found if not c.refused and (c.match >= MIN_MATCH or c.score >= MIN_STYLED)]
    explanation: dict = {}
    if usable:
        best = max(usable, key=lambda c: (c.score, -abs(start - c.index)))
        best = nearer_heading(best, usable)
        best = joined(page, best, name)
        why = "the page's title names it" if best.match >= MIN_MATCH else "set off just above the article"
        explanation = {"source": f"page line ({best.style or 'plain'})", "why": why, "winner": best.explain()}
        title, index, owner = best.text, best.index, best.owner
    else:
        index, owner = None, ""
        title = named_title(name)
        if title:
            explanation = {"source": "<title>", "why": "no line on the page is the headline: the page's title,"
                           " its site parts removed", "winner": {"text": title}}
    refused = [c.explain() for c in found if c.refused][:8]
    if refused:
        explanation["refused"] = refused
    return Headline(title, index, explanation, owner)
