"""The MkDocs site of `docs/`: a strict build swapped in whole, a live preview, a reproducible timestamp."""
from __future__ import annotations

import os
import shutil
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from ..model import Collection


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


def build_site(config_file: Path, docs_dir: Path, site_dir: Path, epoch: str) -> None:
    """`mkdocs build --strict` of `docs_dir` into `site_dir`, search index included (the scrapedocs plugin).

    The site is built into a folder beside `site_dir` and swapped in only when the build
    succeeded: a failed or interrupted build leaves the previous site as it was.
    """
    from mkdocs.commands.build import build

    os.environ.setdefault("SOURCE_DATE_EPOCH", epoch)
    site_dir = Path(site_dir).resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.building-", dir=site_dir.parent))
    from .plugin import PREVIOUS_SEARCH

    os.environ[PREVIOUS_SEARCH] = str(site_dir / "pagefind")  # unchanged search parts are reused
    try:
        build(_load_config(config_file, docs_dir, building))
        swap(building, site_dir)
    finally:
        os.environ.pop(PREVIOUS_SEARCH, None)
        shutil.rmtree(building, ignore_errors=True)


def swap(new: Path, site_dir: Path) -> None:
    """Put the folder `new` in place of `site_dir`: two renames, the old site removed after."""
    old = None
    if site_dir.exists() or site_dir.is_symlink():
        old = site_dir.with_name(f".{site_dir.name}.old-{os.getpid()}")
        if old.exists():
            shutil.rmtree(old)
        site_dir.rename(old)
    try:
        new.rename(site_dir)
    except BaseException:
        if old is not None:
            old.rename(site_dir)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def serve(config_file: Path, docs_dir: Path) -> None:
    """Live preview: MkDocs' dev server, rebuilding on change."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    mkdocs_serve(config_file=str(config_file), docs_dir=str(docs_dir.resolve()), livereload=True)

