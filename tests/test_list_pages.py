"""clean/list_pages: a page that is a list of links to other pages is not published as an article.

Judged on real pages: list pages shipped in PyPI packages (tests/fixtures/list_pages/,
SOURCES.md says which), and every real article of the dev set, none of which may be lost.
"""
from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from scrapedocs.clean.list_pages import list_page_reason, page_link
from scrapedocs.engine.task import run_stages
from scrapedocs.model import Document
from scrapedocs.pipeline import PIPELINE

FIXTURES = Path(__file__).parent / "fixtures"
LIST_PAGES = sorted((FIXTURES / "list_pages").glob("*.html.gz"))
ARTICLES = sorted((FIXTURES / "devset").glob("*.html.gz"))
STAGES = [s for s in PIPELINE if s.name in ("read", "clean", "lists")]
REASON = re.compile(r"^a list page: (\d+) links, (\d+) characters of text$")


def judged(path: Path) -> Document:
    """The page through the read, clean and list-page stages, as the engine runs them."""
    doc = Document(path=Path(path.name[:-3]), relpath=path.name[:-3], data=gzip.decompress(path.read_bytes()))
    run_stages(doc, STAGES, None)
    return doc


@pytest.mark.parametrize("path", LIST_PAGES, ids=lambda p: p.name.split(".")[0])
def test_real_list_pages_are_not_articles(path):
    doc = judged(path)
    assert doc.rejected, f"{path.name} published as an article: {[line.text for line in doc.body][:5]}"
    m = REASON.match(doc.error)
    assert m, doc.error
    assert int(m[1]) >= 10


def test_the_fixtures_cover_fronts_tags_boards_and_search_results():
    names = {p.name.split(".")[0] for p in LIST_PAGES}
    assert {"163_front_1", "torrentfreak_tag", "mitbbs_board", "zeiri4_search"} <= names


def test_no_real_article_of_the_dev_set_is_a_list_page():
    assert len(ARTICLES) >= 70
    rejected = [(p.name, doc.error) for p in ARTICLES if (doc := judged(p)).rejected]
    assert rejected == []


def _page(items: str, article: str = "") -> str:
    nav = "".join(f"<li><a href='/c{i}/'>栏目{i}</a></li>" for i in range(12))
    return f"<html><head><title>页</title></head><body><ul class=nav>{nav}</ul>{article}{items}</body></html>"


def _items(n: int, href: str = "/news/{i}.html", summary: str = "") -> str:
    rows = "".join(f"<li class=item><a href='{href.format(i=i)}'>关于加强知识产权保护工作的第{i}号通知解读</a>"
                   f"{summary}</li>" for i in range(n))
    return f"<ul class=list>{rows}</ul>"


def test_a_list_of_headlines_is_a_list_page():
    html = _page(_items(20, summary="<p>各地区各部门要认真贯彻落实，确保取得实效。</p>"))
    lines = ["关于加强知识产权保护工作的第3号通知解读", "各地区各部门要认真贯彻落实，确保取得实效。"]
    assert REASON.match(list_page_reason(html, lines))


def test_a_short_article_beside_long_related_lists_is_an_article():
    article = "<h1>静夜思</h1><div class=content><p>深夜看书须尽欢，明月照亮浊酒案。</p></div>"
    html = _page(_items(40), article)
    assert list_page_reason(html, ["深夜看书须尽欢，明月照亮浊酒案。"]) == ""


def test_a_notice_with_many_attachments_is_an_article():
    article = "<p>现将有关名单印发给你们，请认真贯彻执行。</p>"
    html = _page(_items(12, href="/files/{i}.pdf"), article)
    lines = ["现将有关名单印发给你们，请认真贯彻执行。"] + [f"关于加强知识产权保护工作的第{i}号通知解读" for i in range(12)]
    assert list_page_reason(html, lines) == ""


def test_a_few_links_are_not_a_list_page():
    html = _page(_items(6))
    assert list_page_reason(html, ["关于加强知识产权保护工作的第1号通知解读"]) == ""


def test_what_counts_as_a_link_to_another_page():
    assert page_link("/a/b.html") and page_link("https://x.cn/?p=2")
    assert not any(page_link(h) for h in ("#top", "javascript:void(0)", "mailto:a@b.cn", "", "/f/附件1.docx"))


def test_a_page_nested_50000_deep_is_judged_in_linear_time():
    import time

    html = "<html><body>" + "<div>" * 50_000 + _items(30) + "</div>" * 50_000 + "</body></html>"
    start = time.perf_counter()
    list_page_reason(html, ["关于加强知识产权保护工作的第1号通知解读"])
    assert time.perf_counter() - start < 10
