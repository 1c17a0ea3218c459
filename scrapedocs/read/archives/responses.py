"""What an HTTP response in a crawl is: a page, or which kind of other thing, and its body decoded.

A crawl stores responses as they came over the wire: a status line, headers,
and a body that may be chunked (`Transfer-Encoding`) and compressed
(`Content-Encoding`: gzip, deflate, br). `body` undoes both, never producing
more than the limit it is given, so a small compressed body that inflates to
gigabytes (a decompression bomb) costs nothing but its report line.
"""
from __future__ import annotations

import re
import zlib

#: Media types whose bytes a reader turns into a document, and the reader (by suffix).
READERS = {
    "text/html": ".html", "application/xhtml+xml": ".html", "text/plain": ".txt",
    "text/markdown": ".md", "text/x-markdown": ".md",
}
#: Kinds of the other payloads, for the report: (media type prefix, kind).
KINDS = (
    ("image/", "image"), ("application/pdf", "PDF"), ("text/css", "style"), ("text/javascript", "script"),
    ("application/javascript", "script"), ("application/x-javascript", "script"), ("application/ecmascript", "script"),
    ("font/", "font"), ("application/font", "font"), ("application/x-font", "font"), ("video/", "video"),
    ("audio/", "audio"),
)
_SNIFF_HTML = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)


class BodyError(ValueError):
    """A body that cannot be decoded; the message is the reason."""


class TooLarge(BodyError):
    """A body over the limit (once decoded)."""


def media_type(content_type: str | None) -> str:
    """The media type of a Content-Type header, lower case.

    >>> media_type("Text/HTML; charset=GBK")
    'text/html'
    """
    return (content_type or "").split(";", 1)[0].strip().lower()


def charset(content_type: str | None) -> str:
    """The charset parameter of a Content-Type header ("" when none).

    >>> charset('text/html; charset="gb2312"')
    'gb2312'
    """
    m = re.search(r";\s*charset\s*=\s*[\"']?([\w.:-]+)", content_type or "", re.I)
    return m[1].lower() if m else ""


def reader_for(content_type: str | None, head: bytes = b"") -> str:
    """The reader suffix for a payload (".html", ".txt", ".md"), or "" when it is not a page.

    Without a Content-Type, a body that starts like HTML is read as HTML.

    >>> reader_for("text/html; charset=utf-8"), reader_for("image/png"), reader_for(None, b"<!DOCTYPE html><p>")
    ('.html', '', '.html')
    """
    media = media_type(content_type)
    if media in READERS:
        return READERS[media]
    if not media or media in ("application/octet-stream", "unknown/unknown"):
        return ".html" if _SNIFF_HTML.match(head[:2048]) else ""
    return ""


def kind_of(content_type: str | None) -> str:
    """The report's kind for a payload that is not a page.

    >>> kind_of("image/png"), kind_of("application/javascript"), kind_of("application/json")
    ('image', 'script', 'other media')
    """
    media = media_type(content_type)
    return next((kind for prefix, kind in KINDS if media.startswith(prefix)), "other media")


def dechunk(data: bytes, limit: int) -> bytes:
    """A chunked body (`Transfer-Encoding: chunked`) joined; BodyError when the chunks do not add up.

    >>> dechunk(b"5\\r\\nhello\\r\\n6;x=1\\r\\n world\\r\\n0\\r\\n\\r\\n", 100)
    b'hello world'
    """
    out, pos = [], 0
    total = 0
    while True:
        end = data.find(b"\n", pos)
        if end < 0:
            raise BodyError("a chunked body cut before its last chunk")
        size_text = data[pos:end].split(b";", 1)[0].strip()
        try:
            size = int(size_text, 16)
        except ValueError:
            raise BodyError("a chunked body whose chunk sizes cannot be read") from None
        if size == 0:
            return b"".join(out)
        start = end + 1
        total += size
        if total > limit:
            raise TooLarge(f"over {limit:,} bytes once its chunks are joined")
        if start + size > len(data):
            raise BodyError("a chunked body cut inside a chunk")
        out.append(data[start:start + size])
        pos = start + size
        pos += 2 if data[pos:pos + 2] == b"\r\n" else 1 if data[pos:pos + 1] == b"\n" else 0


def _inflate(data: bytes, wbits: int, limit: int) -> bytes:
    d = zlib.decompressobj(wbits)
    out = d.decompress(data, limit + 1)
    if len(out) > limit or d.unconsumed_tail:
        raise TooLarge(f"over {limit:,} bytes once decompressed")
    return out + d.flush()


def _unbrotli(data: bytes, limit: int) -> bytes:
    import brotli  # FastWARC's dependency

    d, out, size = brotli.Decompressor(), [], 0
    for k in range(0, len(data), 4096):  # fed in small pieces: each step's output stays bounded
        piece = d.process(data[k:k + 4096], output_buffer_limit=limit + 1)
        while True:
            out.append(piece)
            size += len(piece)
            if size > limit:
                raise TooLarge(f"over {limit:,} bytes once decompressed")
            if d.can_accept_more_data():
                break
            piece = d.process(b"", output_buffer_limit=limit + 1)
    return b"".join(out)


def body(data: bytes, headers: dict[str, str], limit: int) -> bytes:
    """The body as the page's bytes: chunks joined, compression undone, at most `limit` bytes.

    `headers` are the response's, names in lower case. TooLarge or BodyError say why not.

    >>> import gzip
    >>> body(gzip.compress(b"<p>x</p>"), {"content-encoding": "gzip"}, 100)
    b'<p>x</p>'
    """
    if "chunked" in headers.get("transfer-encoding", "").lower():
        data = dechunk(data, max(limit, len(data)))
    for coding in reversed([c.strip().lower() for c in headers.get("content-encoding", "").split(",") if c.strip()]):
        try:
            if coding in ("gzip", "x-gzip"):
                data = _inflate(data, 47, limit)  # 47: gzip or zlib header, detected
            elif coding == "deflate":
                try:
                    data = _inflate(data, 15, limit)
                except zlib.error:
                    data = _inflate(data, -15, limit)  # raw deflate, as some servers send it
            elif coding == "br":
                data = _unbrotli(data, limit)
            elif coding not in ("identity", "none"):
                raise BodyError(f"compressed as {coding!r}, which is not read")
        except (zlib.error, OSError) as err:
            raise BodyError(f"its {coding} compression is damaged ({err})") from None
        except Exception as err:  # brotli.error
            if isinstance(err, BodyError):
                raise
            raise BodyError(f"its {coding} compression is damaged ({err})") from None
    if len(data) > limit:
        raise TooLarge(f"over {limit:,} bytes")
    return data
