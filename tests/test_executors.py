"""The Dask executor: on a local cluster, the same pages as the local build; the time budget and failures hold."""
from __future__ import annotations

from dataclasses import replace

import pytest

from scrapedocs import publish
from scrapedocs.config import BuildConfig
from scrapedocs.engine import EngineError
from scrapedocs.pipeline import build_collection

from conftest import ROOT
from helpers import write_corpus
from test_pipeline import POISON, crash, fail, hang, with_stage

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes, one thread each: tasks and their bytes really travel.

    A task whose worker dies is not retried (allowed-failures 0), so a crash is reported at once.
    """
    import dask

    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                      dashboard_address=None) as c:
            yield "dask://" + c.scheduler_address.removeprefix("tcp://")


@pytest.fixture
def corpus(tmp_path) -> BuildConfig:
    write_corpus(tmp_path / "in" / "made", n=8)
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        (tmp_path / "in" / "seeds").mkdir(exist_ok=True)
        (tmp_path / "in" / "seeds" / seed.name).write_bytes(seed.read_bytes())
    bad = tmp_path / "in" / "made" / "doc03.txt"
    bad.write_text(bad.read_text(encoding="utf-8").replace("版权所有", f"含{POISON}的一行正文。\n版权所有"),
                   encoding="utf-8")
    return BuildConfig(input_dir=tmp_path / "in", report=tmp_path / "build" / "report.json",
                              project_dir=ROOT, jobs=2, time_budget=2.0, use_cache=False)


def test_dask_build_is_byte_identical_to_the_local_build(corpus, cluster):
    local = build_collection(corpus)
    remote = build_collection(replace(corpus, executor=cluster))
    assert remote.stats["converted"] == len(remote.docs) == 13
    assert publish.plan(remote) == publish.plan(local)
    assert any(doc.appendix for doc in remote.published), "the collection stages ran on what came back"


def test_dask_gives_up_on_a_hanging_document_and_publishes_the_rest(corpus, cluster):
    collection = build_collection(replace(corpus, executor=cluster), stages=with_stage("stall", hang))
    errors = {doc.relpath: doc.error for doc in collection.docs if doc.error}
    assert errors == {"made/doc03.txt": "gave up after 2 s in stall"}
    assert len(collection.published) == 12


def test_dask_reports_an_exception_and_publishes_the_rest(corpus, cluster):
    collection = build_collection(replace(corpus, executor=cluster), stages=with_stage("fragile", fail))
    errors = {doc.relpath: doc.error for doc in collection.docs if doc.error}
    assert errors == {"made/doc03.txt": "fragile failed: ValueError: a made-up failure"}


def test_dask_reports_the_document_that_killed_its_worker_and_publishes_the_rest(corpus, cluster):
    collection = build_collection(replace(corpus, executor=cluster), stages=with_stage("brittle", crash))
    errors = {doc.relpath: doc.error for doc in collection.docs if doc.error}
    assert list(errors) == ["made/doc03.txt"] and errors["made/doc03.txt"].startswith(
        "the Dask worker stopped while converting it")
    assert len(collection.published) == 12


def test_dask_workers_of_another_version_stop_the_build(corpus, cluster, monkeypatch):
    monkeypatch.setattr("scrapedocs.engine.dask.converter_version", lambda: "not the workers' version")
    with pytest.raises(EngineError, match="another version"):
        build_collection(replace(corpus, executor=cluster))
