"""Punctuation flattened to ASCII by an NFKC pass, back to its full-width forms in Chinese sentences."""
from __future__ import annotations

import re

from ..text import CJK_PUNCT, HAN, at_least
from .lines import per_line

_HAN_RE = re.compile(f"[{HAN}]")
_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}
_URL_CHAR = rf"[^\s{HAN}{CJK_PUNCT}]"
#: Spans whose ASCII marks are not punctuation: URLs (up to the first white space or Chinese,
#: trailing sentence marks excluded), e-mail addresses and `inline code`.
_PROTECTED = re.compile(
    rf"(?:(?:https?|ftp)://|www\.){_URL_CHAR}*[^\s{HAN}{CJK_PUNCT}.,;:!?'\"]"
    r"|(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+|`[^`\n]*`"
)
_CHINESE_LEFT = re.compile(rf"[{HAN}{CJK_PUNCT}]")
_PAREN_PAIR = re.compile(r"\(([^()]*)\)")
_LATIN_WORD = re.compile("[A-Za-z]+")
_ASCII_MARKS = re.compile(r"[,;:!?()]")
_NEXT_VISIBLE = re.compile(r"\s*(\S)")


def _is_chinese(ch: str) -> bool:
    return bool(ch) and bool(_CHINESE_LEFT.match(ch))


def _punct_in_chinese(text: str, i: int, chinese_line: bool) -> bool:
    """Whether the ASCII mark at `i` punctuates Chinese text rather than a number or English."""
    left = text[i - 1] if i > 0 else ""
    right = text[i + 1] if i + 1 < len(text) else ""
    if left.isdigit() and right.isdigit():
        return False  # 1,105  10:30  2:1
    if _is_chinese(left):
        return True
    visible = _NEXT_VISIBLE.match(text, i + 1)
    if visible and _is_chinese(visible[1]) and not left.isalpha():
        return True  # 19.2%,知识产权
    # In a Chinese sentence, a mark after a Latin word is Chinese too (Python,Java等),
    # unless it is set off English-style by a following space (Hello, world).
    return chinese_line and left.isalnum() and bool(right) and not right.isspace()


def _convert_pairs(text: str) -> str:
    """( ) → （ ） for matched pairs whose outside, or whose content, is Chinese."""
    if "(" not in text:  # most lines: nothing to pair
        return text
    while True:
        chars, changed = list(text), False
        for m in _PAREN_PAIR.finditer(text):
            before = text[m.start() - 1] if m.start() > 0 else ""
            after = text[m.end()] if m.end() < len(text) else ""
            opening_line = m.start() == 0 and _is_chinese(after)
            # (完), TISC(技术与创新支持中心): Chinese inside, not set off English-style by a space.
            chinese_inside = len(_HAN_RE.findall(m[1])) * 2 >= len(m[1].replace(" ", "")) > 0 and before != " "
            if _is_chinese(before) or _is_chinese(after) and not before.isalnum() or opening_line or chinese_inside:
                chars[m.start()], chars[m.end() - 1], changed = "（", "）", True
        text = "".join(chars)
        if not changed:  # inner pairs first; an outer pair is matched once they are converted
            return text


_MASK = "\uffff"  # a noncharacter: stands for one protected span while marks are judged
_SPACES_AFTER_MARK = " \u00a0"


_MARK = re.compile("[" + re.escape("".join(_FULL_WIDTH)) + "]")
_SPACE_RUN = re.compile(f"[{_SPACES_AFTER_MARK}]*")


def _fix_marks(text: str, chinese_line: bool) -> str:
    """Each mark of `_FULL_WIDTH` judged where it stands (only the marks are visited, not every character)."""
    out, pos = [], 0
    for m in _MARK.finditer(text):
        i = m.start()
        if i >= pos and _punct_in_chinese(text, i, chinese_line):
            out += [text[pos:i], _FULL_WIDTH[text[i]]]
            pos = _SPACE_RUN.match(text, i + 1).end()  # a full-width mark carries its own spacing: 来源: 中新社
    out.append(text[pos:])
    return _convert_pairs("".join(out))


def _may_protect(text: str) -> bool:
    """Whether `_PROTECTED` can match: every span it protects holds one of these (a quicker scan)."""
    return "://" in text or "www." in text or "@" in text or "`" in text


def _chinese_line(text: str) -> bool:
    """As many Han characters as Latin words, or more: counted only as far as needed.

    >>> _chinese_line("用Python和Java"), _chinese_line("Hello world 你")
    (True, False)
    """
    return at_least(_HAN_RE, text, len(_LATIN_WORD.findall(text)))


@per_line
def fix_punctuation(text: str) -> str:
    """ASCII , ; : ! ? ( ) in Chinese sentences back to their full-width forms.

    An upstream NFKC pass flattened them. Numbers (1,105; 10:30), URLs,
    e-mail addresses, code and English sentences keep ASCII punctuation.
    Spaces after a mark made full-width go: the mark carries its own spacing.

    >>> fix_punctuation("印发《规划》,强调(十三)合作:https://a.cn/x,y")
    '印发《规划》，强调（十三）合作：https://a.cn/x,y'
    >>> fix_punctuation("China News Service, Beijing (2021-2035).")
    'China News Service, Beijing (2021-2035).'
    """
    if not _ASCII_MARKS.search(text) or not _HAN_RE.search(text) or _MASK in text:
        return text
    spans = [m[0] for m in _PROTECTED.finditer(text)] if _may_protect(text) else []
    masked = _PROTECTED.sub(_MASK, text) if spans else text
    fixed = _fix_marks(masked, _chinese_line(masked))
    if spans:
        parts = fixed.split(_MASK)
        fixed = "".join(part + span for part, span in zip(parts, spans)) + parts[-1]
    return fixed
