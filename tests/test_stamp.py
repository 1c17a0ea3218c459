"""The last build's stamp (publish/stamp): a build with nothing to do says so and writes nothing; any change
to what a build reads, or to what it wrote, builds again (issue #18, item 2)."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from helpers import write_corpus
from scrapedocs.cli import main


@pytest.fixture(autouse=True)
def _fresh_environment(monkeypatch):
    import logging

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setattr(logging.getLogger("mkdocs"), "handlers", [])


def _files(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.relative_to(folder).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _build(root: Path, monkeypatch, capsys, *extra: str) -> tuple[dict, str]:
    """The command, as a user runs it, in `root`: its statistics and what it printed."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    if not (root / "docs").exists():
        (root / "docs").mkdir(parents=True)
        shutil.copy(ROOT / "docs" / "index.md", root / "docs" / "index.md")
    if not (root / "mkdocs.yml").exists():
        shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    stats = root / "stats.json"
    stats.unlink(missing_ok=True)
    code = main(["--input", str(root / "in"), "--docs", str(root / "docs"), "--site", str(root / "site"),
                 "--config", str(root / "mkdocs.yml"), "--report", str(root / "build" / "report.json"),
                 "--stats", str(stats), "--jobs", "1", "--no-progress", *extra])
    out = capsys.readouterr().out
    assert code == 0, out
    return json.loads(stats.read_text(encoding="utf-8")), out


def test_a_build_with_nothing_changed_writes_nothing_and_says_so(tmp_path, monkeypatch, capsys):
    write_corpus(tmp_path / "in", 4)
    first, _ = _build(tmp_path, monkeypatch, capsys)
    assert not first.get("up_to_date") and first["converted"] == 4
    before = {name: _files(tmp_path / name) for name in ("docs", "site", "build")}

    again, out = _build(tmp_path, monkeypatch, capsys)
    assert again["up_to_date"] and again["converted"] == 0 and again["cached"] == 4
    assert "nothing changed since the last build" in out and "4 sources → 4 pages" in out
    assert {name: _files(tmp_path / name) for name in ("docs", "site", "build")} == before


def _edit_source(root: Path) -> None:
    path = root / "in" / "doc01.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("版权所有", "新增的一段正文，讲商标的保护。\n版权所有"),
                    encoding="utf-8")


CHANGES = {
    "an edited source": (_edit_source, "新增的一段正文"),
    "a new sidecar": (lambda root: (root / "in" / "doc02.yml").write_text("title: 旁注给的标题\n", encoding="utf-8"),
                      "旁注给的标题"),
    "a generated page removed by hand": (lambda root: next((root / "docs" / "articles").glob("doc03*.md")).unlink(),
                                         None),
    "a generated page edited by hand": (
        lambda root: next((root / "docs" / "articles").glob("doc00*.md")).write_text("改坏了", encoding="utf-8"), None),
    "mkdocs.yml": (lambda root: (root / "mkdocs.yml").write_text(
        (root / "mkdocs.yml").read_text(encoding="utf-8").replace("site_name: 知识产权政策文库", "site_name: 另一个文库"),
        encoding="utf-8"), "另一个文库"),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_any_change_to_what_a_build_reads_or_wrote_builds_again(tmp_path, monkeypatch, capsys, change):
    write_corpus(tmp_path / "in", 4)
    _build(tmp_path, monkeypatch, capsys, "--no-site")
    clean_docs = {p.name: p.read_bytes() for p in (tmp_path / "docs" / "articles").glob("*.md")}
    edit, expected = CHANGES[change]
    edit(tmp_path)

    stats, out = _build(tmp_path, monkeypatch, capsys, "--no-site")
    assert not stats.get("up_to_date") and "nothing changed" not in out, change
    pages = {p.name: p.read_bytes() for p in (tmp_path / "docs" / "articles").glob("*.md")}
    if expected is None:  # the page is written again as the converter made it
        assert pages == clean_docs
    elif change != "mkdocs.yml":
        assert any(expected in data.decode("utf-8") for data in pages.values())
    assert _build(tmp_path, monkeypatch, capsys, "--no-site")[0].get("up_to_date")


def test_a_site_touched_by_hand_or_built_with_other_options_is_built_again(tmp_path, monkeypatch, capsys):
    write_corpus(tmp_path / "in", 3)
    _build(tmp_path, monkeypatch, capsys)
    page = next((tmp_path / "site" / "articles").rglob("index.html"))
    good = page.read_bytes()
    page.write_text("damaged", encoding="utf-8")
    stats, _ = _build(tmp_path, monkeypatch, capsys)
    assert not stats.get("up_to_date") and page.read_bytes() == good
    # Another option that changes the output (a smaller --max-size) is another build; --jobs is not.
    assert _build(tmp_path, monkeypatch, capsys, "--jobs", "2")[0].get("up_to_date")
    assert not _build(tmp_path, monkeypatch, capsys, "--max-size", "1MB")[0].get("up_to_date")


def test_check_and_no_cache_never_take_the_shortcut(tmp_path, monkeypatch, capsys):
    write_corpus(tmp_path / "in", 3)
    _build(tmp_path, monkeypatch, capsys, "--no-site")
    stats, out = _build(tmp_path, monkeypatch, capsys, "--no-site", "--no-cache")
    assert not stats.get("up_to_date") and stats["converted"] == 3
    os.environ.pop("SOURCE_DATE_EPOCH", None)
    assert main(["--input", str(tmp_path / "in"), "--docs", str(tmp_path / "docs"), "--check", "--no-site",
                 "--report", str(tmp_path / "build" / "report.json")]) == 0
    assert "is up to date" in capsys.readouterr().out
