"""The key a title is known by: script, width, quotes, dashes, an optional 年 and 中华人民共和国 folded away."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

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


def fold_map(text: str) -> tuple[str, list[int]]:
    """`text` folded for matching, and for each folded character the index of its source character.

    >>> fold_map("《知识产权强国建设纲要（2021—2035年）》")[0]
    '知识产权强国建设纲要(2021-2035)'
    """
    simple = to_simplified(text)
    if len(simple) != len(text):  # a phrase conversion changed the length: keep positions exact
        simple = text
    out: list[str] = []
    pos: list[int] = []
    for i, c in enumerate(simple):
        for f in _fold_char(c):
            out.append(f)
            pos.append(i)
    # An optional 年 after a year: (2021-2035年) ≡ (2021-2035)
    keep = [
        not (ch == "年" and k and out[k - 1].isdigit() and (k + 1 == len(out) or out[k + 1] in ")-,"))
        for k, ch in enumerate(out)
    ]
    if not all(keep):
        out = [c for c, k in zip(out, keep) if k]
        pos = [p for p, k in zip(pos, keep) if k]
    return "".join(out), pos


class _FoldTable(dict):
    """`str.translate` table of `_fold_char`, filled as characters are met (translate looks each up once per use)."""

    def __missing__(self, c: int) -> str:
        self[c] = folded = _fold_char(chr(c))
        return folded


_TABLE = _FoldTable()
# An optional 年 after a year: removed where fold_map removes it (after a digit, before ")", "-", "," or the end).
_YEAR = re.compile(r"(.)年(?=[)\-,]|\Z)", re.S)


def fold_text(text: str) -> str:
    """`fold_map(text)[0]` without the positions, at C speed: for texts only matched, never linked.

    >>> fold_text("《知识产权强国建设纲要（2021—2035年）》")
    '知识产权强国建设纲要(2021-2035)'
    """
    simple = to_simplified(text)
    if len(simple) != len(text):
        simple = text
    out = simple.translate(_TABLE)
    if "年" in out:
        out = _YEAR.sub(lambda m: m[1] if m[1].isdigit() else m[0], out)
    return out


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
