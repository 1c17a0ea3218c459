"""Python-Markdown's inline step made faster, with the same output: two of its loops, in Python, done in C.

A generated page is long paragraphs of Chinese text citing other documents by links. Two
places of Python-Markdown's inline step (`markdown.treeprocessors.InlineProcessor`) walked
that text in Python and took a third of a page's render between them:

- `BracketEnds`: a link's closing bracket was found by a Python step for every character of the
  paragraph, again after every link replaced (the paragraph is a new string each time);
- `SkippingInline`: every inline pattern (links, emphasis, code, entities… about 17) was tried
  on every piece of text through Python's machinery, though most patterns have no match there;
  the slowest expressions to find nothing (code spans, links) are tried only where there is a
  backtick or a bracket.

Each replaces a piece of Python-Markdown that is not its public API, and does the same: a test
(`tests/test_markdown_speedups.py`) renders pages with and without them and compares. They are
installed only where the class they replace is Python-Markdown's own (an extension that brings
its own keeps it), and `speedups: false` (the `scrapedocs.markdown` option) leaves them out.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from markdown import util
from markdown.inlinepatterns import InlineProcessor as InlinePattern
from markdown.inlinepatterns import LinkInlineProcessor
from markdown.treeprocessors import InlineProcessor

_BRACKET = re.compile(r"[\[\]]")


class BracketEnds:
    """`LinkInlineProcessor._findBracketEnds(data)` (for each index of `data`, the index just past the `]`
    that closes a bracket open before it, or None), computed from the brackets alone.

    Between two brackets the depth does not change, so every index there has the same answer: just
    past the first `]` after it that takes the depth below its own. Linear in the brackets, found by
    a regular expression, instead of a Python step per character.

    >>> data = "a[b[c]d]e[f"
    >>> [BracketEnds(data)[i] for i in range(len(data) + 1)] == LinkInlineProcessor._findBracketEnds(data)
    True
    """

    def __init__(self, data: str):
        self.brackets = [m.start() for m in _BRACKET.finditer(data)]
        depth, depths = 0, [0]  # the depth before the first bracket, then after each one
        for pos in self.brackets:
            depth += 1 if data[pos] == "[" else -1
            depths.append(depth)
        self.ends: list[int | None] = [None] * len(depths)
        waiting: list[int] = []  # stretches whose depth has not been gone below yet
        for k, depth in enumerate(depths):
            while waiting and depth < depths[waiting[-1]]:
                self.ends[waiting.pop()] = self.brackets[k - 1] + 1
            waiting.append(k)
        self.length = len(data)

    def __getitem__(self, index: int) -> int | None:
        if not 0 <= index <= self.length:
            raise IndexError(index)
        return self.ends[bisect_left(self.brackets, index)]


#: Inline patterns' regular expressions (as Python-Markdown writes them) that cannot match text lacking
#: this character from where they start; looked for first (`str.find`, in C), the expression then only
#: where it can match. Both start with a lookbehind, which makes the expression try every position:
#: code spans (`BACKTICK_RE`), links and references (`LINK_RE`, `REFERENCE_RE`).
NEEDS = {r"(?:(?<!\\)((?:\\{2})+)(?=`+)|(?<!\\)`)": "`", r"(?<!\!)\[": "["}


def _search(pattern):
    """The function that finds the pattern's first match from a position (or None); for an old-style
    pattern (matched on the text cut at the position), one that never says none."""
    if not isinstance(pattern, InlinePattern):
        return lambda data, start: True
    search = pattern.getCompiledRegExp().search
    needed = NEEDS.get(pattern.getCompiledRegExp().pattern)
    if needed is None:
        return search
    return lambda data, start: search(data, start) if data.find(needed, start) != -1 else None


class SkippingInline(InlineProcessor):
    """Python-Markdown's `InlineProcessor`, with a pattern whose regular expression finds nothing in the
    text (from where it would start) skipped before Python-Markdown's machinery is set going for it.

    Such a pattern changes nothing there (`__applyPattern` finds no match and hands back the text, no
    match, and the start 0), and that is what most patterns do on most text. The loop is
    `__handleInline`'s, which this class replaces (Python-Markdown's private name)."""

    def run(self, tree, ancestors=None):
        self._searches = [(pattern, _search(pattern)) for pattern in self.inlinePatterns]
        return super().run(tree, ancestors)

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:  # noqa: N802, N803
        if not isinstance(data, util.AtomicString):
            apply = self._InlineProcessor__applyPattern
            searches = self._searches
            startIndex = 0  # noqa: N806 (Python-Markdown's names)
            count = len(searches)
            while patternIndex < count:
                pattern, search = searches[patternIndex]
                if search(data, startIndex) is None:  # no match from there: what __applyPattern would find
                    patternIndex += 1
                    startIndex = 0  # noqa: N806
                    continue
                data, matched, startIndex = apply(pattern, data, patternIndex, startIndex)  # noqa: N806
                if not matched:
                    patternIndex += 1
        return data


_STOCK_HANDLE = getattr(InlineProcessor, "_InlineProcessor__handleInline", None)
_STOCK_BRACKETS = getattr(LinkInlineProcessor, "_findBracketEnds", None)


def speed_up(md) -> None:
    """Install both in `md`, where the piece they replace is Python-Markdown's own."""
    if _STOCK_BRACKETS is not None:
        for processor in md.inlinePatterns:
            if isinstance(processor, LinkInlineProcessor) and \
                    getattr(type(processor), "_findBracketEnds", None) is _STOCK_BRACKETS:
                processor._findBracketEnds = BracketEnds
    if _STOCK_HANDLE is not None and "inline" in md.treeprocessors and \
            type(md.treeprocessors["inline"]) is InlineProcessor:
        priority = md.treeprocessors._priority[md.treeprocessors.get_index_for_name("inline")].priority
        md.treeprocessors.register(SkippingInline(md), "inline", priority)
