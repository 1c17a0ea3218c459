"""The stages, registered in order, and the loop that runs them.

Like Python-Markdown's processors: each stage has one job and a name, and the
order lives in one list. A document stage takes one `Document`; a collection
stage sees every document at once (slugs, and later cross-links) and must stay
linear in the corpus. A document whose `error` is set skips the later stages
and is reported instead of published.

The document stages before the first collection stage are the expensive,
per-document part of a build, and a pure function of the source's bytes, its
sidecar's and the config: `engine` runs them in worker processes (or on a Dask
cluster) and caches their result. The last stage, `pages`, sends every page the
stages wrote through the engine once more, to render it as the site will, under
the same time budget (`render.trial`). So whatever a collection stage can learn from
one document alone belongs in a document stage registered before it (the
reprints' `signature`, the link stage's `citations`), stored as plain data in
`doc.facts` under the collection stage's name, and dropped once that stage has run.
"""
from __future__ import annotations

import gc
import hashlib
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from .clean import clean
from .config import BuildConfig, with_project_files
from .engine import converter_version, prepare, source_keys
from .engine.keys import Remembered
from .extract import extract
from .extract.policy import apply_policy
from .indexes import build_indexes, find_facts
from .link import gather as gather_citations
from .link import link_collection
from .metadata_file import apply_metadata_file
from .clean.list_pages import reject_list_page
from .model import Collection, Document
from .provenance import apply_origin, stamp_retrieved
from .read import decode_source, display_path, load_source, scan
from .read.archives import Capture, index_containers, load_captures
from .render.memo import render_collection
from .render.trial import check_pages
from .reprints import merge_reprints
from .reprints import sign as sign_reprints
from .restore import restore_document
from .sidecar import apply_sidecar
from .slugs import assign_slugs
from .structure import structure


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable
    scope: str = "document"  # or "collection"
    with_config: bool = False  # run(target, config) rather than run(target)
    sees_failures: bool = False  # also runs on a document that failed a stage before it (to say better why)

    def apply(self, target, config: BuildConfig | None = None):
        return self.run(target, config) if self.with_config else self.run(target)


PIPELINE: list[Stage] = [
    Stage("read", decode_source),
    Stage("clean", clean),
    Stage("lists", reject_list_page, sees_failures=True),  # a page that lists links to other pages: not an article
    Stage("restore", restore_document),
    Stage("extract", extract),
    Stage("policy", apply_policy),
    Stage("origin", apply_origin),  # the URL a crawl, a mirror or a save gave; a JSON line's fields
    Stage("sidecar", apply_sidecar),
    Stage("structure", structure),
    Stage("signature", sign_reprints),  # for reprints
    Stage("citations", gather_citations),  # for link
    Stage("facts", find_facts, with_config=True),  # for indexes (the project's lexicon and topics)
    Stage("retrieved", stamp_retrieved, "collection"),  # after the cache: a re-crawl changes only this
    Stage("metadata", apply_metadata_file, "collection"),
    Stage("reprints", merge_reprints, "collection"),
    Stage("slugs", assign_slugs, "collection"),
    Stage("link", link_collection, "collection"),
    Stage("indexes", build_indexes, "collection"),
    Stage("render", render_collection, "collection"),  # within limits (render.limits); unchanged pages kept
    Stage("pages", check_pages, "collection"),  # every page rendered as the site will, in the workers, in time
]

PROGRESS_THRESHOLD = 50  # sources; below this a progress bar is noise


def split(stages: Sequence[Stage]) -> tuple[list[Stage], list[Stage]]:
    """The document stages before the first collection stage (run by the engine), and the rest."""
    stages = list(stages)
    first = next((i for i, s in enumerate(stages) if s.scope == "collection"), len(stages))
    return stages[:first], stages[first:]


def convert(collection: Collection, stages: Iterable[Stage] = PIPELINE, progress: bool = False) -> Collection:
    """Run `stages` over the collection in order, in this process; failed documents stay in it, marked.

    Records the seconds (and processor seconds) each stage took in `collection.stats`.
    """
    seconds = collection.stats.setdefault("seconds", {})
    cpu = collection.stats.setdefault("cpu", {})
    for stage in stages:
        start, processor = time.perf_counter(), time.process_time()
        if stage.scope == "collection":
            stage.apply(collection, collection.config)
            for doc in collection.docs:  # what document stages prepared for it has served (a third of the memory)
                doc.facts.pop(stage.name, None)
        else:
            for doc in tqdm(collection.published, desc=stage.name, unit="doc", disable=not progress,
                            file=sys.stderr, leave=False):
                try:
                    stage.apply(doc, collection.config)
                except Exception as err:  # one bad page must not stop the build
                    doc.error = f"{stage.name} failed: {type(err).__name__}: {err}"
        seconds[stage.name] = seconds.get(stage.name, 0.0) + time.perf_counter() - start
        cpu[stage.name] = cpu.get(stage.name, 0.0) + time.process_time() - processor
    return collection


