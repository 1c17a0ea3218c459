"""`scrapedocs new DIR` and a user's own collection built anywhere (issue #20, items 1 and 4).

A new user makes a project outside this repository, drops their pages in, runs `scrapedocs`,
and reads a site named and introduced for their collection, in Chinese or in English, built
from the package's theme (nothing copied into the project). The pages are made up
(`user_pages`): environmental policy, nothing about intellectual property.
"""
from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest
import yaml
from lxml import html
from user_pages import EN_PAGES, ZH_PAGES, write_pages

from scrapedocs.cli import main

HAN = re.compile(r"[\u3400-\u9fff]")
IP_WORDS = ("知识产权", "专利", "商标", "版权", "地理标志", "intellectual property", "patent", "trademark")
FILES = ("mkdocs.yml", "docs/index.md", ".github/workflows/pages.yml", "requirements.txt", ".gitignore")


def run(monkeypatch, capsys, argv, cwd: Path | None = None):
    if cwd is not None:
        monkeypatch.chdir(cwd)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def _config(root: Path) -> dict:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    return yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)


def test_new_makes_a_short_project_introduced_by_its_name(tmp_path, monkeypatch, capsys):
    from scrapedocs.project import load

    root = tmp_path / "mylib"
    code, out, err = run(monkeypatch, capsys, ["new", str(root), "--name", "环境政策文库"])
    assert code == 0 and not err
    for rel in FILES:
        assert (root / rel).is_file(), rel
    assert (root / "seeds").is_dir() and not list((root / "seeds").iterdir())
    assert "put your pages in" in out and "seeds/" in out
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    settings = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    assert len(settings) <= 30, "a project's configuration stays small"
    config = _config(root)
    assert config["site_name"] == "环境政策文库" and config["theme"] == {"name": "scrapedocs", "language": "zh"}
    assert config["plugins"] == [{"scrapedocs": {"input": "seeds"}}]
    assert config["markdown_extensions"] == ["scrapedocs.markdown"]
    assert config["nav"][0] == {"首页": "index.md"}
    for absent in ("hooks", "extra_css", "extra_javascript", "custom_dir", "overrides"):
        assert absent not in text
    project = load(root / "mkdocs.yml")  # MkDocs reads it without a warning
    assert (project.site_name, project.language, project.input_dir) == ("环境政策文库", "zh", root / "seeds")
    home = (root / "docs" / "index.md").read_text(encoding="utf-8")
    assert home.startswith("# 环境政策文库\n")
    for what in ("检索", "浏览", "引用本页", "简", 'articles/.table.md'):
        assert what in home, what
    assert not [w for w in IP_WORDS if w in home.lower()], "no word of the IP library's"
    version = (root / "requirements.txt").read_text(encoding="utf-8")
    assert re.search(r"^scrapedocs==\d", version, re.M)
    assert "/site/" in (root / ".gitignore").read_text(encoding="utf-8")


