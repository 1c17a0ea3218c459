"""Script: Traditional characters to Simplified, decided per document."""
from __future__ import annotations

import numpy as np
from opencc import OpenCC

_T2S = OpenCC("t2s")
_S2T = OpenCC("s2t")


def to_simplified(text: str) -> str:
    """Traditional → Simplified with OpenCC's t2s tables.

    >>> to_simplified("知識產權")
    '知识产权'
    """
    return _T2S.convert(text)


def detect_script(text: str) -> str:
    """'hant' when the text is written in Traditional characters, else 'hans'.

    Decided per document: count the characters t2s would change against
    those s2t would change.
    """
    to_s = _differences(text, _T2S.convert(text))
    return "hant" if to_s > _s2t_differences(text, to_s) else "hans"


CHUNK = 200  # characters s2t converts at a time, up to the next line break (a page is told from its first lines)


def _s2t_differences(text: str, enough: int) -> int:
    """`_differences(text, s2t(text))`, or a count of at least `enough` as soon as one is reached.

    s2t is the slow table (6× t2s), and a Simplified page is told from its first lines. No phrase
    of OpenCC's tables holds a line break, so text converts alike whole or part by part, and the
    differences of leading parts that keep their length are differences of the whole text.

    >>> _s2t_differences("知识产权\\n保护", 100)
    4
    """
    counted = start = 0
    while start < len(text) and counted < enough:
        end = text.find("\n", start + CHUNK)
        end = len(text) if end < 0 else end + 1
        part = text[start:end]
        converted = _S2T.convert(part)
        if len(converted) != len(part):  # the positions after it shift: count the whole text
            return _differences(text, _S2T.convert(text))
        counted += _differences(part, converted)
        start = end
    return counted


def _differences(a: str, b: str) -> int:
    """How many positions of the common length hold different characters (numpy: a document at once).

    >>> _differences("知識產權", "知识产权")
    3
    """
    n = min(len(a), len(b))
    x = np.frombuffer(a[:n].encode("utf-32-le", "surrogatepass"), dtype="<u4")
    y = np.frombuffer(b[:n].encode("utf-32-le", "surrogatepass"), dtype="<u4")
    return int(np.count_nonzero(x != y))


fix_script = to_simplified
