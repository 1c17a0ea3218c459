"""Encoding debris: mojibake, HTML entities and zero-width characters left by encoding steps."""
from __future__ import annotations

import html
import re

import ftfy

from ..text import HAN, at_least
from .lines import per_line

_HAN_RE = re.compile(f"[{HAN}]")

_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_ENTITY = re.compile(r"&(?:#\d{2,7}|#x[0-9a-fA-F]{2,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")


_LATIN1_HIGH = re.compile("[\u00a1-\u00ff]")
_GBK_AS_LATIN1_MIN = 4  # Latin-1 letters in a line that may be GBK read as Latin-1


def _gbk_read_as_latin1(text: str) -> str:
    """GBK bytes decoded as Latin-1 ('ÖªÊ¶²úÈ¨'), a case ftfy leaves alone."""
    high = len(_LATIN1_HIGH.findall(text))
    if high < _GBK_AS_LATIN1_MIN or _HAN_RE.search(text):
        return text
    try:
        decoded = text.encode("latin-1").decode("gb18030")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text
    return decoded if len(_HAN_RE.findall(decoded)) * 4 >= high else text


@per_line
def fix_encoding_debris(text: str) -> str:
    """Mojibake, HTML entities and zero-width characters left by encoding steps.

    ftfy runs with `fix_character_width=False, uncurl_quotes=False`, so Chinese
    full-width punctuation and curly quotes survive; it only runs on lines
    `ftfy.badness.is_bad` flags, so clean lines cost one regex scan.

    >>> fix_encoding_debris("知识产权&nbsp;保护\\u200b：â€œ")
    '知识产权\\xa0保护：“'
    >>> fix_encoding_debris("ÖªÊ¶²úÈ¨")
    '知识产权'
    """
    text = _gbk_read_as_latin1(_ZERO_WIDTH.sub("", text))
    if _ENTITY.search(text):
        text = html.unescape(text)
    if ftfy.badness.is_bad(text):
        text = ftfy.fix_text(
            text, fix_character_width=False, uncurl_quotes=False, fix_line_breaks=False,
            unescape_html=False, normalization="NFC",
        )
    return text


_BAD_ANY_LINE = re.compile(ftfy.badness.BADNESS_RE.pattern, ftfy.badness.BADNESS_RE.flags | re.MULTILINE)


def _anchors(pattern: re.Pattern) -> tuple[re.Pattern, int] | None:
    """Characters one of which every match of `pattern` holds, as a class, and the longest match.

    Each branch of ftfy's pattern has a character class (or a character) outside ASCII that it
    must match: found by parsing it, so a later ftfy is checked again. None when a branch has none
    (then the whole text is searched).

    >>> _anchors(re.compile("[a-z]é|ß[0-9]"))[0].pattern, _anchors(re.compile("[a-z]é|ß[0-9]"))[1]
    ('[ßé]', 2)
    >>> _anchors(re.compile("[a-z]é|x"))
    """
    from re import _constants as c, _parser

    if pattern.flags & re.IGNORECASE:  # a non-ASCII character may match an ASCII one (K, ſ)
        return None
    parsed = _parser.parse(pattern.pattern, pattern.flags)
    items = list(parsed)
    branches = items[0][1][1] if len(items) == 1 and items[0][0] is c.BRANCH else [parsed]
    chars: set[int] = set()
    for branch in branches:
        found = False
        for op, av in branch:
            codes: set[int] = set()
            if op is c.LITERAL:
                codes = {av}
            elif op is c.IN and all(o in (c.LITERAL, c.RANGE) for o, _ in av):
                for o, a in av:
                    codes |= {a} if o is c.LITERAL else set(range(a[0], a[1] + 1))
            if codes and min(codes) >= 0x80:  # a character the branch must match, never ASCII
                chars |= codes
                found = True
        if not found:
            return None
    longest = parsed.getwidth()[1]
    if longest >= c.MAXREPEAT:
        return None
    return re.compile("[" + "".join(re.escape(chr(x)) for x in sorted(chars)) + "]"), longest


_BAD_ANCHORS = _anchors(_BAD_ANY_LINE)


def _bad_somewhere(text: str) -> bool:
    """`_BAD_ANY_LINE.search(text)`, searched only around the characters a match must hold.

    A match holding the character at `i` lies within `longest` characters of it, so the windows
    around them (merged where they overlap) hold every match; searched with `pos` and `endpos`,
    `^` still means a line start. Chinese text holds few of them (“ ” ×).

    >>> _bad_somewhere("知识产权“保护”"), _bad_somewhere("知识产权 Ã© 保护")
    (False, True)
    """
    if _BAD_ANCHORS is None:
        return bool(_BAD_ANY_LINE.search(text))
    anchors, longest = _BAD_ANCHORS
    start = end = -1  # the window not searched yet
    for m in anchors.finditer(text):
        i = m.start()
        if i - longest + 1 > end:  # apart from the window: search it, open the next
            if end > start and _BAD_ANY_LINE.search(text, start, end):
                return True
            start = max(0, i - longest + 1)
        end = min(len(text), i + longest)
    return end > start and bool(_BAD_ANY_LINE.search(text, start, end))


def has_encoding_debris(lines: list[str]) -> bool:
    """Whether `fix_encoding_debris` could change any of `lines`: one scan of them all, not one per line.

    Each of its triggers is searched in the joined text (ftfy's `^` at every line
    start), so a line it would change always shows here.

    >>> has_encoding_debris(["知识产权", "保护"]), has_encoding_debris(["知识产权&nbsp;保护"])
    (False, True)
    """
    text = "\n".join(lines)
    return bool(_ZERO_WIDTH.search(text) or _ENTITY.search(text)
                or at_least(_LATIN1_HIGH, text, _GBK_AS_LATIN1_MIN)
                or _bad_somewhere(text))  # ftfy's long pattern last: the slowest scan
