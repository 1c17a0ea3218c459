"""The MkDocs site of `docs/`: a strict build swapped in whole, a live preview, a reproducible timestamp.

A build that fails says on which page, from which input, and why (`SiteError`):
MkDocs names the page in what it logs, and the page's front matter names its input.
"""
from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
import threading
from datetime import datetime, timezone
from pathlib import Path

import yaml

from ..config import default_jobs
from ..model import Collection
from ..project.folders import DISK_ERRORS
from . import sitebuild
from .errors import OutputError


class SiteError(OutputError):
    """The site build failed: the message names the page, its input and the reason; the previous site stays."""

    def __init__(self, reason: str, page: str | None = None, source: str | None = None):
        self.reason, self.page, self.source = reason, page, source
        where = f" on {page}" + (f" (input {source})" if source else "") if page else ""
        super().__init__(f"the site build failed{where}: {reason}; the previous site is unchanged")

    @property
    def details(self) -> dict:
        """For the report: `{"built": false, "page": …, "source": …, "error": …}`."""
        return {"built": False, "page": self.page, "source": self.source, "error": self.reason}


class _Problems(logging.Handler):
    """What MkDocs warns about or reports as an error while it builds, in order."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


_PAGE = re.compile(r"'([^'\n]+\.md)'")  # MkDocs quotes the pages it names: "Error reading page 'articles/x.md'"
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def page_source(docs_dir: Path, page: str) -> str | None:
    """The input a generated page comes from (its front matter's `source_file`), or None."""
    try:
        with open(Path(docs_dir) / page, encoding="utf-8", errors="replace") as f:
            head = f.read(65_536)
        m = _FRONT_MATTER.match(head)
        meta = yaml.safe_load(m[1]) if m else None
    except (OSError, yaml.YAMLError):
        return None
    source = meta.get("source_file") if isinstance(meta, dict) else None
    return str(source) if source else None


def _failure(err: BaseException, problems: list[logging.LogRecord], docs_dir: Path) -> SiteError:
    """The page and the reason of a failed build: MkDocs' first error, else its first warning, else the exception."""
    messages = ([r.getMessage() for r in problems if r.levelno >= logging.ERROR]
                + [r.getMessage() for r in problems if r.levelno < logging.ERROR])
    reason = " ".join(str(err).split()) or type(err).__name__
    if messages:
        first = " ".join(messages[0].split())
        if first not in reason:
            reason = f"{first} ({reason})"  # "Doc file … contains a link … (Aborted with 1 warnings …)"
    page = next((m[1] for text in messages + [str(err)] for m in [_PAGE.search(text)] if m), None)
    return SiteError(reason[:1000], page, page_source(docs_dir, page) if page else None)


def source_date_epoch(collection: Collection) -> str:
    """A build timestamp that depends only on the inputs: the newest document date.

    MkDocs stamps sitemaps with the build time unless SOURCE_DATE_EPOCH is set;
    tying it to the corpus keeps the site byte-identical from build to build.
    """
    dates = [d.meta["date"] for d in collection.published if d.meta.get("date")]
    newest = max(dates, default="2000-01-01")
    return str(int(datetime.fromisoformat(newest).replace(tzinfo=timezone.utc).timestamp()))


def _load_config(config_file: Path, docs_dir: Path, site_dir: Path | None = None, strict: bool = True):
    from mkdocs.config import load_config

    kwargs = {"config_file": str(config_file), "docs_dir": str(docs_dir.resolve()), "strict": strict}
    if site_dir is not None:
        kwargs["site_dir"] = str(site_dir.resolve())
    return load_config(**kwargs)


def build_site(config_file: Path, docs_dir: Path, site_dir: Path, epoch: str, build=None,
               serve_url: str | None = None) -> dict:
    """`mkdocs build --strict` of `docs_dir` into `site_dir`, search index included (the scrapedocs plugin).

    The site is built into a folder beside `site_dir` and swapped in only when the build
    succeeded: a failed or interrupted build leaves the previous site as it was. A failed
    build raises `SiteError`, naming the page, its input and the reason.

    The build is `sitebuild.build` (MkDocs' build, pages in `build.jobs` processes, the pages
    pass's HTML and the previous site's unchanged pages reused through the cache of `build`,
    a `BuildConfig`), or `mkdocs build` itself for a site it does not know how to build.
    `serve_url`: the site is a live preview served there (its pages' URLs say so, as `mkdocs serve`'s).
    Returns what it did (`{"builder": "scrapedocs" or "mkdocs", …}`).
    """
    from mkdocs.commands.build import build as mkdocs_build

    from .plugin import PREVIOUS_SEARCH

    os.environ.setdefault("SOURCE_DATE_EPOCH", epoch)
    site_dir = Path(site_dir).resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.building-", dir=site_dir.parent))
    os.environ[PREVIOUS_SEARCH] = str(site_dir / "pagefind")  # unchanged search parts are reused
    problems = _Problems()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(problems)
    manifest, record = _manifest_path(build, "site-serve" if serve_url else "site"), None
    try:
        config = _load_config(config_file, docs_dir, building)
        if serve_url:
            config.site_url = serve_url
        reason = sitebuild.unsupported(config)
        if reason:
            mkdocs_build(config)
            stats = {"builder": "mkdocs", "why": reason}
        else:
            from ..engine.pages import StoredHTML

            stored = StoredHTML(build) if build is not None and build.use_cache else None
            result = sitebuild.build(config, jobs=build.jobs if build is not None else default_jobs(), stored=stored,
                                     previous_site=site_dir, manifest=sitebuild.Manifest.read(manifest, site_dir))
            record, stats = result.manifest, {"builder": "scrapedocs", **result.stats}
        # Kept when most of its files are the new site's too (hard links): removing it is then
        # left to the next build, which does it while it converts (`sweep`).
        swap(building, site_dir, keep=stats.get("reused", 0) * 2 > stats.get("pages", 0))
        if manifest is not None and record is not None:
            record.write(manifest)
        return stats
    except (KeyboardInterrupt, OutputError):  # an interruption; an output that cannot be made says why itself
        raise
    except OSError as err:
        if err.errno in DISK_ERRORS:  # a full disk, no permission: the folder's problem, not a page's
            raise
        raise _failure(err, problems.records, docs_dir) from err
    except (Exception, SystemExit) as err:  # MkDocs aborts a strict build with SystemExit
        raise _failure(err, problems.records, docs_dir) from err
    finally:
        os.environ.pop(PREVIOUS_SEARCH, None)
        logger.removeHandler(problems)
        shutil.rmtree(building, ignore_errors=True)


def _manifest_path(build, name: str) -> Path | None:
    """Where the record of the site's last build is kept: in the build's cache (None: no cache)."""
    if build is None or not build.use_cache or build.check:
        return None
    return Path(build.cache) / f"{name}.json"


#: The name of a replaced site left beside the new one (`.site.old-PID`), for the next build to remove.
_OLD_PREFIX = ".%s.old-"


def swap(new: Path, site_dir: Path, keep: bool = False) -> None:
    """Put the folder `new` in place of `site_dir`: two renames, the old site removed after.

    With `keep`, the old site is left beside the new one for the next build to remove (`sweep`):
    removing 40,000 files takes seconds, even when most of them are hard links of the new site's
    and free no space."""
    old = None
    if site_dir.exists() or site_dir.is_symlink():
        old = site_dir.with_name(f"{_OLD_PREFIX % site_dir.name}{os.getpid()}")
        if old.exists():
            shutil.rmtree(old)
        site_dir.rename(old)
    try:
        new.rename(site_dir)
    except BaseException:
        if old is not None:
            old.rename(site_dir)
        raise
    if old is not None and not keep:
        shutil.rmtree(old, ignore_errors=True)


def sweep(site_dir: Path) -> threading.Thread | None:
    """Remove, in a thread, the sites earlier builds left beside `site_dir` (`swap(keep=True)`): a
    build starts it as it converts and joins it before it ends. None: nothing to remove."""
    site_dir = Path(site_dir)
    try:
        old = [p for p in site_dir.parent.iterdir() if p.name.startswith(_OLD_PREFIX % site_dir.name) and p.is_dir()]
    except OSError:
        return None
    if not old:
        return None

    def remove() -> None:
        for folder in old:
            shutil.rmtree(folder, ignore_errors=True)

    thread = threading.Thread(target=remove, name="scrapedocs-sweep", daemon=True)
    thread.start()
    return thread


def serve(config_file: Path, docs_dir: Path, rebuild, watched=(), polling: float = 1.0) -> None:
    """Live preview: the site served by MkDocs' own development server, rebuilt by `rebuild(site, url,
    first)` (the conversion, then the site, both incremental; False when it failed, the previous site
    then stays served) whenever a file of `watched` (the input folder, the project's files), mkdocs.yml
    or a hand-written page of the docs folder changes. The generated pages are not watched: the
    conversion writes them."""
    from urllib.parse import urlsplit

    from mkdocs.livereload import LiveReloadServer, _serve_url

    from .docs import GENERATED_DIRS

    config = _load_config(config_file, docs_dir, strict=False)
    host, port = config.dev_addr
    mount_path = urlsplit(config.site_url or "/").path
    url = _serve_url(host, port, mount_path)
    root = Path(tempfile.mkdtemp(prefix="scrapedocs-serve-"))
    site = root / "site"
    server = LiveReloadServer(builder=lambda: rebuild(site, url, False), host=host, port=port, root=str(site),
                              mount_path=mount_path, polling_interval=polling)

    def error_page(code: int) -> bytes | None:
        page = site / f"{code}.html"
        return page.read_bytes() if code in (404, 500) and page.is_file() else None

    server.error_handler = error_page
    try:
        rebuild(site, url, True)
        docs = Path(docs_dir)
        for path in [*watched, Path(config_file)]:
            if Path(path).exists():
                server.watch(str(path))
        server.watch(str(docs), recursive=False)  # hand-written pages beside the generated folders
        for folder in docs.iterdir():
            if folder.is_dir() and folder.name not in GENERATED_DIRS and not folder.name.startswith("."):
                server.watch(str(folder))
        print(f"serving the site on {url} (Ctrl+C to stop); it follows edits of {', '.join(map(str, watched))}")
        try:
            server.serve()
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
    finally:
        shutil.rmtree(root, ignore_errors=True)
