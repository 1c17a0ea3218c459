"""The second pass: every generated page through one stage in the workers, under the time budget.

Once the collection stages have written each page's Markdown, the pages go to
the same executors as the documents (worker processes here, or Dask), one page
per task, with the same time budget per page: a page whose stage raises, kills
its worker or runs out of time comes back with the reason, and is never left
for MkDocs to choke on. The stage (`render.trial`) renders the page to HTML with
the site's Markdown configuration.

A page whose Markdown has been through the stage before is not sent again: the
cache keeps, under a key of the page's Markdown, the site's Markdown
configuration and the converter's version, what became of it
(`build/cache/pages/`), and the HTML body and table of contents it gave
(`build/cache/html/`, the same key, compressed: half the size): the site build takes them instead of rendering the
page again (`publish.sitebuild`). The key holds the page's path: its links are relative to it.

The pass runs once this process holds the whole collection: for a large one (`FRESH`) its workers are
started as new interpreters, which inherit none of it, and each page travels encoded (`_Pages`).
"""
from __future__ import annotations

import hashlib
import pickle
import sys
import time
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from tqdm import tqdm

from ..model import Document
from .cache import Cache, converter_version

#: Libraries whose version changes the HTML of a page (the converter's own version is in the key too).
MARKDOWN_LIBRARIES = ("Markdown", "pymdown-extensions", "mkdocs")
SLOWEST = 10  # pages named in the statistics, slowest first
#: From this many pages to render the workers start as new interpreters (`engine.local`), not as forks of this
#: process, which holds the whole collection by now: a forked worker keeps the pages of memory this process
#: writes to while it runs (at 10,000 documents the two workers came to hold 0.88 GB beside its 1.1 GB).
#: Below, a fork is cheaper than starting Python (a second or two for each worker).
FRESH = 2000


@dataclass
class Rendered:
    """What became of one page."""

    error: str = ""  # why it did not render: "gave up after 30 s in trial", "trial failed: RecursionError"
    seconds: float = 0.0  # the stage's time, when it ran this build
    cached: bool = False


