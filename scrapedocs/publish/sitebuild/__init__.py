"""The site build: MkDocs' own build, with pages rendered once, in several processes, and unchanged pages reused.

`mkdocs build` renders every page's Markdown and template, one after the other, on every build.
This is the same build, step for step (`mkdocs.commands.build.build`: the plugins' events,
files, navigation, static files, theme templates, pages, `on_post_build`, strict mode) and
its output is the same, byte for byte (tested against `mkdocs build`), with three changes:

- a page's Markdown is not rendered again when the pages pass rendered it with MkDocs' own
  `Page.render` (`render.html`; its HTML is in the build cache) and every link it rewrote
  points where it did then;
- a page whose file cannot have changed is taken from the site being replaced, by a hard
  link: the same Markdown, the same answers to its link lookups, the same configuration,
  theme, navigation, build date and versions (`reuse`);
- the other pages are populated and built by MkDocs' own functions in worker processes
  forked once the configuration, files, navigation and theme are loaded (`pages`); the
  pages of the navigation are populated first, here, as MkDocs does (their titles are on
  every page).

What it does not know, it leaves to MkDocs: a plugin other than `scrapedocs` (a project's
own, hooks), or anchor validation raised above INFO, and the site is built by `mkdocs build`
itself (`unsupported`). A hand-written page, or a page without a stored render, is rendered
by MkDocs' `Page.render`, in a worker.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
import shutil
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ...render.html import SNIPPET
from . import pages as worker
from .reuse import Answers, Manifest, identity, page_digest, site_digest

#: The plugins whose events the build knows to be per page and harmless to run in a worker.
KNOWN_PLUGINS = frozenset({"scrapedocs"})
#: Below this many pages to build, no worker is forked.
FORK_THRESHOLD = 24
#: Pages a worker takes at a time (at most).
CHUNK = 40


def unsupported(config) -> str | None:
    """Why `config`'s site must be built by `mkdocs build` itself; None when this build can build it."""
    unknown = sorted(set(config.plugins) - KNOWN_PLUGINS)
    if unknown:
        return f"plugins other than scrapedocs: {', '.join(unknown)}"
    if config.validation.links.anchors > logging.INFO:
        return "anchor validation above INFO"
    return None


@dataclass
class Result:
    manifest: Manifest
    stats: dict = field(default_factory=dict)


def _context():
    return multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")


