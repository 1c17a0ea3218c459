"""The Markdown extension `scrapedocs.markdown`: every extension the converter's pages are written for.

One name in a project's `markdown_extensions`, read by MkDocs and Zensical alike (both load
Python-Markdown extensions, neither runs the other's plugins), so that a package upgrade that
needs another extension reaches every project. Like `pymdownx.extra`, it registers others:

- `tables`, `attr_list` (the `{ #browse-all }` of the home table), `md_in_html` (generated
  link lists in `<div data-pagefind-ignore markdown>`), `admonition` (the cited-document
  pages' note);
- `pymdownx.snippets` from `base_path` (default `docs`; the MkDocs plugin sets the docs
  folder being built): the home page includes the generated table `articles/_table.md`;
- `scrapedocs.anchors`: `#六`, `#第十条`, anchors from numbering, stable when text is added;
- permalinks (¶) on headings: the builder's own `toc` extension, with `permalink` turned on
  unless `permalinks: false`;
- Python-Markdown's inline step made faster, with the same output (`markdown_speedups`;
  `speedups: false` turns it off).
"""
from __future__ import annotations

from markdown import Extension
from markdown.extensions.attr_list import AttrListExtension
from markdown.extensions.admonition import AdmonitionExtension
from markdown.extensions.md_in_html import MarkdownInHtmlExtension
from markdown.extensions.tables import TableExtension
from markdown.extensions.toc import TocExtension

from .anchors import AnchorsExtension
from .markdown_speedups import speed_up

#: The names a project may list this extension under.
NAMES = ("scrapedocs.markdown",)


class ScrapedocsExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "base_path": ["docs", "Folder the home page's generated table is included from (the docs folder)"],
            "permalinks": [True, "A ¶ link on every heading (the builder's toc extension)"],
            "speedups": [True, "Python-Markdown's inline step made faster, the same output (markdown_speedups)"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md) -> None:  # noqa: N802 (Python-Markdown's name)
        from pymdownx.snippets import SnippetExtension

        base = self.getConfig("base_path")
        md.registerExtensions([
            TableExtension(), AttrListExtension(), MarkdownInHtmlExtension(), AdmonitionExtension(),
            SnippetExtension(base_path=base if isinstance(base, list) else [base], check_paths=True),
            AnchorsExtension(),
        ], {})
        if self.getConfig("permalinks"):
            _permalinks(md)
        if self.getConfig("speedups"):
            speed_up(md)


def _permalinks(md) -> None:
    """Turn on `permalink` in the toc extension the builder registered (both register it first)."""
    for ext in md.registeredExtensions:
        if isinstance(ext, TocExtension) and not ext.getConfig("permalink"):
            ext.setConfig("permalink", True)
            md.treeprocessors.register(ext.TreeProcessorClass(md, ext.getConfigs()), "toc", 5)


def site_configs(names: list[str], configs: dict, docs_dir: str) -> dict:
    """The extensions' options a site is built with: `configs` (mkdocs.yml's), this extension's
    `base_path` set to the docs folder being built (the scrapedocs plugin's doing, repeated by
    the pages pass that renders pages as the site will).

    >>> site_configs(["toc", "scrapedocs.markdown"], {}, "/p/docs")
    {'scrapedocs.markdown': {'base_path': '/p/docs'}}
    """
    for name in NAMES:
        if name in names:
            configs.setdefault(name, {})["base_path"] = docs_dir
    return configs


def makeExtension(**kwargs) -> ScrapedocsExtension:  # noqa: N802 (Python-Markdown's entry point)
    return ScrapedocsExtension(**kwargs)
