"""A page's Markdown to HTML exactly as MkDocs renders it, links included: one render a page.

MkDocs' `Page.render` runs Python-Markdown with the site's extensions plus four processors
of its own: links to other pages become their URLs (`../cited/x.md` → `../../cited/x/`),
the page's anchors are collected, its title is taken from its first heading. The pages pass
(`render.trial`, in the engine's workers) renders every generated page with `Page.render`'s
steps (`_render`: the same, with one Markdown instance per worker), and the site build
(`publish.sitebuild`) takes that HTML instead of rendering the page again: the Markdown of a
page is rendered once per build, in parallel.

Rewriting a link needs to know whether the page linked to exists, and its URL. The pages
pass runs before the docs folder is written, possibly on machines that do not hold it, so it
answers "yes, at its usual URL" for every page asked about and records the questions
(`lookups`). The site build takes the HTML only when every recorded question gets the same
answer from the site's real files and nothing was logged while rendering (a link MkDocs
would warn about); otherwise it renders the page itself, as MkDocs would, warnings and all.
"""
from __future__ import annotations

import json
import logging
import threading
from functools import lru_cache
from pathlib import PurePath
from types import SimpleNamespace

#: What a render gives, as stored in the cache (`engine.pages`) and read by the site build.
#: html: the page's content; toc: Python-Markdown's toc tokens; title: the first heading's
#: text (None); anchors: the ids on the page; links: page linked to → {anchor: link as written};
#: lookups: page asked about → its URL (None: no such page, "!" + URL: excluded from the site);
#: logged: [level, message] MkDocs logged while rendering.
FIELDS = ("html", "toc", "title", "anchors", "links", "lookups", "logged")
#: MkDocs' logger of the page render (links it cannot resolve, absolute links…).
LOGGER = "mkdocs.structure.pages"
#: A Markdown line that includes a file (pymdownx.snippets): its HTML depends on that file too.
SNIPPET = "--8<--"


class Settings(SimpleNamespace):
    """The part of an MkDocs configuration a page's render reads (a stand-in for `MkDocsConfig`
    wherever the real one is not at hand: the workers of the pages pass)."""

    def __getitem__(self, key):
        return getattr(self, key)

    def get(self, key, default=None):
        return getattr(self, key, default)


def settings(configuration: str, docs_dir: str) -> Settings:
    """The render settings of the site whose Markdown configuration is `configuration`
    (`config.site_markdown`'s JSON), its docs folder being `docs_dir` (absolute)."""
    from ..config import MKDOCS_EXTENSIONS
    from ..markdown import site_configs

    data = json.loads(configuration) if configuration else {}
    pairs = data.get("extensions") or [[name, {}] for name in MKDOCS_EXTENSIONS]
    names = [name for name, _ in pairs]
    configs = site_configs(names, {name: dict(config) for name, config in pairs if config}, docs_dir)
    # MkDocs' default levels: whatever they are in the site, a render that logs is not reused.
    links = SimpleNamespace(not_found=logging.WARNING, absolute_links=logging.INFO,
                            unrecognized_links=logging.INFO, anchors=logging.INFO)
    return Settings(markdown_extensions=names, mdx_configs=configs,
                    use_directory_urls=bool(data.get("use_directory_urls", True)), validation=SimpleNamespace(links=links),
                    site_url=None, repo_url=None, edit_uri=None, edit_uri_template=None)


class Lookups:
    """MkDocs' `Files` as a page's render asks it (`get_file_from_path`), answered by `find`
    and every question recorded with its answer (`lookups` above)."""

    def __init__(self, find):
        self.find, self.asked = find, {}

    def get_file_from_path(self, path: str):
        uri = _posix(path)
        file = self.find(uri)
        self.asked[uri] = answer(file)
        return file


@lru_cache(maxsize=8192)
def _posix(path: str) -> str:
    """`path` as MkDocs' `Files.get_file_from_path` reads it (a few dozen links a page, mostly the same)."""
    return PurePath(path).as_posix()


def answer(file) -> str | None:
    """What a lookup of `file` tells the render: its URL, "!" before it when excluded, None when missing."""
    if file is None:
        return None
    return ("!" if file.inclusion.is_excluded() else "") + file.url


def assumed(use_directory_urls: bool):
    """The pages pass's answer to every lookup: the page exists, at its usual URL."""
    return lambda uri: _usual_file(uri, use_directory_urls)


@lru_cache(maxsize=8192)
def _usual_file(uri: str, use_directory_urls: bool):
    """The page `uri` at its usual URL. Kept for the pages that follow: a page links to a few dozen,
    most of them index pages every other page links to too, and a `File` takes longer to make
    (and its URL to work out) than the rest of the lookup."""
    from mkdocs.structure.files import File

    return File(uri, "", "", use_directory_urls)


class _Log(logging.Handler):
    def __init__(self):
        super().__init__(logging.NOTSET)
        self.records: list[list] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append([record.levelno, record.getMessage()])


