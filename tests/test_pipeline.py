"""The engine: the same pages whatever the number of workers; one bad document never stops the build."""
from __future__ import annotations

import os
import sys
import time
from dataclasses import replace

import pytest

from scrapedocs.cli import main
from scrapedocs.config import BuildConfig
from scrapedocs.pipeline import PIPELINE, Stage, build_collection, split

from helpers import write_corpus

POISON = "xyzzy-poison-pill"  # a test stage misbehaves on a document whose text holds this


def _poisoned(doc) -> bool:
    return any(POISON in line.text for line in doc.lines)


def hang(doc):
    if _poisoned(doc):
        while True:  # pure Python: a watchdog can interrupt it; a kill always can
            time.sleep(0.01)
    return doc


def block_in_c(doc):
    if _poisoned(doc):
        time.sleep(3600)  # one call that does not return (like a pathological regex)
    return doc


def fail(doc):
    if _poisoned(doc):
        raise ValueError("a made-up failure")
    return doc


def recurse(doc):
    def down(n):
        return down(n + 1) + 1

    if _poisoned(doc):
        down(0)
    return doc


def hog(doc):
    if _poisoned(doc):
        doc.facts["hog"] = bytearray(8 << 30)  # more than a worker may take
    return doc


def crash(doc):
    if _poisoned(doc):
        os._exit(9)  # the worker process dies, as in a crash in C code
    return doc


def with_stage(name, run):
    """PIPELINE with a test stage after `clean`."""
    stages = list(PIPELINE)
    stages.insert([s.name for s in stages].index("clean") + 1, Stage(name, run))
    return stages


@pytest.fixture
def corpus(tmp_path):
    write_corpus(tmp_path / "in")
    bad = tmp_path / "in" / "doc03.txt"
    bad.write_text(bad.read_text(encoding="utf-8").replace("版权所有", f"含{POISON}的一行正文。\n版权所有"),
                   encoding="utf-8")
    return BuildConfig(input_dir=tmp_path / "in", report=tmp_path / "build" / "report.json",
                              project_dir=tmp_path, jobs=2, time_budget=1.0)


def outcome(collection):
    return {doc.relpath: doc.error for doc in collection.docs}


def assert_only_doc03_failed(collection, reason_start):
    errors = outcome(collection)
    assert errors.pop("doc03.txt").startswith(reason_start), collection.docs[3].error
    assert set(errors.values()) == {""}, "the other documents are published"
    assert len(collection.published) == 5 and all(doc.markdown for doc in collection.published)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_hanging_document_is_given_up_and_the_rest_published(corpus, jobs):
    start = time.monotonic()
    collection = build_collection(replace(corpus, jobs=jobs), stages=with_stage("stall", block_in_c))
    assert time.monotonic() - start < 30
    assert_only_doc03_failed(collection, "gave up after 1 s in stall")
    assert collection.stats["gave_up"] == 1


def test_an_exception_in_a_stage_is_reported_and_the_rest_published(corpus):
    collection = build_collection(corpus, stages=with_stage("fragile", fail))
    assert_only_doc03_failed(collection, "fragile failed: ValueError: a made-up failure")


def test_a_recursion_error_is_reported_and_the_rest_published(corpus):
    collection = build_collection(corpus, stages=with_stage("deep", recurse))
    assert_only_doc03_failed(collection, "deep failed: RecursionError")


def test_a_crashed_worker_is_replaced_and_its_document_reported(corpus):
    collection = build_collection(corpus, stages=with_stage("brittle", crash))
    assert_only_doc03_failed(collection, "the worker stopped in brittle (exit code 9)")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the worker's memory cap is set on Linux")
def test_a_document_that_wants_too_much_memory_is_reported_and_the_rest_published(corpus):
    collection = build_collection(corpus, stages=with_stage("greedy", hog))
    assert_only_doc03_failed(collection, "greedy failed: MemoryError")


def test_a_given_up_document_is_remembered_but_tried_again_with_more_time(corpus):
    stages = with_stage("stall", hang)
    assert build_collection(corpus, stages=stages).stats["gave_up"] == 1
    again = build_collection(corpus, stages=stages)
    assert again.stats["converted"] == 0 and again.docs[3].error.startswith("gave up after 1 s")
    longer = build_collection(replace(corpus, time_budget=1.5), stages=stages)
    assert longer.stats["converted"] == 1 and longer.docs[3].error.startswith("gave up after 1.5 s in stall")


def test_the_document_stages_are_those_before_the_first_collection_stage():
    from scrapedocs.read import MAX_SIZE

    assert BuildConfig().max_bytes == MAX_SIZE
    first, rest = split(PIPELINE)
    assert all(s.scope == "document" for s in first) and rest[0].scope == "collection"
    assert [s.name for s in first][:2] == ["read", "clean"] and "render" in [s.name for s in rest]


