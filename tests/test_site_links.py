"""The cross-linked site in headless Chromium: citations lead to the cited page; search recall.

`python tests/test_site_links.py` prints the search recall of the query list below,
before (Material's index as built) and after the `variants` field the hook adds.
"""
from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from conftest import ROOT  # noqa: E402
from test_site_browser import QuietHandler, _search, page_texts  # noqa: E402

pytestmark = pytest.mark.browser

# Simplified words, sub-words inside longer jieba words, Traditional forms, English words of 002.
QUERIES = [
    "知识产权", "专利", "商标", "国际合作", "地理标志", "习近平", "申长雨", "营商环境", "审查",
    "产权", "合作", "强国", "保护和运用", "合作司", "十四五",
    "數據", "專利", "知識產權", "商標", "國際合作", "創新", "審查",
    "Outline", "intellectual", "governance", "cooperation", "arbitration",
]


def _fold(text: str) -> str:
    from opencc import OpenCC

    return OpenCC("t2s").convert(text).lower()


def expected_pages(texts: dict[str, str], query: str) -> set[str]:
    """Article pages whose text holds the query (Traditional folded to Simplified, any case)."""
    q = _fold(query)
    return {url for url, text in texts.items() if url.startswith("/articles/") and q in _fold(text)}


def _serve(folder: Path):
    import functools
    import http.server
    import threading

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


def without_variants(site: Path, dest: Path) -> Path:
    """A copy of the site whose search index lacks the hook's `variants` field: the baseline."""
    shutil.copytree(site, dest)
    path = dest / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    index["config"]["fields"].pop("variants", None)
    for entry in index["docs"]:
        entry.pop("variants", None)
    path.write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
    return dest


def recall(browser, site: Path, texts: dict[str, str]) -> tuple[float, dict[str, tuple[int, int]]]:
    """Share of (query, expected page) pairs that the search lists; per query (found, expected)."""
    httpd, base = _serve(site)
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="zh-CN")
    page = context.new_page()
    per_query = {}
    try:
        page.goto(base + "/", wait_until="load")
        for query in QUERIES:
            expected = expected_pages(texts, query)
            _, found = _search(page, query)
            found_articles = {re.sub(r"#.*$", "", u) for u in found}
            per_query[query] = (len(expected & found_articles), len(expected))
    finally:
        context.close()
        httpd.shutdown()
        httpd.server_close()
    hits = sum(f for f, _ in per_query.values())
    total = sum(e for _, e in per_query.values())
    return hits / total if total else 1.0, per_query


def test_query_list_is_long_enough():
    assert len(QUERIES) >= 20


def test_search_finds_sub_words_and_traditional_queries(built_site, browser, tmp_path):
    texts = page_texts(ROOT / "docs")
    after, per_query = recall(browser, built_site, texts)
    before, _ = recall(browser, without_variants(built_site, tmp_path / "before"), texts)
    print(f"search recall before {before:.3f} after {after:.3f}")
    assert after > before
    for query in ("产权", "數據", "專利", "知識產權"):
        found, expected = per_query[query]
        assert expected and found == expected, (query, per_query[query])
    assert after >= 0.85, per_query


def test_clicking_a_citation_lands_on_the_cited_page(built_site, browser):
    httpd, base = _serve(built_site)
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(base + "/articles/000_29e46c3a256b3124/", wait_until="load")
        link = page.locator("article a", has_text="《“十四五”国家知识产权保护和运用规划》").first
        link.click()
        page.wait_for_url(re.compile(r"/articles/001_e9f6b771d52f2730/"))
        assert "十四五" in page.locator("h1").first.inner_text()
        # The outline is not held: its mention leads to its page, which lists the report on it (002).
        page.goto(base + "/articles/000_29e46c3a256b3124/", wait_until="load")
        page.locator("article a", has_text="《知识产权强国建设纲要（2021—2035年）》").first.click()
        page.wait_for_url(re.compile(r"/cited/"))
        assert "知识产权强国建设纲要" in page.locator("h1").first.inner_text()
        hrefs = [unquote(urlsplit(h).path) for h in page.eval_on_selector_all("article a", "as => as.map(a => a.href)")]
        assert any("/articles/002_c4b42fa6c0a3fea3/" in h for h in hrefs)
        # And 002 links back to the pages citing the outline.
        page.goto(base + "/articles/002_c4b42fa6c0a3fea3/", wait_until="load")
        hrefs = [unquote(urlsplit(h).path) for h in page.eval_on_selector_all("article a", "as => as.map(a => a.href)")]
        assert any("/articles/000_29e46c3a256b3124/" in h for h in hrefs)
    finally:
        context.close()
        httpd.shutdown()
        httpd.server_close()


if __name__ == "__main__":  # print recall before/after, per query
    import tempfile

    from playwright.sync_api import sync_playwright

    from conftest import build_site
    from test_site_browser import CHROMIUM, CHROMIUM_ARGS

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        site = build_site(ROOT / "docs", Path(tmp) / "site")
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        texts = page_texts(ROOT / "docs")
        before, per_before = recall(b, without_variants(site, Path(tmp) / "before"), texts)
        after, per_after = recall(b, site, texts)
        for q in QUERIES:
            print(f"{q:>14}  before {per_before[q][0]}/{per_before[q][1]}  after {per_after[q][0]}/{per_after[q][1]}")
        print(f"recall before {before:.3f}  after {after:.3f}  ({len(QUERIES)} queries)")
        b.close()
