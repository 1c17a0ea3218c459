"""The 简/繁 switch (issue #12, item 5): every page readable in Traditional characters.

The conversion runs in the browser with opencc-js, vendored from npm into
scrapedocs/theme/assets/javascripts/opencc-js/; the converted text is compared with the official
OpenCC (the `opencc` wheel), which uses the same tables.
"""
from __future__ import annotations

import json
import os
import re

import pytest

from conftest import ROOT
from search_pages import containing, reader, search, serve

VENDORED = ROOT / "scrapedocs" / "theme" / "assets" / "javascripts" / "opencc-js"
ARTICLE = "/articles/000_29e46c3a256b3124/"  # its source was Traditional


def _missing(message: str):
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def test_vendored_opencc_js_is_the_pinned_npm_package():
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    version = package["dependencies"]["opencc-js"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", version), "pin an exact version"
    assert lock["packages"]["node_modules/opencc-js"]["version"] == version
    for name in ("LICENSE", "LICENSE-Apache-2.0.txt", "THIRD_PARTY_LICENSES.md"):
        assert (VENDORED / name).is_file(), name
    installed = ROOT / "node_modules" / "opencc-js"
    if not installed.is_dir():
        _missing("node_modules/ is missing: run `npm ci` (make test-deps does)")
    assert json.loads((installed / "package.json").read_text(encoding="utf-8"))["version"] == version
    for name in ("t2cn.js", "cn2t.js"):
        assert (VENDORED / name).read_bytes() == (installed / "dist" / "umd" / name).read_bytes(), name
    assert (VENDORED / "LICENSE").read_bytes() == (installed / "LICENSE").read_bytes()
    assert (VENDORED / "LICENSE-Apache-2.0.txt").read_bytes() == (installed / "LICENSES" / "Apache-2.0.txt").read_bytes()


def s2tw(text: str) -> str:
    from opencc import OpenCC

    return OpenCC("s2tw").convert(text)


@pytest.fixture(scope="module")
def site(built_site):
    with serve(built_site) as base:
        yield base


def _choose(page, label: str):
    page.locator(".sd-script__button").hover()
    choice = page.locator(".sd-script__choice", has_text=label)
    script = choice.get_attribute("data-script")
    choice.click()
    page.wait_for_function(f"() => document.documentElement.dataset.script === '{script}'")


def _texts(page) -> dict:
    return page.evaluate("""() => ({
        h1: document.querySelector('article h1').textContent.trim(),
        body: [...document.querySelectorAll('article p')].map(p => p.textContent).join('\\n'),
        nav: [...document.querySelectorAll('.md-nav--primary .md-nav__link')].map(a => a.textContent.trim()).join('\\n'),
        title: document.title,
        lang: document.documentElement.lang,
        meta: document.querySelector('.article-meta') ? document.querySelector('.article-meta').textContent : '',
    })""")


@pytest.mark.browser
def test_traditional_converts_body_title_and_navigation_and_is_remembered(site, browser):
    with reader(browser) as page:
        page.goto(site + ARTICLE, wait_until="load")
        before = _texts(page)
        assert "原文字体" in before["meta"]  # its source was Traditional: the metadata block says so
        assert page.locator(".sd-script__button").inner_text() == "简"
        _choose(page, "繁體（臺灣）")
        after = _texts(page)
        assert page.locator(".sd-script__button").inner_text() == "繁"
        assert after["lang"] == "zh-Hant-TW"
        for part in ("h1", "body", "nav", "title"):
            assert after[part] != before[part], part
            assert after[part] == s2tw(before[part]), part
        # Remembered: another page opens in Traditional, with no click.
        page.goto(site + "/articles/004_991a9348aedf864f/", wait_until="load")
        page.wait_for_function("() => document.documentElement.dataset.script === 'tw'")
        assert page.evaluate("document.documentElement.lang") == "zh-Hant-TW"
        other = _texts(page)
        assert "國家智慧財產權局" in other["h1"] or "國家知識產權局" in other["h1"], other["h1"]
        assert other["h1"] == s2tw("国家知识产权局局长申长雨在2020年全国知识产权局局长会议上作报告")
        # And back to Simplified: the page as written.
        _choose(page, "简体")  # restored in place, no reload
        assert _texts(page)["h1"] == "国家知识产权局局长申长雨在2020年全国知识产权局局长会议上作报告"
        page.goto(site + ARTICLE, wait_until="load")
        page.wait_for_function("() => document.documentElement.dataset.script === 'cn'")
        assert _texts(page) == before
        assert not page.elsewhere and not page.errors


@pytest.mark.browser
def test_search_in_traditional_mode_finds_either_script_and_shows_traditional(site, browser):
    with reader(browser) as page:
        page.goto(site + "/", wait_until="load")
        _choose(page, "繁體（香港）")
        expected = {p for p in containing("专利")}
        by_simplified = search(page, "专利")
        by_traditional = search(page, "專利")
        assert {r["path"] for r in by_simplified["results"]} == expected
        assert {r["path"] for r in by_traditional["results"]} == expected
        for result in by_traditional["results"]:
            assert "專利" in result["marks"], result  # the excerpt in the reader's script, term marked
            assert "专利" not in result["excerpt"] and "专利" not in result["title"]
        assert not page.elsewhere and not page.errors


@pytest.mark.browser
def test_text_a_page_script_adds_later_is_converted_too(site, browser):
    """The home page's filters render table rows after load: shown in the reader's script."""
    with reader(browser) as page:
        page.goto(site + "/", wait_until="load")
        _choose(page, "繁體（臺灣）")
        select = page.locator("form.doc-filter__form select").first
        select.select_option(index=1)
        page.wait_for_timeout(300)
        rows = page.eval_on_selector_all("table tbody tr", "rows => rows.map(r => r.textContent)")
        assert rows and all(s2tw(row) == row for row in rows), rows
        originals = page.evaluate("[...document.querySelectorAll('table tbody tr')].length")
        _choose(page, "简体")
        select.select_option(index=0)
        page.wait_for_timeout(300)
        rows = page.eval_on_selector_all("table tbody tr", "rows => rows.map(r => r.textContent)")
        assert len(rows) >= originals and any(s2tw(row) != row for row in rows), "back in Simplified"
        assert not page.elsewhere and not page.errors


# ---- Japanese and Korean are left as written (issue 16, item 4)

JAPANESE = """\
トップ > ニュース
創立50周年記念式典を開催
市は20日、創立50周年を記念する式典を市民会館で開催した。式典には約300人が出席し、市長が「これからも市民とともに歩みたい」と述べた。
会場では記念品の予約受付も行われ、午前中に定員に達した。一部の市民からは、予約方法について疑問の声も上がった。
"""
ENGLISH_WITH_JAPANESE = """\
Kyodo News, Tokyo, May 20. The city held a ceremony on Monday to mark the 50th anniversary of its founding, \
and about 300 people attended the event at the civic hall.

Commemorative goods were also offered for reservation and sold out before noon.

The mayor said the city would continue to work with its residents.

市は20日、創立50周年を記念する式典を市民会館で開催し、約300人が出席した。記念品の予約は午前中に締め切られた。
"""


@pytest.fixture(scope="module")
def languages_site(tmp_path_factory):
    """A made-up collection: a Japanese page, and an English page ending with an untranslated Japanese paragraph."""
    import shutil

    from conftest import build_site
    from scrapedocs import publish
    from scrapedocs.pipeline import build_collection

    root = tmp_path_factory.mktemp("languages")
    seeds = root / "seeds"
    seeds.mkdir()
    (seeds / "ja.txt").write_text(JAPANESE, encoding="utf-8")
    (seeds / "en.txt").write_text(ENGLISH_WITH_JAPANESE, encoding="utf-8")
    collection = build_collection(seeds)
    docs = root / "docs"
    docs.mkdir()
    shutil.copy(ROOT / "docs" / "index.md", docs / "index.md")
    publish.write(publish.plan(collection), docs)
    urls = {doc.meta["lang"]: f"/articles/{doc.slug}/" for doc in collection.published}
    with serve(build_site(docs, root / "site")) as base:
        yield base, urls


@pytest.mark.browser
def test_a_japanese_page_is_left_as_written_in_traditional_mode(languages_site, browser):
    base, urls = languages_site
    with reader(browser) as page:
        page.goto(base + urls["ja"], wait_until="load")
        before = _texts(page)
        assert "記念" in before["body"] and "会館" in before["body"]
        _choose(page, "繁體（臺灣）")
        after = _texts(page)
        for part in ("h1", "body", "meta", "title", "lang"):
            assert after[part] == before[part], part  # 会館 is Japanese as written, not 會館
        assert after["nav"] == s2tw(before["nav"]) != before["nav"], "the site's own words still follow the choice"
        assert not page.elsewhere and not page.errors


@pytest.mark.browser
def test_a_paragraph_marked_japanese_is_left_as_written(languages_site, browser):
    base, urls = languages_site
    with reader(browser) as page:
        page.goto(base + urls["en"], wait_until="load")
        quoted = page.locator('article p[lang="ja"]')
        before = quoted.inner_text()
        assert "記念" in before and "会館" in before
        _choose(page, "繁體（香港）")
        assert quoted.inner_text() == before
        assert page.evaluate("document.documentElement.lang") == "zh-Hant-HK", "the page itself is not Japanese"
        assert not page.elsewhere and not page.errors
