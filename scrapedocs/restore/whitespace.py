"""White space that only laid the text out on the page."""
from __future__ import annotations

import re

from .lines import per_line

_INDENT = re.compile(r"^[\s\u3000\u00a0]+")
_SPACES = re.compile(r"[ \u00a0\u2002-\u200a\u202f\u205f]{2,}|\u00a0")


@per_line
def fix_whitespace(text: str) -> str:
    """Indents, NBSP and runs of spaces that only laid the text out on the page.

    >>> fix_whitespace("\\u3000\\u3000正文\\u00a0内容  结束 ")
    '正文 内容 结束'
    """
    return _SPACES.sub(" ", _INDENT.sub("", text)).rstrip()
