"""Stage 1: find the sources under the input folder and decode them.

Readers are registered by file suffix, so a new input format is one function
and one entry in `READERS`: text dumps (.txt), raw HTML pages (.html, .htm)
and Markdown pages (.md, front matter as hints). `sources` decides which files
are sources, `decode` turns bytes into text.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..model import Document, Line
from .decode import DecodeError, declared_charset, decode  # noqa: F401  (the readers' API)
from .markdown import read_markdown, split_front_matter  # noqa: F401
from .sources import SUFFIXES, find_sources  # noqa: F401


def read_text(doc: Document, data: bytes) -> Document:
    """A plain-text dump: one source line per `Line`."""
    doc.raw = decode(data).replace("\r\n", "\n").replace("\r", "\n")
    doc.lines = [Line(number=i, text=text) for i, text in enumerate(doc.raw.split("\n"), start=1)]
    return doc


def read_html(doc: Document, data: bytes) -> Document:
    """A raw HTML page, decoded; the clean stage finds its article, the extract stage its metadata."""
    doc.raw = decode(data)
    doc.kind = "html"
    return doc


#: Suffix → reader. Each reader fills `raw` and `lines` of the document (and `kind`, `hints`).
READERS: dict[str, Callable[[Document, bytes], Document]] = {
    ".txt": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".md": read_markdown,
}


SIDECAR_SUFFIXES = (".yml", ".yaml")


def load_source(path: Path, root: Path) -> Document:
    """A `Document` holding the bytes of `path` and of its sidecar; on failure its `error` says why.

    Only this touches the file system: every later stage is a function of the
    document, so it can run in another process or on another machine.
    """
    doc = Document(path=path, relpath=path.relative_to(root).as_posix())
    try:
        doc.data = path.read_bytes()
    except OSError as err:
        doc.error = f"cannot read: {err}"
        return doc
    for suffix in SIDECAR_SUFFIXES:
        sidecar = path.with_suffix(suffix)
        if sidecar.is_file():
            try:
                doc.sidecar = (sidecar.name, sidecar.read_bytes())
            except OSError as err:
                doc.warnings.append(f"sidecar {sidecar.name} ignored: {err}")
            break
    return doc


def decode_source(doc: Document) -> Document:
    """The `read` stage: the source's bytes decoded by the reader of its suffix."""
    data, doc.data = doc.data, b""
    try:
        return READERS[doc.path.suffix.lower()](doc, data)
    except DecodeError as err:
        doc.error = f"cannot read: {err}"
        return doc


def read(path: Path, root: Path) -> Document:
    """Load and decode one source (a convenience for tools and tests)."""
    doc = load_source(path, root)
    return doc if doc.error else decode_source(doc)
