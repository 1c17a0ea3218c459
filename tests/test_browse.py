"""Browsing by year, issuer, type and outlet; the home table and its filters (issue 12 item 3)."""
from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import threading
from pathlib import Path

import pytest

from scrapedocs import publish
from scrapedocs.indexes import browse, build_indexes, listing
from scrapedocs.model import Block, Collection, Document
from scrapedocs.pipeline import build_collection

from conftest import ROOT, build_site
from made_up import write_collection

HOSTILE = '<img src=x onerror="window.pwned=1">'
ISSUERS = ["国务院", "国家知识产权局", "国务院、中央军委"]
TYPES = ["通知", "意见", "规划"]


def _meta(i: int) -> dict:
    """Hand-set policy metadata, as the policy stage or a sidecar would give it."""
    meta = {"issuer": ISSUERS[i % 3], "doc_type": TYPES[i % 3], "doc_number": f"国发〔2021〕{i}号"}
    if i == 7:
        meta["title"] = f"标题{HOSTILE}"
    if i % 10 == 9:
        meta = {"issuer": ""}  # no issuer, type or number: the 未注明 groups
    return meta


def _docs(n: int) -> list[Document]:
    docs = []
    for i in range(n):
        doc = Document(Path(f"d{i}.txt"), f"d{i}.txt", meta={"title": f"文件{i:03d}",
                                                            "date": f"20{18 + i % 4}-03-{1 + i % 28:02d}",
                                                            "source": "新华网" if i % 2 else "中国政府网", **_meta(i)})
        doc.meta = {k: v for k, v in doc.meta.items() if v}
        doc.slug = f"d{i:03d}"
        doc.blocks = [Block("paragraph", f"第{i}份文件的正文。")]
        docs.append(doc)
    return docs


def test_browse_pages_group_by_the_metadata_with_counts():
    docs = _docs(30)
    pages = build_indexes(Collection(docs)).pages
    issuer = pages["browse/issuer.md"]
    # 国务院、中央军委 counts under both issuers
    assert "## 国务院（18 篇）" in issuer and "## 中央军委（9 篇）" in issuer
    assert "## 国家知识产权局（9 篇）" in issuer and "## 未注明发文机关（3 篇）" in issuer
    assert issuer.index("## 国务院（") < issuer.index("## 未注明发文机关")
    years = pages["browse/year.md"]
    assert [int(y) for y in re.findall(r"^## (\d{4})年", years, re.M)] == [2021, 2020, 2019, 2018]
    assert "## 通知（" in pages["browse/type.md"] and "## 新华网（15 篇）" in pages["browse/source.md"]
    assert "标题&lt;img" in "".join(text for path, text in pages.items() if path.startswith("browse/year"))
    assert "<img" not in "".join(text for path, text in pages.items() if path.endswith(".md"))
    # every group lists its newest documents first
    group = years.split("## 2021年", 1)[1].split("\n## ", 1)[0]
    dates = re.findall(r"（(\d{4}-\d\d-\d\d)）", group)
    assert dates == sorted(dates, reverse=True) and len(dates) == listing.TOP


def test_browse_groups_are_empty_until_the_field_exists():
    docs = _docs(4)
    for doc in docs:
        for key in ("issuer", "doc_type", "doc_number"):
            doc.meta.pop(key, None)
    pages = build_indexes(Collection(docs)).pages
    assert "共 0 组" in pages["browse/issuer.md"] and "## 未注明发文机关（4 篇）" in pages["browse/issuer.md"]


def _script(text: str, variable: str):
    assert "<" not in text and ">" not in text
    return json.loads(text.split(f"window.{variable} = ", 1)[1].rstrip().rstrip(";"))


def test_data_files_list_every_document_newest_first_as_inert_text_in_bounded_parts():
    docs = _docs(30)
    files = browse.documents_data(docs, part_rows=12)
    index = _script(files["browse/documents.js"], "scrapedocsDocuments")
    assert index["total"] == 30 and [p["rows"] for p in index["parts"]] == [12, 12, 6]
    assert sorted(files) == sorted(["browse/documents.js"] + [f"browse/{p['file']}" for p in index["parts"]])
    rows = []
    for part in index["parts"]:
        data = _script(files[f"browse/{part['file']}"], "scrapedocsDocumentPart")
        found = [dict(zip(index["columns"], row)) for row in data["rows"]]
        assert part["years"] == sorted({r["year"] for r in found}, reverse=True)
        rows += found
    assert len(rows) == 30 and {r["page"] for r in rows} == {f"articles/d{i:03d}" for i in range(30)}
    assert [r["date"] for r in rows] == sorted((r["date"] for r in rows), reverse=True)
    evil = next(r for r in rows if r["page"] == "articles/d007")
    assert evil["title"] == f"标题{HOSTILE}" and evil["issuer"] == "国家知识产权局" and evil["year"] == "2021"
    # the filters' choices, counted over every document: 国务院、中央军委 counts under both
    assert index["counts"]["issuer"] == {"国务院": 18, "国家知识产权局": 9, "中央军委": 9}
    assert sum(index["counts"]["year"].values()) == 30


