"""Running the document stages over a collection: from the cache, in worker processes, or on Dask.

Every document stage before the first collection stage is a pure function of
the source's bytes, its sidecar's bytes and the config, so the engine

1. looks each loaded document up in the cache (`cache`), by a key of exactly
   those inputs and the converter's version;
2. sends the others to an executor — worker processes on this machine
   (`local`, `--jobs N`) or a Dask cluster (`dask`, `--executor dask://…`) —
   which runs the stages (`task`) under a time budget per document;
3. puts every result back at its document's position, so the collection is
   the same whatever ran it, and stores it in the cache.

A document the executor gave up on, or whose stage raised, keeps its place
with the reason as its error: it becomes a line of the report.

`pages` is the second pass, after the collection stages: every generated page
through one stage (`render.trial`: rendered as the site will) on the same
executors, under the same budget, cached by the page's Markdown.
"""
from __future__ import annotations

import gc
import pickle
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from tqdm import tqdm

from ..config import BuildConfig
from ..model import Document
from .cache import Cache, converter_version, entry_key, identity
from .keys import Remembered, signature
from .task import Outcome

DASK_SCHEME = "dask://"


class EngineError(RuntimeError):
    """The engine cannot run at all (an executor unknown or unreachable): the build stops, saying why."""


def make_executor(stages: Sequence, config: BuildConfig, fresh: bool = False):
    """The executor `config.executor` names: "local" or "dask://HOST:PORT". `fresh`: local workers that
    do not inherit this process's memory (for a pass that runs once it holds the whole collection)."""
    if config.executor == "local":
        from .local import LocalExecutor

        return LocalExecutor(stages, config, config.jobs, config.time_budget, fresh=fresh)
    if config.executor.startswith(DASK_SCHEME):
        from .dask import DaskExecutor

        return DaskExecutor(stages, config, config.executor[len(DASK_SCHEME):], config.time_budget)
    raise EngineError(f"unknown executor {config.executor!r}: use 'local' or 'dask://HOST:PORT'")


