"""WARC files (ISO 28500, 1.0 and 1.1), gzipped per record or not, read with FastWARC.

Every record gets a fate: an HTML or text `response` with status 200 is a
`Capture`; a `revisit` is resolved later (`archives.resolve`); every other
record is a line with its kind — redirects with their target, errors with
their status, images, scripts and styles, requests, metadata, warcinfo.

Damage never stops the reading: a record whose header is cut, whose payload
is shorter than it says, or that is followed by bytes that are no record gets
a "damaged" line, and reading goes on at the next record found after it (a
gzip member that decompresses to "WARC/", or a "WARC/1." line). A record over
`--max-size` is not read: its capture fails as "too large" when loaded, and
the reader skips it as a stream, so a gigabyte record costs time, not memory.
"""
from __future__ import annotations

import base64
import hashlib
import re
import zlib
from collections.abc import Iterator
from pathlib import Path

from ..sources import Skipped
from . import Capture, Revisit
from .responses import BodyError, TooLarge, body, charset, kind_of, reader_for

SCAN = 1 << 20  # bytes read at a time when looking for the next record after damage
_DATE = re.compile(r"(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d)(?::(\d\d))?(?:\.\d+)?)?")


def iso(warc_date: str | None) -> str:
    """A WARC-Date as ISO 8601 to the second, in UTC (WARC dates are UTC).

    >>> iso("2024-05-01T10:20:30.123456Z"), iso("2024-05-01")
    ('2024-05-01T10:20:30Z', '2024-05-01T00:00:00Z')
    """
    m = _DATE.match((warc_date or "").strip())
    if not m:
        return ""
    y, mo, d, h, mi, s = (g or "00" for g in m.groups())
    return f"{y}-{mo}-{d}T{h}:{mi}:{s}Z"


def _uri(value: str | None) -> str:
    """A WARC-Target-URI; WARC 1.0 writers sometimes wrap it in <>."""
    value = (value or "").strip()
    return value[1:-1] if value.startswith("<") and value.endswith(">") else value


def _name(container: str, url: str, pos: int) -> str:
    return f"{container}#{url}" if url else f"{container}#byte {pos:,}"


