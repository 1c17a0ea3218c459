"""Search on the built site, in headless Chromium, as a reader uses it (issue #8, items 2 and 4).

The committed docs/ is built (Pagefind included, by the MkDocs hook), served on 127.0.0.1
and searched through the header's search box. The pages a query should list are computed
from docs/ (tests/search_pages.py): a page is right when its searchable text contains
the query, Traditional folded to Simplified.
"""
from __future__ import annotations

import json
import re
import shutil

import pytest

from search_pages import NONE, containing, fold, page_texts, reader, search, serve
from scrapedocs.publish.search import pagefind, parts

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(built_site):
    with serve(built_site) as base:
        yield base


@pytest.fixture(scope="module")
def page(site, browser):
    with reader(browser) as page:
        page.goto(site + "/", wait_until="load")
        yield page
        assert not page.elsewhere, f"the site requested other hosts: {page.elsewhere}"
        assert not page.errors, f"script errors: {page.errors}"


def paths(found: dict) -> set[str]:
    return {r["path"] for r in found["results"]}


def test_the_search_box_is_in_the_header(page):
    header = page.locator("header.md-header")
    assert header.locator("input.md-search__input").count() == 1
    assert header.locator("label.md-header__button[for=__search]").count() == 1
    # Material's own search is not built: no lunr index, no search worker started.
    assert page.evaluate("() => !document.querySelector('[data-md-component=search]')")


@pytest.mark.parametrize("query", ["区块链", "量子引力弦论黑洞", "區塊鏈"])
def test_a_query_absent_from_the_collection_lists_nothing(page, query):
    assert not containing(query), f"{query} does occur in docs/: pick another absent query"
    found = search(page, query)
    assert found["count"] == 0 and not found["results"], found
    assert NONE in found["summary"]


def test_a_name_lists_exactly_the_pages_naming_it_and_highlights_it_whole(page):
    expected = containing("申长雨")
    assert expected
    found = search(page, "申长雨")
    assert paths(found) == expected
    for result in found["results"]:
        assert "申长雨" in result["marks"], result
        assert all(m == "申长雨" for m in result["marks"]), result["marks"]  # never 申请 or 长远


def test_sub_words_match_inside_longer_words(page):
    """产权 inside 知识产权: exact substring semantics, no dictionary cut."""
    expected = containing("产权")
    found = search(page, "产权")
    assert paths(found) == expected
    assert found["count"] == len(expected)


def test_a_quoted_phrase_matches_only_that_phrase(page):
    phrase = "专利审查"
    both = containing("专利 审查")  # both words, anywhere
    exact = containing(f'"{phrase}"')
    assert exact < both, "pick a phrase whose words also occur apart"
    assert paths(search(page, f'"{phrase}"')) == exact
    assert paths(search(page, f"“{phrase}”")) == exact  # Chinese quotation marks too
    assert paths(search(page, "专利 审查")) == both
    for result in search(page, f'"{phrase}"')["results"]:
        assert fold(phrase) in "".join(result["marks"]), result


def test_documents_rank_above_cited_document_placeholders(page):
    pages = page_texts()
    found = search(page, "专利")
    kinds = [pages[r["path"]]["document"] for r in found["results"]]
    assert True in kinds and False in kinds, "the query should find both kinds of page"
    assert kinds == sorted(kinds, reverse=True), [r["path"] for r in found["results"]]
    assert paths(found) == containing("专利")


@pytest.mark.parametrize("query", ["專利", "數據", "知識產權"])
def test_traditional_queries_find_and_highlight(page, query):
    expected = containing(query)
    assert expected
    found = search(page, query)
    assert paths(found) == expected
    simplified = fold(query)
    for result in found["results"]:
        assert simplified in result["marks"], result  # marked whole, in the text as written


def test_title_matches_come_first_and_every_page_is_listed_once(page):
    """The head index answers first (titles, openings); the full-text results follow, no page twice."""
    pages = page_texts()
    found = search(page, "知识产权")
    listed = [r["path"] for r in found["results"]]
    assert len(listed) == len(set(listed)) == found["count"]
    assert set(listed) == containing("知识产权")
    in_title = [("知识产权" in pages[p]["title"]) for p in listed if pages[p]["document"]]
    assert in_title == sorted(in_title, reverse=True), listed


def test_results_show_title_metadata_and_an_excerpt(page):
    pages = page_texts()
    found = search(page, "营商环境")
    assert found["results"]
    for result in found["results"]:
        assert result["title"] == pages[result["path"]]["title"]
        assert "营商环境" in result["excerpt"]
        assert " 营 商 " not in result["excerpt"]  # the index's word breaks do not show