def test_new_refuses_to_overwrite_and_writes_nothing(tmp_path, monkeypatch, capsys):
    root = tmp_path / "mylib"
    assert run(monkeypatch, capsys, ["new", str(root)])[0] == 0
    (root / "docs" / "index.md").write_text("# 我写的首页\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    code, out, err = run(monkeypatch, capsys, ["new", str(root), "--name", "别的"])
    assert code == 2 and not out
    assert err.count("\n") == 1 and "already" in err and "mkdocs.yml" in err
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before
    # A folder holding only some of the files: nothing is written either.
    other = tmp_path / "other"
    (other / "docs").mkdir(parents=True)
    (other / "docs" / "index.md").write_text("mine", encoding="utf-8")
    code, _, err = run(monkeypatch, capsys, ["new", str(other)])
    assert code == 2 and "docs/index.md" in err
    assert sorted(p.relative_to(other).as_posix() for p in other.rglob("*")) == ["docs", "docs/index.md"]
    # A file where the folder should be.
    (tmp_path / "file").write_text("x", encoding="utf-8")
    code, _, err = run(monkeypatch, capsys, ["new", str(tmp_path / "file")])
    assert code == 2 and "is a file" in err


def test_new_in_english(tmp_path, monkeypatch, capsys):
    root = tmp_path / "green"
    assert run(monkeypatch, capsys, ["new", str(root), "--name", "Green Library", "--lang", "en"])[0] == 0
    config = _config(root)
    assert config["theme"]["language"] == "en"
    assert config["nav"][0] == {"Home": "index.md"} and "Browse" in config["nav"][1]
    home = (root / "docs" / "index.md").read_text(encoding="utf-8")
    assert home.startswith("# Green Library\n") and "Cite this page" in home and "**Search**" in home
    assert not HAN.search(home.replace("简", "")), "an English home page (the 简 menu is named as shown)"
    assert not HAN.search((root / "mkdocs.yml").read_text(encoding="utf-8"))


def test_new_names_the_input_folder_and_the_build_reads_it(tmp_path, monkeypatch, capsys):
    root = tmp_path / "mylib"
    assert run(monkeypatch, capsys, ["new", str(root), "--input", "pages"])[0] == 0
    assert _config(root)["plugins"] == [{"scrapedocs": {"input": "pages"}}]
    assert (root / "pages").is_dir() and not (root / "seeds").exists()
    write_pages(root / "pages", ZH_PAGES)
    code, out, err = run(monkeypatch, capsys, ["--no-site"], cwd=root)
    assert code == 0, err
    assert (root / "docs" / "articles" / "air.md").is_file()
    assert "3 sources → 3 pages" in out
    assert run(monkeypatch, capsys, ["new", str(tmp_path / "x"), "--input", "../elsewhere"])[0] == 2


@pytest.fixture(scope="module")
def chinese_site(tmp_path_factory):
    """`scrapedocs new mylib --name 环境政策文库`, the user's pages, `scrapedocs` in the folder."""
    root = tmp_path_factory.mktemp("user") / "mylib"
    mp = pytest.MonkeyPatch()
    try:
        assert main(["new", str(root), "--name", "环境政策文库"]) == 0
        write_pages(root / "seeds", ZH_PAGES)
        mp.chdir(root)
        assert main([]) == 0
    finally:
        mp.undo()
    return root


def test_a_new_project_builds_its_own_site(chinese_site):
    site = chinese_site / "site"
    home = html.parse(str(site / "index.html"))
    assert home.findtext(".//title").startswith("环境政策文库")
    article = home.xpath("//article")[0].text_content()
    assert "本站是“环境政策文库”" in article and "知识产权" not in article
    assert len(home.xpath("//article//table//tr")) == 1 + len(ZH_PAGES)
    page = html.parse(str(site / "articles" / "air" / "index.html"))
    meta = {dt.text_content(): dt.getnext().text_content()
            for dt in page.xpath("//dl[contains(@class, 'article-meta')]/div/dt")}
    assert meta["发布日期"] == "2023-04-12" and meta["来源"] == "某市生态环境局"
    assert page.xpath("//details[contains(@class, 'cite')]/summary")[0].text_content() == "引用本页"
    cite = page.xpath("//details[contains(@class, 'cite')]//code")[0].text_content()
    assert "关于加强大气污染防治工作的通知" in cite and "[EB]" in cite
    water = (chinese_site / "docs" / "articles" / "water.md").read_text(encoding="utf-8")
    assert "[关于加强大气污染防治工作的通知](air.md)" in water, "a citation by title is a link"
    assert (site / "pagefind" / "shards.json").is_file(), "the search index"
    scripts = page.xpath("//script/@src")
    assert any(s.endswith("scrapedocs/chinese.js") for s in scripts), "the 简/繁 switch"
    assert (site / "assets" / "javascripts" / "opencc-js" / "t2cn.js").is_file()
    assert not (chinese_site / "overrides").exists()


@pytest.fixture(scope="module")
def english_site(tmp_path_factory):
    """An English collection (`--lang en`) with one Chinese page."""
    root = tmp_path_factory.mktemp("user") / "green"
    mp = pytest.MonkeyPatch()
    try:
        assert main(["new", str(root), "--name", "Green Library", "--lang", "en"]) == 0
        write_pages(root / "seeds", EN_PAGES | {"air.html": ZH_PAGES["air.html"]})
        mp.chdir(root)
        assert main([]) == 0
    finally:
        mp.undo()
    return root


def _data(docs: Path) -> set[str]:
    """Every value the pages' front matter holds (titles, sources, types…): data, in its own language."""
    values = set()
    for md in (docs / "articles").glob("*.md"):
        if not md.name.startswith("."):
            meta = yaml.safe_load(md.read_text(encoding="utf-8").split("---\n")[1])
            values |= {str(v) for v in meta.values() if isinstance(v, (str, int))}
            values |= {str(t) for t in meta.get("tags") or []}
    return values


def test_an_english_site_speaks_english(english_site):
    docs, site = english_site / "docs", english_site / "site"
    data = sorted(_data(docs), key=len, reverse=True)
    generated = [docs / "articles" / ".table.md", *(docs / "browse").glob("*.md"), *(docs / "indexes").glob("*.md"),
                 docs / "cited" / "index.md"]
    for md in generated:
        text = md.read_text(encoding="utf-8")
        for value in data:
            text = text.replace(value, "")
        assert not HAN.search(text), f"{md.name}: {HAN.findall(text)[:10]}"
    assert "By year" in (docs / "browse" / "year.md").read_text(encoding="utf-8")
    river = (docs / "articles" / "river.md").read_text(encoding="utf-8")
    assert "## Cited by\n\n- [New Rules Protect Coastal Wetlands](coast.md) (2023-07-14)" in river
    page = html.parse(str(site / "articles" / "coast" / "index.html"))
    assert page.xpath("/html/@lang") == ["en"]
    labels = [dt.text_content() for dt in page.xpath("//dl[contains(@class, 'article-meta')]/div/dt")]
    assert labels and not any(HAN.search(label) for label in labels)
    assert page.xpath("//details[contains(@class, 'cite')]/summary")[0].text_content() == "Cite this page"
    words = json.loads(page.xpath("//script[@id='__scrapedocs']/text()")[0])
    assert words["search_result_none"] == "No matching documents" and words["filter_all"] == "All"
    assert not any(HAN.search(v) for k, v in words.items() if k != "script_menu")
    nav = [a.text_content().strip() for a in page.xpath("//nav[contains(@class, 'md-nav--primary')]//a")]
    assert {"Home", "Browse", "Cited documents", "Indexes"} <= set(nav)


def test_a_mixed_collection_keeps_each_pages_language(english_site):
    docs = english_site / "docs" / "articles"
    lang = {md.stem: yaml.safe_load(md.read_text(encoding="utf-8").split("---\n")[1]).get("lang")
            for md in docs.glob("*.md") if not md.name.startswith(".")}
    assert lang == {"river": "en", "coast": "en", "air": "zh"}
    page = html.parse(str(english_site / "site" / "articles" / "air" / "index.html"))
    block = page.xpath("//dl[contains(@class, 'article-meta')]")[0]
    assert block.get("lang") == "en", "the labels are the site's, marked as such"
    assert "关于加强大气污染防治工作的通知" in page.xpath("//article")[0].text_content()


@pytest.mark.browser
def test_search_and_filters_speak_the_sites_language(english_site, browser):
    from search_pages import reader, serve

    def ask(page, query: str) -> str:
        box = page.locator("input.md-search__input")
        box.click()
        box.fill(query)
        page.wait_for_function("() => /matching document/i.test("
                               "document.querySelector('.md-search-result__meta').textContent)", timeout=20_000)
        return page.text_content(".md-search-result__meta").strip()

    with serve(english_site / "site") as base, reader(browser) as page:
        page.goto(base + "/", wait_until="load")
        assert page.get_attribute("input.md-search__input", "placeholder") == "Search"
        assert ask(page, "marsh") == "1 matching document"
        assert ask(page, "qqqzzz") == "No matching documents"
        page.keyboard.press("Escape")
        page.wait_for_selector(".doc-filter__field span")
        assert page.text_content(".doc-filter__field span") == "Year"
        page.fill(".doc-filter__field input", "wetlands")
        page.wait_for_function("() => /of 3/.test(document.querySelector('.doc-filter__status').textContent)")
        assert page.text_content(".doc-filter__status") == "Documents found: 1 of 3"
        assert not page.errors and not page.elsewhere