@contextmanager
def _no_gc() -> Iterator[None]:
    """Unpickling thousands of documents allocates millions of objects and none of them is garbage:
    the cyclic collector would scan the growing heap again and again (half the time of a rebuild)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _cached(cache: Cache, key: str, doc: Document, budget: float) -> Document | None:
    payload = cache.get(key)
    if payload is None:
        return None
    try:
        found = pickle.loads(payload)
    except Exception:  # a damaged entry can raise anything while unpickling
        found = None
    if not isinstance(found, Document) or identity(found) != identity(doc):
        cache.discard(key)
        return None
    if found.facts.get("engine", {}).get("budget", budget) < budget:
        return None  # gave up under a smaller budget than this build's: try again
    found.path = doc.path  # the input folder may have moved; the key holds the relative path
    if doc.origin is not None and doc.origin.container:  # the same page in another crawl: its name and fetch time
        found.relpath, found.origin = doc.relpath, doc.origin
    return found


def _given_up(doc: Document, outcome: Outcome, budget: float) -> Document:
    doc.data = b""
    doc.error = outcome.error
    if outcome.timed_out:
        doc.facts["engine"] = {"budget": budget}
    return doc


class _Loading(Sequence):
    """The documents to convert, each read again from disk as the executor sends it: a cold build never
    holds the bytes of every source at once. The cache key is taken again from the bytes read then, so
    what is cached is what was converted."""

    def __init__(self, docs: list[Document], todo: list[int], load, keys: dict[int, str], version: str,
                 fingerprint: str):
        self.docs, self.todo, self.load, self.keys = docs, todo, load, keys
        self.version, self.fingerprint = version, fingerprint

    def __len__(self) -> int:
        return len(self.todo)

    def __getitem__(self, j: int) -> Document:
        i = self.todo[j]
        doc = self.load(self.docs[i])
        if not doc.error:
            self.keys[i] = entry_key(doc, self.version, self.fingerprint)
        return doc


def source_keys(docs: list[Document], config: BuildConfig, load, remembered: Remembered | None = None) -> dict[int, str]:
    """The cache key of every document that can be read (`load(doc)` reads it; its bytes are let go
    after): position → key. A document that cannot be read is replaced by what `load` made of it.
    A source whose file is as the last build saw it is not read (`keys`); with `remembered`, what
    this build saw is saved by the caller (a build with nothing to do writes nothing)."""
    version, fingerprint = converter_version(), config.fingerprint()
    own = remembered is None
    remembered = Remembered(config, version, fingerprint) if own else remembered
    keys: dict[int, str] = {}
    for i, doc in enumerate(docs):
        sig = signature(doc)
        key = remembered.key(doc, sig)
        if key is not None:
            keys[i] = key
            continue
        loaded = load(doc)
        if loaded.error:
            docs[i] = loaded
            continue
        keys[i] = entry_key(loaded, version, fingerprint)
        remembered.remember(doc, sig, keys[i])
        loaded.data = b""  # read again if it is to be converted
        docs[i] = loaded
    if own:
        remembered.save()
    return keys


def prepare(docs: list[Document], stages: Sequence, config: BuildConfig, load, keys: dict[int, str],
            progress: bool = False) -> dict:
    """Run the document `stages` over `docs`, replacing each item by its converted document.

    `docs` hold no bytes: `keys` (from `source_keys`) has the cache key of each that could be read,
    and `load(doc)` reads one again when it is sent to be converted.
    Returns the statistics of the run: documents converted, taken from the
    cache, given up; corrupt cache entries; seconds spent in each stage
    (summed over workers) and on the whole.
    """
    with _no_gc():
        return _prepare(docs, stages, config, progress, load, keys)


def _prepare(docs: list[Document], stages: Sequence, config: BuildConfig, progress: bool, load,
             known: dict[int, str]) -> dict:
    start, processor = time.perf_counter(), time.process_time()
    stats: dict = {"documents": len(docs), "converted": 0, "cached": 0, "gave_up": 0, "failed": 0,
                   "cache_corrupt": 0, "cache_pruned": 0, "seconds": Counter(), "cpu": Counter()}
    cache = Cache(config.cache, writable=not config.check) if config.use_cache else None
    version = converter_version()
    fingerprint = config.fingerprint()  # the settings and project files that change conversion
    keys = dict(known)  # those that could not be read have none
    # The sources without an entry go to the executor first: its workers start (and warm up) while the
    # others are taken from the cache here. An entry found unusable sends its source after them.
    todo = [i for i in sorted(keys) if cache is None or not cache.has(keys[i])]
    executor = make_executor(stages, config) if todo else None
    loading = _Loading(docs, todo, load, keys, version, fingerprint)
    try:
        if executor is not None and hasattr(executor, "start"):
            executor.start(loading)
        late: list[int] = []
        for i in sorted(set(keys) - set(todo)):
            found = _cached(cache, keys[i], docs[i], config.time_budget)
            if found is not None:
                docs[i] = found
                stats["cached"] += 1
            else:
                late.append(i)
        stats["seconds"]["cache lookup"] = time.perf_counter() - start
        stats["cpu"]["cache lookup"] = time.process_time() - processor
        if todo:
            _convert(executor, loading, docs, cache, keys, config, stats, progress)
        if late:
            executor = executor or make_executor(stages, config)
            _convert(executor, _Loading(docs, late, load, keys, version, fingerprint), docs, cache, keys, config,
                     stats, progress)
    finally:
        if executor is not None and hasattr(executor, "stop"):
            executor.stop()
    if cache is not None:
        stats["cache_pruned"] = cache.prune(set(keys.values()))
        stats["cache_corrupt"] = cache.corrupt
        stats["cache_full"] = cache.full
    stats["seconds"], stats["cpu"] = dict(stats["seconds"]), dict(stats["cpu"])
    stats["wall"] = time.perf_counter() - start
    return stats


def _convert(executor, loading: _Loading, docs: list[Document], cache: Cache | None, keys: dict[int, str],
             config: BuildConfig, stats: dict, progress: bool) -> None:
    """Convert the documents `loading` sends, put each back at its position and in the cache."""
    todo = loading.todo
    bar = tqdm(total=len(todo), desc="convert", unit="doc", disable=not progress, file=sys.stderr, leave=False)
    for j, outcome in executor.run(loading):
        i = todo[j]
        stats["seconds"].update(outcome.seconds)
        stats["cpu"].update(outcome.cpu)
        if outcome.payload is not None:
            docs[i] = pickle.loads(outcome.payload)
            payload = outcome.payload if outcome.cacheable else None
        else:
            docs[i] = _given_up(docs[i], outcome, config.time_budget)
            payload = pickle.dumps(docs[i], protocol=pickle.HIGHEST_PROTOCOL) if outcome.timed_out else None
        stats["converted"] += 1
        stats["gave_up"] += outcome.payload is None
        stats["failed"] += bool(docs[i].error)
        if cache is not None and payload is not None:
            cache.put(keys[i], payload)
        bar.update()
    bar.close()
