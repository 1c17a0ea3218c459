"""The text forms search works on: folded to one script, Han characters as single words.

Chinese has no spaces, and a dictionary segmenter cuts a page and a query differently
(申长雨 becomes 申/长远 in one and 申长/雨 in the other), so every Han character is a word
of its own and a Han query is a phrase of characters: exact substring semantics, the
same in the page and in the query. Traditional folds to Simplified with OpenCC's t2s
tables on both sides (the browser folds the query with opencc-js, the same tables).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...text import HAN

_BOUNDARY = re.compile(f"(?<=[{HAN}])(?=\\S)|(?<=\\S)(?=[{HAN}])")
#: Between blocks (title, metadata, paragraphs): a word no query can contain, so a phrase
#: never runs from one block into the next.
BLOCK = " ¶ "


@lru_cache(maxsize=1)
def _t2s():
    from opencc import OpenCC

    return OpenCC("t2s")


def fold(text: str) -> str:
    """Traditional → Simplified: what both the index and the query are compared in.

    >>> fold("知識產權保護")
    '知识产权保护'
    """
    return _t2s().convert(text)


def han_words(text: str) -> str:
    """Every Han character a word of its own, other words as they are, blocks kept apart.

    >>> han_words("申长雨在2020年说 OK\\n第二段")
    '申 长 雨 在 2020 年 说 OK ¶ 第 二 段'
    """
    return _BOUNDARY.sub(" ", text).replace("\n", BLOCK)
