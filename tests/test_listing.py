"""Pagination: every list the site shows is cut into pages of bounded size, each with a pager."""
from __future__ import annotations

import re
from pathlib import Path

from scrapedocs.indexes import listing
from scrapedocs.model import Document

LINK = re.compile(r"\]\(([^)]+)\)")


def _docs(n: int, **meta) -> list[Document]:
    docs = []
    for i in range(n):
        doc = Document(Path(f"d{i}.txt"), f"d{i}.txt", meta={"title": f"文档{i:04d}", **meta})
        doc.meta["date"] = f"20{10 + i % 10}-01-{1 + i % 28:02d}"
        doc.slug = f"d{i:04d}"
        docs.append(doc)
    return docs


def test_a_long_list_is_cut_into_pages_that_link_each_other():
    lines = [f"- 第{i}行" for i in range(120)]
    pages = listing.paginate("indexes/x", lambda n, total: [listing.heading("列表", n, total), ""], lines)
    assert list(pages) == ["indexes/x.md", "indexes/x-2.md", "indexes/x-3.md"]
    seen = []
    for path, text in pages.items():
        items = [line for line in text.splitlines() if line.startswith("- ")]
        assert len(items) <= listing.PER_PAGE
        seen += items
    assert seen == lines  # every line once, in order
    assert "[下一页 ›](x-2.md)" in pages["indexes/x.md"] and "上一页" not in pages["indexes/x.md"]
    middle = pages["indexes/x-2.md"]
    assert "# 列表（第 2 页）" in middle and "第 2 / 3 页" in middle
    assert "[‹ 上一页](x.md)" in middle and "[下一页 ›](x-3.md)" in middle
    assert "下一页" not in pages["indexes/x-3.md"]


def test_a_short_list_is_one_page_without_pager():
    pages = listing.paginate("a/b", lambda n, t: ["# 标题", ""], ["- 一", "- 二"])
    assert pages == {"a/b.md": "# 标题\n\n- 一\n- 二\n"}


def test_groups_show_counts_and_the_newest_documents_and_long_groups_get_their_own_pages():
    docs = _docs(130)
    groups = {"大组": docs[:120], "小组": docs[120:]} | {f"组{i:02d}": docs[i:i + 1] for i in range(30)}
    pages, where = listing.grouped("indexes/people", "人物", "说明。", groups, listing.by_count(groups))
    first = pages["indexes/people.md"]
    assert first.index("## 大组（120 篇）") < first.index("## 小组（10 篇）")
    big = first.split("## 大组", 1)[1].split("\n## ", 1)[0]
    shown = [line for line in big.splitlines() if line.startswith("- ")]
    assert len(shown) == listing.TOP
    newest = listing.newest_first(docs[:120])[:listing.TOP]
    assert [LINK.search(line).group(1) for line in shown] == [f"../articles/{d.slug}.md" for d in newest]
    own = where["大组"]
    assert own.startswith("indexes/people/") and f"[全部 120 篇 →]({own[len('indexes/'):]})" in first
    listed = []
    for path, text in pages.items():
        if path.startswith(own[:-3]):
            listed += [line for line in text.splitlines() if line.startswith("- ")]
            assert sum(line.startswith("- ") for line in text.splitlines()) <= listing.PER_PAGE
    assert len(listed) == 120
    assert where["组05"].startswith("indexes/people") and "#g-" in where["组05"]  # shown whole on the index
    # 32 groups: two index pages, each with at most GROUPS_PER_PAGE groups
    assert "indexes/people-2.md" in pages
    for path in ("indexes/people.md", "indexes/people-2.md"):
        assert pages[path].count("\n## ") <= listing.GROUPS_PER_PAGE


def test_newest_first_then_title_undated_last():
    docs = _docs(3)
    docs[0].meta["date"], docs[1].meta["date"] = "2021-05-01", "2021-05-01"
    docs[2].meta.pop("date")
    docs[0].meta["title"], docs[1].meta["title"] = "b 文件", "a 文件"
    assert [d.meta["title"] for d in listing.newest_first(docs)] == ["a 文件", "b 文件", "文档0002"]


def test_a_list_line_follows_the_documents_title_date_page_and_the_folder_it_is_written_in():
    """`listing.item` keeps its lines by title, date, page and folder: each of them changes the line."""
    from scrapedocs.strings import words

    doc = Document(Path("a.txt"), "a.txt", meta={"title": "甲*", "date": "2021-01-02"}, slug="2021/a")
    assert listing.item(doc, "indexes/people.md") == "- [甲\\*](../articles/2021/a.md) （2021-01-02）"
    assert listing.item(doc, "indexes/people/x.md") == "- [甲\\*](../../articles/2021/a.md) （2021-01-02）"
    assert listing.item(doc, "index.md", note="，引用 2 次") == "- [甲\\*](articles/2021/a.md) （2021-01-02），引用 2 次"
    assert listing.item(doc, "indexes/people.md", words=words("en")).endswith(" (2021-01-02)")
    doc.meta["title"], doc.meta["date"], doc.slug = "乙", "", "2022/b"
    assert listing.item(doc, "indexes/people.md") == "- [乙](../articles/2022/b.md)"
    assert listing.reading_order(doc) == (1, "乙", "articles/2022/b.md")
    doc.meta["date"] = "2022-03-04"
    assert listing.reading_order(doc)[0] == -20220304
