"""Pinyin annotations: 產(chǎn)權(quán) → 產權."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pypinyin import Style, pinyin
from pypinyin.phonetic_symbol import phonetic_symbol

from ..text import HAN
from .lines import per_line


#: Letters of Hanyu Pinyin with tone marks, from pypinyin's own table: every code point of
#: its keys, so ê and the combining marks of ê̄ / m̄ count too (the table holds both forms).
TONE_LETTERS = "".join(sorted({ch for key in phonetic_symbol for ch in key if not ch.isascii()}))
_PINYIN = re.compile(rf"([{HAN}])[(（]([a-z{TONE_LETTERS}\u0300-\u036f]{{1,8}})[)）]")  # combining marks: decomposed tones


@lru_cache(maxsize=65536)
def readings(char: str) -> frozenset[str]:
    """Every reading pypinyin knows for `char`, tone marks included (heteronyms too)."""
    return frozenset(unicodedata.normalize("NFC", r) for r in pinyin(char, style=Style.TONE, heteronym=True)[0])


def _toneless(syllable: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", syllable) if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def toneless_readings(char: str) -> frozenset[str]:
    return frozenset(_toneless(r) for r in readings(char))


@per_line
def strip_pinyin(text: str) -> str:
    """Drop a syllable in parentheses after a Han character when it is that character's reading.

    Some sites annotate Traditional characters with their pinyin; the result
    reads 產(chǎn)權(quán). Real parentheses stay: the syllable must be a reading
    pypinyin lists for the character before it. A syllable with a tone mark may
    differ in its tone only: the annotation followed the Simplified form, whose
    reading a Traditional variant may not share tone for tone (髮(fā) for 发, read fà).

    >>> strip_pinyin("知識產(chǎn)權(quán)"), strip_pinyin("產(quán)"), strip_pinyin("中心(TISC)"), strip_pinyin("髮(fā)展")
    ('知識產權', '產(quán)', '中心(TISC)', '髮展')
    """
    if "(" not in text and "（" not in text:
        return text

    def keep_char(m: re.Match) -> str:
        syllable = unicodedata.normalize("NFC", m[2])
        if syllable in readings(m[1]):
            return m[1]
        if not syllable.isascii() and _toneless(syllable) in toneless_readings(m[1]):
            return m[1]
        return m[0]

    return _PINYIN.sub(keep_char, text)
