"""Crawls and scrapes: files that hold many sources (WARC, WACZ, JSON lines).

A container is read twice, streamed both times and never whole in memory:

1. `index_containers`: every record is looked at once and becomes either a
   `Capture` (a page: where its payload is, and what the container knows of
   it: URL, fetch time, HTTP charset) or an accounted line (`Skipped` with a
   kind: a redirect, an error, an image, a request record, …). Then the
   captures of all containers are judged together (`resolve`): a revisit finds
   the capture it repeats, and of several captures of one URL the newest is
   published, the others are accounted as duplicates.
2. `load_captures`: the payload of each capture is read again, bounded by
   `--max-size`, into a `Document` like a file's; the document stages then
   cannot tell a record from a file, except by its `origin`.

What the index holds is a few hundred bytes per record, whatever the records'
size; the payloads are read one at a time. Each format is a module: `warc`
(WARC 1.0 and 1.1, gzipped or not, read with FastWARC), `wacz` (a zip of WARCs
with its page list), `jsonl` (one object per line); `responses` knows HTTP
payloads (kinds of media, content encodings, charsets).
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from ...model import Document, Origin
from ..sources import Skipped, container_suffix, display_path

#: The kinds of accounted records, in the order the console lists them.
KINDS = ("damaged", "error", "redirect", "revisit", "duplicate", "other status", "image", "script", "style", "PDF",
         "font", "video", "audio", "other media", "robots.txt", "request", "metadata", "warcinfo", "resource",
         "conversion", "continuation", "not captured", "unsafe name", "WACZ file", "bad line")


@dataclass(frozen=True)
class Capture:
    """A page inside a container: where its payload is, and what the container knows about it."""

    container: str  # relative path of the container file that holds the payload
    locator: str  # after "#" in the source's name: the URL, or "line 12" of a JSON-lines file
    offset: int  # where the record (or the line) starts in its file
    member: str = ""  # the WARC inside a WACZ that holds it
    listed_in: str = ""  # the container whose revisit record names this capture, when not `container`
    url: str = ""
    retrieved: str = ""  # the fetch time (WARC-Date), ISO 8601
    charset: str = ""  # of the HTTP Content-Type
    reader: str = ".html"  # which reader turns the payload into a document
    size: int = -1  # the payload's size as the container states it (-1: not stated)
    digest: str = ""  # its payload digest, as the archive states it (or as computed while indexing)
    record_id: str = ""
    order: int = 0  # position in the scan: the later of two captures of the same time wins
    fields: str = ""  # a JSON line's other fields, as JSON text

    @property
    def source(self) -> str:
        """The source's name in the report: `crawl.warc.gz#https://…`."""
        return f"{self.listed_in or self.container}#{self.locator}"

    def origin(self) -> Origin:
        return Origin(url=self.url, retrieved=self.retrieved, charset=self.charset, reader=self.reader,
                      container=self.listed_in or self.container, fields=self.fields)


@dataclass(frozen=True)
class Revisit:
    """A revisit record: the same payload as an earlier capture, which it names by id, digest or URL and date."""

    container: str
    url: str
    retrieved: str
    order: int
    refers_to: str = ""  # WARC-Refers-To: the record id of the capture
    digest: str = ""  # WARC-Payload-Digest
    target: str = ""  # WARC-Refers-To-Target-URI
    target_date: str = ""  # WARC-Refers-To-Date
    profile: str = ""

    @property
    def source(self) -> str:
        return f"{self.container}#{self.url}"


@dataclass
class Index:
    """The captures to publish, in the order of the containers and their records, and every other record's line."""

    captures: list[Capture] = field(default_factory=list)
    records: list[Skipped] = field(default_factory=list)  # records that are not sources, each with kind and reason
    skipped: list[Skipped] = field(default_factory=list)  # containers that cannot be read at all


def readers() -> dict:
    """Suffix → the module that indexes and loads that kind of container."""
    from . import jsonl, wacz, warc

    return {".warc": warc, ".warc.gz": warc, ".wacz": wacz, ".jsonl": jsonl, ".jsonl.gz": jsonl}


def index_containers(paths: Iterable[Path], root: Path, max_size: int) -> Index:
    """Index every container under `root` (`paths`, in a stable order), then resolve revisits and duplicates."""
    from .. import Refused

    items: list = []
    index = Index()
    modules = readers()
    for path in paths:
        name = display_path(path, root)
        before = len(items)
        try:
            items.extend(modules[container_suffix(path)].index(path, root, name, max_size, start=len(items)))
        except Refused as err:
            index.skipped.append(Skipped(name, str(err)))
            continue
        if len(items) == before:
            index.skipped.append(Skipped(name, "empty: no record in it"))
    captures, index.records = resolve(items)
    index.captures = captures
    return index


