"""The site build (publish/sitebuild): the output of `mkdocs build`, byte for byte, with pages rendered once,
in several processes, and unchanged pages taken from the previous site (issue #18, items 2 and 3)."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from helpers import write_corpus
from scrapedocs.cli import main


def _tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _differences(a: Path, b: Path) -> list[str]:
    x, y = _tree(a), _tree(b)
    return sorted(k for k in x.keys() | y.keys() if x.get(k) != y.get(k))


@pytest.fixture(autouse=True)
def _fresh_environment(monkeypatch):
    """Each build in this process sets its own timestamp (a command sets it once, for its own build);
    the command's MkDocs log handler is fresh; workers are forked however few pages there are."""
    import logging

    import scrapedocs.publish.sitebuild as sitebuild

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setattr(logging.getLogger("mkdocs"), "handlers", [])
    monkeypatch.setattr(sitebuild, "FORK_THRESHOLD", 1)


def _build(seeds: Path, root: Path, monkeypatch, *extra: str) -> dict:
    """The command, as a user runs it, in `root` (docs/, build/, site/ there); its statistics."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    if not (root / "docs").exists():
        (root / "docs").mkdir(parents=True)
        shutil.copy(ROOT / "docs" / "index.md", root / "docs" / "index.md")
    stats = root / "stats.json"
    code = main(["--input", str(seeds), "--docs", str(root / "docs"), "--site", str(root / "site"),
                 "--config", str(ROOT / "mkdocs.yml"), "--report", str(root / "build" / "report.json"),
                 "--stats", str(stats), "--jobs", "2", "--no-progress", *extra])
    assert code == 0
    return json.loads(stats.read_text(encoding="utf-8"))


def test_the_site_is_what_mkdocs_build_makes_with_the_pages_pass_html_and_workers(tmp_path, monkeypatch):
    seeds = tmp_path / "in"
    write_corpus(seeds, 8)
    stats = _build(seeds, tmp_path / "p", monkeypatch)["site_build"]
    assert stats["builder"] == "scrapedocs" and stats["jobs"] == 2
    # Every generated page's HTML came from the pages pass; the hand-written home page (which
    # includes the generated table) was rendered by MkDocs' own Page.render.
    assert stats["from_pages_pass"] == stats["pages"] - 1 and stats["rendered"] == 1 and stats["reused"] == 0
    # The same docs/ built by `mkdocs build` itself (the plugin, its search index included), same timestamp.
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    with (tmp_path / "p" / "site" / "sitemap.xml.gz").open("rb") as f:
        epoch = int.from_bytes(f.read(8)[4:8], "little")  # the gzip header's time: SOURCE_DATE_EPOCH
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(epoch))
    build(load_config(config_file=str(ROOT / "mkdocs.yml"), docs_dir=str(tmp_path / "p" / "docs"),
                      site_dir=str(tmp_path / "mkdocs"), strict=True))
    assert _differences(tmp_path / "p" / "site", tmp_path / "mkdocs") == []
    assert len(_tree(tmp_path / "mkdocs")) > 50


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_rebuild_after_each_kind_of_change_is_a_clean_build_byte_for_byte(tmp_path, monkeypatch):
    """An edited source, an added one, a removed one, a sidecar: each time the site rebuilt from the
    previous one (pages reused, search parts reused) equals the site built from nothing."""
    seeds = tmp_path / "in"
    titles = write_corpus(seeds, 8)
    site = tmp_path / "p"
    first = _build(seeds, site, monkeypatch)["site_build"]
    assert first["reused"] == 0

    (site / "build" / "report.stamp.json").unlink()  # not the shortcut of a build with nothing to do (test_stamp)
    unchanged = _build(seeds, site, monkeypatch)["site_build"]
    assert unchanged["built"] == 1 and unchanged["reused"] == first["pages"] - 1  # the home page is rebuilt

    changes = [
        ("an edited source", lambda: _edit(seeds / "doc03.txt", "版权所有", "新增的一段正文，讲知识产权的保护。\n版权所有")),
        ("an added source", lambda: write_corpus(tmp_path / "more", 10)
         and shutil.copy(tmp_path / "more" / "doc09.txt", seeds / "doc09.txt")),
        ("a removed source", lambda: (seeds / "doc05.txt").unlink()),
        ("a sidecar", lambda: (seeds / "doc02.yml").write_text("title: 旁注改过的标题\n", encoding="utf-8")),
        ("a cited document's title", lambda: _edit(seeds / "doc00.txt", titles[0], titles[0].replace("通知", "决定"))),
    ]
    reused = []
    for i, (what, change) in enumerate(changes):
        change()
        again = _build(seeds, site, monkeypatch)["site_build"]
        assert again["reused"] + again["built"] == again["pages"], what
        reused.append(again["reused"])
        clean = _build(seeds, tmp_path / f"clean{i}", monkeypatch, "--no-cache")["site_build"]
        assert clean["reused"] == 0 and clean["from_pages_pass"] == 0
        assert _differences(site / "site", tmp_path / f"clean{i}" / "site") == [], what
        assert _differences(site / "docs", tmp_path / f"clean{i}" / "docs") == [], what
        shutil.rmtree(tmp_path / f"clean{i}")
    # An edit or a sidecar rebuilds the pages that show the document, not the others (in a collection
    # this small, one more or one less document changes most lists and related-document sections).
    assert reused[0] > 5 and reused[3] > 5, reused


def test_a_page_edited_by_hand_is_rendered_again(tmp_path, monkeypatch):
    """A page of docs/ changed outside the converter (no render of it kept) is rendered by MkDocs, and
    only it (and the home page); the site equals a clean build of the same docs/."""
    from scrapedocs.config import BuildConfig, with_project_files
    from scrapedocs.publish import build_site

    seeds = tmp_path / "in"
    write_corpus(seeds, 6)
    _build(seeds, tmp_path / "p", monkeypatch)
    epoch = os.environ["SOURCE_DATE_EPOCH"]  # the command's (the newest document's date)
    docs = tmp_path / "p" / "docs"
    page = sorted(p for p in (docs / "articles").glob("*.md") if not p.name.startswith("."))[0]
    _edit(page, "\n\n", "\n\n手工加的一段。\n\n")
    config = with_project_files(BuildConfig(docs_dir=docs, report=tmp_path / "p" / "build" / "report.json",
                                            site_config=ROOT / "mkdocs.yml", jobs=2))
    stats = build_site(ROOT / "mkdocs.yml", docs, tmp_path / "p" / "site", epoch, config)
    assert stats["rendered"] == 2 and stats["built"] == 2, stats  # the page and the home page
    assert "手工加的一段" in (tmp_path / "p" / "site" / "articles" / page.stem / "index.html").read_text(encoding="utf-8")
    build_site(ROOT / "mkdocs.yml", docs, tmp_path / "clean", epoch)
    assert _differences(tmp_path / "p" / "site", tmp_path / "clean") == []


def test_a_site_with_a_plugin_it_does_not_know_is_built_by_mkdocs(tmp_path, monkeypatch):
    from scrapedocs.publish import build_site

    config = tmp_path / "mkdocs.yml"
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config.write_text(text.replace("plugins:\n", "plugins:\n  - search\n", 1), encoding="utf-8")
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    stats = build_site(config, docs, tmp_path / "site", "1600000000")
    assert stats == {"builder": "mkdocs", "why": "plugins other than scrapedocs: search"}
    assert (tmp_path / "site" / "search" / "search_index.json").is_file()  # the search plugin ran


def test_the_repository_docs_build_in_workers_as_mkdocs_builds_them(tmp_path, monkeypatch):
    """The committed docs/ without a cache: every page rendered by MkDocs' Page.render, in the workers."""
    from scrapedocs.publish import build_site

    from conftest import build_site as mkdocs_build

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1600000000")
    stats = build_site(ROOT / "mkdocs.yml", ROOT / "docs", tmp_path / "site", "1600000000")
    assert stats["builder"] == "scrapedocs" and stats["rendered"] == stats["pages"] > 30
    assert _differences(tmp_path / "site", mkdocs_build(ROOT / "docs", tmp_path / "mkdocs")) == []


def test_the_site_a_rebuild_replaced_is_left_beside_it_and_removed_by_the_next_build(tmp_path, monkeypatch):
    """Removing a replaced site of 40,000 files takes seconds although most of them are hard links of
    the new site's: an incremental build leaves it beside the new one (hidden) and the next build
    removes it while it converts. A build that reused nothing removes it at once."""
    seeds, root = tmp_path / "in", tmp_path / "p"
    write_corpus(seeds, 6)
    _build(seeds, root, monkeypatch)

    def left() -> list[Path]:
        return sorted(p for p in root.iterdir() if p.name.startswith(".site.old-"))

    assert left() == []
    _edit(seeds / "doc03.txt", "版权所有", "新增的一段正文。\n版权所有")
    _build(seeds, root, monkeypatch)
    assert len(left()) == 1 and (left()[0] / "index.html").is_file()
    earlier = left()[0].rename(root / ".site.old-1")  # as an earlier process left it
    _edit(seeds / "doc03.txt", "新增的一段正文。", "改过的一段正文。")
    _build(seeds, root, monkeypatch)
    assert not earlier.exists() and len(left()) == 1
    _build(seeds, root, monkeypatch, "--no-cache")  # nothing reused: nothing kept
    assert left() == []