def test_a_result_opens_the_page_at_the_match(site, browser):
    with reader(browser) as page:
        page.goto(site + "/", wait_until="load")
        found = search(page, "地理标志")
        target = found["results"][0]
        excerpt = target["excerpt"]
        page.locator(".md-search-result__item a").first.click()
        page.wait_for_url(re.compile(re.escape(target["path"])))
        page.wait_for_selector("mark.sd-mark--focus")
        focus = page.locator("mark.sd-mark--focus")
        assert focus.inner_text() == "地理标志"
        assert page.locator("article mark.sd-mark").count() == page.evaluate(
            "() => (document.querySelector('[data-pagefind-body]').textContent.match(/地理标志/g) || []).length")
        # It is the occurrence the result showed, and it is on screen.
        context = page.evaluate("""() => {
            const m = document.querySelector('mark.sd-mark--focus');
            const block = m.closest('p, li, h1, h2, h3, h4, h5, h6, td, dd');
            return block.textContent.replace(/\\s+/g, '');
        }""")
        shown = re.sub(r"\s+|…", "", excerpt).split("·")
        assert any(part and part in context or context in part for part in shown), (context, excerpt)
        box = focus.bounding_box()
        assert 0 <= box["y"] <= page.viewport_size["height"], box
        assert not page.elsewhere and not page.errors


def test_keyboard_opens_moves_and_closes(site, browser):
    with reader(browser) as page:
        page.goto(site + "/", wait_until="load")
        page.keyboard.press("/")
        assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
        assert page.evaluate("document.getElementById('__search').checked")
        page.keyboard.insert_text("专利")
        page.wait_for_selector(".md-search-result__item")
        page.keyboard.press("ArrowDown")
        first = page.evaluate("document.activeElement.getAttribute('href')")
        assert first and "h=" in first
        page.keyboard.press("ArrowDown")
        second = page.evaluate("document.activeElement.getAttribute('href')")
        assert second and second != first
        page.keyboard.press("ArrowUp")
        assert page.evaluate("document.activeElement.getAttribute('href')") == first
        page.keyboard.press("Escape")
        assert not page.evaluate("document.getElementById('__search').checked")
        page.keyboard.press("s")
        assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
        page.keyboard.press("Enter")  # opens the first result
        page.wait_for_url(re.compile(r"h=%E4%B8%93%E5%88%A9"))
        assert not page.elsewhere and not page.errors


def test_every_page_asks_nothing_of_another_host(site, browser):
    """Fonts, scripts, the converter and the index all come from the site itself."""
    with reader(browser) as page:
        for path in page_texts():
            page.goto(site + path, wait_until="load")
        page.evaluate("localStorage.setItem('scrapedocs.script', 'tw')")
        page.goto(site + "/", wait_until="networkidle")
        search(page, "知识产权")
        assert not page.elsewhere, page.elsewhere
        assert not page.errors, page.errors


@pytest.fixture(scope="module")
def small_parts(built_site, tmp_path_factory, browser):
    """The same site with its index cut into parts of a few pages: every query crosses parts."""
    copy = tmp_path_factory.mktemp("parts") / "site"
    shutil.copytree(built_site, copy)
    shutil.rmtree(copy / "pagefind")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(parts, "TEXT_SIZE", 4)
        patch.setattr(parts, "TITLE_SIZE", 4)
        pagefind.update(copy)
    manifest = json.loads((copy / "pagefind" / pagefind.MANIFEST).read_text(encoding="utf-8"))
    assert sum(p["band"] == "text" and p["kind"] == "document" for p in manifest["parts"]) >= 3
    with serve(copy) as base, reader(browser) as page:
        page.goto(base + "/", wait_until="load")
        yield page
        assert not page.elsewhere and not page.errors, (page.elsewhere, page.errors)


#: Queries of every shape: common words, one character (a prefix query), a character the
#: collection lacks, a term ending in one character after digits (checked against the text),
#: Traditional, several terms, a quoted phrase.
SHAPES = ["知识产权", "专利", "权", "鑫", "30日", "10月", "十四五", "國家知識產權局", "知识产权 专利", '"专利审查"', "5G"]


@pytest.mark.parametrize("query", SHAPES)
def test_every_shape_of_query_finds_exactly_the_pages_holding_it(page, query):
    found = search(page, query)
    assert paths(found) == containing(query)
    assert found["count"] == len(found["results"]) == len(containing(query))


def test_results_and_their_order_do_not_depend_on_the_parts(page, small_parts):
    for query in SHAPES:
        whole = search(page, query)
        cut = search(small_parts, query)
        assert [r["path"] for r in cut["results"]] == [r["path"] for r in whole["results"]], query
        assert [r["excerpt"] for r in cut["results"]] == [r["excerpt"] for r in whole["results"]], query


def test_ranking_documents_then_title_matches_then_newest(small_parts):
    """Documents before cited-document pages; among them the pages whose title holds the
    query first; newest first within each group."""
    pages = page_texts()
    for query in ("知识产权", "专利", "国家"):
        listed = [r["path"] for r in search(small_parts, query)["results"]]
        key = [(not pages[p]["document"], fold(query) not in fold(pages[p]["title"])) for p in listed]
        assert key == sorted(key), (query, listed)
        for group in set(key):
            dates = [pages[p]["date"] for p, k in zip(listed, key) if k == group and pages[p]["date"]]
            assert dates == sorted(dates, reverse=True), (query, group, dates)
