"""Markdown sources: YAML front matter (metadata hints) and the body."""
from __future__ import annotations

import re

import yaml

from ..model import Document, Line
from .decode import decode

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def split_front_matter(text: str) -> tuple[dict, str]:
    """YAML front matter (a mapping, else empty) and the body after it.

    >>> split_front_matter("---\\ntitle: 标题\\n---\\n正文\\n")
    ({'title': '标题'}, '正文\\n')
    """
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    try:
        meta = yaml.safe_load(m[1])
    except yaml.YAMLError:
        return {}, text
    return (meta if isinstance(meta, dict) else {}), text[m.end():]


def read_markdown(doc: Document, data: bytes) -> Document:
    """A Markdown page, passed through: front matter becomes hints, the body is kept as written."""
    text = decode(data).replace("\r\n", "\n").replace("\r", "\n")
    meta, body = split_front_matter(text)
    doc.raw, doc.kind = body, "markdown"
    doc.hints = {str(k): v if isinstance(v, (list, str)) else str(v) for k, v in meta.items() if v not in (None, "")}
    doc.lines = [Line(number=i, text=line) for i, line in enumerate(body.split("\n"), start=1)]
    return doc