def _sha1(data: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode()


def _http(rec) -> tuple[int | None, str, dict[str, str]]:
    """Status, reason and headers (names in lower case) of a record's HTTP response; (None, "", {}) when none."""
    http = rec.http_headers
    if http is None:
        return None, "", {}
    headers: dict[str, str] = {}
    for name, value in http.astuples():
        headers.setdefault(str(name).lower(), str(value))
    return http.status_code, http.reason_phrase or "", headers


def index(path: Path, root: Path, name: str, max_size: int, start: int = 0) -> Iterator:
    """The items of the WARC file `path` (`name` in the report)."""
    from .. import open_inside

    with open_inside(path, root) as f:
        yield from records(f, name, max_size, start)


def records(stream, container: str, max_size: int, start: int = 0, member: str = "") -> Iterator:
    """Captures, revisits and accounted lines of one WARC stream (seekable), in order; damage skipped over."""
    from fastwarc.warc import ArchiveIterator

    order = start
    pos = 0
    while True:
        stream.seek(pos)
        last = None  # start of the last record read whole
        try:
            for rec in ArchiveIterator(stream, parse_http=True, auto_decode="none"):
                here = rec.stream_pos
                for item in _items(rec, container, member, max_size, order):
                    order += 1
                    yield item
                last = here
            tail = _tail(stream, last if last is not None else pos, first=last is None)
            if tail:
                yield Skipped(container + (f"#{member}" if member else ""), tail, "damaged")
            return
        except Exception as err:  # FastWARC raises OSError on bad headers and gzip data, others on cut input
            what = f"{type(err).__name__}: {err}" if str(err) else type(err).__name__
            where = container + (f"#{member}" if member else "")
            place = f"after the record at byte {last:,}" if last is not None else f"from byte {pos:,}"
            found = next_record(stream, (last if last is not None else pos) + 1)
            if found is None:
                yield Skipped(where, f"damaged data {place} ({what}): nothing after it can be read", "damaged")
                return
            yield Skipped(where, f"damaged data {place} ({what}): reading goes on at the next record, byte {found:,}",
                          "damaged")
            pos = found


def _items(rec, container: str, member: str, max_size: int, order: int) -> Iterator:
    """What one record is: a capture, a revisit to resolve, or a line."""
    kind = str(rec.record_type).rsplit(".", 1)[-1]
    url = _uri(rec.headers.get("WARC-Target-URI"))
    pos = rec.stream_pos
    name = _name(container, url, pos)
    if rec.headers.get("Content-Length") is None or not rec.headers.get("WARC-Record-ID"):
        yield Skipped(name, f"damaged record at byte {pos:,}: its header is cut or lacks Content-Length or "
                            "WARC-Record-ID", "damaged")
        return
    retrieved = iso(rec.headers.get("WARC-Date"))
    if kind == "revisit":
        yield Revisit(container, url, retrieved, order, refers_to=rec.headers.get("WARC-Refers-To") or "",
                      digest=rec.headers.get("WARC-Payload-Digest") or "",
                      target=_uri(rec.headers.get("WARC-Refers-To-Target-URI")),
                      target_date=iso(rec.headers.get("WARC-Refers-To-Date")),
                      profile=rec.headers.get("WARC-Profile") or "")
        return
    if kind not in _OTHER and kind != "response":
        told = (rec.headers.get("WARC-Type") or "none")[:40]
        yield Skipped(name, f"damaged record at byte {pos:,}: its WARC-Type ({told!r}) is not one WARC defines",
                      "damaged")
        return
    if kind != "response":
        yield Skipped(name, _OTHER[kind], kind)
        return
    status, reason, headers = _http(rec)
    if status is None:
        media = rec.headers.get("Content-Type") or "no Content-Type"
        if media.split(";")[0].strip().lower() == "application/http":
            yield Skipped(name, "damaged record: its HTTP response header cannot be read", "damaged")
        else:
            yield Skipped(name, f"not an HTTP response ({media})", "other media")
        return
    if 300 <= status < 400 and status != 304:
        target = headers.get("location", "")
        yield Skipped(name, f"redirect ({status}) to {target}" if target else f"redirect ({status}) without a target",
                      "redirect")
        return
    if status >= 400:
        yield Skipped(name, f"HTTP {status} {reason}".rstrip(), "error")
        return
    if status != 200:
        yield Skipped(name, f"HTTP {status} {reason}: not a whole page".replace("  ", " "), "other status")
        return
    content_type = headers.get("content-type")
    declared = rec.content_length
    head = rec.reader.read(2048)
    reader = reader_for(content_type, head)
    if not reader:
        media = (content_type or "no Content-Type").split(";")[0].strip()
        yield Skipped(name, f"{media}: not a page", kind_of(content_type))
        return
    if url.split("?")[0].lower().endswith("/robots.txt"):
        yield Skipped(name, "the site's rules for crawlers, not a page", "robots.txt")
        return
    digest = rec.headers.get("WARC-Payload-Digest") or ""
    if declared <= max_size:
        raw = head + rec.reader.read(max_size + 1 - len(head))
        if len(raw) < declared:
            yield Skipped(name, f"damaged record: its payload is cut ({len(raw):,} of {declared:,} bytes)", "damaged")
            return
        digest = digest or _sha1(raw)
    yield Capture(container, url or f"byte {pos:,}", pos, member=member, url=url, retrieved=retrieved,
                  charset=charset(content_type), reader=reader, size=declared, digest=digest,
                  record_id=rec.headers.get("WARC-Record-ID") or "", order=order)


_OTHER = {
    "request": "what the crawler sent (request record)",
    "metadata": "the crawler's notes on a capture (metadata record)",
    "warcinfo": "the crawl's description (warcinfo record)",
    "resource": "a resource record, not a crawled response",
    "conversion": "a conversion record (another format of a capture)",
    "continuation": "a continuation record (part of a segmented capture)",
}


def _tail(stream, last: int, first: bool) -> str:
    """Why the bytes after the last record are damage ("" when there are none).

    `first`: no record was read from `last` on. FastWARC ends a gzipped WARC
    quietly at a member cut short, so the member at `last` is decompressed (and
    discarded) to find where it ends, and what follows it must be nothing.
    """
    stream.seek(last)
    magic = stream.read(5)
    if not magic.strip(b"\x00\r\n "):
        return ""
    if first:
        return f"no WARC record could be read from byte {last:,} on (not a WARC file, or damaged)"
    if magic[:2] != b"\x1f\x8b":
        return ""  # an uncompressed WARC: FastWARC reports a cut record itself
    stream.seek(last)
    d = zlib.decompressobj(31)
    while not d.eof:
        chunk = d.unconsumed_tail or stream.read(SCAN)
        if not chunk:
            return f"the last gzip member (from byte {last:,}) is cut: the record in it is incomplete"
        try:
            d.decompress(chunk, 1 << 20)
        except zlib.error as err:
            return f"damaged gzip data in the member from byte {last:,} ({err})"
    trailing = d.unused_data + d.unconsumed_tail + stream.read(SCAN)
    if trailing.strip(b"\x00\r\n "):
        return f"the bytes after the last whole record (from byte {last:,}) are no record: a cut or damaged gzip member"
    return ""


def next_record(stream, start: int) -> int | None:
    """The position of the first record at or after `start`: a gzip member holding "WARC/", or a "WARC/1." line."""
    pos = start
    stream.seek(pos)
    carry = b""
    while True:
        chunk = stream.read(SCAN)
        if not chunk:
            return None
        data = carry + chunk
        base = pos - len(carry)
        for m in re.finditer(rb"\x1f\x8b\x08|(?:^|\n)WARC/1\.[01]\r?\n", data):
            at = base + m.start() + (1 if m[0].startswith(b"\n") else 0)
            if at < start:
                continue
            if m[0].startswith(b"\x1f"):
                try:
                    head = zlib.decompressobj(31).decompress(data[m.start():m.start() + 4096], 16)
                except zlib.error:
                    continue
                if head.startswith(b"WARC/"):
                    return at
            else:
                return at
        carry = data[-16:]
        pos += len(chunk)


class Reader:
    """The payloads of captures in one WARC file, read again at their offsets."""

    def __init__(self, path: Path, root: Path):
        from .. import open_inside

        self.stream = open_inside(path, root)

    def payload(self, capture: Capture, max_size: int) -> bytes:
        return payload(self.stream, capture.offset, max_size)

    def close(self) -> None:
        self.stream.close()


def payload(stream, offset: int, max_size: int) -> bytes:
    """The body of the response record at `offset` as the page's bytes (chunks joined, decompressed, bounded).

    `Refused` with the reason: too large, or damaged.
    """
    from fastwarc.warc import ArchiveIterator

    from .. import Refused, too_large

    stream.seek(offset)
    try:
        rec = next(iter(ArchiveIterator(stream, parse_http=True, auto_decode="none")), None)
        if rec is None:
            raise Refused("damaged record: it cannot be read again")
        _, _, headers = _http(rec)
        if rec.content_length > max_size and not headers.get("content-encoding"):
            raise Refused(too_large(rec.content_length, max_size))
        raw = rec.reader.read(max_size + 1)
    except Refused:
        raise
    except Exception as err:
        raise Refused(f"damaged record: {type(err).__name__}: {err}") from None
    if len(raw) > max_size:
        raise Refused(too_large(rec.content_length, max_size))
    try:
        return body(raw, headers, max_size)
    except TooLarge as err:
        raise Refused(f"too large: {err}") from None
    except BodyError as err:
        raise Refused(f"damaged payload: {err}") from None
