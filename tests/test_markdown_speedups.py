"""Python-Markdown's inline step made faster (scrapedocs/markdown_speedups.py): the same HTML as without."""
from __future__ import annotations

import itertools
import random
from pathlib import Path

import markdown
import pytest
from markdown.inlinepatterns import LinkInlineProcessor

from conftest import ROOT
from scrapedocs.markdown_speedups import NEEDS, BracketEnds, SkippingInline

EXTENSIONS = ["toc", "tables", "fenced_code", "scrapedocs.markdown"]


def _markdown(speedups: bool) -> markdown.Markdown:
    return markdown.Markdown(extensions=EXTENSIONS,
                             extension_configs={"scrapedocs.markdown": {"speedups": speedups,
                                                                         "base_path": str(ROOT / "docs")}})


def test_bracket_ends_are_python_markdowns_for_every_short_string():
    for n in range(9):
        for chars in itertools.product("[]a", repeat=n):
            data = "".join(chars)
            ends = BracketEnds(data)
            assert [ends[i] for i in range(n + 1)] == LinkInlineProcessor._findBracketEnds(data), data
    with pytest.raises(IndexError):
        BracketEnds("ab")[3]


def test_they_are_installed_and_can_be_turned_off():
    fast, stock = _markdown(True), _markdown(False)
    assert type(fast.treeprocessors["inline"]) is SkippingInline
    assert type(stock.treeprocessors["inline"]) is not SkippingInline
    assert "_findBracketEnds" in vars(fast.inlinePatterns["link"])
    assert "_findBracketEnds" not in vars(stock.inlinePatterns["link"])
    # The shortcuts are for Python-Markdown's own expressions: one it changes is no longer shortcut.
    patterns = {p.getCompiledRegExp().pattern for p in stock.inlinePatterns}
    assert set(NEEDS) <= patterns


_PIECES = ["链接", "[文件](a.md)", "[《规划》][]", "[x][ref]", "![图](i.png)", "![图][ref]", "`代码`", "``a`b``",
           "\\`", "\\\\`x`", "\\[", "]", "[", "*强调*", "**重点**", "_x_", "<b>粗</b>", "&amp;", "&#1234;",
           "<https://example.org>", "<a@b.cn>", "  \n", "[外[内]层](b.md)", "[未闭合", "[a](<c d.md> \"题\")",
           "`[不是链接](x.md)`", "[`代码`链接](y.md)", " ", "，", "\n"]


def _documents() -> list[str]:
    rng = random.Random(18)
    made = ["".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 40))) + "\n\n[ref]: r.md\n[《规划》]: g.md\n"
            for _ in range(400)]
    pages = sorted(p for p in (ROOT / "docs").rglob("*.md"))
    return made + [p.read_text(encoding="utf-8") for p in pages]


def test_pages_render_to_the_same_html_with_and_without_them():
    fast, stock = _markdown(True), _markdown(False)
    documents = _documents()
    assert len(documents) > 400
    for text in documents:
        fast.reset(), stock.reset()
        assert fast.convert(text) == stock.convert(text), text[:300]
