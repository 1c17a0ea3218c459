"""The search indexes, read from the built HTML (scrapedocs/publish/search/).

What a page contributes (its body, title and metadata, not the navigation nor the generated
lists), the index order and parts, the Pagefind bundle, re-indexing only what changed (the
same bytes as a clean build), and the offline script index.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, build_site
from scrapedocs.publish.errors import OutputError
from scrapedocs.publish.search import offline, pagefind, parts, read_records
from scrapedocs.publish.search.records import Record, read_page
from scrapedocs.publish.search.text import unhan

ARTICLE = """\
---
source_file: a.txt
title: 关于加强专利保护的通知
date: '2021-09-22'
source: 国家知识产权局
lang: zh
---

第一段正文，讲专利，也讲商标和版权的保护工作。

## 一、总体要求

第二段正文，有 &lt;b&gt;尖括号&lt;/b&gt; 文本。

<div data-pagefind-ignore markdown="1">

## 相关文档

- [另一篇标题独有词](b.md)

</div>
"""
OTHER = """\
---
source_file: b.txt
title: 另一篇标题独有词
lang: zh
---

别的正文。
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("docs")
    docs = root / "docs"
    (docs / "articles").mkdir(parents=True)
    (docs / "cited").mkdir()
    (docs / "indexes").mkdir()
    (docs / "index.md").write_text("# 首页\n\n- [关于加强专利保护的通知](articles/a.md)\n", encoding="utf-8")
    (docs / "articles" / "a.md").write_text(ARTICLE, encoding="utf-8")
    (docs / "articles" / "b.md").write_text(OTHER, encoding="utf-8")
    (docs / "cited" / "index.md").write_text("# 引用的文件\n\n- [专利法](x.md)\n", encoding="utf-8")
    (docs / "cited" / "x.md").write_text("# 专利法\n\n**又称**：专利法\n", encoding="utf-8")
    (docs / "indexes" / "index.md").write_text("# 索引\n\n专利 专利 专利\n", encoding="utf-8")
    return build_site(docs, root / "site")


def test_a_page_contributes_its_title_metadata_and_body_only(site):
    records = {r.url: r for r in read_records(site)}
    assert set(records) == {"articles/a/", "articles/b/", "cited/x/"}  # not the home page nor the lists
    a = records["articles/a/"]
    assert a.title == "关于加强专利保护的通知" and a.kind == "document"
    assert a.meta == {"date": "2021-09-22", "source": "国家知识产权局"}
    assert a.text.splitlines()[0] == a.title
    for part in ("2021-09-22", "国家知识产权局", "第一段正文，讲专利，", "一、总体要求", "<b>尖括号</b>"):
        assert part in a.text, part
    assert "另一篇标题独有词" not in a.text  # the related-documents list is left out
    assert "¶" not in a.text and "知识产权政策文库" not in a.text  # no permalink signs, no site chrome
    assert a.headings == ["一、总体要求"] and a.lead == "第一段正文，讲专利，也讲商标和版权的保护工作。"
    assert records["cited/x/"].kind == "page" and records["cited/x/"].title == "专利法"


def test_blocks_stay_apart_and_deep_nesting_is_read_without_recursion(tmp_path):
    page = tmp_path / "p.html"
    deep = "<div>" * 2000 + "深处" + "</div>" * 2000  # deeper than Python's recursion limit
    page.write_text(f'<html><body><div data-pagefind-body><h1>标题</h1><p>甲乙</p><p>丙丁</p>{deep}'
                    '<nav data-pagefind-ignore>导航</nav></div></body></html>', encoding="utf-8")
    record = read_page(page, "p/")
    assert record.title == "标题"
    assert record.text.split("\n") == ["标题", "甲乙", "丙丁", "深处"]


def _record(url, kind="document", date=""):
    return Record(url=url, title=url, text=url, meta={"date": date} if date else {}, filters={"kind": [kind]})


def test_index_order_is_documents_newest_first_then_the_other_pages():
    records = [_record("c/", "page"), _record("b/", date="2020-01-01"), _record("a/"), _record("d/", date="2021-06-01")]
    assert [r.url for r in parts.ranked(records)] == ["d/", "b/", "a/", "c/"]


