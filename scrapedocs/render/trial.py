"""Collection stage `pages`: every generated page rendered with the site's own Markdown before MkDocs is.

The site build isolates nothing: a page that makes Python-Markdown, one of its
extensions or the theme take an hour stops publication. So, once `render` has
written every page within its limits (`limits`), each one — articles, cited
documents, indexes, browse pages — is rendered to HTML with the site's own Markdown
configuration (mkdocs.yml's `markdown_extensions` and MkDocs' own, read by MkDocs'
code: `config.site_markdown`) in the engine's workers, one page per task, under the
document's time budget (`engine.pages`). A page that fails or runs out of time is
published in its plainest complete form — its text escaped in raw HTML paragraphs,
without links — with a note naming its input; nothing of it is dropped.

The pass is deterministic for a page within the limits (they keep it far under the
budget), and cached by the page's Markdown: a rebuild renders only the pages that
changed. Each page is rendered by MkDocs' own `Page.render` (`html`: links rewritten, anchors
and title collected), and what it gave is kept in the cache (`engine.pages`): the site build
(`publish.sitebuild`) takes it instead of rendering the page again.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..config import BuildConfig
from ..model import Collection, Document
from . import plain_page
from .html import render_markdown, settings
from .limits import plain_text

STAGE = "markdown"  # the name the workers' stage reports under ("gave up after 30 s in markdown")


@lru_cache(maxsize=2)
def site_settings(configuration: str, docs_dir: str):
    """The site's render settings (`html.settings`): its Markdown configuration, as MkDocs reads it."""
    return settings(configuration, docs_dir)


def to_html(page: Document, config: BuildConfig) -> Document:
    """The workers' stage: the page (its Markdown, or its `data`: the Markdown in UTF-8) rendered as MkDocs
    renders it (`html.render_markdown`: its front matter apart, its links rewritten to the pages' URLs).

    The render (HTML, table of contents, title, anchors, the lookups it made) is handed back for the cache
    when there is one, as the cache stores it (`engine.pages.pack`): the site build takes it instead of
    rendering the page again. The page's Markdown does not travel back: the build has it.
    """
    from ..engine.pages import pack

    markdown = page.markdown or page.data.decode("utf-8", "surrogatepass")  # the engine sends it encoded
    rendered = render_markdown(page.relpath, markdown,
                               site_settings(config.markdown, str(Path(config.docs_dir).resolve())))
    if config.use_cache and not config.check:
        page.facts["html"] = pack(rendered)
    page.markdown = ""
    return page


_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


def plain_source(markdown: str) -> str:
    """A generated page other than an article in its plainest form: its Markdown shown as text.

    >>> print(plain_source("---\\nsearch:\\n  exclude: true\\n---\\n\\n# 标题\\n"))
    ---
    search:
      exclude: true
    ---
    <BLANKLINE>
    <p># 标题</p>
    <BLANKLINE>
    """
    m = _FRONT_MATTER.match(markdown)
    head, body = (m[0], markdown[m.end():]) if m else ("", markdown)
    return f"{head}\n{plain_text(body)}\n"


def check_pages(collection: Collection) -> Collection:
    """The `pages` stage: every page rendered in the workers; one that fails or runs out of time made plain."""
    from ..engine.pages import render_pages
    from ..pipeline import Stage

    config = collection.config or BuildConfig(use_cache=False)  # a collection made by hand: no cache
    try:  # the configuration itself: MkDocs will report it when it builds the site
        render_markdown("index.md", "", site_settings(config.markdown, str(Path(config.docs_dir).resolve())))
    except Exception as err:
        collection.warnings.append("pages not rendered before the site build: the site's Markdown extensions "
                                   f"do not load ({type(err).__name__}: {str(err)[:200]})")
        return collection
    pages = {doc.page: doc.markdown for doc in collection.published}
    pages |= {path: text for path, text in collection.pages.items() if path.endswith(".md")}  # not the data files
    results, stats = render_pages(pages, Stage(STAGE, to_html, with_config=True), config)
    collection.stats["pages"] = stats
    for doc in collection.published:
        error = results[doc.page].error
        if error:
            doc.markdown = plain_page(doc)
            doc.degraded.append(f"page published as plain text, without links: its Markdown {_why(error)}")
    for path, markdown in collection.pages.items():
        if path not in results:
            continue
        error = results[path].error
        if error:
            collection.pages[path] = plain_source(markdown)
            collection.warnings.append(f"{path}: published as its Markdown source: its Markdown {_why(error)}")
    return collection


def _why(error: str) -> str:
    """The engine's reason, said of a page's Markdown.

    >>> _why("gave up after 30 s in markdown"), _why("markdown failed: RecursionError: deep")
    ('took longer than the time budget (30 s)', 'failed to render (RecursionError: deep)')
    """
    m = re.fullmatch(r"gave up after (\S+) s in \S+", error)
    if m:
        return f"took longer than the time budget ({m[1]} s)"
    if error.startswith(f"{STAGE} failed: "):
        return f"failed to render ({error[len(STAGE) + 9:]})"
    return f"could not be rendered ({error})"
