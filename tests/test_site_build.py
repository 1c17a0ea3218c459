"""The site build succeeds whole or leaves the previous site/ as it was (issue #10, item 3)."""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from scrapedocs.publish import SiteError, build_site

EPOCH = "1600000000"


def _fingerprint(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture()
def docs(tmp_path) -> Path:
    folder = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", folder)
    return folder


@pytest.fixture()
def previous(docs, tmp_path) -> tuple[Path, dict]:
    """A site built once: the previous site a later build must not damage."""
    site = tmp_path / "out" / "site"
    build_site(ROOT / "mkdocs.yml", docs, site, EPOCH)
    assert (site / "index.html").is_file() and (site / "pagefind" / "shards.json").is_file()
    return site, _fingerprint(site)


def _leftovers(site: Path) -> list[str]:
    return sorted(p.name for p in site.parent.iterdir() if p.name != site.name)


def test_a_successful_build_replaces_the_site_whole(previous, docs):
    site, before = previous
    (site / "stale.html").write_text("from an older build", encoding="utf-8")
    page = docs / "articles" / "000_29e46c3a256b3124.md"
    page.write_text(page.read_text(encoding="utf-8").replace("白光清", "白光清先生", 1), encoding="utf-8")
    build_site(ROOT / "mkdocs.yml", docs, site, EPOCH)
    after = _fingerprint(site)
    assert "stale.html" not in after
    assert after != before and set(after) == set(before)
    assert "白光清先生" in (site / "articles" / "000_29e46c3a256b3124" / "index.html").read_text(encoding="utf-8")
    assert _leftovers(site) == []


def test_a_failed_build_leaves_the_previous_site_untouched_and_names_the_page_and_its_input(previous, docs):
    site, before = previous
    (docs / "articles" / "000_29e46c3a256b3124.md").write_text(
        "---\nsource_file: x.txt\ntitle: 坏页\n---\n\n[断链](no-such-page.md)\n", encoding="utf-8")
    with pytest.raises(SiteError) as failed:  # mkdocs --strict aborts on the warning
        build_site(ROOT / "mkdocs.yml", docs, site, EPOCH)
    assert (failed.value.page, failed.value.source) == ("articles/000_29e46c3a256b3124.md", "x.txt")
    assert "no-such-page.md" in failed.value.reason and "strict mode" in failed.value.reason
    assert str(failed.value).startswith("the site build failed on articles/000_29e46c3a256b3124.md (input x.txt): ")
    assert _fingerprint(site) == before
    assert _leftovers(site) == []


def test_a_page_that_breaks_mkdocs_is_named_with_its_input(previous, docs, monkeypatch):
    """An exception inside MkDocs while it renders one page (here: a Markdown extension that raises)."""
    import markdown.treeprocessors

    site, before = previous
    page = docs / "articles" / "001_e9f6b771d52f2730.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nPOISON 一段正文。\n", encoding="utf-8")
    original = markdown.treeprocessors.InlineProcessor.run

    def run(self, tree, *args, **kwargs):
        if "POISON" in markdown.treeprocessors.etree.tostring(tree, encoding="unicode"):
            raise RecursionError("maximum recursion depth exceeded")
        return original(self, tree, *args, **kwargs)

    monkeypatch.setattr(markdown.treeprocessors.InlineProcessor, "run", run)
    with pytest.raises(SiteError) as failed:
        build_site(ROOT / "mkdocs.yml", docs, site, EPOCH)
    assert failed.value.page == "articles/001_e9f6b771d52f2730.md"
    assert failed.value.source == "001_e9f6b771d52f2730.txt"
    assert "maximum recursion depth exceeded" in failed.value.reason
    assert _fingerprint(site) == before


def test_an_interrupted_build_leaves_the_previous_site_untouched(previous, docs, monkeypatch):
    site, before = previous
    import scrapedocs.publish.search as search

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(search, "index_site", interrupted)  # after the pages, during the search index
    with pytest.raises(KeyboardInterrupt):
        build_site(ROOT / "mkdocs.yml", docs, site, EPOCH)
    assert _fingerprint(site) == before
    assert _leftovers(site) == []
