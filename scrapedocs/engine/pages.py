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
(`build/cache/html/`, the same key), for a site build that would reuse them.
The key does not hold the page's path: the HTML of a page does not depend on it.
"""
from __future__ import annotations

import hashlib
import pickle
import sys
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from tqdm import tqdm

from ..model import Document
from .cache import Cache, converter_version

#: Libraries whose version changes the HTML of a page (the converter's own version is in the key too).
MARKDOWN_LIBRARIES = ("Markdown", "pymdown-extensions", "mkdocs")
SLOWEST = 10  # pages named in the statistics, slowest first


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


def page_key(markdown: str, version: str) -> str:
    """The cache key of a page: its Markdown (front matter included) and `page_version`.

    >>> page_key("# 标题", "v1") == page_key("# 标题", "v1") != page_key("# 标题", "v2")
    True
    """
    h = hashlib.blake2b(digest_size=16)
    h.update(version.encode() + b"\0")
    h.update(markdown.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def stored_html(markdown: str, config) -> dict | None:
    """The HTML body and table of contents (`{"html": …, "toc": […]}`) a page's Markdown gave when a build
    rendered it with the same configuration and versions; None when none is kept (or it cannot be trusted).

    For a site build that would reuse them: MkDocs reads the same Markdown from the docs folder.
    """
    payload = Cache(Path(config.cache) / "html", writable=False).get(page_key(markdown, page_version(config)))
    try:
        found = pickle.loads(payload) if payload is not None else None
    except Exception:
        return None
    return found if isinstance(found, dict) and isinstance(found.get("html"), str) else None


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


def render_pages(pages: dict[str, str], stage, config, progress: bool = False) -> tuple[dict[str, Rendered], dict]:
    """Run `stage` (with the config) over every page (path → Markdown); what became of each, and statistics.

    The stage receives a `Document` whose `relpath` is the page's path and whose
    `markdown` is its Markdown, and may leave the page's HTML in `facts["html"]`.
    """
    start = time.perf_counter()
    stats: dict = {"pages": len(pages), "rendered": 0, "cached": 0, "failed": 0, "gave_up": 0, "seconds": 0.0,
                   "cpu": 0.0}
    writable = not config.check
    cache = Cache(Path(config.cache) / "pages", writable) if config.use_cache else None
    bodies = Cache(Path(config.cache) / "html", writable) if config.use_cache else None
    version = page_version(config)
    keys = {path: page_key(markdown, version) for path, markdown in pages.items()}
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

        executor = make_executor([stage], config)
        bar = tqdm(total=len(todo), desc="pages", unit="page", disable=not progress, file=sys.stderr, leave=False)
        docs = [Document(path=Path(path), relpath=path, markdown=pages[path]) for path in todo]
        for j, outcome in executor.run(docs):
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
                if html is not None:
                    bodies.put(keys[path], pickle.dumps(html, protocol=pickle.HIGHEST_PROTOCOL))
            bar.update()
        bar.close()
    if cache is not None:
        keep = set(keys.values())
        stats["cache_pruned"] = cache.prune(keep) + bodies.prune(keep)
    stats["seconds"] = sum(seconds for seconds, _ in timings)  # in the workers, summed; "cpu": their processor time
    stats["slowest"] = [[path, round(seconds, 3)] for seconds, path in sorted(timings, reverse=True)[:SLOWEST]]
    stats["wall"] = time.perf_counter() - start
    return results, stats

