"""The cache: an unchanged source is not converted again; any change, or a damaged entry, converts it again."""
from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from scrapedocs import publish
from scrapedocs.config import BuildConfig
from scrapedocs.engine import cache as cache_module
from scrapedocs.pipeline import build_collection

from helpers import write_corpus


@pytest.fixture
def config(tmp_path) -> BuildConfig:
    write_corpus(tmp_path / "in")
    return BuildConfig(input_dir=tmp_path / "in", report=tmp_path / "build" / "report.json",
                              project_dir=tmp_path, jobs=2)


def build(config: BuildConfig):
    collection = build_collection(config)
    return collection, publish.plan(collection)


def entries(config: BuildConfig) -> list[Path]:
    """The converted documents' entries (pages/ and html/ beside them hold the pages pass's)."""
    return sorted(p for p in config.cache.glob("??/*") if p.is_file())


def test_second_build_converts_nothing_and_writes_the_same_pages(config):
    first, pages = build(config)
    assert first.stats["converted"] == 6 and first.stats["cached"] == 0
    assert len(entries(config)) == 6
    again, pages_again = build(config)
    assert again.stats["converted"] == 0 and again.stats["cached"] == 6
    assert pages_again == pages


def test_edited_source_alone_is_converted_again(config):
    _, pages = build(config)
    source = config.input_dir / "doc03.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("版权所有", "新增的一段正文。\n版权所有"),
                      encoding="utf-8")
    again, pages_again = build(config)
    assert again.stats["converted"] == 1 and again.stats["cached"] == 5
    changed = [path for path in pages if pages[path] != pages_again.get(path)]
    assert "articles/doc03.md" in changed and "新增的一段正文" in pages_again["articles/doc03.md"]
    assert len(entries(config)) == 6, "the old entry of the edited source is pruned"


def test_a_new_or_changed_sidecar_converts_its_source_again(config):
    build(config)
    sidecar = config.input_dir / "doc02.yml"
    sidecar.write_text("title: 用户给的标题\n", encoding="utf-8")
    again, pages = build(config)
    assert again.stats["converted"] == 1
    assert "title: 用户给的标题" in pages["articles/doc02.md"]
    sidecar.write_text("title: 又改了的标题\n", encoding="utf-8")
    again, pages = build(config)
    assert again.stats["converted"] == 1 and "title: 又改了的标题" in pages["articles/doc02.md"]


def test_a_setting_that_changes_conversion_converts_everything_again(config):
    build(config)
    assert build(replace(config, jobs=1, time_budget=60))[0].stats["converted"] == 0  # not such a setting
    assert build(replace(config, max_bytes=10_000_000))[0].stats["converted"] == 6


def test_a_new_converter_version_converts_everything_again(config, monkeypatch):
    build(config)
    monkeypatch.setattr("scrapedocs.engine.converter_version", lambda: "another version")
    assert build(config)[0].stats["converted"] == 6


def test_converter_version_follows_the_package_files(tmp_path, monkeypatch):
    package = tmp_path / "scrapedocs"
    shutil.copytree(cache_module._PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache_module, "_PACKAGE", package)
    cache_module.converter_version.cache_clear()
    try:
        before = cache_module.converter_version()
        cache_module.converter_version.cache_clear()
        assert cache_module.converter_version() == before
        (package / "data" / "lexicon.yml").write_text("# edited\n", encoding="utf-8")
        cache_module.converter_version.cache_clear()
        assert cache_module.converter_version() != before
    finally:
        cache_module.converter_version.cache_clear()


def damage_truncated(path: Path, others: list[Path]) -> None:
    path.write_bytes(path.read_bytes()[:-100])


def damage_changed_text(path: Path, others: list[Path]) -> None:
    """Bytes changed in place: still a valid pickle, of a different document; only the checksum can tell."""
    data = path.read_bytes()
    assert "新华社".encode() in data
    path.write_bytes(data.replace("新华社".encode(), "新华网".encode()))


def damage_other_entry(path: Path, others: list[Path]) -> None:
    """A valid entry, but of another key (a file copied over it)."""
    path.write_bytes(next(p for p in others if p != path).read_bytes())


def damage_unpicklable(path: Path, others: list[Path]) -> None:
    """Header and checksum right, payload not a pickle: only unpickling can tell."""
    key = path.name
    cache_module.Cache(path.parent.parent).put(key, b"not a pickle at all")


