"""Hostile input, end to end (issue 10): the generated corpus of `hostile_corpus` built through the CLI.

One build (convert + `mkdocs build --strict`) serves every test. Checked the
way an attacker or an unlucky user would notice: every file accounted for by
name, nothing from outside the input folder read or disclosed, no live markup
in the built HTML (parsed, not grepped) or the search index, metadata inert
and typed, every page reachable, and in headless Chromium no dialog ever.
"""
from __future__ import annotations

import contextlib
import functools
import http.server
import io
import json
import re
import shutil
import threading
import time
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
import yaml
from conftest import ROOT
from hostile_corpus import CANARY, make_corpus

MAX_SIZE = 200_000  # bytes: `--max-size` for the corpus, so "too large" costs nothing
#: Front-matter keys a generated page may carry (scrapedocs.model.META_KEYS and what stages add).
PAGE_KEYS = {"source_file", "title", "date", "doc_number", "issuer", "doc_type", "written_date", "effective_date",
             "validity", "excerpt", "source", "author", "editor", "url", "retrieved", "lang", "description",
             "original_script", "tags", "keywords"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "srcdoc", "xlink:href", "poster", "background",
                  "{http://www.w3.org/1999/xlink}href", "srcset", "ping", "cite", "manifest"}
FORBIDDEN_ELEMENTS = {"iframe", "object", "embed", "base", "frame", "frameset", "applet"}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    project = root / "project"
    seeds, outside = project / "seeds", root / "outside"
    cases = make_corpus(seeds, outside, MAX_SIZE)
    docs = project / "docs"
    site = project / "site"
    outside_before = sorted(p.relative_to(outside) for p in outside.rglob("*"))
    from scrapedocs.cli import main

    out, err = io.StringIO(), io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--input", str(seeds), "--docs", str(docs), "--site", str(site),
                     "--config", str(ROOT / "mkdocs.yml"), "--max-size", str(MAX_SIZE), "--no-progress"])
    elapsed = time.perf_counter() - start
    report_path = project / "build" / "report.json"  # the default: build/ beside the docs folder
    return SimpleNamespace(
        root=root, seeds=seeds, outside=outside, docs=docs, site=site, cases=cases, code=code,
        stdout=out.getvalue(), stderr=err.getvalue(), elapsed=elapsed, report_path=report_path,
        report=json.loads(report_path.read_text(encoding="utf-8")), outside_before=outside_before,
    )


def _entries(report: dict) -> dict[str, dict]:
    return {entry["source"]: entry for entry in report["inputs"]}


def _site_page(site: Path, page: str) -> Path:
    """The built HTML of a docs page (`articles/x.md` → `site/articles/x/index.html`)."""
    return site / re.sub(r"\.md$", "", page) / "index.html"


# ---------------------------------------------------------------- the build itself

def test_the_build_finishes_normally(hostile):
    assert hostile.code == 0, hostile.stderr
    assert "Traceback" not in hostile.stderr + hostile.stdout
    assert (hostile.site / "index.html").is_file()
    print(f"\nhostile corpus: {hostile.report['summary']} in {hostile.elapsed:.1f} s")


