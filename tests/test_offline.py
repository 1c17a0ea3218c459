"""The offline bundle: unpacked and opened from file://, it searches (issue #8, item 5).

Browsers refuse fetch() and module imports from file://, so the bundle's search index is
a script (search/offline-index.js). The bundle is built from the committed docs/ with
`dist.publish(offline=True)`, unpacked, and used in headless Chromium from file://.
"""
from __future__ import annotations

import json
import re
import shutil
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import ROOT, require_chromium
from search_pages import NONE, containing, page_texts, reader, search


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    """The zip built from the committed docs/, unpacked; the folder holding index.html."""
    from scrapedocs.publish import dist

    out = tmp_path_factory.mktemp("dist")
    files = dist.publish(ROOT / "mkdocs.yml", ROOT / "docs", out, offline=True, pdf=False)
    assert len(files) == 1 and files[0].suffix == ".zip", files
    target = tmp_path_factory.mktemp("unpacked")
    with zipfile.ZipFile(files[0]) as zf:
        zf.extractall(target)
    tops = list(target.iterdir())
    assert len(tops) == 1 and tops[0].is_dir() and tops[0].name == files[0].stem, tops
    return tops[0]


def _index(bundle: Path) -> dict:
    script = (bundle / "search" / "offline-index.js").read_text(encoding="utf-8")
    prefix = "var __scrapedocsSearch = "
    assert script.startswith(prefix)
    return json.loads(script[len(prefix):].rstrip().rstrip(";"))


def test_bundle_holds_the_pages_and_a_full_text_script_index(bundle):
    assert (bundle / "index.html").is_file()
    assert not (bundle / "pagefind").exists(), "the website's index is not shipped offline"
    index = _index(bundle)
    assert index["full"] is True, "the seeds are small: full text"
    urls = {doc[0] for doc in index["docs"]}
    expected = {p.strip("/") + ".html" for p in page_texts()}
    assert urls == expected
    for url, title, kind, _meta, _text in index["docs"]:
        assert (bundle / url).is_file(), url
        page = page_texts()["/" + url[: -len(".html")] + "/"]
        assert title == page["title"]
        assert (kind == "document") == page["document"]
    pages = list(bundle.rglob("*.html"))
    assert len(pages) > 5
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "unpkg.com" not in text and "iframe-worker" not in text, page
        for href in re.findall(r'href="([^"#?]+)', text):  # .html files, never folders
            if not urlsplit(href).scheme and href.endswith("/"):
                pytest.fail(f"{page.relative_to(bundle)} links to a folder: {href}")


@pytest.mark.browser
def test_bundle_searches_from_file_url(bundle, browser):
    require_chromium()
    with reader(browser) as page:
        page.goto((bundle / "index.html").as_uri(), wait_until="load")
        assert search(page, "区块链")["count"] == 0
        assert {r["path"] for r in search(page, "申长雨")["results"]} == {
            str(bundle / (p.strip("/") + ".html")) for p in containing("申长雨")}
        found = search(page, "知識產權")  # Traditional, folded
        expected = {str(bundle / (p.strip("/") + ".html")) for p in containing("知识产权")}
        assert {r["path"] for r in found["results"]} == expected
        assert all("知识产权" in r["marks"] for r in found["results"])
        kinds = [page_texts()["/" + Path(r["path"]).relative_to(bundle).as_posix()[:-5] + "/"]["document"]
                 for r in found["results"]]
        assert kinds == sorted(kinds, reverse=True), "documents first"
        first = found["results"][0]
        assert first["href"].startswith("file://")
        page.locator(".md-search-result__item a").first.click()
        page.wait_for_load_state("load")
        assert unquote(urlsplit(page.url).path) == first["path"]
        page.wait_for_selector("mark.sd-mark--focus")
        assert page.locator("mark.sd-mark--focus").inner_text() == "知识产权"
        # links between pages work from file:// too: back home through the header
        page.locator("a.md-header__button.md-logo").click()
        page.wait_for_load_state("load")
        assert unquote(urlsplit(page.url).path) == str(bundle / "index.html")
        assert not page.elsewhere, f"the bundle requested other hosts: {page.elsewhere}"
        assert not page.errors, page.errors


@pytest.mark.browser
def test_without_its_script_index_the_bundle_cannot_search(bundle, browser, tmp_path):
    """The control: the same bundle minus search/offline-index.js says search is unavailable."""
    require_chromium()
    copy = tmp_path / "bundle"
    shutil.copytree(bundle, copy)
    (copy / "search" / "offline-index.js").unlink()
    with reader(browser) as page:
        page.goto((copy / "index.html").as_uri(), wait_until="load")
        box = page.locator("input.md-search__input")
        box.click()
        box.fill("知识产权")
        page.wait_for_function("() => /无法使用/.test(document.querySelector('.md-search-result__meta').textContent)")
        assert page.locator(".md-search-result__item").count() == 0


@pytest.mark.browser
def test_a_large_collection_searches_a_summary_and_says_so(bundle, browser, tmp_path):
    """Above the full-text limit the index holds titles, metadata, headings and first
    paragraphs; the results say so."""
    require_chromium()
    from scrapedocs.publish.search import offline, read_records

    copy = tmp_path / "bundle"
    shutil.copytree(bundle, copy)
    records = read_records(copy, directory_urls=False)
    offline.write_index(records, copy, limit=100)
    assert _index(copy)["full"] is False
    report = next(r for r in records if "申长雨" in r.title)
    deep = "全年共受理PCT国际专利申请"  # in the body of that report, past its first paragraph
    assert deep in report.text and deep not in report.summary
    with reader(browser) as page:
        page.goto((copy / "index.html").as_uri(), wait_until="load")
        found = search(page, "申长雨")
        assert found["count"] >= 1 and "首段" in found["summary"], found["summary"]
        assert NONE in search(page, deep)["summary"]
        assert not page.errors
