"""The theme around generated pages: metadata block, escaping, home page table."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from conftest import ROOT, build_site

HOSTILE = "<script>alert(1)</script>"

EVIL_PAGE = f"""\
---
source_file: evil.txt
title: 标题{HOSTILE}
date: '2021-09-22'
source: 来源{HOSTILE}
author: 作者"><img src=x onerror=alert(2)>
editor: 编辑{HOSTILE}
url: javascript:alert(3)
lang: zh
description: 摘要"><script>alert(4)</script>
---

正文第一段。

## 第一节

正文第二段。
"""

GOOD_PAGE = """\
---
source_file: good.txt
title: 普通文档
date: '2020-01-02'
source: 国家知识产权局
url: https://www.example.cn/a?x=1&y=2
lang: zh
---

知识产权正文。
"""


def _fake_docs(root: Path) -> Path:
    docs = root / "docs"
    (docs / "articles").mkdir(parents=True)
    (docs / "index.md").write_text('# 首页\n\n--8<-- "articles/.table.md"\n', encoding="utf-8")
    (docs / "articles" / ".table.md").write_text(
        "| 标题 | 日期 | 来源 |\n| --- | --- | --- |\n| [普通文档](articles/good.md) | 2020-01-02 | 局 |\n",
        encoding="utf-8",
    )
    (docs / "articles" / "evil.md").write_text(EVIL_PAGE, encoding="utf-8")
    (docs / "articles" / "good.md").write_text(GOOD_PAGE, encoding="utf-8")
    return docs


def test_scraped_metadata_is_escaped_everywhere(tmp_path):
    site = build_site(_fake_docs(tmp_path), tmp_path / "site")
    evil = (site / "articles" / "evil" / "index.html").read_text(encoding="utf-8")
    block = re.search(r'<dl class="article-meta"[^>]*>.*?</dl>', evil, re.S)
    assert block, "no metadata block on a generated page"
    for label in ("发布日期", "来源", "作者", "责任编辑"):
        assert f"<dt>{label}</dt>" in block.group(0)
    assert "2021-09-22" in block.group(0)
    assert "原文链接" not in evil and "javascript:" not in evil.lower()  # only http(s) becomes a link
    assert "标题&lt;script&gt;alert(1)&lt;/script&gt;" in evil
    assert "来源&lt;script&gt;alert(1)&lt;/script&gt;" in block.group(0)
    assert '<meta name="description" content="摘要&#34;&gt;&lt;script&gt;' in evil
    assert '<meta name="author" content="作者&#34;&gt;&lt;img' in evil
    # Nowhere in the site (navigation, header, <title>, meta tags) is it markup; the search
    # index holds it as text (tests/test_search_index.py).
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "<script>alert" not in text, path
        assert "<img src=x" not in text, path


def test_original_link_and_home_table(tmp_path):
    site = build_site(_fake_docs(tmp_path), tmp_path / "site")
    good = (site / "articles" / "good" / "index.html").read_text(encoding="utf-8")
    assert '<a href="https://www.example.cn/a?x=1&amp;y=2"' in good
    assert ">https://www.example.cn/a?x=1&amp;y=2</a>" in good, "the original URL is printed, not only linked"
    assert good.count("<h1") == 1
    # The table is included from the docs folder being built (not from the working directory)
    # and is not a page of its own.
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<a href="articles/good/">普通文档</a>' in home
    assert not (site / "articles" / ".table").exists() and not (site / "articles" / ".table.md").exists()


def test_repository_site(built_site):
    """Every committed page is built with its title, metadata and a row in the home page table."""
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "<table>" in home
    pages = sorted(p for p in (ROOT / "docs" / "articles").glob("*.md") if not p.name.startswith((".", "_")))
    for md in pages:
        meta = yaml.safe_load(md.read_text(encoding="utf-8").split("---\n")[1])
        assert meta.get("source_file") and meta.get("title"), md
        html = (built_site / "articles" / md.stem / "index.html").read_text(encoding="utf-8")
        assert html.count("<h1") == 1, md
        assert f'href="articles/{md.stem}/"' in home, f"{md.name} missing from the home page table"
        if any(meta.get(k) for k in ("date", "source", "author", "editor")):
            assert 'class="article-meta"' in html, md


def test_a_page_is_in_its_document_language(built_site):
    """<html lang> is the document's: the English article's page is en (screen readers, hyphenation,
    fonts follow it); the Chinese ones and the pages of the site itself are the site's, zh."""
    langs = {}
    for md in sorted((ROOT / "docs" / "articles").glob("*.md")):
        if not md.name.startswith(("_", ".")):
            own = yaml.safe_load(md.read_text(encoding="utf-8").split("---\n")[1])["lang"]
            html = (built_site / "articles" / md.stem / "index.html").read_text(encoding="utf-8")
            langs[md.stem] = (re.search(r'<html lang="([^"]*)"', html)[1], own)
    assert all(built == own for built, own in langs.values()), langs
    assert ("en", "en") in langs.values() and ("zh", "zh") in langs.values()
    for page in ("index.html", "cited/index.html", "browse/year/index.html"):
        assert '<html lang="zh"' in (built_site / page).read_text(encoding="utf-8"), page