def _pages(n, kind="document"):
    return [parts.Page(f"p{i:05d}/", kind, f"20{10 + i % 12}-01-{i % 28 + 1:02d}", f"x{i}", f"t{i}") for i in range(n)]


def test_parts_are_bounded_in_rank_order_and_by_kind():
    pages = _pages(6000) + _pages(700, "page")
    plan = parts.plan(pages, text_size=500, title_size=2000)
    for kind in ("document", "page"):
        for band, size in (("title", 2000), ("text", 500)):
            group = [p for p in plan if p.kind == kind and p.band == band]
            assert [q.url for p in group for q in p.pages] == [q.url for q in parts.ranked(pages) if q.kind == kind]
            assert all(len(p.pages) <= 2 * size for p in group)
            assert all(len(p.pages) >= size // 4 for p in group[:-1])
    text = [p for p in plan if p.kind == "document" and p.band == "text"]
    assert 6 <= len(text) <= 24  # about 6000 / 500
    kinds_then_bands = [(p.kind, p.band) for p in plan]
    assert kinds_then_bands == sorted(kinds_then_bands, key=lambda kb: (kb[0] != "document", kb[1] != "title"))


def test_a_change_moves_only_its_own_part():
    """Cuts depend on the pages' URLs, not on their positions: adding, removing or editing one
    page leaves every other part as it was (same pages, same digest)."""
    pages = _pages(3000)
    before = {p.digest for p in parts.plan(pages, text_size=200, title_size=1000)}
    edited = list(pages)
    edited[1234] = parts.Page(pages[1234].url, "document", pages[1234].date, "changed", pages[1234].title)
    added = pages + [parts.Page("new/", "document", "2015-06-01", "n", "n")]
    removed = pages[:700] + pages[701:]
    for changed in (edited, added, removed):
        after = {p.digest for p in parts.plan(changed, text_size=200, title_size=1000)}
        assert len(after - before) <= 3, len(after - before)  # its text part (rarely the next), its title part
        assert len(before - after) <= 3


def test_pagefind_bundle(site, tmp_path):
    folder = site / "pagefind"
    manifest = json.loads((folder / "shards.json").read_text(encoding="utf-8"))
    assert manifest["format"] == parts.FORMAT and manifest["head"] == pagefind.HEAD
    assert [(p["kind"], p["band"], p["pages"]) for p in manifest["parts"]] == [
        ("document", "title", 2), ("document", "text", 2), ("page", "title", 1), ("page", "text", 1)]
    bundle = folder / manifest["parts"][1]["path"]
    for name in ("pagefind.js", "pagefind-worker.js", "pagefind-entry.json", pagefind.PAGES):
        assert (bundle / name).is_file(), name
    assert not any((bundle / name).exists() for name in pagefind.UNUSED)
    # One copy of Pagefind's WebAssembly for all the parts, which load it from there.
    assert (folder / "wasm.unknown.pagefind").is_file() and not list(bundle.glob("wasm.*"))
    assert b"../wasm." in (bundle / "pagefind-worker.js").read_bytes()
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == [pagefind.LANG]
    assert entry["languages"][pagefind.LANG]["page_count"] == 2
    assert len(list((bundle / "fragment").iterdir())) == 2
    # The same records give the same bytes.
    again = tmp_path / "again"
    again.mkdir()
    pagefind.write_index(read_records(site), again)
    assert _files(folder) == _files(again / "pagefind")


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _page(folder: Path, name: str, title: str, body: str, date: str) -> None:
    path = folder / name / "index.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'<html><body><nav>导航</nav><div data-pagefind-body data-pagefind-filter="kind:document">'
                    f'<h1 data-pagefind-meta="title">{title}</h1>'
                    f'<span hidden data-pagefind-meta="date[data-value]" data-value="{date}"></span>'
                    f'<p>{body}</p></div></body></html>', encoding="utf-8")


