"""Every page is rendered as the site will render it, in the workers, under the time budget (render/trial.py,
engine/pages.py): a page whose Markdown fails or runs out of time is published plain, named, nothing lost."""
from __future__ import annotations

import time
from dataclasses import replace

import pytest

from scrapedocs.config import BuildConfig, with_project_files
from scrapedocs.engine.pages import stored_html
from scrapedocs.pipeline import build_collection
from scrapedocs.publish.report import console_summary, report
from scrapedocs.render import trial

from conftest import ROOT
from helpers import write_corpus
from test_render import _site_html

POISON = "xyzzy-page-poison"  # a test stage misbehaves on a page whose Markdown holds this


@pytest.fixture
def corpus(tmp_path) -> BuildConfig:
    write_corpus(tmp_path / "in")
    bad = tmp_path / "in" / "doc03.txt"
    bad.write_text(bad.read_text(encoding="utf-8").replace("版权所有", f"含{POISON}的一行正文。\n版权所有"),
                   encoding="utf-8")
    return with_project_files(BuildConfig(
        input_dir=tmp_path / "in", report=tmp_path / "build" / "report.json", docs_dir=tmp_path / "docs",
        project_dir=tmp_path, site_config=ROOT / "mkdocs.yml", jobs=2, time_budget=1.0))


def _misbehaving(monkeypatch, how):
    import scrapedocs.render.trial as trial

    original = trial.to_html

    def to_html(page, config):
        if POISON in page.data.decode("utf-8"):  # the page's Markdown, as the engine sends it
            how()
        return original(page, config)

    monkeypatch.setattr(trial, "to_html", to_html)  # the workers are forked: they run it too


def _hang():
    while True:  # pure Python: a watchdog can interrupt it; a kill always can
        time.sleep(0.01)


def _fail():
    raise ValueError("a made-up failure")


def _poisoned(collection):
    (doc,) = [d for d in collection.published if d.relpath == "doc03.txt"]
    return doc


@pytest.mark.parametrize("how, why", [(_hang, "took longer than the time budget (1 s)"),
                                      (_fail, "failed to render (ValueError: a made-up failure)")])
def test_a_page_whose_markdown_hangs_or_fails_is_published_plain_and_named(corpus, monkeypatch, how, why):
    _misbehaving(monkeypatch, how)
    start = time.monotonic()
    collection = build_collection(corpus)
    assert time.monotonic() - start < 60
    doc = _poisoned(collection)
    assert doc.degraded == [f"page published as plain text, without links: its Markdown {why}"]
    assert [d.relpath for d in collection.published if d.degraded] == ["doc03.txt"]
    body = doc.markdown.split("---\n", 2)[2]
    assert f"<p>含{POISON}的一行正文。</p>" in body
    assert "](" not in body.split("<div data-pagefind-ignore")[0], "no links in the plain form"
    for block in doc.blocks:  # every block, as text
        assert block.text.replace("<", "&lt;").replace(">", "&gt;") in body
    entry = {e["source"]: e for e in report(collection)["inputs"]}["doc03.txt"]
    assert entry["degraded"] == doc.degraded and entry["page"] == doc.page
    line, details = console_summary(collection)
    assert "1 pages degraded" in line
    assert any(d.startswith("  doc03.txt: page published as plain text") for d in details)
    assert collection.stats["pages"]["gave_up" if how is _hang else "failed"] == 1


def test_a_collection_page_that_fails_is_published_as_its_source_text(corpus, monkeypatch):
    import scrapedocs.render.trial as trial

    original = trial.to_html

    def to_html(page, config):
        if page.relpath == "cited/index.md":
            raise RecursionError("maximum recursion depth exceeded")
        return original(page, config)

    monkeypatch.setattr(trial, "to_html", to_html)
    collection = build_collection(corpus)
    assert "<p># 引用的文件</p>" in collection.pages["cited/index.md"]
    assert any(w.startswith("cited/index.md: published as its Markdown source: its Markdown failed to render "
                            "(RecursionError") for w in collection.warnings)


def test_pages_are_rendered_once_then_taken_from_the_cache_and_their_html_kept(corpus, monkeypatch):
    first = build_collection(corpus).stats["pages"]
    assert first["rendered"] == first["pages"] > 6 and first["cached"] == 0
    again = build_collection(corpus)
    assert again.stats["pages"]["rendered"] == 0 and again.stats["pages"]["cached"] == first["pages"]
    # The HTML body each page gave is kept under the page's key, for a site build that would reuse it.
    doc = again.published[0]
    stored = stored_html(doc.page, doc.markdown, corpus)
    assert stored["html"] == _site_html(doc.markdown, doc.page) and isinstance(stored["toc"], list)
    assert stored["title"] is None and stored["lookups"]  # its title is in its front matter; it links to others
    assert all(url.endswith("/") for url in stored["lookups"].values())  # links rewritten to the pages' URLs
    assert stored_html(doc.page, doc.markdown + "x", corpus) is None
    assert stored_html("articles/elsewhere.md", doc.markdown, corpus) is None  # links are relative to the page
    # One edited source: its page and the pages that list it are rendered again, not the others.
    source = corpus.input_dir / "doc04.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("版权所有", "新增的一段正文，讲知识产权。\n版权所有"),
                      encoding="utf-8")
    edited = build_collection(corpus).stats["pages"]
    assert 1 <= edited["rendered"] < first["pages"] / 2


def test_a_page_given_up_is_remembered_and_tried_again_with_more_time(corpus, monkeypatch):
    _misbehaving(monkeypatch, _hang)
    assert build_collection(corpus).stats["pages"]["gave_up"] == 1
    again = build_collection(corpus)
    assert again.stats["pages"]["rendered"] == 0 and _poisoned(again).degraded
    longer = build_collection(replace(corpus, time_budget=1.5))
    assert longer.stats["pages"]["rendered"] == 1
    assert "(1.5 s)" in _poisoned(longer).degraded[0]


_HELD: list[str] = []  # filled by the test's process: a worker forked from it holds it too, a fresh one not


def _what_it_holds(page, config):
    """A pages stage that says what the worker inherited from the process that holds the collection."""
    raise ValueError(f"holds {len(_HELD)}")


@pytest.mark.parametrize("fresh, held", [(False, 1), (True, 0)])
def test_a_large_collection_s_pages_are_rendered_by_workers_that_inherit_none_of_it(corpus, monkeypatch, fresh,
                                                                                       held):
    """From `FRESH` pages the workers start as new interpreters, not forks: the collection the build holds is
    not theirs to keep a copy of. Below, they are forked (cheaper to start)."""
    import scrapedocs.engine.pages as pages

    monkeypatch.setattr(pages, "FRESH", 1 if fresh else 10_000)
    monkeypatch.setattr(trial, "to_html", _what_it_holds)
    _HELD.append("the collection")
    try:
        collection = build_collection(replace(corpus, use_cache=False))
    finally:
        _HELD.clear()
    reasons = {reason for doc in collection.published for reason in doc.degraded}
    assert reasons == {f"page published as plain text, without links: its Markdown failed to render "
                       f"(ValueError: holds {held})"}
    assert collection.stats["pages"]["failed"] == collection.stats["pages"]["pages"] > 6