def render_page(page, config, files) -> dict:
    """Render the MkDocs `page` (its `markdown` read) with `config` as MkDocs does, asking `files`
    (a `Lookups`); return the render's `FIELDS` and leave them on the page.

    Everything MkDocs logs about the page at INFO or above is recorded, whatever the logger's
    level (and still passed on as usual when that level lets it through).
    """
    log = logging.getLogger(LOGGER)
    handler, level = _Log(), log.level
    log.addHandler(handler)
    if log.getEffectiveLevel() > logging.INFO:
        log.setLevel(logging.INFO)
    try:
        _render(page, config, files)
    finally:
        log.removeHandler(handler)
        log.setLevel(level)
    return {"html": page.content, "toc": _tokens(page), "title": page._title_from_render,
            "anchors": sorted(page.present_anchor_ids or ()),
            "links": {file.src_uri: dict(links) for file, links in (page.links_to_anchors or {}).items()},
            "lookups": dict(files.asked), "logged": handler.records}


def _render(page, config, files) -> None:
    """MkDocs' `Page.render`, step for step, but with one Markdown instance of the site's
    configuration per thread, `reset()` between pages as Python-Markdown allows, instead of a new
    one for every page: making it (every extension's processors) cost as much as a short page's
    render. MkDocs' four processors, which hold the page, are made anew for each page and replace
    the previous page's (same names). An instance that raised is never used again."""
    from mkdocs.structure import pages as mkdocs_pages
    from mkdocs.structure.toc import get_toc

    if page.markdown is None:
        raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
    md = _site_markdown(config)
    try:
        md.reset()
        raw_html_ext = mkdocs_pages._RawHTMLPreprocessor()
        raw_html_ext._register(md)
        extract_anchors_ext = mkdocs_pages._ExtractAnchorsTreeprocessor(page.file, files, config)
        extract_anchors_ext._register(md)
        relative_path_ext = mkdocs_pages._RelativePathTreeprocessor(page.file, files, config)
        relative_path_ext._register(md)
        extract_title_ext = mkdocs_pages._ExtractTitleTreeprocessor()
        extract_title_ext._register(md)
        page.content = md.convert(page.markdown)
    except BaseException:  # a failed render, or the time budget's exception (Dask): start afresh
        _MARKDOWN.__dict__.clear()
        raise
    page.toc = get_toc(getattr(md, "toc_tokens", []))
    page._title_from_render = extract_title_ext.title
    page.present_anchor_ids = extract_anchors_ext.present_anchor_ids | raw_html_ext.present_anchor_ids
    if mkdocs_pages.log.getEffectiveLevel() > logging.DEBUG:
        page.links_to_anchors = relative_path_ext.links_to_anchors


_MARKDOWN = threading.local()  # this thread's Markdown instance, and the configuration it was made for


def _site_markdown(config):
    """A Markdown instance of `config`'s extensions (MkDocs' `Page.render` makes the same)."""
    import markdown

    made_for = (config, list(config["markdown_extensions"]), config["mdx_configs"])
    cached = getattr(_MARKDOWN, "made_for", None)
    if cached is None or cached[0] is not config or cached[1] != made_for[1] or cached[2] is not made_for[2]:
        _MARKDOWN.md = markdown.Markdown(extensions=config["markdown_extensions"],
                                         extension_configs=config["mdx_configs"] or {})
        _MARKDOWN.made_for = made_for
    return _MARKDOWN.md


def _tokens(page) -> list:
    """The page's table of contents as the tokens MkDocs made it from (`get_toc` makes it again)."""
    def token(item) -> dict:
        return {"level": item.level, "id": item.id, "name": item.title, "children": [token(c) for c in item.children]}

    return [token(item) for item in page.toc]


def render_markdown(path: str, markdown: str, settings: Settings) -> dict:
    """The pages pass: the page at `path` (docs-relative), front matter included, rendered as the site
    will render it, every lookup answered "exists" (`assumed`)."""
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page
    from mkdocs.utils.meta import get_data

    page = Page(None, File(path, "", "", settings.use_directory_urls), settings)
    page.markdown, page.meta = get_data(markdown)
    return render_page(page, settings, Lookups(assumed(settings.use_directory_urls)))


def reusable(stored: dict | None, files, markdown: str) -> bool:
    """Whether the site build may take `stored` (a render of the pages pass) for a page whose Markdown is
    `markdown`: MkDocs logged nothing, every page the render asked about answers the same in `files`
    (the site's), and the page includes no other file."""
    if not stored or stored.get("logged") or SNIPPET in markdown:
        return False
    return all(answer(_find(files, uri)) == url for uri, url in stored["lookups"].items())


def _find(files, uri: str):
    """MkDocs' `files.get_file_from_path(uri)`, with the path's normalisation kept from page to page."""
    return files.src_uris.get(_posix(uri))


def apply(page, stored: dict, files) -> None:
    """Leave a stored render on the MkDocs `page` as `Page.render` would have (content, toc, title, anchors)."""
    from mkdocs.structure.toc import get_toc

    page.content = stored["html"]
    page.toc = get_toc(stored["toc"])
    page._title_from_render = stored["title"]
    page.present_anchor_ids = set(stored["anchors"])
    links = {}
    for uri, anchors in stored["links"].items():
        file = _find(files, uri)
        if file is not None:
            links[file] = dict(anchors)
    page.links_to_anchors = links
