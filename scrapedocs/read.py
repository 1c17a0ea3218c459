"""Stage 1: find the sources under the input folder and decode them.

Readers are registered by file suffix, so a new input format is one function
and one entry in `READERS`: text dumps (.txt), raw HTML pages (.html, .htm)
and Markdown pages (.md, passed through with their front matter).
"""
from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import yaml
from charset_normalizer import from_bytes

from .model import Document, Line

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class DecodeError(ValueError):
    """The bytes of a source could not be turned into text."""


_DECLARED = [
    re.compile(rb"<\?xml[^>]{0,200}?encoding\s*=\s*[\"']?\s*([\w.:-]+)", re.I),
    re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I),
]
#: Declared names whose real repertoire is larger: decode with the superset.
_WIDER = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
          "hz-gb-2312": "gb18030", "euc-cn": "gb18030", "big5": "big5hkscs", "cp950": "big5hkscs",
          "x-big5": "big5hkscs", "iso-8859-1": "cp1252", "latin1": "cp1252", "ascii": "cp1252",
          "us-ascii": "cp1252"}


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares (XML declaration, meta charset or http-equiv), widened.

    >>> declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=GB2312">')
    'gb18030'
    """
    head = data[:4096]
    for pattern in _DECLARED:
        m = pattern.search(head)
        if m:
            name = m[1].decode("ascii", "replace").lower().strip()
            try:
                codecs.lookup(_WIDER.get(name, name))
            except LookupError:
                continue
            return _WIDER.get(name, name)
    return None


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode(data: bytes) -> str:
    """Text of a source: byte order mark, then the declared charset, then UTF-8, then detection.

    GB2312 and GBK are widened to GB18030 and Big5 to Big5-HKSCS, their
    supersets, since pages that claim the smaller set routinely use characters
    of the larger one. Bytes that are valid UTF-8 beyond ASCII win over a
    declared legacy charset: a browser's "save page" re-encodes to UTF-8 but
    keeps the old meta tag, and GB or Big5 text is practically never valid UTF-8.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding)
    declared = declared_charset(data)
    if declared and not (declared != "utf-8" and not data.isascii() and _is_utf8(data)):
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass  # a wrong declaration: fall through to detection
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        raise DecodeError("binary data (NUL bytes), not a text page")
    best = from_bytes(data).best()
    if best is None:
        raise DecodeError("no text encoding fits these bytes")
    encoding = codecs.lookup(best.encoding).name
    encoding = _WIDER.get(encoding, encoding)
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as err:
        raise DecodeError(f"detected {encoding} but decoding failed: {err}") from err


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a byte order mark: NUL bytes on one side of (nearly) every ASCII character."""
    sample = data[:4096 - 4096 % 2]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if max(even, odd) < len(sample) // 32 or min(even, odd) > len(sample) // 64:
        return None
    zeros, others = (sample[0::2], sample[1::2]) if even > odd else (sample[1::2], sample[0::2])
    beside_nul = [b for z, b in zip(zeros, others) if z == 0]
    if sum(9 <= b < 127 for b in beside_nul) < 0.9 * len(beside_nul):
        return None  # NULs beside non-ASCII bytes: binary, not UTF-16 text
    try:
        return data.decode("utf-16-be" if even > odd else "utf-16-le")
    except UnicodeDecodeError:
        return None


def read_text(doc: Document, data: bytes) -> Document:
    """A plain-text dump: one source line per `Line`."""
    doc.raw = decode(data).replace("\r\n", "\n").replace("\r", "\n")
    doc.lines = [Line(number=i, text=text) for i, text in enumerate(doc.raw.split("\n"), start=1)]
    return doc


def read_html(doc: Document, data: bytes) -> Document:
    """A raw HTML page: the article's blocks as lines, the page's metadata as hints."""
    from .webpage import extract_article  # bs4 and lxml load only when there is HTML to read

    doc.raw = decode(data)
    lines, doc.hints = extract_article(doc.raw)
    doc.kind = "html"
    doc.lines = [Line(number=i, text=text) for i, text in enumerate(lines, start=1)]
    return doc


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


#: Suffix → reader. Each reader fills `raw` and `lines` of the document (and `kind`, `hints`).
READERS: dict[str, Callable[[Document, bytes], Document]] = {
    ".txt": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".md": read_markdown,
}


def find_sources(root: Path) -> Iterator[Path]:
    """Every readable source under `root`, sub-folders included, in a stable order."""
    for path in sorted(root.rglob("*"), key=lambda p: p.relative_to(root).as_posix()):
        if path.is_file() and path.suffix.lower() in READERS and not path.name.startswith("."):
            yield path


def read(path: Path, root: Path) -> Document:
    """A `Document` for `path`; on failure its `error` says why."""
    doc = Document(path=path, relpath=path.relative_to(root).as_posix())
    try:
        return READERS[path.suffix.lower()](doc, path.read_bytes())
    except (OSError, DecodeError) as err:
        doc.error = f"cannot read: {err}"
        return doc
