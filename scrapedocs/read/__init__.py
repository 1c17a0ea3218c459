"""Stage 1: find the sources under the input folder, load their bytes safely, decode them.

Readers are registered by file suffix, so a new input format is one function
and one entry in `READERS`: text dumps (.txt), raw HTML pages (.html, .htm),
Markdown pages (.md, untrusted like the others: see `markdown`) and browsers'
single-file saves (.mhtml, .mht: see `mhtml`). `sources` decides which files
are sources (and why the others are not), `load_source` reads bytes without
ever leaving the input folder, `decode` turns bytes into text and says what
did not fit. A file in a mirrored site's tree knows its URL from its path
(`mirror`). Crawls and scrapes hold many sources in one file (`archives`:
WARC, WACZ, JSON lines); their records become documents like files do.
"""
from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

from ..model import Document, Line
from .decode import DecodeError, declared_charset, decode, explain_decode  # noqa: F401  (the readers' API)
from .markdown import read_markdown, split_front_matter  # noqa: F401
from .mhtml import mhtml_page
from .mirror import httrack_origin, mirror_origin
from .sources import (  # noqa: F401
    OUTSIDE,
    SIDECAR_SUFFIXES,
    SUFFIXES,
    Scan,
    Skipped,
    display_path,
    find_sources,
    inside,
    scan,
    sidecar_of,
)

#: Sources larger than this are reported, not read (`--max-size`).
MAX_SIZE = 20_000_000
#: A sidecar is a handful of fields.
MAX_SIDECAR = 1_000_000


def decoded_text(doc: Document, data: bytes) -> str:
    """`data` as text, line ends normalised; what did not fit becomes a warning on `doc`.

    The charset of the HTTP header that brought the page (a crawl's record) is used
    when the page declares none.
    """
    decoded = explain_decode(data, doc.origin.charset if doc.origin is not None else "")
    doc.warnings += decoded.warnings
    return decoded.text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(doc: Document, data: bytes) -> Document:
    """A plain-text dump: one source line per `Line`."""
    doc.raw = decoded_text(doc, data)
    doc.lines = [Line(number=i, text=text) for i, text in enumerate(doc.raw.split("\n"), start=1)]
    return doc


def read_html(doc: Document, data: bytes) -> Document:
    """A raw HTML page, decoded; the clean stage finds its article, the extract stage its metadata.

    A page saved by HTTrack says where it was mirrored from, and when.
    """
    if doc.origin is None or not doc.origin.container:
        doc.origin = httrack_origin(data, doc.origin)
    doc.raw = decoded_text(doc, data)
    doc.kind = "html"
    return doc


def read_md(doc: Document, data: bytes) -> Document:
    """A Markdown page: untrusted, it becomes blocks like any page (see `markdown`)."""
    return read_markdown(doc, decoded_text(doc, data))


def read_mhtml(doc: Document, data: bytes) -> Document:
    """A page saved by a browser as one file (.mhtml, .mht): its HTML part, read like an HTML page."""
    html, doc.origin = mhtml_page(data, doc.origin)
    return read_html(doc, html)


#: Suffix → reader. Each reader fills `raw` and `lines` of the document (and `kind`, `hints`).
READERS: dict[str, Callable[[Document, bytes], Document]] = {
    ".txt": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".md": read_md,
    ".mhtml": read_mhtml,
    ".mht": read_mhtml,
}


class Refused(OSError):
    """A file the build must not (or cannot) read; the message is the reason."""


def size_text(size: int) -> str:
    """A byte count for people.

    >>> size_text(20_000_001), size_text(1536), size_text(12)
    ('20.0 MB', '1.5 kB', '12 bytes')
    """
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{size / 1000:.1f} kB" if size >= 1000 else f"{size} bytes"


def open_inside(path: Path, root: Path):
    """`path` opened for reading, a regular file inside `root`; `Refused` with the reason otherwise.

    The real path is checked before opening, and the file is opened without
    following a last-moment link and without blocking on a pipe, so a link that
    leads outside the folder, a named pipe or a device is never read.
    """
    if os.path.islink(path) and not os.path.exists(path):
        raise Refused("a broken symbolic link (its target does not exist)")
    real = os.path.realpath(path)
    if not inside(real, os.path.realpath(root)):
        raise Refused(OUTSIDE)
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(real, flags)
    except OSError as err:
        raise Refused(f"cannot read: {err.strerror}") from err
    f = os.fdopen(fd, "rb")
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        f.close()
        raise Refused("not a regular file (not read)")
    return f


def too_large(size: int | None, max_size: int) -> str:
    """The reason for a source over the limit (`size` None: not known, only that it is over).

    >>> too_large(20_000_001, 20_000_000)
    'too large: 20,000,001 bytes, over the 20,000,000 bytes limit'
    """
    if size is None:
        return f"too large: over the {size_text(max_size)} limit"
    size_, limit = size_text(size), size_text(max_size)
    if size_ == limit:
        size_, limit = f"{size:,} bytes", f"{max_size:,} bytes"
    return f"too large: {size_}, over the {limit} limit"


def read_inside(path: Path, root: Path, max_size: int) -> bytes:
    """The bytes of `path`, a regular file inside `root`, at most `max_size`; `Refused` otherwise."""
    with open_inside(path, root) as f:
        size = os.fstat(f.fileno()).st_size
        if size > max_size:
            raise Refused(too_large(size, max_size))
        data = f.read(max_size + 1)
    if len(data) > max_size:
        raise Refused(too_large(None, max_size))
    return data


def load_source(path: Path, root: Path, max_size: int = MAX_SIZE) -> Document:
    """A `Document` holding the bytes of `path` and of its sidecar; on failure its `error` says why.

    Only this touches the file system: every later stage is a function of the
    document, so it can run in another process or on another machine.
    """
    doc = Document(path=path, relpath=display_path(path, root))
    doc.origin = mirror_origin(doc.relpath, root)
    try:
        doc.data = read_inside(path, root, max_size)
    except Refused as err:
        doc.error = str(err) + (" (--max-size)" if str(err).startswith("too large") else "")
        return doc
    sidecar = sidecar_of(path)
    if sidecar is not None:
        name = display_path(sidecar, root)
        try:
            doc.sidecar = (name, read_inside(sidecar, root, min(max_size, MAX_SIDECAR)))
        except Refused as err:
            doc.sidecar = (name, b"")
            doc.warnings.append(f"sidecar {name} ignored: {err}")
    return doc


def decode_source(doc: Document) -> Document:
    """The `read` stage: the source's bytes decoded by the reader of its suffix (a record's: of its media type)."""
    data, doc.data = doc.data, b""
    suffix = doc.origin.reader if doc.origin is not None and doc.origin.reader else doc.path.suffix.lower()
    try:
        return READERS[suffix](doc, data)
    except DecodeError as err:
        doc.error = str(err)
        return doc


def read(path: Path, root: Path, max_size: int = MAX_SIZE) -> Document:
    """Load and decode one source (a convenience for tools and tests)."""
    doc = load_source(path, root, max_size)
    return doc if doc.error else decode_source(doc)
