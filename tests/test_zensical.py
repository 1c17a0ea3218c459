"""Zensical builds the same docs/ (issue #12, item 8; issue #8, item 7; issue #20, item 2).

Material for MkDocs announces its end of life for May 2027; Zensical, which reads
mkdocs.yml, succeeds it, but runs no MkDocs plugin or hook. A project made by `scrapedocs new`
names the package's theme (a registered MkDocs theme, which Zensical resolves through the same
entry point) and its Markdown extension (Python-Markdown, which Zensical runs): nothing is
copied into the project. The seeds plus a hostile page are converted, then built with the
Zensical release PyPI serves (`zensical build` in the project): article pages render with
their metadata block, the theme's scripts, styles and words come from the package, no scraped
markup is live, and the search records read from Zensical's HTML are those read from MkDocs'
(search does not depend on MkDocs). An English project builds with English words.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, build_site

HOSTILE = """\
<script>alert("title")</script>关于加强知识产权保护的通知
发布日期：2021-09-22　来源：<img src=x onerror=alert(1)>国家知识产权局
各有关单位：<iframe src="javascript:alert(2)"></iframe>
为加强知识产权保护，现就有关事项通知如下。[点此](javascript:alert(3)) <b onmouseover=alert(4)>加粗</b>
一、严格保护知识产权。<svg onload=alert(5)>
"""
SITE_SCRIPTS = ("assets/javascripts/",)  # the theme's bundle and this project's scripts


def _zensical() -> str:
    exe = shutil.which("zensical")
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("zensical is missing (pip install -e '.[test]')")
        pytest.skip("zensical is missing (pip install -e '.[test]')")
    return exe


def _new_project(root: Path, *args: str) -> Path:
    """`scrapedocs new` in `root`, its pages converted (no site: Zensical builds it)."""
    from scrapedocs.cli import main

    assert main(["new", str(root), *args]) == 0
    done = subprocess.run([sys.executable, "-m", "scrapedocs", "--no-site"], cwd=root,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return root


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A new project whose input folder holds the seeds and a hostile page, converted."""
    root = tmp_path_factory.mktemp("project") / "library"
    (root / "seeds").mkdir(parents=True)
    for seed in sorted((ROOT / "seeds").iterdir()):
        if seed.is_file():
            shutil.copy(seed, root / "seeds" / seed.name)
    (root / "seeds" / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    shutil.copy(ROOT / "aliases.yml", root / "aliases.yml")
    return _new_project(root, "--name", "知识产权政策文库")


def _zensical_build(project: Path) -> Path:
    done = subprocess.run([_zensical(), "build", "--clean"], cwd=project, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    return project / "site"


@pytest.fixture(scope="module")
def zensical_site(project) -> Path:
    return _zensical_build(project)


def _front_matter(md: Path) -> dict:
    return yaml.safe_load(md.read_text(encoding="utf-8").split("---\n")[1])


def test_article_pages_render_with_their_metadata_block(project, zensical_site):
    from lxml import html

    articles = sorted(p for p in (project / "docs" / "articles").glob("*.md") if not p.name.startswith((".", "_")))
    assert len(articles) == 6
    for md in articles:
        meta = _front_matter(md)
        tree = html.parse(str(zensical_site / "articles" / md.stem / "index.html"))
        h1 = tree.xpath("//article//h1")
        assert len(h1) == 1 and h1[0].text_content().strip() == meta["title"], md.name
        block = tree.xpath('//dl[@class="article-meta"]')
        if any(meta.get(k) for k in ("date", "source", "author", "editor")):
            assert block, f"{md.name}: no metadata block"
            text = block[0].text_content()
            for key in ("date", "source", "author", "editor"):
                if meta.get(key):
                    assert str(meta[key]) in text, (md.name, key)


def test_a_page_is_in_its_document_language(project, zensical_site):
    """<html lang> is the document's (an English article's page is en), as with MkDocs (test_theme.py)."""
    from lxml import html

    langs = {}
    for md in sorted((project / "docs" / "articles").glob("*.md")):
        if not md.name.startswith(("_", ".")):
            tree = html.parse(str(zensical_site / "articles" / md.stem / "index.html"))
            langs[md.stem] = (tree.getroot().get("lang"), _front_matter(md)["lang"])
    assert all(built == own for built, own in langs.values()), langs
    assert ("en", "en") in langs.values()
    assert html.parse(str(zensical_site / "index.html")).getroot().get("lang") == "zh"


def test_no_scraped_markup_is_live(zensical_site):
    from lxml import html

    page = zensical_site / "articles" / "hostile" / "index.html"
    for path in zensical_site.rglob("*.html"):
        tree = html.parse(str(path))
        for el in tree.iter():
            if not isinstance(el.tag, str):
                continue
            for name, value in el.attrib.items():
                assert not name.lower().startswith("on"), f"{path}: live handler {name}={value}"
                if name in ("href", "src", "action", "formaction"):
                    assert not value.strip().lower().startswith(("javascript:", "data:text/html")), f"{path}: {value}"
            assert el.tag not in ("iframe", "object", "embed", "svg") or "alert" not in html.tostring(el, encoding="unicode")
            if el.tag == "script":
                src = el.get("src") or ""
                assert "alert" not in (el.text or ""), f"{path}: a scraped script"
                assert not src or any(s in src for s in SITE_SCRIPTS), f"{path}: script {src}"
    text = html.parse(str(page)).xpath("string(//article)")
    assert "alert(2)" in text and "onmouseover=alert(4)" in text  # shown as text, not run


def test_search_records_are_the_same_as_from_mkdocs(project, zensical_site, tmp_path):
    from scrapedocs.publish.search import read_records

    mkdocs_site = build_site(project / "docs", tmp_path / "mkdocs-site")
    ours = {r.url: r for r in read_records(mkdocs_site)}
    theirs = {r.url: r for r in read_records(zensical_site)}
    assert ours and set(theirs) == set(ours)
    for url, record in ours.items():
        other = theirs[url]
        assert (other.title, other.kind, other.meta) == (record.title, record.kind, record.meta), url
        assert other.text.split() == record.text.split(), url
    # and the index can be written for Zensical's output
    done = subprocess.run([sys.executable, "-m", "scrapedocs.publish.search", str(zensical_site)],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert (zensical_site / "pagefind" / "shards.json").is_file()


def test_the_theme_comes_from_the_package(project, zensical_site):
    """Nothing of the theme is in the project; Zensical finds it, its scripts, styles and words."""
    from lxml import html

    assert not (project / "overrides").exists()
    assert not [p for p in project.rglob("*.py") if p.relative_to(project).parts[0] != "site"]
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "name: scrapedocs" in config and "scrapedocs.markdown" in config
    assert "hooks" not in config and "extra_javascript" not in config and "custom_dir" not in config
    page = zensical_site / "articles" / "001_e9f6b771d52f2730" / "index.html"
    tree = html.parse(str(page))
    assets = tree.xpath("//link[@rel='stylesheet']/@href") + tree.xpath("//script/@src")
    ours = [a for a in assets if "scrapedocs" in a or "content.css" in a or "browse.js" in a]
    assert len(ours) >= 7, assets  # words, 简/繁, engines, search, highlight, browse; two stylesheets
    for href in ours:
        assert (page.parent / href).resolve().is_file(), href
    assert (zensical_site / "assets" / "javascripts" / "opencc-js" / "cn2t.js").is_file()
    words = tree.xpath("//script[@id='__scrapedocs']/text()")
    assert words and '"filter_all"' in words[0]
    assert tree.xpath("//details[contains(@class, 'cite')]/summary")[0].text_content() == "引用本页"
    assert tree.xpath("//h2[@id='六']") and tree.xpath("//h3[@id='十三']"), "anchors from numbering (scrapedocs.markdown)"
    home = html.parse(str(zensical_site / "index.html"))
    rows = home.xpath("//article//table//tr")
    assert len(rows) == 1 + len(list((project / "seeds").glob("*.txt"))), "the table is included from docs/"
    nav = home.xpath("//nav[contains(@class, 'md-nav--primary')]//a/@href")
    assert nav and not [h for h in nav if "articles/" in h], "articles are not in the navigation"
    assert not (zensical_site / "articles" / ".table").exists()


def test_an_english_project_builds_in_english(tmp_path):
    from lxml import html
    from user_pages import EN_PAGES, ZH_PAGES, write_pages

    root = tmp_path / "green"
    write_pages(root / "seeds", EN_PAGES | {"air.html": ZH_PAGES["air.html"]})
    site = _zensical_build(_new_project(root, "--name", "Green Library", "--lang", "en"))
    page = html.parse(str(site / "articles" / "coast" / "index.html"))
    assert page.xpath("/html/@lang") == ["en"]
    labels = [dt.text_content() for dt in page.xpath("//dl[contains(@class, 'article-meta')]/div/dt")]
    assert "Published" in labels
    assert page.xpath("//details[contains(@class, 'cite')]/summary")[0].text_content() == "Cite this page"
    nav = [a.text_content().strip() for a in page.xpath("//nav[contains(@class, 'md-nav--primary')]//a")]
    assert {"Home", "Browse", "Cited documents", "Indexes"} <= set(nav)
    year = html.parse(str(site / "browse" / "year" / "index.html")).xpath("//article")[0].text_content()
    assert "By year" in year and "Grouped by year of publication" in year
    chinese = html.parse(str(site / "articles" / "air" / "index.html"))
    assert [dt.text_content() for dt in chinese.xpath("//dl[contains(@class, 'article-meta')]/div/dt")][0] == "Type"