@dataclass
class Sources:
    """What a build reads, before it converts anything: each source (not yet converted; its bytes let go),
    its cache key (a digest of its bytes, its sidecar's, the converter and the settings), the files
    under the input folder that are not sources (`read.Skipped`) and the crawls' records."""

    docs: list
    keys: dict[int, str]
    skipped: list
    records: list
    load: Callable[[Document], Document]  # reads a source's bytes again, to convert it
    seconds: float = 0.0
    cpu: float = 0.0
    remembered: Remembered | None = None  # the files as this build saw them (`engine.keys`), saved once it converts

    def digest(self) -> str:
        """One digest of every source's path and key (or why it cannot be read) and of the skipped files."""
        h = hashlib.blake2b(digest_size=16)
        for i, doc in enumerate(self.docs):
            h.update(f"{doc.relpath}\0{self.keys.get(i) or 'unread: ' + doc.error}\n".encode("utf-8", "surrogatepass"))
        for skipped in self.skipped:
            h.update(f"skipped {skipped.source}\0{skipped.reason}\n".encode("utf-8", "surrogatepass"))
        return h.hexdigest()


def _config_of(source: BuildConfig | Path) -> BuildConfig:
    if isinstance(source, BuildConfig):
        return source
    # a tool's or a test's build: no cache; the folder holding the input folder is the project's
    return with_project_files(BuildConfig(input_dir=Path(source), project_dir=Path(source).resolve().parent,
                                          use_cache=False))


def reader(input_dir: Path, captures: list[Capture], max_bytes: int):
    """What reads a source's bytes when the engine asks for them: a file from disk, a crawl's
    record from its container (so a build never holds every source at once)."""
    by_source = {capture.source: capture for capture in captures}

    def load(doc: Document) -> Document:
        capture = by_source.get(doc.relpath) if doc.origin is not None else None
        if capture is None:
            return load_source(doc.path, input_dir, max_bytes)
        return next(load_captures([capture], input_dir, max_bytes))

    return load


def read_sources(config: BuildConfig) -> Sources:
    """Every source under the input folder (files, and the pages in crawls and scrapes), read once for
    its cache key (`engine.source_keys`)."""
    input_dir = Path(config.input_dir)
    start, processor = time.perf_counter(), time.process_time()
    found = scan(input_dir)
    crawls = index_containers(found.containers, input_dir, config.max_bytes)
    docs = [Document(path=path, relpath=display_path(path, input_dir)) for path in found.sources]
    docs += [Document(path=input_dir / c.container, relpath=c.source, origin=c.origin()) for c in crawls.captures]
    load = reader(input_dir, crawls.captures, config.max_bytes)
    remembered = Remembered(config, converter_version(), config.fingerprint())
    keys = source_keys(docs, config, load, remembered)
    skipped = sorted(found.skipped + crawls.skipped, key=lambda s: s.source)
    return Sources(docs, keys, skipped, crawls.records, load, time.perf_counter() - start,
                   time.process_time() - processor, remembered)


def build_collection(source: BuildConfig | Path, progress: bool | None = None,
                     stages: Sequence[Stage] | None = None, sources: Sources | None = None) -> Collection:
    """Read and convert every source of the build (`source`: a config, or just the input folder).

    The files under the input folder that are not sources are listed as
    skipped; crawls and scrapes (`read.archives`) add their records, those
    that are not pages listed with their kind. The document stages run in the
    engine (cache, worker processes or Dask, time budget); the collection
    stages and what follows them here. `sources`: the build's sources already
    read (`read_sources`).
    """
    config = _config_of(source)
    sources = sources or read_sources(config)
    docs = sources.docs
    if progress is None:
        progress = len(docs) >= PROGRESS_THRESHOLD and sys.stderr.isatty()
    first, rest = split(PIPELINE if stages is None else stages)
    stats = prepare(docs, first, config, sources.load, sources.keys, progress=progress)
    if sources.remembered is not None:
        sources.remembered.save()
    gc.freeze()  # the documents live until the build ends: later collections need not scan them again
    stats["seconds"] = {"sources": sources.seconds, **stats["seconds"]}  # not "read": the document stage of that name
    stats["cpu"] = {"sources": sources.cpu, **stats["cpu"]}
    collection = Collection(docs, skipped=sources.skipped, records=sources.records, config=config, stats=stats)
    return convert(collection, rest, progress=progress)
