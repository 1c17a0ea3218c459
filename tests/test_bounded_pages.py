"""No page carries a list that grows with the collection (issue 8 item 1, issue 9 item 4).

A made-up collection where 60 documents cite one is converted and built with
`mkdocs build --strict`: the cited document's page shows a bounded 被引用 list
with the total and a link to the cited-document page, which lists every citing
page over bounded pages; no article is in the navigation. Sizes are checked as
counts of entries, never as timings.
"""
from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urljoin

import lxml.html
import pytest

from scrapedocs import publish
from scrapedocs.indexes import listing
from scrapedocs.link.pages import SHOWN
from scrapedocs.pipeline import build_collection

from conftest import ROOT, build_site
from made_up import write_collection

CITED = "关于加强知识产权保护工作的若干意见"
CITING = 60


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("bounded")
    write_collection(root / "seeds", CITING + 1, CITED, CITING)
    collection = build_collection(root / "seeds")
    assert len(collection.published) == CITING + 1
    docs = root / "docs"
    docs.mkdir()
    shutil.copy(ROOT / "docs" / "index.md", docs / "index.md")
    publish.write(publish.plan(collection), docs)
    return build_site(docs, root / "site")


def _html(site: Path, url: str):
    path = site / url.lstrip("/")
    if url.endswith("/") or not url:
        path = path / "index.html"
    return lxml.html.fromstring(path.read_bytes())


def _section_links(tree, heading: str) -> list[str]:
    """hrefs of the links between the h2 `heading` and the next h2."""
    links, inside = [], False
    for el in tree.xpath("//article//*[self::h2 or (self::a and not(ancestor::h2))]"):
        if el.tag == "h2":
            inside = el.text_content().strip().startswith(heading)
        elif inside:
            links.append(el.get("href"))
    return links


def _article_links(hrefs: list[str], base: str) -> set[str]:
    return {urljoin(base, h) for h in hrefs if "/articles/" in urljoin(base, h)}


def test_cited_page_shows_a_bounded_list_with_the_total_and_a_link_to_all(site):
    base = "/articles/doc0000/"
    tree = _html(site, base)
    links = _section_links(tree, "被引用")
    citing = _article_links(links, base)
    assert len(citing) == SHOWN < CITING
    text = tree.xpath("//article")[0].text_content()
    assert f"共 {CITING} 个页面引用本文" in text
    cited = [urljoin(base, h) for h in links if "/cited/" in urljoin(base, h)]
    assert len(cited) == 1
    # The cited-document page and its continuation list every citing page, a bounded page each.
    seen: set[str] = set()
    url = cited[0]
    pages = 0
    while url:
        tree = _html(site, url)
        found = _article_links(_section_links(tree, "引用它的页面") or
                               [a.get("href") for a in tree.xpath("//article//li/a")], url)
        assert len(found) <= listing.PER_PAGE
        seen |= found
        pages += 1
        nxt = [a.get("href") for a in tree.xpath("//article//a") if a.text_content().startswith("下一页")]
        url = urljoin(url, nxt[0]) if nxt else ""
    assert pages == 2
    assert seen == {f"/articles/doc{i:04d}/" for i in range(1, CITING + 1)}


def test_articles_are_not_in_the_navigation(site):
    tree = _html(site, "/articles/doc0005/")
    nav = tree.xpath("//nav[contains(@class, 'md-nav--primary')]")[0]
    labels = [a.text_content().strip() for a in nav.xpath(".//a")]
    assert {"首页", "浏览", "引用的文件", "索引"} <= set(labels)
    assert not [a for a in nav.xpath(".//a") if "articles/" in (a.get("href") or "")]
    assert not {"Articles", "Cited", "Indexes"} & set(labels)
    assert labels.count("知识产权政策文库") == 0  # the home entry is 首页, not the site name again
    tree = _html(site, "/browse/year/")
    nav = tree.xpath("//nav[contains(@class, 'md-nav--primary')]")[0]
    assert {"按年份", "按发文机关", "按文种", "按来源"} <= {a.text_content().strip() for a in nav.xpath(".//a")}


def test_home_and_index_pages_are_bounded(site):
    home = _html(site, "/")
    rows = home.xpath("//article//table/tbody/tr")
    assert len(rows) == min(CITING + 1, publish.docs.NEWEST)
    for path in (site / "indexes").rglob("index.html"):
        entries = lxml.html.fromstring(path.read_bytes()).xpath("//article//li")
        assert len(entries) <= max(listing.PER_PAGE, listing.GROUPS_PER_PAGE * listing.TOP), path


def _nav_targets(items) -> list[str]:
    out = []
    for item in items:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        out += _nav_targets(value) if isinstance(value, list) else [value]
    return out


def test_the_navigation_names_pages_the_converter_writes():
    from mkdocs.config import load_config

    from scrapedocs.strings import default_nav

    config = load_config(config_file=str(ROOT / "mkdocs.yml"), docs_dir=str(ROOT / "docs"))
    config = config.plugins.on_config(config)  # the scrapedocs plugin completes it
    files = publish.plan(build_collection(ROOT / "seeds"))
    for nav in (config["nav"], default_nav("zh"), default_nav("en")):
        targets = _nav_targets(nav)
        assert targets[0] == "index.md"
        assert not [t for t in targets[1:] if t not in files]
    assert config["nav"][0] == {"首页": "index.md"}
    for folder in publish.GENERATED_DIRS:
        assert config["not_in_nav"].match_file(f"{folder}/x.md")
    assert not config["not_in_nav"].match_file("about.md")  # a hand-written page is reported


def test_a_page_carrying_a_cited_document_shows_a_bounded_list_of_its_citers():
    from scrapedocs.link import link_collection
    from scrapedocs.model import Block, Collection
    from helpers import make_doc

    def doc(i, title, text):
        d = make_doc("", f"d{i}.txt")
        d.meta = {"title": title, "date": f"2021-01-{1 + i % 28:02d}"}
        d.slug = f"d{i:03d}"
        d.blocks = [Block("paragraph", text)]
        return d

    holder = doc(0, "国务院印发《关于促进示例产业发展的指导意见》（附全文）", "纲要全文如下。")
    citing = [doc(i, f"第{i}号通知", f"贯彻落实《关于促进示例产业发展的指导意见》，做好第{i}项工作。") for i in range(1, 31)]
    link_collection(Collection([holder, *citing]))
    section = "\n".join(holder.appendix).split("## 被引用", 1)[1]
    assert section.count("\n    - [") == SHOWN
    assert "共 30 个，[查看全部](../cited/" in section
