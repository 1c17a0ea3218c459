"""The offline bundle: the site built for `file://`, zipped under one top folder.

One MkDocs build of `docs/` with `OFFLINE=true` (read by the plugin, publish/plugin.py): pages
link to `.html` files, and search uses a script index (search/offline.py) instead of
Pagefind, whose loader cannot fetch from file://; so the unpacked bundle works from the
file system, search included. The same build is the source of the PDF.
"""
from __future__ import annotations

import os
import re
import time
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class PageInfo:
    src: str  # docs-relative source path, e.g. "articles/x.md"
    url: str  # site-relative URL of the built file, e.g. "articles/x.html"
    title: str
    meta: dict = field(default_factory=dict)


def output_name(site_name: str, fallback: str = "site") -> str:
    """File-name slug of the site name: ASCII words kept, Han characters as toneless pinyin.

    >>> output_name("知识产权政策文库")
    'zhishichanquanzhengcewenku'
    >>> output_name("My Docs 2024")
    'my-docs-2024'
    >>> output_name("", "repo")
    'repo'
    """
    from pypinyin import lazy_pinyin

    text = "".join(lazy_pinyin(site_name or ""))
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or re.sub(r"[^a-z0-9]+", "-", fallback.lower()).strip("-") or "site"


@contextmanager
def _env(**values: str):
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def build_offline_site(config_file: Path, docs_dir: Path, site_dir: Path) -> tuple[dict, list[PageInfo]]:
    """`mkdocs build --strict` with the offline plugin on; return the config and every page, by path."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.plugins import BasePlugin

    recorded: list = []

    class Recorder(BasePlugin):
        def on_nav(self, nav, config, files):
            # Every page, not only the navigation's (articles are not in it): by folder,
            # each folder's index first, as MkDocs' default navigation orders them.
            pages = [f.page for f in files.documentation_pages() if f.page is not None]
            recorded[:] = sorted(pages, key=lambda p: [(part != "index.md", part) for part in p.file.src_uri.split("/")])
            return nav

    with _env(OFFLINE="true"):
        config = load_config(config_file=str(config_file), docs_dir=str(docs_dir.resolve()),
                             site_dir=str(site_dir.resolve()), strict=True)
        config.plugins["scrapedocs-outputs"] = Recorder()
        build(config)
    pages = [PageInfo(p.file.src_uri, p.file.dest_uri, str(p.title or ""), dict(p.meta or {}))
             for p in recorded]
    return config, pages


def zip_site(site_dir: Path, zip_path: Path, top: str) -> Path:
    """Zip `site_dir` under the folder `top/`, files sorted, one timestamp (SOURCE_DATE_EPOCH or now)."""
    stamp = time.gmtime(int(os.environ.get("SOURCE_DATE_EPOCH") or time.time()))[:6]
    stamp = max(stamp, (1980, 1, 1, 0, 0, 0))
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    partial = zip_path.with_name(zip_path.name + ".part")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{top}/{path.relative_to(site_dir).as_posix()}", stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, path.read_bytes())
    partial.replace(zip_path)
    return zip_path