def resolve(items: list) -> tuple[list[Capture], list[Skipped]]:
    """Captures to publish and the accounted lines, from the items of every container in scan order.

    A revisit becomes a capture of its URL at its own time with the payload of the
    capture it repeats (found by record id, then payload digest, then URL and date);
    of the captures of one URL, the newest is published and the others are duplicates.
    """
    from .wacz import Listed

    captures = [x for x in items if isinstance(x, Capture)]
    lines = [x for x in items if isinstance(x, Skipped)]
    by_id = {c.record_id: c for c in captures if c.record_id}
    by_digest: dict[str, Capture] = {}
    by_url_date: dict[tuple[str, str], Capture] = {}
    for c in captures:
        if c.digest:
            by_digest.setdefault(c.digest, c)
        by_url_date.setdefault((c.url, c.retrieved), c)
    for r in (x for x in items if isinstance(x, Revisit)):
        original = (by_id.get(r.refers_to) or by_digest.get(r.digest)
                    or by_url_date.get((r.target or r.url, r.target_date)))
        if original is None:
            what = f" of {r.target}" if r.target and r.target != r.url else ""
            when = f" captured {r.target_date}" if r.target_date else ""
            lines.append(Skipped(r.source, f"revisit{what}{when}: the capture it repeats is not in the input, "
                                           "nothing to publish", "revisit"))
            continue
        listed_in = r.container if r.container != original.container else ""
        captures.append(replace(original, listed_in=listed_in, locator=r.url, url=r.url, retrieved=r.retrieved,
                                order=r.order, record_id=""))
        same = "its capture" if original.url == r.url else f"the capture of {original.url}"
        lines.append(Skipped(r.source, f"revisit ({r.retrieved or 'no date'}): unchanged since {same} of "
                                       f"{original.retrieved or 'no date'}, whose payload it names "
                                       f"({original.source}); that payload is the page, retrieved at the revisit",
                             "revisit"))
    newest: dict[str, Capture] = {}
    for c in captures:
        if c.url:
            best = newest.get(c.url)
            if best is None or (c.retrieved, c.order) > (best.retrieved, best.order):
                newest[c.url] = c
    kept = []
    for c in sorted(captures, key=lambda c: c.order):
        winner = newest.get(c.url) if c.url else c
        if winner is c:
            kept.append(c)
        elif (winner.container, winner.member, winner.offset) == (c.container, c.member, c.offset):
            continue  # the record a newer revisit of it names: its payload is the page published
        else:
            lines.append(Skipped(c.source, f"an older capture of this URL ({c.retrieved or 'no date'}): "
                                           f"{winner.source} ({winner.retrieved or 'no date'}) is published",
                                 "duplicate"))
    for listed in {x.source: x for x in items if isinstance(x, Listed)}.values():
        if listed.url not in newest:
            lines.append(Skipped(listed.source, "listed in the WACZ's page list, but no page capture of it is in the "
                                                "archive", "not captured"))
    return kept, lines


def load_captures(captures: list[Capture], root: Path, max_size: int) -> Iterator[Document]:
    """A `Document` per capture, in order, holding its payload (at most `max_size` bytes) or the reason it has none.

    Consecutive captures of one container share one open file.
    """
    from .. import Refused

    modules = readers()
    opened: tuple[str, object] | None = None
    try:
        for capture in captures:
            path = Path(root) / capture.container
            doc = Document(path=path, relpath=capture.source, origin=capture.origin())
            module = modules[container_suffix(path)]
            try:
                if opened is None or opened[0] != capture.container:
                    if opened is not None:
                        opened[1].close()
                        opened = None
                    opened = (capture.container, module.Reader(path, root))
                doc.data = opened[1].payload(capture, max_size)
            except Refused as err:
                doc.error = str(err) + (" (--max-size)" if str(err).startswith("too large") else "")
            yield doc
    finally:
        if opened is not None:
            opened[1].close()


def fields_json(fields: dict) -> str:
    """A JSON line's fields as stable JSON text (part of the record's cache key)."""
    return json.dumps(fields, ensure_ascii=False, sort_keys=True, default=str) if fields else ""