def _chunks(todo: list[int], populated: set[int], jobs: int) -> list[tuple[list[int], list[bool]]]:
    size = max(1, min(CHUNK, len(todo) // (jobs * 8) or 1))
    return [(todo[i:i + size], [j in populated for j in todo[i:i + size]]) for i in range(0, len(todo), size)]


def _reuse(path: str, dest: str) -> None:
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    try:
        os.link(path, dest)
    except OSError:
        shutil.copy2(path, dest)


def _replay(outcomes: list[worker.Outcome]) -> None:
    """What MkDocs logged in the workers, logged here: the populate phase of every page, then the build."""
    for phase in ("populate", "build"):
        for outcome in outcomes:
            for when, name, level, message in outcome.logs:
                if when == phase:
                    logging.getLogger(name).log(level, message)


def _raise_first(outcomes: list[worker.Outcome]) -> None:
    from mkdocs.exceptions import BuildError

    for phase in ("populate", "build"):
        for outcome in outcomes:
            if outcome.error and outcome.error[0] == phase:
                _, pickled, message = outcome.error
                try:
                    error = pickle.loads(pickled) if pickled else None
                except Exception:
                    error = None
                raise error if isinstance(error, BaseException) else BuildError(message)


def build(config, *, jobs: int = 1, stored=None, previous_site: Path | None = None,
          manifest: Manifest | None = None) -> Result:
    """Build `config`'s site into `config.site_dir` (the strict mode, the plugins' events and the output of
    `mkdocs build`). `stored`: the pages pass's renders (`engine.pages.StoredHTML`); `previous_site` and
    `manifest`: the site being replaced and the record of its build, to take unchanged pages from.
    Returns the record of this build (to be written once the site is in place) and statistics."""
    from mkdocs import utils
    from mkdocs.exceptions import Abort, BuildError

    logger = logging.getLogger("mkdocs")
    counter = utils.CountHandler()
    counter.setLevel(logging.WARNING)
    if config.strict:
        logger.addHandler(counter)
    try:
        start = time.perf_counter()
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        utils.clean_directory(config.site_dir)
        result = _build(config, jobs, stored, previous_site, manifest)
        result.stats["seconds_pages"] = time.perf_counter() - start  # the search index is built after
        config.plugins.on_post_build(config=config)
        search = getattr(config.plugins.get("scrapedocs"), "indexed", None)
        if search:
            result.stats["search"] = search
        if counts := counter.get_counts():
            msg = ", ".join(f"{v} {k.lower()}s" for k, v in counts)
            raise Abort(f"Aborted with {msg} in strict mode!")
        result.stats["seconds"] = time.perf_counter() - start
        return result
    except Exception as e:
        config.plugins.on_build_error(error=e)
        if isinstance(e, BuildError):
            logger.error(str(e))
            raise Abort("Aborted with a BuildError!") from e
        raise
    finally:
        logger.removeHandler(counter)


def _build(config, jobs: int, stored, previous_site: Path | None, manifest: Manifest | None) -> Result:
    from mkdocs.commands.build import _build_extra_template, _build_theme_template
    from mkdocs.structure.files import InclusionLevel, get_files, set_exclusions
    from mkdocs.structure.nav import get_navigation
    from mkdocs.structure.pages import Page

    files = get_files(config)
    env = config.theme.get_env()
    files.add_files_from_theme(env, config)
    files = config.plugins.on_files(files, config=config)
    set_exclusions(files, config)
    nav = get_navigation(files, config)
    nav = config.plugins.on_nav(nav, config=config, files=files)
    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
    for file in doc_files:
        if file.page is None and file.inclusion.is_not_in_nav():
            Page(None, file, config)
    state = worker.State(config, files, nav, env, doc_files, stored)

    # The navigation's pages first, here, as MkDocs populates every page before building any.
    in_nav = {id(page.file) for page in nav.pages}
    populated: dict[int, worker.Outcome] = {}
    for i, file in enumerate(doc_files):
        if id(file) in in_nav:
            populated[i] = worker.Outcome(file.src_uri)
            worker.populate(file.page, state, populated[i])
    digest = site_digest(config, nav)
    record = Manifest(str(previous_site) if previous_site else "", digest)
    reusing = manifest is not None and previous_site is not None and manifest.digest == digest

    env = config.plugins.on_env(env, config=config, files=files)
    state.env = env
    files.copy_static_files(inclusion=InclusionLevel.is_included)
    for template in config.theme.static_templates:
        _build_theme_template(template, env, files, config, nav)
    for template in config.extra_templates:
        _build_extra_template(template, files, config, nav)

    todo: list[int] = []
    digests: dict[int, str | None] = {}
    reused = 0
    answers = Answers(files)
    for i, file in enumerate(doc_files):
        data = _source_bytes(file)
        digests[i] = page_digest(file.src_uri, data) if data is not None and SNIPPET.encode() not in data else None
        previous = manifest.reusable(file.src_uri, digests[i], answers, previous_site) \
            if reusing and digests[i] is not None else None
        if previous is not None:
            _reuse(previous, file.abs_dest_path)
            _, lookups, dest, _ = manifest.pages[file.src_uri]
            record.pages[file.src_uri] = [digests[i], lookups, dest, identity(file.abs_dest_path)]
            reused += 1
        else:
            todo.append(i)

    outcomes = _run(state, todo, set(populated), jobs)
    _replay(outcomes)
    _raise_first(outcomes)
    from_stored = 0
    for i, outcome in zip(todo, outcomes):
        if i in populated:
            outcome.lookups, outcome.stored = populated[i].lookups, populated[i].stored
        from_stored += outcome.stored
        file = doc_files[i]
        if digests[i] is not None and outcome.lookups is not None and outcome.identity is not None:
            record.pages[file.src_uri] = [digests[i], outcome.lookups, file.dest_uri, outcome.identity]
    stats = {"pages": len(doc_files), "reused": reused, "built": len(todo), "from_pages_pass": from_stored,
             "rendered": len(todo) - from_stored, "jobs": jobs if len(todo) >= FORK_THRESHOLD else 1}
    return Result(record, stats)


def _source_bytes(file) -> bytes | None:
    """The page's Markdown as it is on disk (None: not a file, or unreadable: never reused)."""
    if getattr(file, "_content", None) is not None or not file.abs_src_path:
        return None
    try:
        with open(file.abs_src_path, "rb") as f:
            return f.read()
    except OSError:
        return None


def _run(state: worker.State, todo: list[int], populated: set[int], jobs: int) -> list[worker.Outcome]:
    """Build the pages `todo` (indexes into `state.doc_files`, in order): in `jobs` forked workers
    when there are enough of them, else here. The outcomes come back in the same order."""
    worker.STATE = state
    try:
        chunks = _chunks(todo, populated, max(1, jobs))
        if jobs <= 1 or len(todo) < FORK_THRESHOLD or _context().get_start_method() != "fork":
            return [outcome for chunk in chunks for outcome in worker.work(chunk)]
        with ProcessPoolExecutor(max_workers=jobs, mp_context=_context(), initializer=worker.start_worker) as pool:
            return [outcome for done in pool.map(worker.work, chunks) for outcome in done]
    finally:
        worker.STATE = None
