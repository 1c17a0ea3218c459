"""The website's search index: Pagefind's extended build, fed one record per page.

Records go in as Pagefind "custom records" rather than as HTML, because the content is
rewritten first (`text.fold`, `text.han_words`); the browser side
(scrapedocs/theme/assets/javascripts/scrapedocs/engines.js) asks Han queries as phrases of
characters, which gives exact substring semantics.
Pagefind writes small chunks that the browser fetches per query: nothing grows with the
collection on a page load.

A collection is cut into shards, separate Pagefind bundles (`pagefind/0/`, `pagefind/1/`,
… listed in `pagefind/shards.json`) that the browser searches at once, each in its own
worker. A query's cost grows with the pages it matches (Pagefind scores and returns every
one), and 知识产权 is in every document of an IP-policy collection: shards let a reader's
cores share that work, and the build indexes them at once too.
"""
from __future__ import annotations

import base64
import json
import math
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ...config import default_jobs
from ..errors import OutputError
from .records import SHOWN, Record
from .text import fold, han_words

#: Where the index goes, under the site.
FOLDER = "pagefind"
#: The browser reads this to find the shards.
MANIFEST = "shards.json"
#: Documents per shard (about), and at most this many shards of documents: each shard is a
#: worker that compiles Pagefind's WebAssembly, so more than four cost a 2-core machine more
#: than they save (measured at 10,000 documents: 4 shards answer sooner than 8).
SHARD_SIZE = 1000
MAX_SHARDS = 4
#: Pagefind's ready-made UIs, which the site does not use (it keeps Material's search box).
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")
#: "No linguistic content": the content comes already cut into words (`text.han_words`), so
#: Pagefind must neither segment it (its Chinese dictionary would re-cut the characters,
#: and takes most of the indexing time) nor stem it (governance would match government).
LANG = "zxx"


def binary() -> Path:
    """The extended Pagefind binary from the `pagefind-bin-extended` wheel.

    The issue asks for the extended build; the content reaches it already cut into words,
    so its Chinese segmenter has nothing left to do, and the plain build would index alike.
    """
    try:
        from pagefind_bin_extended import get_executable
    except ImportError:
        raise OutputError("Pagefind's extended build is missing: pip install 'pagefind[extended]'") from None
    return Path(get_executable())


def content(record: Record) -> str:
    """What Pagefind indexes for a page: its text folded, each Han character a word."""
    return han_words(fold(record.text))


def ranked(records: list[Record]) -> list[Record]:
    """The order records go into the index, which is the order of equally matching results:
    documents first, newest first (undated last), then the other pages.

    The browser ranks by where the query first occurs on the page (the title first) and
    keeps this order for ties.
    """
    out = sorted(records, key=lambda r: r.url)
    out.sort(key=lambda r: r.meta.get("date", ""), reverse=True)  # stable; undated ("") last
    out.sort(key=lambda r: r.kind != "document")
    return out


def shards(records: list[Record]) -> list[tuple[str, list[Record]]]:
    """`ranked(records)` cut into consecutive shards: the documents in up to `MAX_SHARDS`
    shards of about `SHARD_SIZE` pages, the other pages in one more. Returns (kind, records).

    Consecutive, so that (shard, place in the shard's results) is the index order; by kind,
    so that the browser knows a result's kind from its shard (Pagefind's filters would tell
    it too, but its filter files come out in a different byte order from build to build).
    """
    ordered = ranked(records)
    documents = [r for r in ordered if r.kind == "document"]
    others = [r for r in ordered if r.kind != "document"]
    out = []
    if documents:
        count = min(MAX_SHARDS, math.ceil(len(documents) / SHARD_SIZE))
        bounds = [len(documents) * i // count for i in range(count + 1)]  # sizes differ by one at most
        out += [("document", documents[a:b]) for a, b in zip(bounds, bounds[1:])]
    if others:
        out.append(("page", others))
    return out


class Service:
    """Pagefind's indexing service (`pagefind --service`), spoken to one request at a time.

    The protocol is the one Pagefind's own Python and Node APIs use: base64-encoded JSON
    messages, each followed by a comma. The `pagefind` package's asyncio client polls for
    replies every 0.1 s, which caps it at ten records a second; this client blocks on the
    pipe instead.
    """

    def __init__(self, executable: Path):
        self._log = tempfile.TemporaryFile()
        self._proc = subprocess.Popen([str(executable), "--service"], stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, stderr=self._log)
        self._id = 0

    def send(self, payload: dict) -> dict:
        self._id += 1
        message = json.dumps({"message_id": self._id, "payload": payload}, ensure_ascii=False)
        try:
            self._proc.stdin.write(base64.b64encode(message.encode("utf-8")) + b",")
            self._proc.stdin.flush()
            reply = self._read()
        except OSError as e:  # BrokenPipeError included
            raise OutputError(f"Pagefind stopped: {e}; {self._stderr()}") from None
        answer = reply.get("payload") or {}
        if answer.get("type") == "Error":
            raise OutputError(f"Pagefind: {answer.get('message')}")
        return answer

    def _read(self) -> dict:
        data = bytearray()
        while not data.endswith(b","):
            chunk = self._proc.stdout.read1(1 << 16)  # one request at a time: never past the reply
            if not chunk:
                raise OSError("no reply")
            data += chunk
        return json.loads(base64.b64decode(bytes(data[:-1])))

    def _stderr(self) -> str:
        self._log.seek(0)
        return self._log.read().decode("utf-8", "replace").strip()[-500:]

    def close(self) -> None:
        if self._proc.stdin:
            self._proc.stdin.close()
        try:
            self._proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        self._log.close()


def _write(records: list[Record], out: Path) -> None:
    """Index `records` with one Pagefind process and write its bundle to `out`.

    The files are asked for (GetFiles) and written here: Pagefind's WriteFiles answers
    before its files are on disk, and a service closed then leaves some of them empty.
    """
    service = Service(binary())
    try:
        index = service.send({"type": "NewIndex", "config": None})["index_id"]
        for record in records:
            meta = {"title": record.title} | {k: record.meta[k] for k in SHOWN if record.meta.get(k)}
            service.send({"type": "AddRecord", "index_id": index, "url": record.url, "content": content(record),
                          "language": LANG, "meta": meta, "filters": None, "sort": None})
        files = service.send({"type": "GetFiles", "index_id": index})["files"]
    finally:
        service.close()
    for file in sorted(files, key=lambda f: f["path"]):
        rel = Path(file["path"])
        if rel.is_absolute() or ".." in rel.parts:
            raise OutputError(f"Pagefind named a file outside its folder: {file['path']}")
        if rel.as_posix() in UNUSED:
            continue
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(file["content"]))


def write_index(records: list[Record], site_dir: Path) -> Path:
    """Write `site_dir/pagefind/` (its shards and their manifest) for `records`; return its folder."""
    out = site_dir / FOLDER
    if out.exists():
        shutil.rmtree(out)
    parts = shards(records)
    folders = [out / str(i) for i in range(len(parts))]
    if parts:
        # One Pagefind process per shard, as many at once as there are cores: each holds its
        # shard's whole index in memory (about 2 GB for 2,500 documents of 12 KB).
        with ThreadPoolExecutor(max_workers=min(len(parts), default_jobs())) as pool:
            list(pool.map(_write, [part for _, part in parts], folders))
    manifest = {"shards": [{"path": f"{i}/", "kind": kind, "pages": len(part)} for i, (kind, part) in enumerate(parts)]}
    out.mkdir(parents=True, exist_ok=True)
    (out / MANIFEST).write_text(json.dumps(manifest) + "\n", encoding="utf-8")
    return out