def damage_wrong_document(path: Path, others: list[Path]) -> None:
    """A sound entry holding another source's document under this key."""
    c = cache_module.Cache(path.parent.parent)
    other = next(p for p in others if p != path)
    c.put(path.name, c.get(other.name))


@pytest.mark.parametrize("damage", [damage_truncated, damage_changed_text, damage_other_entry, damage_unpicklable,
                                    damage_wrong_document])
def test_a_damaged_entry_is_converted_again_never_trusted(config, damage):
    _, pages = build(config)
    found = entries(config)
    damage(found[2], found)
    again, pages_again = build(config)
    assert again.stats["cache_corrupt"] == 1
    assert again.stats["converted"] == 1 and again.stats["cached"] == 5
    assert pages_again == pages
    third, _ = build(config)
    assert third.stats["converted"] == 0 and third.stats["cache_corrupt"] == 0, "the entry was rebuilt"


def test_no_cache_converts_everything_and_check_writes_no_cache(config):
    build(config)
    assert build(replace(config, use_cache=False))[0].stats["converted"] == 6
    shutil.rmtree(config.cache)
    checked, _ = build(replace(config, check=True))
    assert checked.stats["converted"] == 6 and not config.cache.exists()


def test_entries_of_removed_sources_are_pruned_and_foreign_files_kept(config):
    build(config)
    foreign = config.cache / "notes.txt"
    foreign.write_text("mine", encoding="utf-8")
    (config.input_dir / "doc05.txt").unlink()
    again, _ = build(config)
    assert again.stats["cache_pruned"] == 1 and len(entries(config)) == 5
    assert foreign.read_text(encoding="utf-8") == "mine"


def test_cache_follows_the_report_not_the_working_folder(config, tmp_path, monkeypatch):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    build(config)
    assert config.cache == tmp_path / "build" / "cache" and len(entries(config)) == 6
    assert not any(elsewhere.iterdir())


def test_a_project_file_of_the_document_stages_is_part_of_the_key(config, tmp_path):
    """The project's topics.yml travels in the config (workers read no file): editing it converts again."""
    from dataclasses import replace

    from scrapedocs.config import with_project_files

    config = replace(config, project_dir=tmp_path)
    assert build_collection(with_project_files(config)).stats["converted"] == 6
    assert build_collection(with_project_files(config)).stats["converted"] == 0
    (tmp_path / "topics.yml").write_text("区块链: [blockchain]\n", encoding="utf-8")
    assert build_collection(with_project_files(config)).stats["converted"] == 6


def _reads(monkeypatch) -> list[str]:
    """The sources a build reads for their keys (`read.load_source`), recorded."""
    import scrapedocs.pipeline as pipeline

    read, original = [], pipeline.load_source

    def counting(path, root, max_bytes):
        read.append(Path(path).name)
        return original(path, root, max_bytes)

    monkeypatch.setattr(pipeline, "load_source", counting)
    return read


def test_a_source_as_it_was_is_not_read_again_for_its_key(config, monkeypatch):
    """The keys of sources whose file and sidecar are as the last build saw them are remembered
    (engine.keys); a source edited, even to the same size and time, or given a sidecar is read."""
    import os

    from scrapedocs.engine import keys

    monkeypatch.setattr(keys, "RACY", 0.0)  # the files were written a moment ago (see below)
    _, pages = build(config)
    read = _reads(monkeypatch)
    again, pages_again = build(config)
    assert read == [] and again.stats["cached"] == 6 and pages_again == pages
    source = config.input_dir / "doc03.txt"
    st = source.stat()
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("版权所有", "版权所无"), encoding="utf-8")  # the same size
    os.utime(source, ns=(st.st_atime_ns, st.st_mtime_ns))  # and the same modification time
    (config.input_dir / "doc04.yml").write_text("title: 用户给的标题\n", encoding="utf-8")
    again, pages_again = build(config)
    assert sorted(set(read)) == ["doc03.txt", "doc04.txt"] and again.stats["converted"] == 2  # for their keys, to convert
    assert "title: 用户给的标题" in pages_again["articles/doc04.md"]
    read.clear()
    assert build(config)[0].stats["cached"] == 6 and read == []
    assert build(replace(config, use_cache=False))[0].stats["converted"] == 6 and len(set(read)) == 6
    read.clear()
    # A file changed less than RACY seconds before the build looked at it is not remembered: a second
    # write within the same tick of the file system's clock would keep its times.
    monkeypatch.setattr(keys, "RACY", 3600.0)
    source.write_text(text, encoding="utf-8")
    build(config)
    read.clear()
    build(config)
    assert read == ["doc03.txt"]
