"""The key a title is known by: script, width, quotes, dashes, an optional 年 and 中华人民共和国 folded away."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

import numpy as np

from ..restore import to_simplified

QUOTES = set("“”‘’\"'「」『』〝〞＂＇`")
DASHES = set("—–－‐‑‒―~～〜")
OPEN, CLOSE = "《〈", "》〉"
PREFIX = "中华人民共和国"


@lru_cache(maxsize=65536)
def _fold_char(c: str) -> str:
    if c in QUOTES or c in OPEN or c in CLOSE or c.isspace() or c == "\u200b":
        return ""
    if c in DASHES:
        return "-"
    return unicodedata.normalize("NFKC", c).lower()


class _FoldTable(dict):
    """`str.translate` table of `_fold_char`, filled as characters are met (translate looks each up once per use)."""

    def __missing__(self, c: int) -> str:
        self[c] = folded = _fold_char(chr(c))
        return folded


class _LengthTable(dict):
    """`str.translate` table: each character → the character whose code is the length of its fold.

    Notes the characters whose fold holds 年 (`_YEARISH`) as it meets them: after a translate
    through it, a text's folded form can hold 年 only if the text holds one of those."""

    def __missing__(self, c: int) -> str:
        folded = _fold_char(chr(c))
        if "年" in folded:
            _YEARISH.add(chr(c))
        self[c] = length = chr(len(folded))
        return length


_YEARISH: set[str] = set()


_TABLE, _LENGTHS = _FoldTable(), _LengthTable()
# An optional 年 after a year: (2021-2035年) ≡ (2021-2035). Removed after a digit, before ")", "-", "," or the end.
_YEAR = re.compile(r"(?<=(.))年(?=[)\-,]|\Z)", re.DOTALL)


def _simple(text: str) -> str:
    simple = to_simplified(text)
    return text if len(simple) != len(text) else simple  # a phrase conversion changed the length: keep positions


def fold_text(text: str) -> str:
    """`text` folded for matching (`fold_map` without the positions).

    >>> fold_text("《知识产权强国建设纲要（2021—2035年）》")
    '知识产权强国建设纲要(2021-2035)'
    """
    out = _simple(text).translate(_TABLE)
    if "年" in out:
        drop = _years(out)
        if drop:
            out = _without(out, drop)
    return out


def _years(folded: str) -> list[int]:
    """Where an optional 年 stands after a year, in order."""
    return [m.start() for m in _YEAR.finditer(folded) if m[1].isdigit()]


def _without(text: str, drop: list[int]) -> str:
    """`text` without the characters at the positions `drop` (in order): slices, not a loop over every character.

    >>> _without("2021年-2035年", [4, 10])
    '2021-2035'
    """
    parts, start = [], 0
    for i in drop:
        parts.append(text[start:i])
        start = i + 1
    parts.append(text[start:])
    return "".join(parts)


def fold_map(text: str) -> tuple[str, list[int]]:
    """`text` folded for matching, and for each folded character the index of its source character.

    Folding is per character (script first, on the whole text), so the positions come from each
    character's folded length: a table look-up and a numpy repeat, no loop in Python.

    >>> fold_map("《知识产权强国建设纲要（2021—2035年）》")[0]
    '知识产权强国建设纲要(2021-2035)'
    >>> fold_map("“专利 法”")
    ('专利法', [1, 2, 4])
    """
    simple = _simple(text)
    out = simple.translate(_TABLE)
    lengths = np.frombuffer(simple.translate(_LENGTHS).encode("latin-1"), dtype=np.uint8)
    pos = np.repeat(np.arange(len(simple)), lengths)
    if "年" in out:
        drop = _years(out)
        if drop:
            out, pos = _without(out, drop), np.delete(pos, drop)
    return out, pos.tolist()


def fold_positions(text: str, folded_length: int | None = None) -> np.ndarray:
    """`fold_map(text)[1]` as an array, without the folded text: the link stage needs only where a
    folded match starts and ends in `text`, for the few paragraphs where a title matches.

    `folded_length`: the length of `fold_text(text)` when the caller has it (the `citations` stage's
    facts). The folded text is the translated one less the 年 dropped after a year, so when the
    lengths agree nothing was dropped and the text is not searched for years (most paragraphs
    that name a document hold a 年 somewhere: that search was a third of the time).

    >>> fold_positions("“专利 法”").tolist()
    [1, 2, 4]
    >>> fold_positions("（2035年）", folded_length=6).tolist()
    [0, 1, 2, 3, 4, 6]
    """
    simple = _simple(text)
    lengths = np.frombuffer(simple.translate(_LENGTHS).encode("latin-1"), dtype=np.uint8)
    pos = np.repeat(np.arange(len(simple)), lengths)
    if len(pos) == folded_length:  # nothing dropped
        return pos
    if any(c in simple for c in _YEARISH):  # else no 年 in the folded text: nothing to drop
        drop = _years(simple.translate(_TABLE))
        if drop:
            pos = np.delete(pos, drop)
    return pos


def fold(title: str) -> str:
    """The key a title is known by: folded, without a leading 中华人民共和国.

    >>> fold("《中华人民共和国專利法》") == fold("专利法")
    True
    >>> fold("“十四五”国家知识产权保护和运用规划") == fold("《\\"十四五\\"国家知识产权保护和运用规划》")
    True
    """
    key = fold_text(title)
    return key[len(PREFIX):] if key.startswith(PREFIX) and len(key) > len(PREFIX) else key


def key_slug(key: str) -> str:
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
