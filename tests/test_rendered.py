"""No Markdown reaches a reader unrendered: every built page of the committed docs/ is parsed and read.

The cited-document pages once showed `!!! note "文库尚未收录"` as text because the
admonition extension was off; this reads the text a reader sees on every page
(the article, not the navigation) and fails on any syntax left over.
"""
from __future__ import annotations

import re

import lxml.html
import pytest

#: Markdown a page must never show as text: admonitions, snippets, reference links, emphasis,
#: headings, attribute lists.
LEFTOVERS = {
    "admonition": re.compile(r"^\s*[!?]{3}\+?\s", re.M),
    "snippet": re.compile(r"--8<--"),
    "reference link": re.compile(r"\[[^\]\n]+\]\[[^\]\n]*\]"),
    "inline link": re.compile(r"\]\((?:\.\./|[\w-]+/)[^)\s]*\.md\)"),
    "emphasis": re.compile(r"\*\*|__\S"),
    "heading": re.compile(r"^\s*#{1,6}\s", re.M),
    "attribute list": re.compile(r"\{:\s*[#.\w]"),
}


def _blocks(article) -> list[str]:
    """The text of each block of the article, line by line as rendered."""
    out = []
    for el in article.iter("p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "summary"):
        text = el.text_content()
        if text.strip():
            out.append(text)
    return out


def test_no_page_shows_unrendered_markdown(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 20
    problems = []
    for page in pages:
        tree = lxml.html.fromstring(page.read_bytes())
        for article in tree.xpath("//article[contains(concat(' ', @class, ' '), ' md-content__inner ')]"):
            for text in _blocks(article):
                for name, pattern in LEFTOVERS.items():
                    if pattern.search(text):
                        problems.append(f"{page.relative_to(built_site)}: {name}: {text.strip()[:80]}")
    assert not problems, "\n".join(problems[:20])


def test_cited_placeholder_note_is_an_admonition(built_site):
    placeholders = []
    for page in (built_site / "cited").rglob("index.html"):
        tree = lxml.html.fromstring(page.read_bytes())
        if tree.xpath("//div[contains(@class, 'admonition')]"):
            title = tree.xpath("//div[contains(@class, 'admonition')]/p[@class='admonition-title']")
            assert title and title[0].text_content().strip() == "文库尚未收录", page
            placeholders.append(page)
    assert placeholders, "no cited page shows its note as an admonition"


def test_leftover_patterns_would_catch_the_old_defect():
    """The control: the text the cited pages used to show is caught."""
    shown = '!!! note "文库尚未收录"\n本站还没有这份文件的全文。'
    assert LEFTOVERS["admonition"].search(shown)
    assert LEFTOVERS["reference link"].search("见[纲要][]。")
    assert not any(p.search("国务院关于印发“十四五”规划的通知（国发〔2021〕20号）") for p in LEFTOVERS.values())


@pytest.mark.parametrize("anchor", ["六", "十三", "十四", "十五"])
def test_plan_headings_have_numbered_anchors(built_site, anchor):
    page = next(p for p in built_site.rglob("index.html") if "国务院印发" in p.read_text(encoding="utf-8")[:3000])
    tree = lxml.html.fromstring(page.read_bytes())
    assert tree.xpath(f"//article//*[@id='{anchor}']"), f"#{anchor} missing on {page}"


def test_each_tag_is_shown_once_and_links_to_its_list(built_site):
    """A page's tags appear once, as links to the tag list (Material's tags plugin would add a second, dead row)."""
    tagged = 0
    for page in (built_site / "articles").rglob("index.html"):
        tree = lxml.html.fromstring(page.read_bytes())
        chips = tree.xpath("//*[contains(concat(' ', @class, ' '), ' md-tag ')]")
        names = [chip.text_content().strip() for chip in chips]
        assert len(names) == len(set(names)), f"{page}: {names}"
        assert all(chip.get("href", "").count("indexes/tags/") for chip in chips), page
        tagged += bool(chips)
    assert tagged, "no article shows its tags"
