"""Shared fixtures: build the MkDocs site into a temporary folder."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def build_site(docs_dir: Path, site_dir: Path) -> Path:
    """`mkdocs build --strict` of `docs_dir` with the repository's mkdocs.yml into `site_dir`."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(
        config_file=str(ROOT / "mkdocs.yml"),
        docs_dir=str(docs_dir.resolve()),
        site_dir=str(site_dir.resolve()),
        strict=True,
    )
    build(config)
    return site_dir


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site built from the repository's committed docs/."""
    return build_site(ROOT / "docs", tmp_path_factory.mktemp("site"))
