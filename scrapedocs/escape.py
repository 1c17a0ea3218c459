"""Scraped text made inert for Markdown: it renders exactly as written, never as markup.

The one place every generated page (articles, indexes, cited documents) escapes text.
"""
from __future__ import annotations

import re

# Characters Markdown (with the extensions the site uses) treats as syntax anywhere in a line.
_INLINE = re.compile(r"([\\`*_\[\]{}|~^])")
# Syntax that only counts at the start of a line: headings, quotes, lists, rules, tables.
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)](?=\s|$)|:)")


def escape(text: str) -> str:
    """Markdown-escape scraped text so it renders as written.

    >>> escape("<b>*1. x*</b> & [y]")
    '&lt;b&gt;\\\\*1. x\\\\*&lt;/b&gt; &amp; \\\\[y\\\\]'
    """
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE.sub(r"\\\1", text)
    m = _LINE_START.match(text)
    if m:
        marker = m.group(2)
        escaped = marker[:-1] + "\\" + marker[-1] if marker[0].isdigit() else "\\" + marker
        text = m.group(1) + escaped + text[m.end():]
    # "&gt;" at line start is already inert; a leading "#" etc. is handled above.
    return text
