"""Stage 1: find the sources under the input folder and decode them.

Readers are registered by file suffix, so a new input format is one function
and one entry in `READERS`.
"""
from __future__ import annotations

import codecs
from collections.abc import Callable, Iterator
from pathlib import Path

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


def decode(data: bytes) -> str:
    """Text of a source: byte order mark first, then UTF-8, then detection.

    GB2312 and GBK are widened to GB18030, their superset, since pages that
    claim the smaller set routinely use characters of the larger one.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        raise DecodeError("binary data (NUL bytes), not a text page")
    best = from_bytes(data).best()
    if best is None:
        raise DecodeError("no text encoding fits these bytes")
    encoding = best.encoding.lower().replace("_", "")
    if encoding in ("gb2312", "gbk", "cp936"):
        encoding = "gb18030"
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as err:
        raise DecodeError(f"detected {encoding} but decoding failed: {err}") from err


def read_text(doc: Document, data: bytes) -> Document:
    """A plain-text dump: one source line per `Line`."""
    doc.raw = decode(data).replace("\r\n", "\n").replace("\r", "\n")
    doc.lines = [Line(number=i, text=text) for i, text in enumerate(doc.raw.split("\n"), start=1)]
    return doc


#: Suffix → reader. Each reader fills `raw` and `lines` of the document.
READERS: dict[str, Callable[[Document, bytes], Document]] = {
    ".txt": read_text,
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