def test_every_file_is_accounted_for_by_name(hostile):
    report = hostile.report
    entries = _entries(report)
    sidecars = {e["sidecar"] for e in report["inputs"] if e["sidecar"]}
    skipped = {s["source"]: s["reason"] for s in report["skipped"]}
    records = report["records"]
    named = set(entries) | sidecars | set(skipped) | {r["source"] for r in records}
    containers = {case.source for case in hostile.cases if case.expect == "container"}
    problems = []
    for case in hostile.cases:
        entry = entries.get(case.source)
        if case.expect == "page":
            if not entry or entry["error"] or not entry["page"]:
                problems.append(f"{case.source}: expected a page, got {entry and entry['error']}")
            elif not (hostile.docs / entry["page"]).is_file() or not _site_page(hostile.site, entry["page"]).is_file():
                problems.append(f"{case.source}: its page {entry['page']} is not in docs/ and the site")
        elif case.expect == "failed":
            if not entry or not entry["error"] or case.reason not in entry["error"]:
                problems.append(f"{case.source}: expected a failure naming {case.reason!r}, got {entry and entry['error']}")
        elif case.expect == "skipped":
            if case.reason not in skipped.get(case.source, ""):
                problems.append(f"{case.source}: expected skipped ({case.reason!r}), got {skipped.get(case.source)}")
        elif case.expect == "container":
            if not any(name.startswith(case.source + "#") for name in named):
                problems.append(f"{case.source}: nothing in the report from this archive")
        elif case.expect == "record":
            if not any((r["source"] == case.source or r["source"].startswith(case.source + "#"))
                       and case.reason in r["reason"] for r in records):
                problems.append(f"{case.source}: expected a record line naming {case.reason!r}")
        elif case.source not in sidecars:
            problems.append(f"{case.source}: expected read as a sidecar")
    assert not problems, "\n".join(problems)
    # Nothing in the report that is not in the corpus, nothing in the corpus missing from the report: every
    # source (a record's page too) is a case; a record's line belongs to an archive of the corpus.
    in_archives = {name for name in named if name.split("#")[0] in containers}
    assert named - in_archives == {case.source for case in hostile.cases if case.source not in containers
                                   and case.expect != "record" and case.source.split("#")[0] not in containers}
    assert {name for name in in_archives if name in entries} == \
        {case.source for case in hostile.cases if case.expect in ("page", "failed") and "#" in case.source
         and case.source.split("#")[0] in containers}
    assert all(r["source"].split("#")[0] in containers for r in records)
    named |= containers
    on_disk = set()
    for path in hostile.seeds.rglob("*"):
        rel = path.relative_to(hostile.seeds)
        if any(part.startswith(".") for part in rel.parts[:-1]):
            continue  # inside a hidden folder, which is listed itself
        if path.is_dir() and not path.is_symlink() and not path.name.startswith("."):
            continue  # a plain folder is not an input; what is in it is
        name = rel.as_posix().encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        on_disk.add(name + "/" * path.is_dir())
    assert on_disk <= named, f"files with no report line: {sorted(on_disk - named)}"
    summary = report["summary"]
    assert summary["inputs"] == len(report["inputs"]) == \
        summary["pages"] + summary["merged"] + summary["failed"] + summary["not_articles"]
    assert summary["records"] == len(records)
    assert summary["skipped"] == len(report["skipped"])
    pages = {e["page"] for e in report["inputs"] if e["page"] and not e["merged_into"]}
    generated = {p.relative_to(hostile.docs).as_posix() for p in (hostile.docs / "articles").rglob("*.md")}
    assert pages == generated - {"articles/.table.md"}


def test_nothing_outside_the_input_folder_is_read_or_disclosed(hostile):
    for folder in (hostile.docs, hostile.site, hostile.report_path.parent):
        for path in folder.rglob("*"):
            if path.is_file():
                assert CANARY.encode() not in path.read_bytes(), f"{path} discloses a file outside the input folder"
    assert CANARY not in hostile.stdout + hostile.stderr
    # Nothing written outside the project, nothing changed next to the secrets, no YAML tag ran.
    assert sorted(p.relative_to(hostile.outside) for p in hostile.outside.rglob("*")) == hostile.outside_before
    assert sorted(p.name for p in hostile.root.iterdir()) == ["outside", "project"]
    escaped = {p.relative_to(hostile.root).as_posix() for p in hostile.root.rglob("escaped*")}
    assert escaped == {"project/docs/articles/tmp/escaped.md", "project/site/articles/tmp/escaped"}, escaped
    assert "PWNED" not in hostile.stdout + hostile.stderr


# ---------------------------------------------------------------- no live markup

