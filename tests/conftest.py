"""Shared fixtures: build the MkDocs site into a temporary folder."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


def require_chromium():
    """Skip on a developer machine without Chromium; under CI a missing browser is a failure."""
    problem = None
    if not CHROMIUM.exists():
        problem = f"{CHROMIUM} is missing (install it with `make test-deps`)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            problem = "the playwright package is missing (pip install -e '.[test]')"
    if problem:
        if os.environ.get("CI"):
            pytest.fail(f"browser test cannot run: {problem}")
        pytest.skip(f"browser test skipped: {problem}")


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright, shared by the browser tests."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


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