def test_reindexing_only_what_changed_gives_the_bytes_of_a_clean_build(tmp_path, monkeypatch):
    """`update` with the previous index re-indexes the parts whose pages changed, takes the
    others as they are, and writes what a clean build writes, byte for byte."""
    monkeypatch.setattr(parts, "TEXT_SIZE", 6)
    monkeypatch.setattr(parts, "TITLE_SIZE", 12)
    site = tmp_path / "site"
    for i in range(40):
        _page(site, f"p{i:02d}", f"第{i}号文件关于知识产权", f"正文{i}，讲专利和商标。" * 5, f"20{10 + i % 10}-0{i % 9 + 1}-15")
    first = pagefind.update(site)
    assert first["indexed"] == first["parts"] >= 6 and first["parsed"] == 40
    steps = [
        lambda: _page(site, "p17", "第17号文件关于知识产权", "改过的正文，讲版权。", "2017-08-15"),  # the text
        lambda: _page(site, "p05", "新的标题", "正文5，讲专利和商标。" * 5, "2015-06-15"),  # the title
        lambda: _page(site, "new", "新增的文件", "新增的正文。", "2019-01-01"),  # a new page
        lambda: shutil.rmtree(site / "p30"),  # a page gone
    ]
    for step in steps:
        step()
        done = pagefind.update(site, site / "pagefind")  # in place, from the previous index
        assert done["parsed"] <= 1, done  # only the changed page is read again
        assert 1 <= done["indexed"] <= 4 and done["reused"] >= done["parts"] - 4, done
        clean = tmp_path / "clean"
        shutil.rmtree(clean, ignore_errors=True)
        shutil.copytree(site, clean, ignore=shutil.ignore_patterns("pagefind"))
        pagefind.update(clean)
        assert _files(site / "pagefind") == _files(clean / "pagefind")
    # Nothing changed: nothing indexed, nothing read.
    done = pagefind.update(site, site / "pagefind")
    assert done["indexed"] == 0 and done["parsed"] == 0


def test_a_new_title_reads_again_only_the_pages_of_its_text_part(tmp_path, monkeypatch):
    """A title part holds thousands of pages: indexing it again after one title changed takes
    the others' titles from the previous index, not from their HTML."""
    monkeypatch.setattr(parts, "TEXT_SIZE", 4)
    monkeypatch.setattr(parts, "TITLE_SIZE", 1000)
    site = tmp_path / "site"
    for i in range(30):
        _page(site, f"p{i:02d}", f"第{i}号文件", f"正文{i}。", f"2020-01-{i % 28 + 1:02d}")
    pagefind.update(site)
    _page(site, "p05", "新的标题", "正文5。", "2020-01-06")
    done = pagefind.update(site, site / "pagefind")
    manifest = json.loads((site / "pagefind" / pagefind.MANIFEST).read_text(encoding="utf-8"))
    text_parts = [json.loads((site / "pagefind" / p["path"] / pagefind.PAGES).read_text(encoding="utf-8"))
                  for p in manifest["parts"] if p["band"] == "text"]
    own = next(rows for rows in text_parts if any(row[0] == "p05/" for row in rows))
    assert done["parsed"] == 1 and done["read"] == len(own) - 1 < 30 - 1, done
    clean = tmp_path / "clean"
    shutil.copytree(site, clean, ignore=shutil.ignore_patterns("pagefind"))
    pagefind.update(clean)
    assert _files(site / "pagefind") == _files(clean / "pagefind")


def test_a_previous_index_of_another_format_is_not_trusted(tmp_path):
    site = tmp_path / "site"
    _page(site, "a", "标题", "正文。", "2020-01-01")
    pagefind.update(site)
    manifest = site / "pagefind" / pagefind.MANIFEST
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(parts.FORMAT, "old"), encoding="utf-8")
    done = pagefind.update(site, site / "pagefind")
    assert done["parsed"] == 1 and done["indexed"] == done["parts"]


def test_the_index_needs_pagefinds_extended_binary(monkeypatch):
    monkeypatch.setitem(sys.modules, "pagefind_bin_extended", None)  # import fails
    with pytest.raises(OutputError, match=r"pip install 'pagefind\[extended\]'"):
        pagefind.binary()