class _Tags(HTMLParser):
    """Every start tag the HTML tokenizer sees, stray ones included (a second <body onload> is live in a browser)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.code = ""  # "script" or "style" inside one

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {name: value or "" for name, value in attrs}))
        self.code = tag if tag in ("script", "style") else ""

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag):
        self.code = ""

    def handle_data(self, data):
        if self.code:
            (self.scripts if self.code == "script" else self.styles).append(data)


def _live_markup(html: str, where: str) -> list[str]:
    """Script, handlers, dangerous URLs, refreshes and frames that came from an input (the theme has none)."""
    parser = _Tags()
    parser.feed(html)
    parser.close()
    found = [f"{where}: script {text[:60]!r}" for text in parser.scripts if re.search(r"alert|__pwned", text)]
    # In a style sheet, a title is a quoted CSS string: what matters is CSS that loads or runs something.
    found += [f"{where}: style {text[:60]!r}" for text in parser.styles
              if re.search(r"javascript:|vbscript:|expression\s*\(|@import|behavior\s*:|url\(\s*['\"]?data:", text, re.I)]
    for tag, attrs in parser.tags:
        if tag == "script" and re.search(r"alert|__pwned", attrs.get("src", "")):
            found.append(f"{where}: <script src={attrs['src'][:60]!r}>")
        if tag in FORBIDDEN_ELEMENTS:
            found.append(f"{where}: <{tag}>")
        if tag == "meta" and attrs.get("http-equiv", "").lower() == "refresh":
            found.append(f"{where}: meta refresh")
        if tag == "form" and "md-search__form" not in attrs.get("class", ""):
            found.append(f"{where}: <form>")
        for name, value in attrs.items():
            if name.startswith("on"):
                found.append(f"{where}: <{tag} {name}={value[:40]!r}>")
            squeezed = re.sub(r"[\s\x00-\x1f]+", "", value).lower()
            if name in URL_ATTRIBUTES and re.match(r"(javascript|vbscript|data):", squeezed):
                found.append(f"{where}: <{tag} {name}={value[:40]!r}>")
    return found


def test_the_live_markup_check_finds_every_payload():
    """The check below can fail: each payload of the corpus, were it live, is found."""
    from hostile_corpus import PAYLOADS

    for payload in PAYLOADS:
        if payload.startswith("&"):
            continue  # entities are text by design
        assert _live_markup(f"<html><head></head><body><p>x</p>{payload}</body></html>", "x"), payload


def test_no_live_markup_reaches_the_built_html(hostile):
    found = []
    pages = sorted(hostile.site.rglob("*.html"))
    assert len(pages) > 40
    for path in pages:
        found += _live_markup(path.read_text(encoding="utf-8"), path.relative_to(hostile.site).as_posix())
    # Search results are built from Pagefind's index as text (titles by textContent, excerpts
    # escaped by Pagefind): test_no_dialog_fires_in_chromium searches the payloads' words.
    assert not found, "\n".join(found[:20])


def test_no_live_markup_in_the_offline_bundle_and_the_pdf_page(hostile, tmp_path):
    """The offline build and the one page Chromium prints the PDF from (printing runs its scripts)."""
    from datetime import date

    from scrapedocs.publish.offline import build_offline_site
    from scrapedocs.publish.pdf.compose import compose, volumes

    with contextlib.redirect_stderr(io.StringIO()):
        config, pages = build_offline_site(ROOT / "mkdocs.yml", hostile.docs, tmp_path / "offline")
    found = []
    for path in sorted((tmp_path / "offline").rglob("*.html")):
        found += _live_markup(path.read_text(encoding="utf-8"), f"offline {path.name}")
    volume = volumes(tmp_path / "offline", pages, None)[0]
    printed = compose(tmp_path / "offline", config, volume, None, date(2021, 1, 1))
    assert "alert" in printed  # the payloads are there, as text
    found += _live_markup(printed, "pdf")
    assert not found, "\n".join(found[:20])


def test_markup_from_inputs_is_shown_as_text(hostile):
    """Escaped, not dropped: a reader sees what the source said (nothing is lost)."""
    entries = _entries(hostile.report)
    for source, visible in [("dump/xss.txt", "<script>alert('script');window.__pwned=1</script>"),
                            ("dump/xss.txt", "<img src=x onerror=\"alert('img');window.__pwned=1\">"),
                            ("dump/includes.txt", '--8<-- "index.md"'),
                            ("md/xss.md", "--8<-- \"index.md\""),
                            ("html/xss.html", "<script>alert('entity')</script>写在正文里的标签文字。")]:
        from lxml import html as lxml_html

        tree = lxml_html.parse(str(_site_page(hostile.site, entries[source]["page"]))).getroot()
        text = tree.find_class("md-content")[0].text_content()
        assert visible in text, f"{source}: {visible!r} is not shown as text"
    table = (hostile.docs / "articles" / ".table.md").read_text(encoding="utf-8")
    assert table.startswith("| 标题 |"), "a page took the name of the home page's table"


# ---------------------------------------------------------------- metadata

def _front_matter(md: Path) -> dict:
    return yaml.safe_load(md.read_text(encoding="utf-8").split("---\n", 2)[1])


def _values(value):
    if isinstance(value, list):
        for item in value:
            yield from _values(item)
    else:
        yield value


def test_metadata_is_typed_and_inert(hostile):
    for md in (hostile.docs / "articles").rglob("*.md"):
        if md.name == ".table.md":
            continue
        meta = _front_matter(md)
        assert set(meta) <= PAGE_KEYS, f"{md.name}: {set(meta) - PAGE_KEYS}"
        for key, value in meta.items():
            if key == "tags":
                assert isinstance(value, list) and all(isinstance(t, str) for t in value), md
            elif key == "excerpt":
                assert value is True, md
            else:
                assert isinstance(value, str), f"{md.name}: {key} is {type(value).__name__}"
            if key in ("date", "written_date", "effective_date"):
                assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", value), (md.name, key, value)
            if key == "url":
                assert re.match(r"https?://", value) and not re.search(r"[<>\"'\s]", value), (md.name, value)
            else:
                for text in _values(value):
                    assert not re.search(r"[<>&\"']", str(text)), f"{md.name}: {key} = {text!r}"


def test_sidecar_and_front_matter_set_only_documented_fields(hostile):
    entries = _entries(hostile.report)

    def meta(source):
        return _front_matter(hostile.docs / entries[source]["page"])

    def warned(source, *phrases):
        warnings = "\n".join(entries[source]["warnings"])
        for phrase in phrases:
            assert phrase in warnings, f"{source}: no warning {phrase!r} in\n{warnings}"

    warned("side/template.txt", "sidecar side/template.yml: field 'template' ignored: not a documented field",
           "field 'hide' ignored", "field 'search' ignored")
    assert meta("side/template.txt")["title"] == "侧车标题"
    html = _site_page(hostile.site, entries["side/template.txt"]["page"]).read_text(encoding="utf-8")
    assert "侧车标题" in html and "404" not in re.sub(r"<script.*?</script>", "", html, flags=re.S).split("<h1")[1][:200]
    warned("side/lists.txt", "field 'title' ignored: a list where text is expected",
           "field 'tags' ignored: a mapping where text is expected", "field 'author' ignored: a mapping",
           "field 'description' ignored: not a documented field")
    assert "description" not in meta("side/lists.txt")
    assert meta("side/tags.txt")["tags"] == ["＜img src=x onerror=alert(“tag”)＞", "”＞＜svg onload=alert(1)＞", "A＆B"]
    assert meta("side/tags.txt")["title"] == "x“ onmouseover=”alert(1)"
    types = meta("side/types.txt")
    assert types["title"] == "2021" and types["date"] == "2021-11-01" and types["tags"] == ["1", "2.5"]
    assert types["doc_number"] == "国发〔2021〕20号"
    assert not {"url", "excerpt", "written_date", "issuer"} & set(types)
    warned("side/types.txt", "field 'excerpt' ignored: text where true or false is expected",
           "field 'url' ignored: not an http(s) URL", "field 'written_date' ignored: text that is not a date",
           "field 'issuer' ignored: a list")
    warned("side/python.txt", "sidecar side/python.yml ignored: not valid YAML")
    warned("side/binary.txt", "field 'source' ignored: binary data", "field 'title' ignored: a list where text")
    warned("side/bomb.txt", "field 'tags' ignored", "field 'title' ignored", "field 'a' ignored")
    warned("side/not-a-mapping.txt", "not a mapping")
    warned("side/gbk.txt", "not UTF-8 text")
    warned("md/xss.md", "front matter: field 'template' ignored", "front matter: field 'description' ignored",
           "front matter: field 'url' ignored", "include lines (--8<--) shown as text")
    warned("md/bad-front-matter.md", "front matter ignored: not valid YAML")
    warned("md/yaml-tags.md", "front matter ignored: not valid YAML")
    assert meta("md/plain.md")["title"] == "普通的 Markdown 页" and meta("md/plain.md")["date"] == "2021-11-01"
    assert meta("md/plain.md")["tags"] == ["知识产权", "专利"]


def test_every_page_is_reachable_and_no_slug_collides(hostile):
    entries = _entries(hostile.report)
    pages = [e["page"] for e in hostile.report["inputs"] if e["page"]]
    assert len(pages) == len(set(p for e in hostile.report["inputs"] if e["page"] and not e["merged_into"]
                                 for p in [e["page"]]))
    for page in pages:
        parts = page.split("/")
        assert parts[0] == "articles" and not any(p.startswith(("_", ".")) or p in ("index.md", "readme.md")
                                                  for p in parts[1:]), page
    assert entries["_x.txt"]["page"] == "articles/x.md"
    assert entries["index.txt"]["page"].startswith("articles/index-page")
    assert {entries["side/slug-table.txt"]["page"], entries["_table.txt"]["page"]} == {"articles/table.md",
                                                                                        "articles/table-2.md"}
    assert entries["side/slug-dots.txt"]["page"] == "articles/tmp/escaped.md"
    from lxml import html as lxml_html

    home = lxml_html.parse(str(hostile.site / "index.html")).getroot()
    links = [a.get("href") for table in home.iter("table") for a in table.iter("a")]  # the documents table
    expected = {"/".join(e["page"][:-3].split("/")) + "/" for e in hostile.report["inputs"] if e["page"]}
    assert set(links) <= expected and len(links) == len(set(links)) == min(50, len(expected))  # the newest 50
    for href in links:
        assert (hostile.site / href / "index.html").is_file(), f"the home page links to a missing page: {href}"


# ---------------------------------------------------------------- console and clear reasons

def test_console_counts_and_names_the_first_problems(hostile):
    summary = hostile.report["summary"]
    err = hostile.stderr
    assert f"failed ({summary['failed']})" in err and f"warnings ({summary['warnings']})" in err
    assert f"skipped ({summary['skipped']})" in err
    assert f"records not published ({summary['records']:,}), by kind:" in err and "damaged (" in err
    assert f"{summary['inputs']} sources → {summary['pages']} pages" in hostile.stdout
    assert "bad/empty.txt: empty file" in err and "bad/too-large.txt: too large" in err
    assert "more in the report" in err  # the first few only
    assert "\x1b" not in err, "control characters from inputs reach the terminal"
    assert "esc-\\x1b[2J\\x1b[31m.txt: empty file" in err
    assert str(hostile.report_path) in hostile.stdout


# ---------------------------------------------------------------- parts other engineers own

def _waiting(hostile, name):
    return next(c for c in hostile.cases if c.source == name)


def test_deeply_nested_html_becomes_a_page(hostile):
    entry = _entries(hostile.report)["html/deep.html"]
    assert entry["page"] and not entry["error"], entry["error"]


def test_markdown_table_in_a_dump_is_kept(hostile):
    entry = _entries(hostile.report)["dump/table.txt"]
    assert "3639268" in (hostile.docs / entry["page"]).read_text(encoding="utf-8")


def test_junk_line_is_not_the_title(hostile):
    entry = _entries(hostile.report)["dump/junk-title.txt"]
    assert entry["title"] == "关于加强知识产权保护的若干意见"


def test_a_page_50000_levels_deep_is_read_not_given_up(tmp_path):
    """Tree walks are linear: the page is converted within the time budget, the build goes on.

    (A page that does hang is given up with a report line: tests/test_executors.py.)
    """
    from scrapedocs.cli import main

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "deep.html").write_text("<html><body>" + "<div>" * 50_000 + "<p>知识产权保护工作关系国家治理体系。</p>"
                                     + "</div>" * 50_000 + "</body></html>", encoding="utf-8")
    (seeds / "ok.txt").write_text("知识产权保护工作关系国家治理体系和治理能力现代化，关系高质量发展。\n" * 3,
                                  encoding="utf-8")
    assert main(["--input", str(seeds), "--docs", str(tmp_path / "docs"), "--no-site"]) == 0
    entries = _entries(json.loads((tmp_path / "build" / "report.json").read_text(encoding="utf-8")))
    assert entries["deep.html"]["page"] and not entries["deep.html"]["error"], entries["deep.html"]["error"]
    assert entries["ok.txt"]["page"]


def test_a_failed_site_build_leaves_the_previous_site(hostile, tmp_path):
    from scrapedocs.cli import main

    site = tmp_path / "site"
    shutil.copytree(hostile.site, site)
    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    docs = tmp_path / "docs"
    shutil.copytree(hostile.docs, docs)
    (docs / "broken.md").write_text("# 坏链接\n\n[x](no-such-page.md)\n", encoding="utf-8")  # fails --strict
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            main(["--input", str(hostile.seeds), "--docs", str(docs), "--site", str(site),
                  "--config", str(ROOT / "mkdocs.yml"), "--max-size", str(MAX_SIZE),
                  "--report", str(tmp_path / "r.json")])
        except Exception:
            pass
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before


# ---------------------------------------------------------------- the browser

class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def served(hostile):
    handler = functools.partial(_Quiet, directory=str(hostile.site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.mark.browser
def test_no_dialog_fires_in_chromium(hostile, served, browser):
    entries = _entries(hostile.report)
    urls = ["/", "/indexes/tags/", "/browse/source/", "/cited/", "/browse/year/", "/indexes/people/"]
    urls += ["/" + re.sub(r"\.md$", "/", entries[c.source]["page"]) for c in hostile.cases
             if c.injected and entries.get(c.source, {}).get("page")]
    assert len(urls) > 15
    dialogs = []
    context = browser.new_context()
    context.route(re.compile(r"^(?!http://127\.0\.0\.1)"), lambda route: route.abort())  # nothing from elsewhere
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(f"{page.url}: {dialog.message}"), dialog.dismiss()))
    try:
        for url in urls:
            page.goto(served + url, wait_until="load")
            page.mouse.move(200, 300)
            page.wait_for_timeout(100)
            assert page.evaluate("window.__pwned") is None, f"{url}: an injected script ran"
            assert urlsplit(page.url).path == urlsplit(served + url).path, f"{url} navigated away to {page.url}"
        # Search results are HTML built from the index: search for the payloads' words.
        page.goto(served + "/", wait_until="load")
        for query in ("alert", "script", "onerror", "svg"):
            page.locator("label.md-search__icon, .md-search__input").first.click()
            page.locator(".md-search__input").fill(query)
            page.wait_for_selector(".md-search-result__meta", timeout=10_000)
            page.wait_for_timeout(300)
            assert page.evaluate("window.__pwned") is None, f"search {query!r}: an injected script ran"
    finally:
        context.close()
    assert not dialogs, dialogs
