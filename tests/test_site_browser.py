"""Search in the built site, driven in headless Chromium.

The site is built from the repository's docs/ with `mkdocs build --strict`,
served on 127.0.0.1 and searched the way a reader does: type a query into
Material's search box and read the results. The expected pages are computed
from docs/, not written down: a result is right when its page contains the query.
"""
from __future__ import annotations

import functools
import http.server
import re
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from conftest import ROOT

pytestmark = pytest.mark.browser

QUERIES = ["知识产权", "专利"]
SNIPPET = re.compile(r'^--8<-- "([^"]+)"\s*$', re.M)
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def page_texts(docs: Path) -> dict[str, str]:
    """URL path of every page built from `docs` → its searchable text (title and body)."""
    texts = {}
    for md in sorted(docs.rglob("*.md")):
        rel = md.relative_to(docs).as_posix()
        if rel.startswith("articles/_"):
            continue  # included into the home page, not a page (exclude_docs)
        text = md.read_text(encoding="utf-8")
        meta = {}
        if text.startswith("---\n"):
            head, _, text = text[4:].partition("\n---\n")
            meta = yaml.safe_load(head) or {}
        text = SNIPPET.sub(lambda m: (docs / m.group(1)).read_text(encoding="utf-8"), text)
        url = "/" + re.sub(r"(^|/)index\.md$|\.md$", lambda m: m.group(1) or "/", rel)
        texts[url.replace("//", "/")] = f"{meta.get('title', '')}\n{text}"
    return texts


def has_word(text: str, word: str) -> bool:
    """Whether jieba, which Material's search plugin uses to index Chinese, cuts `word` out of `text`."""
    import jieba

    return any(word in jieba.lcut(run) for run in HAN.findall(text) if word in run)


@pytest.fixture(scope="module")
def server(built_site):
    handler = functools.partial(QuietHandler, directory=str(built_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _search(page, query: str) -> tuple[str, list[str]]:
    """Type `query` into the search box; return the result summary and the result URL paths."""
    box = page.locator("input.md-search__input")
    meta = page.locator(".md-search-result__meta")
    box.click()
    box.fill("")
    box.press("End")
    page.wait_for_function(  # search index loaded, no results shown
        "() => document.querySelector('.md-search-result__meta').textContent.trim() === '键入以开始搜索'",
        timeout=20_000,
    )
    box.press_sequentially(query, delay=20)
    box.press("End")
    page.wait_for_function(
        "() => /结果/.test(document.querySelector('.md-search-result__meta').textContent)",
        timeout=20_000,
    )
    hrefs = page.eval_on_selector_all(
        ".md-search-result__list a.md-search-result__link", "links => links.map(a => a.href)"
    )
    return meta.inner_text().strip(), [unquote(urlsplit(href).path) for href in hrefs]


def test_search_finds_the_pages_containing_the_query(server, browser):
    texts = page_texts(ROOT / "docs")
    assert texts, "docs/ has no pages"
    external = []
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="zh-CN")
    page = context.new_page()

    def route(r):
        if urlsplit(r.request.url).hostname == "127.0.0.1":
            r.continue_()
        else:  # the site must not load anything from elsewhere (fonts, CDNs)
            external.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server + "/", wait_until="load")
    try:
        for query in QUERIES:
            expected = {url for url, text in texts.items() if query in text}
            summary, found = _search(page, query)
            pages = set(found)
            assert pages <= expected, (
                f"search for {query!r} listed pages that do not contain it: {sorted(pages - expected)}"
            )
            if expected:
                assert pages, f"search for {query!r} listed nothing; expected some of {sorted(expected)}"
            else:
                assert not pages, summary
            # Material lists the first results only; its summary counts them all. At least every
            # page in which jieba finds the query as a word must count, or Chinese search is broken.
            count = int((re.search(r"\d+", summary) or ["0"])[0])
            indexed = {url for url in expected if has_word(texts[url], query)}
            assert len(indexed) <= count <= len(expected), (
                f"search for {query!r}: {summary!r}; {len(indexed)} pages have the word, "
                f"{len(expected)} contain the text"
            )
    finally:
        context.close()
    assert not external, f"the site requested other hosts: {external}"
    assert not errors, f"JavaScript errors: {errors}"