def page_version(config) -> str:
    """What besides its Markdown decides a page's HTML: the converter, the Markdown libraries, the site's
    Markdown configuration and the folder snippets would read from."""
    h = hashlib.blake2b(digest_size=16)
    h.update(converter_version().encode() + b"\0" + config.markdown.encode() + b"\0")
    h.update(Path(config.docs_dir).as_posix().encode() + b"\0")
    for name in MARKDOWN_LIBRARIES:
        try:
            h.update(f"{name} {metadata.version(name)}\n".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{name} -\n".encode())
    return h.hexdigest()


def page_key(path: str, markdown: str, version: str) -> str:
    """The cache key of a page: its path (links are relative to it), its Markdown (front matter
    included) and `page_version`.

    >>> page_key("a.md", "# 标题", "v1") == page_key("a.md", "# 标题", "v1") != page_key("a.md", "# 标题", "v2")
    True
    >>> page_key("a.md", "# 标题", "v1") != page_key("b/a.md", "# 标题", "v1")
    True
    """
    h = hashlib.blake2b(digest_size=16)
    h.update(version.encode() + b"\0" + path.encode("utf-8", "surrogatepass") + b"\0")
    h.update(markdown.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def pack(rendered: dict) -> bytes:
    """A page's render as the cache keeps it (compressed: half the size), made in the worker that rendered
    it: the build's own process only stores it."""
    return zlib.compress(pickle.dumps(rendered, protocol=pickle.HIGHEST_PROTOCOL), 1)


class StoredHTML:
    """The renders the pages pass kept (`render.html.FIELDS`), looked up by page: for the site build."""

    def __init__(self, config):
        self.cache = Cache(Path(config.cache) / "html", writable=False)
        self.version = page_version(config)

    def get(self, path: str, markdown: str) -> dict | None:
        """The render of the page at `path` whose Markdown is `markdown`; None when none is kept (or it
        cannot be trusted)."""
        payload = self.cache.get(page_key(path, markdown, self.version))
        try:
            found = pickle.loads(zlib.decompress(payload)) if payload is not None else None
        except Exception:
            return None
        if not isinstance(found, dict) or not all(isinstance(found.get(k), t) for k, t in _TYPES.items()):
            return None
        return found


_TYPES = {"html": str, "toc": list, "anchors": list, "links": dict, "lookups": dict, "logged": list}


def stored_html(path: str, markdown: str, config) -> dict | None:
    """The render (`render.html.FIELDS`: HTML body, table of contents, …) the page at `path` with this
    Markdown gave when a build rendered it with the same configuration and versions; None when none is
    kept (or it cannot be trusted)."""
    return StoredHTML(config).get(path, markdown)


def _cached(cache: Cache | None, key: str, budget: float) -> Rendered | None:
    payload = cache.get(key) if cache is not None else None
    if payload is None:
        return None
    try:
        found = pickle.loads(payload)
        rendered = Rendered(error=str(found["error"]), cached=True)
        tried_with = float(found.get("budget") or budget)
    except Exception:  # damaged: render the page again
        cache.discard(key)
        return None
    if rendered.error and tried_with < budget:
        return None  # ran out of time under a smaller budget than this build's: try again
    return rendered


class _Pages(Sequence):
    """The pages to render, each made a `Document` as the executor sends it: its `data` is the page's
    Markdown in UTF-8. Sent as text, the Markdown would keep its UTF-8 form beside it in this process
    for the rest of the build (pickling a string caches its encoding in it: 2.5 times its size)."""

    def __init__(self, pages: dict[str, str], todo: list[str]):
        self.pages, self.todo = pages, todo

    def __len__(self) -> int:
        return len(self.todo)

    def __getitem__(self, j: int) -> Document:
        path = self.todo[j]
        return Document(path=Path(path), relpath=path, data=self.pages[path].encode("utf-8", "surrogatepass"))


def render_pages(pages: dict[str, str], stage, config, progress: bool = False) -> tuple[dict[str, Rendered], dict]:
    """Run `stage` (with the config) over every page (path → Markdown); what became of each, and statistics.

    The stage receives a `Document` whose `relpath` is the page's path and whose
    `data` is its Markdown in UTF-8, and may leave the page's render in `facts["html"]` (`pack`ed).
    """
    start = time.perf_counter()
    stats: dict = {"pages": len(pages), "rendered": 0, "cached": 0, "failed": 0, "gave_up": 0, "seconds": 0.0,
                   "cpu": 0.0}
    writable = not config.check
    cache = Cache(Path(config.cache) / "pages", writable) if config.use_cache else None
    bodies = Cache(Path(config.cache) / "html", writable) if config.use_cache else None
    version = page_version(config)
    keys = {path: page_key(path, markdown, version) for path, markdown in pages.items()}
    results: dict[str, Rendered] = {}
    todo: list[str] = []
    for path in sorted(pages):
        found = _cached(cache, keys[path], config.time_budget)
        if found is not None:
            results[path] = found
            stats["cached"] += 1
        else:
            todo.append(path)
    timings: list[tuple[float, str]] = []
    if todo:
        from . import make_executor

        executor = make_executor([stage], config, fresh=len(todo) >= FRESH)  # an edit's few pages: forked at once
        bar = tqdm(total=len(todo), desc="pages", unit="page", disable=not progress, file=sys.stderr, leave=False)
        for j, outcome in executor.run(_Pages(pages, todo)):
            path, html = todo[j], None
            if outcome.payload is not None:
                done = pickle.loads(outcome.payload)
                error, html = done.error, done.facts.get("html")
            else:
                error = outcome.error
            seconds = sum(outcome.seconds.values())
            stats["cpu"] += sum(outcome.cpu.values())
            results[path] = Rendered(error=error, seconds=seconds)
            timings.append((seconds, path))
            stats["rendered"] += 1
            stats["failed"] += bool(error) and not outcome.timed_out
            stats["gave_up"] += outcome.timed_out
            if cache is not None and outcome.cacheable:
                entry = {"error": error, "budget": config.time_budget}
                cache.put(keys[path], pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL))
                if isinstance(html, bytes):
                    bodies.put(keys[path], html)
            bar.update()
        bar.close()
    if cache is not None:
        keep = set(keys.values())
        stats["cache_pruned"] = cache.prune(keep) + bodies.prune(keep)
    stats["seconds"] = sum(seconds for seconds, _ in timings)  # in the workers, summed; "cpu": their processor time
    stats["slowest"] = [[path, round(seconds, 3)] for seconds, path in sorted(timings, reverse=True)[:SLOWEST]]
    stats["wall"] = time.perf_counter() - start
    return results, stats

