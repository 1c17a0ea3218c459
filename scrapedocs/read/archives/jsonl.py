"""JSON lines (`.jsonl`, `.jsonl.gz`): one page per line, as scrapers export them.

Each line is a JSON object with the page in `html`, `markdown` or `text` (the
first one present is read, as an HTML page, a Markdown page or a text dump)
and optionally `url` and `retrieved` (the fetch time, ISO 8601), which a
crawl's record would give, and the fields of a sidecar (`title`, `date`,
`author`, `source`, `tags`, …: `schema.DOCUMENTED`), applied like a sidecar's
and checked the same way: an unknown field or a value of the wrong type is
ignored with a warning naming it. Blank lines are nothing; a line that is not
a JSON object with a page gets a line in the report; a line longer than twice
`--max-size` is not read (its page fails as too large).
"""
from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

from ..sources import Skipped
from . import Capture, fields_json

#: Where the page is, in the order they are looked for, and the reader of each.
BODIES = (("html", ".html"), ("markdown", ".md"), ("text", ".txt"))
#: Fields the container itself uses; every other field is checked like a sidecar's.
OWN = {"html", "markdown", "text", "url", "retrieved"}
CHUNK = 1 << 20


def line_limit(max_size: int) -> int:
    """The longest line read: JSON escapes can double a page's size."""
    return 2 * max_size + CHUNK


def bounded_lines(stream, limit: int) -> Iterator[tuple[int, int, bytes, bool]]:
    """(line number, offset, line, too long) of each non-blank line; a line over `limit` bytes is skipped unheld.

    >>> import io
    >>> [(n, o, line) for n, o, line, _ in bounded_lines(io.BytesIO(b'{"a":1}\\n\\n{"b":2}'), 100)]
    [(1, 0, b'{"a":1}\\n'), (3, 9, b'{"b":2}')]
    """
    number = offset = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        start, size = offset, len(line)
        too_long = size > limit
        while too_long and not line.endswith(b"\n"):  # skip the rest of the line, a piece at a time
            line = stream.readline(CHUNK)
            if not line:
                break
            size += len(line)
        offset += size
        if too_long:
            yield number, start, b"", True
        elif line.strip():
            yield number, start, line, False


def _open(path: Path, root: Path):
    from .. import open_inside

    f = open_inside(path, root)
    if path.name.lower().endswith(".gz"):
        return gzip.GzipFile(fileobj=f, mode="rb")
    return f


def _page(entry: dict) -> tuple[str, str] | None:
    """(field, reader) of the line's page: its first body field that holds text."""
    for key, reader in BODIES:
        if isinstance(entry.get(key), str) and entry[key].strip():
            return key, reader
    return None


def index(path: Path, root: Path, name: str, max_size: int, start: int = 0) -> Iterator:
    """The items of the JSON-lines file `path` (`name` in the report)."""
    order = start
    with _open(path, root) as stream:
        try:
            for number, offset, line, too_long in bounded_lines(stream, line_limit(max_size)):
                here = f"{name}#line {number}"
                order += 1
                if too_long:
                    yield Capture(name, f"line {number}", offset, size=line_limit(max_size) + 1, order=order)
                    continue
                try:
                    entry = json.loads(line)
                except ValueError as err:
                    reason = getattr(err, "msg", "") or str(err)
                    yield Skipped(here, f"not valid JSON ({reason})", "bad line")
                    continue
                if not isinstance(entry, dict):
                    yield Skipped(here, f"not a JSON object (a {type(entry).__name__})", "bad line")
                    continue
                page = _page(entry)
                if page is None:
                    yield Skipped(here, "no page: none of 'html', 'markdown', 'text' holds text", "bad line")
                    continue
                url = entry.get("url") if isinstance(entry.get("url"), str) else ""
                retrieved = entry.get("retrieved")
                fields = {k: v for k, v in entry.items() if k not in OWN}
                if "url" in entry and not url:
                    fields["url"] = entry["url"]  # not text: checked (and refused) like a sidecar's value
                yield Capture(name, f"line {number}", offset, url=url.strip(),
                              retrieved=str(retrieved) if isinstance(retrieved, (str, int, float)) else "",
                              reader=page[1], size=len(entry[page[0]].encode("utf-8", "surrogatepass")),
                              order=order, fields=fields_json(fields))
        except (OSError, EOFError, gzip.BadGzipFile) as err:
            yield Skipped(name, f"damaged after line {order - start:,}: {err}", "damaged")


class Reader:
    """The pages of captures in one JSON-lines file, read again at their offsets."""

    def __init__(self, path: Path, root: Path):
        self.stream = _open(path, root)

    def payload(self, capture: Capture, max_size: int) -> bytes:
        from .. import Refused, too_large

        self.stream.seek(capture.offset)
        limit = line_limit(max_size)
        line = self.stream.readline(limit + 1)
        if len(line) > limit or capture.size > limit:
            raise Refused(too_large(None, max_size) + " (a JSON line longer than twice the limit)")
        try:
            entry = json.loads(line)
            key, _ = _page(entry)
        except (ValueError, TypeError):
            raise Refused("damaged: the line no longer holds a page (the file changed while it was read?)") from None
        data = entry[key].encode("utf-8", "surrogatepass")
        if len(data) > max_size:
            raise Refused(too_large(len(data), max_size))
        return data

    def close(self) -> None:
        self.stream.close()
