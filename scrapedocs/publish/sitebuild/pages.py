"""One page through MkDocs' own steps, in a worker process: populated, then built with the theme.

What MkDocs' `_populate_page` and `_build_page` do, with one difference: the page's Markdown
is not rendered again when the pages pass already rendered it (`render.html`) and every
lookup it made answers the same in this site; otherwise MkDocs' own `Page.render` renders
it, its lookups recorded for the next build. The template is MkDocs' `_build_page` itself.

The workers are forked once the site's configuration, files, navigation and theme are
loaded (`State`): each takes pages in order and writes their files. What MkDocs logs in a
worker is collected, not printed, and handed back with the page: the parent logs it again,
in page order, where the strict-mode counter and the build's own handlers see it.
"""
from __future__ import annotations

import logging
import pickle
from dataclasses import dataclass, field

from ...render.html import Lookups, apply, render_page, reusable
from .reuse import identity

#: MkDocs' loggers all hang under this one.
LOGGER = "mkdocs"


@dataclass
class State:
    """What every worker needs, loaded before they are forked."""

    config: object  # MkDocsConfig, after the plugins' on_config
    files: object  # Files
    nav: object  # Navigation
    env: object  # the theme's Jinja environment, after on_env
    doc_files: list  # the documentation pages built (Files.documentation_pages)
    stored: object = None  # engine.pages.StoredHTML, or None: every page rendered here
    pages: list = field(default_factory=list)  # indexes into doc_files: the pages to build


@dataclass
class Outcome:
    """What became of one page."""

    src_uri: str
    logs: list = field(default_factory=list)  # [phase, logger name, level, message]
    lookups: dict | None = None  # the lookups of its render (None: populated elsewhere)
    identity: list | None = None  # the file written (reuse.identity)
    stored: bool = False  # its HTML came from the pages pass
    error: tuple | None = None  # (phase, pickled exception or None, message)


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.NOTSET)
        self.records: list[list] = []
        self.phase = ""

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append([self.phase, record.name, record.levelno, record.getMessage()])


def populate(page, state: State, outcome: Outcome) -> None:
    """MkDocs' `_populate_page`, the render taken from the pages pass when it may be."""
    from mkdocs.exceptions import BuildError
    from mkdocs.utils.meta import get_data

    config, files = state.config, state.files
    log = logging.getLogger("mkdocs.commands.build")
    config._current_page = page
    try:
        page = config.plugins.on_pre_page(page, config=config, files=files)
        source = config.plugins.on_page_read_source(page=page, config=config)
        if source is None:
            try:
                source = page.file.content_string
            except OSError:
                logging.getLogger("mkdocs.structure.pages").error(f'File not found: {page.file.src_path}')
                raise
            except ValueError:
                logging.getLogger("mkdocs.structure.pages").error(f'Encoding error reading file: {page.file.src_path}')
                raise
        page.markdown, page.meta = get_data(source)
        page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
        found = state.stored.get(page.file.src_uri, source) if state.stored is not None else None
        if reusable(found, files, source):
            apply(page, found, files)
            outcome.lookups, outcome.stored = dict(found["lookups"]), True
        else:
            outcome.lookups = render_page(page, config, Lookups(files.get_file_from_path))["lookups"]
        page.content = config.plugins.on_page_content(page.content, page=page, config=config, files=files)
    except Exception as e:
        message = f"Error reading page '{page.file.src_uri}':"
        if not isinstance(e, BuildError):
            message += f" {e}"
        log.error(message)
        raise
    finally:
        config._current_page = None


def build_one(index: int, state: State, collect: _Collect, populated: bool) -> Outcome:
    """Populate (unless done) and build the page `state.doc_files[index]`, writing its file."""
    from mkdocs.commands.build import _build_page

    file = state.doc_files[index]
    outcome = Outcome(file.src_uri)
    start = len(collect.records)
    phase = "populate"
    try:
        if not populated:
            collect.phase = phase
            populate(file.page, state, outcome)
        collect.phase = phase = "build"
        _build_page(file.page, state.config, state.doc_files, state.nav, state.env,
                    excluded=file.inclusion.is_excluded())
        outcome.identity = identity(file.abs_dest_path)
    except Exception as e:  # MkDocs logged it; the parent raises it again, in page order
        try:
            pickled = pickle.dumps(e)
        except Exception:
            pickled = None
        outcome.error = (phase, pickled, f"{type(e).__name__}: {e}")
    finally:
        if not populated:  # the page's HTML is written: the worker need not keep it
            file.page.content = None
    outcome.logs = collect.records[start:]
    return outcome


class collecting:
    """MkDocs' log records collected instead of handled while pages are built (in a worker, or
    here when there is no worker): the parent handles them again, in order."""

    def __enter__(self) -> _Collect:
        self.logger = logging.getLogger(LOGGER)
        self.saved = (list(self.logger.handlers), self.logger.propagate)
        self.handler = _Collect()
        self.logger.handlers[:] = [self.handler]
        self.logger.propagate = False
        return self.handler

    def __exit__(self, *exc) -> None:
        self.logger.handlers[:], self.logger.propagate = self.saved


#: Set in the parent before the workers are forked; they read it.
STATE: State | None = None


def work(chunk: tuple[list[int], list[bool]]) -> list[Outcome]:
    """A worker's task: pages (indexes into `STATE.doc_files`) built in order."""
    indexes, populated = chunk
    with collecting() as collect:
        return [build_one(i, STATE, collect, done) for i, done in zip(indexes, populated)]


def start_worker() -> None:
    """A forked worker: Ctrl+C is the parent's; what it inherited is never garbage here."""
    import gc
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.freeze()
