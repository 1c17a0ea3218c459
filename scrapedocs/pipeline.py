"""The stages, registered in order, and the loop that runs them.

Like Python-Markdown's processors: each stage has one job and a name, and the
order lives in one list. A document stage takes one `Document`; a collection
stage sees every document at once (slugs, and later cross-links) and must stay
linear in the corpus. A document whose `error` is set skips the later stages
and is reported instead of published.
"""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from .clean import clean
from .extract import extract
from .extract.policy import apply_policy
from .indexes import build_indexes, find_facts
from .link import link_collection
from .metadata_file import apply_metadata_file
from .model import Collection
from .read import MAX_SIZE, decode_source, load_source, scan
from .render import render
from .reprints import merge_reprints
from .restore import restore_document
from .sidecar import apply_sidecar
from .slugs import assign_slugs
from .structure import structure


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable
    scope: str = "document"  # or "collection"


PIPELINE: list[Stage] = [
    Stage("read", decode_source),
    Stage("clean", clean),
    Stage("restore", restore_document),
    Stage("extract", extract),
    Stage("policy", apply_policy),
    Stage("sidecar", apply_sidecar),
    Stage("structure", structure),
    Stage("facts", find_facts),
    Stage("metadata", apply_metadata_file, "collection"),
    Stage("reprints", merge_reprints, "collection"),
    Stage("slugs", assign_slugs, "collection"),
    Stage("link", link_collection, "collection"),
    Stage("indexes", build_indexes, "collection"),
    Stage("render", render),
]

PROGRESS_THRESHOLD = 50  # sources; below this a progress bar is noise


def convert(collection: Collection, stages: Iterable[Stage] = PIPELINE, progress: bool = False) -> Collection:
    """Run `stages` over the collection in order; failed documents stay in it, marked."""
    for stage in stages:
        if stage.scope == "collection":
            stage.run(collection)
            continue
        for doc in tqdm(collection.published, desc=stage.name, unit="doc", disable=not progress, file=sys.stderr, leave=False):
            try:
                stage.run(doc)
            except Exception as err:  # one bad page must not stop the build
                doc.error = f"{stage.name} failed: {type(err).__name__}: {err}"
    return collection


def build_collection(input_dir: Path, progress: bool | None = None, max_size: int = MAX_SIZE) -> Collection:
    """Read and convert every source under `input_dir`; the files that are not sources are listed as skipped."""
    found = scan(input_dir)
    paths = found.sources
    if progress is None:
        progress = len(paths) >= PROGRESS_THRESHOLD and sys.stderr.isatty()
    docs = [load_source(path, input_dir, max_size) for path in tqdm(paths, desc="load", unit="file",
                                                                     disable=not progress, file=sys.stderr, leave=False)]
    return convert(Collection(docs, skipped=found.skipped), progress=progress)
