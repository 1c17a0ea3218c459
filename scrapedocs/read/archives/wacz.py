"""WACZ files (Web Archive Collection Zipped): a zip holding WARCs under `archive/` and a page list.

browsertrix-crawler and ArchiveWeb.page write them. The WARCs inside are
read as streams (`warc.records`), nothing is extracted to disk. The page list
(`pages/pages.jsonl`, `pages/extraPages.jsonl`) names the pages the crawler
meant to capture: one of them without a page capture in the archive gets a
line. A member whose name would lead outside the archive (`../x`, `/etc/x`)
or any other trick of zip names is refused unread, with a line.
"""
from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from ..sources import Skipped
from . import warc
from .jsonl import bounded_lines

PAGE_LISTS = ("pages/pages.jsonl", "pages/extraPages.jsonl")
#: Members of a WACZ that describe or index the crawl: listed, not read.
DESCRIPTIONS = {"datapackage.json": "the archive's description", "datapackage-digest.json": "the archive's digest",
                "fuzzy.json": "the replay's URL rules"}


def unsafe_name(name: str) -> bool:
    """Whether a zip member's name would lead outside the archive if it were extracted.

    >>> unsafe_name("archive/data.warc.gz"), unsafe_name("../../etc/passwd"), unsafe_name("/abs"), unsafe_name("C:x")
    (False, True, True, True)
    """
    parts = re.split(r"[\\/]", name)
    return name.startswith(("/", "\\")) or bool(re.match(r"^[A-Za-z]:", name)) or ".." in parts or "\x00" in name


class Listed:
    """A page the WACZ's page list names (checked against the captures once all are known)."""

    __slots__ = ("source", "url")

    def __init__(self, source: str, url: str):
        self.source, self.url = source, url


def index(path: Path, root: Path, name: str, max_size: int, start: int = 0) -> Iterator:
    """The items of the WACZ file `path` (`name` in the report)."""
    from .. import Refused, open_inside

    with open_inside(path, root) as f:
        try:
            zf = zipfile.ZipFile(f)
        except (zipfile.BadZipFile, OSError, ValueError) as err:
            raise Refused(f"not a WACZ file: not a zip archive ({err})") from None
        with zf:
            order, warcs = start, 0
            for info in sorted(zf.infolist(), key=lambda i: i.filename):
                member = info.filename
                where = f"{name}#{member}"
                if unsafe_name(member):
                    yield Skipped(where, "refused: a name leading outside the archive (not read)", "unsafe name")
                    continue
                if info.is_dir():
                    continue
                lower = member.lower()
                if lower.startswith("archive/") and lower.endswith((".warc", ".warc.gz")):
                    warcs += 1
                    try:
                        with _member_stream(zf, f, member) as stream:
                            for item in warc.records(stream, name, max_size, order, member=member):
                                order += 1
                                yield item
                    except (zipfile.BadZipFile, OSError, RuntimeError, ValueError, EOFError) as err:
                        yield Skipped(where, f"damaged zip member: {err}", "damaged")
                elif member in PAGE_LISTS:
                    yield from _page_list(zf, info, name, where)
                elif member in DESCRIPTIONS or lower.startswith(("indexes/", "logs/")):
                    what = DESCRIPTIONS.get(member) or ("the archive's index" if lower.startswith("indexes/")
                                                        else "the crawler's log")
                    yield Skipped(where, f"{what}, not a page", "WACZ file")
                else:
                    yield Skipped(where, "not a WARC (a WACZ holds its captures in archive/*.warc.gz)", "WACZ file")
            if not warcs:
                yield Skipped(name, "no WARC under archive/: nothing to read (is it a WACZ file?)", "damaged")


def _page_list(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, where: str) -> Iterator:
    try:
        with zf.open(info) as stream:
            for number, _, line, too_long in bounded_lines(stream, 1 << 20):
                if too_long:
                    continue
                try:
                    entry = json.loads(line)
                except ValueError:
                    yield Skipped(f"{where}#line {number}", "not valid JSON", "bad line")
                    continue
                url = entry.get("url") if isinstance(entry, dict) else None
                if isinstance(url, str) and url.startswith(("http://", "https://")):
                    yield Listed(f"{name}#{url}", url)
    except (zipfile.BadZipFile, OSError, RuntimeError, ValueError, EOFError) as err:
        yield Skipped(where, f"damaged zip member: {err}", "damaged")


class Slice(io.RawIOBase):
    """A stored (uncompressed) zip member as a seekable stream over the zip file itself.

    Python's `ZipExtFile` seeks backwards by reading the member again from its
    start, and FastWARC reads ahead of each record: reading captures one after
    another through it would cost the square of the member's size.
    """

    def __init__(self, file, start: int, size: int):
        self.file, self.start, self.size, self.pos = file, start, size, 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.pos

    def seek(self, offset: int, whence: int = 0) -> int:
        self.pos = max(0, {0: offset, 1: self.pos + offset, 2: self.size + offset}[whence])
        return self.pos

    def readinto(self, buffer) -> int:
        n = max(0, min(len(buffer), self.size - self.pos))
        self.file.seek(self.start + self.pos)
        data = self.file.read(n)
        buffer[:len(data)] = data
        self.pos += len(data)
        return len(data)


def _member_stream(zf: zipfile.ZipFile, file, name: str):
    """A seekable stream of a member: a `Slice` of the zip when it is stored, else the zip's own reader."""
    info = zf.getinfo(name)
    if info.compress_type != zipfile.ZIP_STORED or info.flag_bits & 0x1:  # compressed or encrypted
        return zf.open(info)
    file.seek(info.header_offset)
    local = file.read(30)
    if len(local) < 30 or local[:4] != b"PK\x03\x04":
        raise zipfile.BadZipFile(f"bad local header for {name!r}")
    start = info.header_offset + 30 + int.from_bytes(local[26:28], "little") + int.from_bytes(local[28:30], "little")
    return Slice(file, start, info.compress_size)


class Reader:
    """The payloads of captures in one WACZ, read again from the WARC members at their offsets."""

    def __init__(self, path: Path, root: Path):
        from .. import open_inside

        self.file = open_inside(path, root)
        self.zip = zipfile.ZipFile(self.file)
        self.member: tuple[str, object] | None = None

    def payload(self, capture, max_size: int) -> bytes:
        from .. import Refused

        if unsafe_name(capture.member):
            raise Refused("refused: a name leading outside the archive")
        if self.member is None or self.member[0] != capture.member:
            if self.member is not None:
                self.member[1].close()
            try:
                self.member = (capture.member, _member_stream(self.zip, self.file, capture.member))
            except (KeyError, zipfile.BadZipFile, OSError, RuntimeError) as err:
                raise Refused(f"damaged zip member: {err}") from None
        return warc.payload(self.member[1], capture.offset, max_size)

    def close(self) -> None:
        if self.member is not None:
            self.member[1].close()
        self.zip.close()
        self.file.close()
