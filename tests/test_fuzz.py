"""Markdown-shaped hostile sources through the whole build, site and search index included (issue 17).

`fuzz_corpus` writes every shape (one Markdown character 10,000 times in one paragraph,
a 10,000-item list, lists and quotes 1,000 deep, a table row of 10,000 cells, 5,000
headings, a 2 MB paragraph citing one document about 16,000 times) as .txt, .html and .md.
Here at a quarter of those sizes, every one still past the limits of
`scrapedocs.render.limits`, so the same mechanisms act; `benchmarks/bench_fuzz.py`
builds the full sizes and times them (bounded time is measured there, not here).
One build through the command line, as a user runs it, serves every test: it
completes, every input is a page or a line, no markup is live, nothing is lost.
"""
from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import lxml.html
import pytest

from conftest import ROOT
from fuzz_corpus import CHARACTERS, CITED, make_fuzz
from test_hostile import _live_markup

SCALE = 0.25


@pytest.fixture(scope="module")
def fuzz(tmp_path_factory):
    project = tmp_path_factory.mktemp("fuzz")
    seeds = project / "seeds"
    sources = make_fuzz(seeds, SCALE)
    docs = project / "docs"
    from scrapedocs.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--input", str(seeds), "--docs", str(docs), "--site", str(project / "site"),
                     "--config", str(ROOT / "mkdocs.yml"), "--no-progress", "--stats", str(project / "stats.json")])
    report = json.loads((project / "build" / "report.json").read_text(encoding="utf-8"))
    return SimpleNamespace(project=project, seeds=seeds, docs=docs, site=project / "site", sources=sources,
                           code=code, stdout=out.getvalue(), stderr=err.getvalue(), report=report,
                           entries={e["source"]: e for e in report["inputs"]},
                           stats=json.loads((project / "stats.json").read_text(encoding="utf-8")))


def _built(fuzz, page: str) -> Path:
    return fuzz.site / re.sub(r"\.md$", "", page) / "index.html"


def _article_text(path: Path) -> str:
    tree = lxml.html.parse(str(path)).getroot()
    for link in tree.find_class("headerlink"):
        link.drop_tree()
    return tree.find_class("md-content")[0].text_content()


def test_the_whole_build_completes_with_the_site_and_the_search_index(fuzz):
    assert fuzz.code == 0, fuzz.stderr[-3000:]
    assert "Traceback" not in fuzz.stderr + fuzz.stdout
    assert (fuzz.site / "index.html").is_file()
    assert (fuzz.site / "pagefind" / "shards.json").is_file()
    from scrapedocs.publish.search import read_records

    searchable = {r.url for r in read_records(fuzz.site)}
    pages = {e["page"] for e in fuzz.report["inputs"] if e["page"] and not e["merged_into"]}
    assert {p[:-3] + "/" for p in pages} <= searchable, "every page is in the search index"


def test_every_input_is_a_page_or_a_line(fuzz):
    assert {e["source"] for e in fuzz.report["inputs"]} == {s.source for s in fuzz.sources}
    for source in fuzz.sources:
        entry = fuzz.entries[source.source]
        if entry["page"]:
            assert (fuzz.docs / entry["page"]).is_file() and _built(fuzz, entry["page"]).is_file(), source
        else:
            assert entry["error"], f"{source.source}: neither a page nor a reason"
            assert f"{source.source}: {entry['error']}" in fuzz.stderr or "more in the report" in fuzz.stderr
    summary = fuzz.report["summary"]
    assert summary["inputs"] == summary["pages"] + summary["merged"] + summary["failed"]
    # Text dumps and Markdown files are read in linear time: every one of them is a page.
    assert all(fuzz.entries[s.source]["page"] for s in fuzz.sources if s.format in ("txt", "md")), \
        {s.source: fuzz.entries[s.source]["error"] for s in fuzz.sources if not fuzz.entries[s.source]["page"]}


def test_no_markup_is_live_in_the_built_html(fuzz):
    found = []
    for path in sorted(fuzz.site.rglob("*.html")):
        found += _live_markup(path.read_text(encoding="utf-8"), path.relative_to(fuzz.site).as_posix())
    assert not found, "\n".join(found[:20])


@pytest.mark.parametrize("shape", sorted(CHARACTERS))
def test_a_paragraph_of_markdown_characters_is_published_whole(fuzz, shape):
    """Split at its pauses, every one of its characters is on the built page, as text.

    In a Markdown source the character is Markdown's (pairs of * are emphasis, of ` code): the
    text between them is what must all be there, counted by its pauses."""
    c, n = CHARACTERS[shape], int(10_000 * SCALE)
    for fmt in ("txt", "md", "html"):
        entry = fuzz.entries[f"{shape}.{fmt}"]
        if not entry["page"]:
            assert fmt == "html", entry  # the extraction ensemble's time budget; never a dump's
            continue
        text = _article_text(_built(fuzz, entry["page"]))
        assert text.count("，") >= n // 10, (shape, fmt)
        if fmt != "md":
            assert text.count(c) >= n, (shape, fmt)
        assert any("split at sentence ends" in note for note in entry["degraded"]), entry["degraded"]


def test_the_paragraph_citing_one_document_thousands_of_times_links_it_once(fuzz):
    """Item 1 and the issue's input: linked at its first mention, every mention counted under 被引用."""
    cited = fuzz.entries["cited.txt"]["page"]
    page = fuzz.entries["links.txt"]["page"]
    source = (fuzz.seeds / "links.txt").read_text(encoding="utf-8")
    mentions = source.count(f"《{CITED}》")
    tree = lxml.html.parse(str(_built(fuzz, page))).getroot()
    article = tree.find_class("md-content")[0]
    target = "../" + cited[len("articles/"):-3] + "/"
    links = [a for a in article.iter("a") if a.get("href") == target]
    assert 1 <= len(links) <= 2, "one link to the cited document (and one in 被引用's list is not its own)"
    assert _article_text(_built(fuzz, page)).count(f"《{CITED}》") >= mentions, "every mention is on the page"
    backlinks = (fuzz.docs / cited).read_text(encoding="utf-8").split("## 被引用", 1)[1]
    assert f"（引用 {mentions} 处）" in backlinks


def test_huge_tables_and_thousands_of_headings_are_published_plainer_and_named(fuzz):
    table, headings = fuzz.entries["table.md"], fuzz.entries["headings.md"]
    assert any("tables over" in note for note in table["degraded"])
    assert any("headings after the first" in note for note in headings["degraded"])
    text = _article_text(_built(fuzz, table["page"]))
    assert f"第{int(10_000 * SCALE)}列" in text, "the last cell is on the page"
    degraded = [e for e in fuzz.report["inputs"] if e["degraded"]]
    assert f"degraded ({fuzz.report['summary']['degraded']})" in fuzz.stderr and len(degraded) > 10
    assert f"  {degraded[0]['source']}: {degraded[0]['degraded'][0]}" in fuzz.stderr  # the first ones, by name
    assert f"… and {len(degraded) - 10} more in the report" in fuzz.stderr


def test_every_page_was_rendered_before_mkdocs_and_none_needed_the_plain_form(fuzz):
    """Within the limits no page comes near the time budget: the pages pass gives up on none."""
    pages = fuzz.stats["pages"]
    assert pages["rendered"] + pages["cached"] == pages["pages"] > len(fuzz.sources)
    assert pages["failed"] == pages["gave_up"] == 0
    assert not any("page published as plain text" in note for e in fuzz.report["inputs"] for note in e["degraded"])
