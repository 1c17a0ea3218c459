"""The cross-linked site in headless Chromium: citations lead to the cited page; search recall.

`python tests/test_site_links.py` prints the search recall of the query list below, per query.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from search_pages import containing, reader, search, serve  # noqa: E402

pytestmark = pytest.mark.browser

# Simplified words, sub-words inside longer words, Traditional forms, English words of 002.
QUERIES = [
    "知识产权", "专利", "商标", "国际合作", "地理标志", "习近平", "申长雨", "营商环境", "审查",
    "产权", "合作", "强国", "保护和运用", "合作司", "十四五",
    "數據", "專利", "知識產權", "商標", "國際合作", "創新", "審查",
    "Outline", "intellectual", "governance", "cooperation", "arbitration",
]


def expected_pages(query: str) -> set[str]:
    """Article pages whose searchable text holds the query (Traditional folded to Simplified, any case)."""
    return {url for url in containing(query) if url.startswith("/articles/")}


def recall(browser, site: Path) -> tuple[float, dict[str, tuple[int, int]], dict[str, set[str]]]:
    """Share of (query, expected page) pairs that the search lists; per query (found, expected);
    per query, the pages listed that do not contain it."""
    per_query, wrong = {}, {}
    with serve(site) as base, reader(browser) as page:
        page.goto(base + "/", wait_until="load")
        for query in QUERIES:
            expected = expected_pages(query)
            listed = {r["path"] for r in search(page, query)["results"]}
            per_query[query] = (len(expected & listed), len(expected))
            wrong[query] = listed - containing(query)
        assert not page.elsewhere and not page.errors, (page.elsewhere, page.errors)
    hits = sum(f for f, _ in per_query.values())
    total = sum(e for _, e in per_query.values())
    return hits / total if total else 1.0, per_query, wrong


def test_query_list_is_long_enough():
    assert len(QUERIES) >= 20
    assert all(expected_pages(q) for q in QUERIES), [q for q in QUERIES if not expected_pages(q)]


def test_search_recall_and_precision_on_the_query_list(built_site, browser):
    score, per_query, wrong = recall(browser, built_site)
    print(f"search recall {score:.3f}")
    assert score >= 0.95, per_query
    for query in ("产权", "數據", "專利", "知識產權"):
        found, expected = per_query[query]
        assert expected and found == expected, (query, per_query[query])
    assert not any(wrong.values()), {q: w for q, w in wrong.items() if w}


def test_clicking_a_citation_lands_on_the_cited_page(built_site, browser):
    with serve(built_site) as base, reader(browser) as page:
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


if __name__ == "__main__":  # print recall per query
    import tempfile

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import scrapedocs  # noqa: F401  (this checkout's, for the MkDocs hook)

    from playwright.sync_api import sync_playwright

    from conftest import CHROMIUM, CHROMIUM_ARGS, ROOT, build_site

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        site = build_site(ROOT / "docs", Path(tmp) / "site")
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        score, per_query, wrong = recall(b, site)
        for q in QUERIES:
            print(f"{q:>14}  {per_query[q][0]}/{per_query[q][1]}  {'wrong: ' + str(sorted(wrong[q])) if wrong[q] else ''}")
        print(f"recall {score:.3f}  ({len(QUERIES)} queries)")
        b.close()