def test_home_table_shows_the_newest_documents_with_policy_columns():
    docs = _docs(120)
    table = publish.documents_table(docs)
    rows = [line for line in table.splitlines() if line.startswith("| [")]
    assert len(rows) == publish.docs.NEWEST
    assert table.splitlines()[0] == "| 标题 | 文号 | 发文机关／来源 | 文种 | 日期 |"
    dates = [line.rsplit("|", 2)[1].strip() for line in rows]
    assert dates == sorted(dates, reverse=True)
    assert "共 120 篇文档，表中是最新的 50 篇" in table and "(browse/index.md){ #browse-all }" in table
    first = rows[0]
    assert "国发〔2021〕" in first


# --- the filters in a browser ---------------------------------------------------------------

N = 120


@pytest.fixture(scope="module")
def docs_dir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("browse")
    write_collection(root / "seeds", N, meta=_meta, paragraphs=2)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(browse, "PART_ROWS", 50)  # the filter data in three parts, as a large collection's
        collection = build_collection(root / "seeds")
    assert len(collection.published) == N
    docs = root / "docs"
    docs.mkdir()
    shutil.copy(ROOT / "docs" / "index.md", docs / "index.md")
    publish.write(publish.plan(collection), docs)
    return docs


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def served(docs_dir, tmp_path_factory):
    site = build_site(docs_dir, tmp_path_factory.mktemp("site"))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def _filter_and_page(page) -> None:
    page.wait_for_selector(".doc-filter__status")
    status = page.locator(".doc-filter__status")
    assert status.inner_text().startswith(f"符合条件的文档：{N} 篇")
    assert page.locator("article table tbody tr").count() == 50
    assert "第 1 / 3 页" in page.locator(".doc-filter__pager").inner_text()
    parts = "document.querySelectorAll('script[src*=\"browse/documents-\"]').length"
    loading = "/正在载入/.test(document.querySelector('.doc-filter__status').textContent)"
    page.wait_for_function(f"!{loading}")
    assert page.evaluate(parts) == 1  # the home page loads the newest part only
    page.get_by_role("button", name="下一页").click()
    page.get_by_role("button", name="下一页").click()  # the third page: rows of the oldest part
    page.wait_for_function("/第 3 \\/ 3 页/.test(document.querySelector('.doc-filter__pager').textContent)")
    page.wait_for_function("document.querySelectorAll('article table tbody tr').length === 20")
    assert page.evaluate(parts) == 3
    page.get_by_role("button", name="上一页").click()
    page.get_by_role("button", name="上一页").click()
    page.select_option("select[name=issuer]", "中央军委")
    expected = sum(1 for i in range(N) if _meta(i).get("issuer") == "国务院、中央军委")
    page.wait_for_function(f"document.querySelector('.doc-filter__status').textContent === '符合条件的文档：{expected} 篇（共 {N} 篇）'")
    page.select_option("select[name=year]", "2021")
    rows = page.locator("article table tbody tr")
    assert 0 < rows.count() < expected
    for text in rows.all_inner_texts():
        assert "国务院、中央军委" in text and "2021-" in text
    page.select_option("select[name=issuer]", "")
    page.select_option("select[name=year]", "")
    page.fill("input[name=title]", "标题<img")
    assert rows.count() == 1
    page.fill("input[name=title]", "標題<img")  # typed in Traditional
    page.wait_for_function("document.querySelectorAll('article table tbody tr').length === 1")
    assert page.locator("article table tbody img").count() == 0
    assert page.evaluate("window.pwned") is None
    link = rows.first.locator("a")
    assert link.inner_text() == f"标题{HOSTILE}"
    link.click()
    page.wait_for_load_state()
    assert "doc0007" in page.url


@pytest.mark.browser
def test_home_filters_on_the_website(served, browser):
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: errors.append(r.url) if not r.url.startswith(served) else None)
    page.goto(served)
    _filter_and_page(page)
    assert not errors
    page.close()


@pytest.mark.browser
def test_home_filters_from_file_url(docs_dir, browser, tmp_path):
    from scrapedocs.publish.offline import build_offline_site

    site = tmp_path / "offline"
    build_offline_site(ROOT / "mkdocs.yml", docs_dir, site)
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((site / "index.html").as_uri())
    _filter_and_page(page)
    assert page.url.endswith("doc0007.html")
    assert not errors
    page.close()