def test_pagefind_content_is_folded_han_runs_as_pairs_in_titles_as_characters_in_text():
    record = Record(url="x/", title="知識產權", text="知識產權 IP\n第二段")
    assert [unhan(w) for w in pagefind.content(record, "title").split()] == ["知识", "识产", "产权", "权"]
    words = [unhan(w) for w in pagefind.content(record).split()]
    title = ["知", "识", "产", "权"]
    assert words == title + ["¶"] * (pagefind.HEAD - 4) + title + ["IP", "¶", "第", "二", "段"]


def test_offline_index_full_text_below_the_limit_a_summary_above(site):
    records = read_records(site, directory_urls=True)
    full = offline.build(records)
    assert full["full"] is True
    a = next(d for d in full["docs"] if d[0] == "articles/a/")
    assert a[1:4] == ["关于加强专利保护的通知", "document", "2021-09-22 · 国家知识产权局"]
    assert "第二段正文" in a[4]
    small = offline.build(records, limit=10)
    assert small["full"] is False
    a = next(d for d in small["docs"] if d[0] == "articles/a/")
    assert "一、总体要求" in a[4] and "国家知识产权局" in a[4] and "第二段正文" not in a[4]


def test_offline_script_keeps_scraped_text_inert(tmp_path):
    record = Record(url="a.html", title="</script><script>alert(1)</script>", text="x")
    path = offline.write_index([record], tmp_path)
    script = path.read_text(encoding="utf-8")
    assert "</script>" not in script
    data = json.loads(script[len("var __scrapedocsSearch = "):].rstrip().rstrip(";"))
    assert data["docs"][0][1] == record.title


def test_command_line_indexes_a_site_built_elsewhere(site, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(site, copy)
    shutil.rmtree(copy / "pagefind")
    done = subprocess.run([sys.executable, "-m", "scrapedocs.publish.search", str(copy)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "3 pages indexed" in done.stdout and (copy / "pagefind" / "shards.json").is_file()
    assert _files(copy / "pagefind") == _files(site / "pagefind")
    done = subprocess.run([sys.executable, "-m", "scrapedocs.publish.search", str(tmp_path / "none")],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 2 and "not a folder" in done.stderr


def test_pagefind_processes_are_held_within_the_memory_budget():
    import threading
    import time

    budget = pagefind._Budget(100)
    running, peak, lock = [0], [0], threading.Lock()

    def job(size):
        with budget.hold(size):
            with lock:
                running[0] += size
                peak[0] = max(peak[0], running[0])
            time.sleep(0.05)
            with lock:
                running[0] -= size

    threads = [threading.Thread(target=job, args=(size,)) for size in (60, 60, 30, 150, 10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert peak[0] == 150  # a part larger than the budget runs alone; the others fit in 100


def test_a_site_rebuild_reuses_the_index_of_the_site_it_replaces(site, tmp_path, monkeypatch):
    """`publish.build_site` passes the site it replaces to the indexer: nothing changed, nothing indexed."""
    from scrapedocs.publish import build_site

    docs = site.parent / "docs"
    target = tmp_path / "site"
    build_site(ROOT / "mkdocs.yml", docs, target, "1700000000")
    first = _files(target / "pagefind")
    written = []
    real = pagefind._write
    monkeypatch.setattr(pagefind, "_write", lambda part, records, out: written.append(part) or real(part, records, out))
    build_site(ROOT / "mkdocs.yml", docs, target, "1700000000")
    assert written == [] and _files(target / "pagefind") == first


def test_an_update_that_fails_leaves_the_previous_index(tmp_path, monkeypatch):
    site = tmp_path / "site"
    _page(site, "a", "标题", "正文。", "2020-01-01")
    pagefind.update(site)
    before = _files(site / "pagefind")
    _page(site, "a", "标题", "改过的正文。", "2020-01-01")

    def broken(*args):
        raise OutputError("Pagefind stopped")

    monkeypatch.setattr(pagefind, "_write", broken)
    with pytest.raises(OutputError):
        pagefind.update(site, site / "pagefind")
    assert _files(site / "pagefind") == before
    assert sorted(p.name for p in site.iterdir()) == ["a", "pagefind"]  # nothing left behind
