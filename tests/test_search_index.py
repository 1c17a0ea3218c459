"""The search indexes, read from the built HTML (scrapedocs/publish/search/).

What a page contributes (its body, title and metadata, not the navigation nor the generated
lists), the index order and shards, the Pagefind bundle and the offline script index.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, build_site
from scrapedocs.publish.errors import OutputError
from scrapedocs.publish.search import offline, pagefind, read_records
from scrapedocs.publish.search.records import Record, read_page

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
    assert [r.url for r in pagefind.ranked(records)] == ["d/", "b/", "a/", "c/"]


def test_large_collections_are_cut_into_consecutive_shards(monkeypatch):
    monkeypatch.setattr(pagefind, "SHARD_SIZE", 2000)
    monkeypatch.setattr(pagefind, "MAX_SHARDS", 4)
    records = [_record(f"p{i:05d}/", date=f"2020-01-{i % 28 + 1:02d}") for i in range(6001)]
    records += [_record(f"q{i:05d}/", "page") for i in range(700)]
    parts = pagefind.shards(records)
    assert [kind for kind, _ in parts] == ["document"] * 4 + ["page"]
    sizes = [len(part) for _, part in parts]
    assert sizes[4] == 700 and max(sizes[:4]) - min(sizes[:4]) <= 1
    assert [r.url for _, p in parts for r in p] == [r.url for r in pagefind.ranked(records)]
    assert [kind for kind, _ in pagefind.shards(records[:21])] == ["document"]
    assert len(pagefind.shards(records[:6000] * 2)) == pagefind.MAX_SHARDS


def test_pagefind_bundle(site, tmp_path):
    folder = site / "pagefind"
    manifest = json.loads((folder / "shards.json").read_text(encoding="utf-8"))
    assert manifest == {"shards": [{"path": "0/", "kind": "document", "pages": 2},
                                   {"path": "1/", "kind": "page", "pages": 1}]}
    bundle = folder / "0"
    for name in ("pagefind.js", "pagefind-worker.js", "pagefind-entry.json"):
        assert (bundle / name).is_file(), name
    assert not any((bundle / name).exists() for name in pagefind.UNUSED)
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == [pagefind.LANG]
    assert entry["languages"][pagefind.LANG]["page_count"] == 2
    assert len(list((bundle / "fragment").iterdir())) == 2
    # The same records give the same bytes.
    again = tmp_path / "again"
    again.mkdir()
    pagefind.write_index(read_records(site), again)
    files = sorted(p.relative_to(folder) for p in folder.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again / "pagefind") for p in (again / "pagefind").rglob("*") if p.is_file())
    assert all((folder / f).read_bytes() == (again / "pagefind" / f).read_bytes() for f in files)


def test_the_index_needs_pagefinds_extended_binary(monkeypatch):
    monkeypatch.setitem(sys.modules, "pagefind_bin_extended", None)  # import fails
    with pytest.raises(OutputError, match=r"pip install 'pagefind\[extended\]'"):
        pagefind.binary()


def test_pagefind_content_is_folded_with_every_han_character_a_word():
    record = Record(url="x/", title="", text="知識產權 IP\n第二段")
    assert pagefind.content(record) == "知 识 产 权 IP ¶ 第 二 段"


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
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(site, copy)
    shutil.rmtree(copy / "pagefind")
    done = subprocess.run([sys.executable, "-m", "scrapedocs.publish.search", str(copy)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "3 pages indexed" in done.stdout and (copy / "pagefind" / "shards.json").is_file()
    done = subprocess.run([sys.executable, "-m", "scrapedocs.publish.search", str(tmp_path / "none")],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 2 and "not a folder" in done.stderr
