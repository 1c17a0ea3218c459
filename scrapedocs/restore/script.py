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
    if not to_s:  # nothing Traditional: no need for s2t, the slower table (most pages)
        return "hans"
    to_t = _differences(text, _S2T.convert(text))
    return "hant" if to_s > to_t else "hans"


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