def _cli_build(tmp_path, input_dir, jobs, *more):
    docs = tmp_path / f"docs-{jobs}"
    argv = ["--input", str(input_dir), "--docs", str(docs), "--report", str(tmp_path / f"build-{jobs}" / "r.json"),
            "--no-site", "--no-progress", "--jobs", str(jobs), *more]
    assert main(argv) == 0
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}


def test_one_or_two_jobs_write_byte_identical_docs(tmp_path):
    from conftest import ROOT

    corpus = tmp_path / "in"
    write_corpus(corpus / "made")
    for seed in sorted((ROOT / "seeds").glob("*.txt")):  # real boilerplate, Traditional, pinyin, English
        (corpus / "seeds").mkdir(exist_ok=True)
        (corpus / "seeds" / seed.name).write_bytes(seed.read_bytes())
    one = _cli_build(tmp_path, corpus, 1)
    two = _cli_build(tmp_path, corpus, 2)
    assert len([p for p in one if p.startswith("articles/")]) >= 11
    assert one == two
    assert _cli_build(tmp_path, corpus, 3, "--no-cache") == one


def test_cli_options_reach_the_engine(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("scrapedocs.engine.dask.CONNECT_TIMEOUT", "2s")
    write_corpus(tmp_path / "in")
    argv = ["--input", str(tmp_path / "in"), "--docs", str(tmp_path / "docs"), "--report",
            str(tmp_path / "build" / "report.json"), "--no-site", "--no-progress", "--stats", str(tmp_path / "s.json")]
    assert main(argv) == 0
    (tmp_path / "build" / "report.stamp.json").unlink()  # the cache, not the shortcut of an unchanged build
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert "converted 6 of 6 sources" in err and "converted 0 of 6 sources, 6 unchanged" in err
    assert (tmp_path / "build" / "cache").is_dir()
    import json

    stats = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    assert stats["cached"] == 6 and "link" in stats["seconds"]
    with pytest.raises(SystemExit):
        main(argv + ["--executor", "spark://x"])
    assert main(argv + ["--executor", "dask://127.0.0.1:1", "--no-cache"]) == 3  # nothing listens on port 1
    err = capsys.readouterr().err
    assert "error: cannot reach the Dask scheduler at tcp://127.0.0.1:1" in err or "needs dask.distributed" in err


def test_a_rebuild_rewrites_only_the_pages_that_changed(tmp_path, capsys):
    write_corpus(tmp_path / "in")
    docs = tmp_path / "docs"
    argv = ["--input", str(tmp_path / "in"), "--docs", str(docs), "--no-site", "--no-progress"]
    assert main(argv) == 0
    (tmp_path / "build" / "report.stamp.json").unlink()  # the cache, not the shortcut of an unchanged build
    assert main(argv) == 0
    assert "; 0 files changed in" in capsys.readouterr().out
    source = tmp_path / "in" / "doc04.txt"
    text = source.read_text(encoding="utf-8")

    def rebuild(new_text):
        before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in docs.rglob("*.md")}
        source.write_text(new_text, encoding="utf-8")
        assert main(argv + ["--stats", str(tmp_path / "s.json")]) == 0
        assert '"converted": 1' in (tmp_path / "s.json").read_text(encoding="utf-8")
        rewritten = {p for p, (t, _) in before.items() if p.stat().st_mtime_ns != t}
        assert all(p.read_bytes() != before[p][1] for p in rewritten), "a file was rewritten as it was"
        return {p.relative_to(docs).as_posix() for p in rewritten}

    assert rebuild(text.replace("版权所有 © 2024", "版权所有 © 2025")) == set()  # site chrome only: same page
    assert "articles/doc04.md" in rebuild(text.replace("版权所有", "补充的一段正文。\n版权所有"))


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_source_too_large_to_send_ahead_is_converted_in_its_turn(tmp_path, jobs):
    """A worker is sent its next document while it converts one, unless the document would not fit the
    pipe's buffer (then parent and worker could each wait on the other): every document is still converted."""
    write_corpus(tmp_path / "in", n=8)
    big = tmp_path / "in" / "doc02.txt"
    text = big.read_text(encoding="utf-8")
    last = "这是大文件的最后一段正文，用来确认整篇文档都已转换。"
    paragraph = "各地区各部门要认真贯彻落实知识产权保护工作的各项要求，确保取得实效。" * 20
    big.write_text(text.replace("版权所有", "\n".join([paragraph] * 80 + [last, "版权所有"])), encoding="utf-8")
    assert big.stat().st_size > 100_000  # more than the pipe takes ahead of a busy worker
    config = BuildConfig(input_dir=tmp_path / "in", report=tmp_path / "build" / "report.json",
                         project_dir=tmp_path, jobs=jobs, time_budget=120.0)
    collection = build_collection(config)
    assert set(outcome(collection).values()) == {""}
    assert len(collection.published) == 8
    assert last in collection.docs[2].markdown
