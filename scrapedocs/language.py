"""The language a text is written in: Chinese, Japanese, Korean or English, from its characters.

Restore needs it before it repairs anything (a Japanese page written with
記, 開, 予 is not Traditional Chinese, and its kana are not placeholders), and
extract writes it as `lang`. Japanese is told by its kana, Korean by its hangul;
Han characters alone are Chinese. Judged paragraph by paragraph, weighted by
size, so a Chinese article quoting a Japanese title or a few Japanese sentences
stays Chinese and a Japanese article with kanji-only names and headings stays
Japanese. Between the CJK languages and English the rule is the one the
project always had: Latin words against CJK characters, over the whole text.
"""
from __future__ import annotations

import re
from collections import Counter

from .text import HAN, at_least, han_count

#: Hiragana, katakana (not U+30FB ・, which Chinese writes between the parts of a foreign name),
#: the small katakana extension and half-width katakana.
KANA = "\u3040-\u309f\u30a0-\u30fa\u30fc-\u30ff\u31f0-\u31ff\uff66-\uff9f"
#: Hangul syllables, jamo and compatibility jamo.
HANGUL = "\uac00-\ud7af\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\ud7b0-\ud7ff"

_KANA = re.compile(f"[{KANA}]")
_HANGUL = re.compile(f"[{HANGUL}]")
_WORD = re.compile(r"[A-Za-z]+")

JAPANESE_SHARE = 0.2  # kana among a paragraph's Han and kana: Japanese prose has 30–70 %, Chinese none
KOREAN_SHARE = 0.5  # hangul among a paragraph's CJK characters
MIN_CHINESE = 12  # Han characters: a paragraph this long with (almost) no kana is Chinese; a shorter
                  # one (a name, a heading, 不動産) could be either and does not vote
#: Languages whose text gets none of the Chinese repairs and no 简/繁 conversion.
NOT_CHINESE = frozenset({"ja", "ko"})


def _paragraph(text: str) -> tuple[str, int] | None:
    """The CJK language of one paragraph and its weight (its CJK characters), or None when it says nothing."""
    han, kana, hangul = han_count(text), len(_KANA.findall(text)), len(_HANGUL.findall(text))
    cjk = han + kana + hangul
    if not cjk:
        return None
    if hangul >= KOREAN_SHARE * cjk:
        return "ko", cjk
    if kana and kana >= JAPANESE_SHARE * (han + kana):
        return "ja", cjk
    return ("zh", cjk) if han >= MIN_CHINESE else None


_KANA_OR_HANGUL = re.compile(f"[{KANA}{HANGUL}]")
_CJK = re.compile(f"[{HAN}{KANA}{HANGUL}]")


def has_kana_or_hangul(text: str) -> bool:
    """Whether any of `text` may be Japanese or Korean: one scan, before judging paragraph by paragraph."""
    return bool(_KANA_OR_HANGUL.search(text))


def language(text: str) -> str:
    """'zh', 'ja', 'ko' or 'en': the language most of `text` (one line or many) is written in.

    >>> language("国务院印发规划。"), language("記念式典を開催しました。"), language("기념식을 개최했습니다."), language("The State Council")
    ('zh', 'ja', 'ko', 'en')
    >>> language("日本动画《進撃の巨人》在中国也很受欢迎，相关周边产品销量持续增长。")
    'zh'
    """
    if not at_least(_CJK, text, len(_WORD.findall(text))):  # fewer CJK characters than Latin words
        return "en"
    if not has_kana_or_hangul(text):
        return "zh"  # the common case: one scan more, no per-paragraph work
    votes: Counter = Counter()
    for paragraph in text.split("\n"):
        found = _paragraph(paragraph)
        if found:
            votes[found[0]] += found[1]
    if not votes:  # short lines only (a headline): the kana or hangul they have decide
        found = _paragraph(text.replace("\n", ""))
        return found[0] if found and found[0] in NOT_CHINESE else "zh"
    best = max(votes.values())
    return next(lang for lang in ("zh", "ja", "ko") if votes[lang] == best)  # a tie stays Chinese
