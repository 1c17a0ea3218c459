"""The MkDocs site of `docs/`: a strict build, a live preview, a reproducible timestamp."""
from __future__ import annotations

import os
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
    """`mkdocs build --strict` of `docs_dir` into `site_dir`."""
    from mkdocs.commands.build import build

    os.environ.setdefault("SOURCE_DATE_EPOCH", epoch)
    config = _load_config(config_file, docs_dir, site_dir)
    build(config)


def serve(config_file: Path, docs_dir: Path) -> None:
    """Live preview: MkDocs' dev server, rebuilding on change."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    mkdocs_serve(config_file=str(config_file), docs_dir=str(docs_dir.resolve()), livereload=True)
