"""What the search tests compare with: each page's searchable text, computed from docs/.

A page's searchable text is its title, the metadata its header shows and its body,
without the generated lists that repeat other pages (`<div data-pagefind-ignore>`), and
without the list pages the theme leaves out of search (`LIST_PAGES`). It is
computed from the Markdown in docs/ (rendered with Python-Markdown and the site's
extensions), not from the built site, so the index is checked against something it did
not produce. Also: serving a folder on 127.0.0.1, and driving the search box.
"""
from __future__ import annotations

import contextlib
import functools
import http.server
import re
import threading
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import yaml

from conftest import ROOT

#: Front-matter keys that are not shown as text on the page (or not in its searchable part).
NOT_SHOWN = {"source_file", "url", "lang", "description", "tags", "original_script", "search", "excerpt"}
#: The converter's list pages, which the theme leaves out of search (scrapedocs/theme/main.html),
#: as URLs ("*" ends a folder); a project may add some with `extra.search_exclude`.
LIST_PAGES = ["", "browse/*", "indexes/*", "cited/", "cited/held*", "cited/missing*"]
BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "blockquote", "pre", "tr", "div"}
NONE = "没有找到符合条件的结果"
_RESULTS = "/结果|結果/.test(document.querySelector('.md-search-result__meta').textContent)"


def fold(text: str) -> str:
    """Traditional → Simplified (OpenCC t2s), lower case: how search compares text."""
    from opencc import OpenCC

    return OpenCC("t2s").convert(text).lower()


def _config():
    from mkdocs.config import load_config

    return load_config(config_file=str(ROOT / "mkdocs.yml"), docs_dir=str(ROOT / "docs"))


def _body_text(markdown_text: str, config) -> str:
    import markdown
    from lxml import html

    md = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])
    root = html.fragment_fromstring(md.convert(markdown_text) or "<p></p>", create_parent="div")
    for el in root.xpath('.//*[@data-pagefind-ignore] | .//*[contains(@class, "headerlink")]'):
        el.drop_tree()
    for el in root.iter():
        if el.tag in BLOCKS:
            el.tail = "\n" + (el.tail or "")
    return root.text_content()


def url_of(rel: str) -> str:
    """The site URL path of the docs page `rel`: "articles/x.md" → "/articles/x/"."""
    url = "/" + re.sub(r"(^|/)index\.md$|\.md$", lambda m: m.group(1) or "/", rel)
    return url.replace("//", "/")


@functools.lru_cache(maxsize=None)
def page_texts(docs: Path = ROOT / "docs") -> dict[str, dict]:
    """URL path of every searchable page → {"text", "title", "document", "date"}."""
    config = _config()
    excluded = LIST_PAGES + (config["extra"].get("search_exclude") or [])
    pages = {}
    for md in sorted(docs.rglob("*.md")):
        rel = md.relative_to(docs).as_posix()
        url = url_of(rel)
        if rel.startswith(("articles/_", "articles/.")) or any(
                url.strip("/") == e.strip("/") or (e.endswith("*") and url[1:].startswith(e[:-1])) for e in excluded):
            continue
        text = md.read_text(encoding="utf-8")
        meta = {}
        if text.startswith("---\n"):
            head, _, text = text[4:].partition("\n---\n")
            meta = yaml.safe_load(head) or {}
        if (meta.get("search") or {}).get("exclude"):
            continue
        title = str(meta.get("title") or "")
        shown = [str(v) for k, v in meta.items() if k not in NOT_SHOWN and k != "title" and isinstance(v, (str, int))]
        body = _body_text(text, config)
        if not title:
            m = re.search(r"^# (.+)$", text, re.M)
            title = m.group(1).strip() if m else ""
        pages[url] = {
            "title": title,
            "text": "\n".join([title, *shown, body]),
            "document": bool(meta.get("source_file")),
            "date": str(meta.get("date") or ""),
        }
    return pages


_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORD_CHAR = f"(?:(?![{_HAN}])[^\\W_])"  # a letter or digit that is not Han


def term_pattern(term: str) -> re.Pattern:
    """How search matches a term: Han characters in a row (spaces between them ignored),
    other words whole, case aside. (Pagefind keeps a hyphenated word whole, Five-Year is
    not the word year; these tests do not query such words.)"""
    tokens = re.findall(f"[{_HAN}]|[^\\s{_HAN}]+", fold(term))
    source = ""
    for i, token in enumerate(tokens):
        if i:
            source += r"\s*" if re.match(f"[{_HAN}]", token) or re.match(f"[{_HAN}]", tokens[i - 1]) else r"\s+"
        source += re.escape(token)
    if tokens and not re.match(f"[{_HAN}]", tokens[0]):
        source = f"(?<!{_WORD_CHAR})" + source
    if tokens and not re.match(f"[{_HAN}]", tokens[-1]):
        source += f"(?!{_WORD_CHAR})"
    return re.compile(source)


def containing(query: str, pages: dict[str, dict] | None = None) -> set[str]:
    """Pages whose searchable text holds every term of `query` ("quoted phrases" are one term)."""
    pages = pages or page_texts()
    patterns = [term_pattern(quoted or word) for quoted, word in re.findall(r'"([^"]+)"|(\S+)', query)]
    return {url for url, page in pages.items() if all(p.search(fold(page["text"])) for p in patterns)}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(folder: Path, handler: type[http.server.SimpleHTTPRequestHandler] = _Quiet):
    """`folder` served on http://127.0.0.1:PORT by `handler` (yields the base URL)."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


@contextlib.contextmanager
def reader(browser, **context_options):
    """A page in a fresh context that refuses (and records) every request to another host, and records script errors."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="zh-CN", **context_options)
    page = context.new_page()
    page.elsewhere = []
    page.errors = []

    def route(r):
        parts = urlsplit(r.request.url)
        if parts.scheme in ("file", "data", "blob", "about") or parts.hostname == "127.0.0.1":
            r.continue_()
        else:
            page.elsewhere.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    try:
        yield page
    finally:
        context.close()


def search(page, query: str, timeout: int = 20_000) -> dict:
    """Type `query` into the header's search box; every result (scrolled into view until all are shown).

    Returns {"summary", "count", "results": [{"path", "href", "title", "excerpt", "marks"}]}.
    """
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    page.wait_for_function(f"() => !({_RESULTS}) && !document.querySelector('.md-search-result__item')", timeout=timeout)
    box.fill(query)
    page.wait_for_function(f"() => {_RESULTS}", timeout=timeout)
    summary = page.locator(".md-search-result__meta").inner_text().strip()
    count = int(re.search(r"(\d+) [个個]", summary).group(1)) if re.search(r"\d+ [个個]", summary) else 0
    items = page.locator(".md-search-result__item")
    for _ in range(100):
        if items.count() >= count:
            break
        page.eval_on_selector(".md-search__scrollwrap", "el => { el.scrollTop = el.scrollHeight; }")
        page.wait_for_timeout(100)
    results = page.eval_on_selector_all(".md-search-result__item a", """links => links.map(a => ({
        href: a.href,
        title: a.querySelector("h1").textContent,
        excerpt: a.querySelector("article > p:last-child").textContent,
        marks: [...a.querySelectorAll("mark")].map(m => m.textContent),
    }))""")
    for r in results:
        r["path"] = unquote(urlsplit(r["href"]).path)
        r["terms"] = parse_qs(urlsplit(r["href"]).query).get("h", [])
    return {"summary": summary, "count": count, "results": results}
