"""The MkDocs plugin `scrapedocs` (`plugins: [scrapedocs]` in mkdocs.yml; Zensical runs no plugins).

What a site build needs beyond the theme, for `scrapedocs` and for `mkdocs build|serve|gh-deploy` alike:

- front matter is scraped text, never markup: every text value becomes escaped `Markup`
  before the theme prints it (Material prints titles and meta tags unescaped). The converter
  already writes every value inert (`scrapedocs.schema.inert`), which is what Zensical gets;
  this is the second layer, for pages edited by hand;
- `OFFLINE=true` (set by `--offline`) builds the offline bundle: pages link to `.html` files
  and search uses a script index, so the unpacked bundle works from file://;
- the home page's table is included from the docs folder being built (`--docs DIR`), not
  from the working directory (`scrapedocs.markdown`'s default `docs`, which Zensical reads);
- a project without `nav` gets the collection's navigation in the site's language
  (`scrapedocs.strings`); articles are never in it, and the converter's folders are not
  reported as missing from it (`not_in_nav`), nor the pages it names when a docs folder lacks
  them (made by hand, before the first conversion);
- its option `input` (default `seeds`) is the folder of scraped pages, for `scrapedocs`;
- every build ends by indexing the site for search (`search.index_site`): Pagefind for the
  website, the script index for the offline bundle. The index of the site being replaced
  (`PREVIOUS_SEARCH`, set by `site.build_site`) gives the parts whose pages did not change.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.plugins import BasePlugin
from pathspec.gitignore import GitIgnoreSpec


def offline() -> bool:
    return os.environ.get("OFFLINE", "").strip().lower() in ("1", "true", "yes", "on")


def escaped(value):
    """Text as escaped `Markup`, in a list too; `Markup` and other values as they are.

    >>> escaped('<b>"x"</b>'), escaped(["a&b", 3])
    (Markup('&lt;b&gt;&#34;x&#34;&lt;/b&gt;'), [Markup('a&amp;b'), 3])
    """
    if isinstance(value, str) and not isinstance(value, Markup):
        return escape(value)
    if isinstance(value, list):
        return [escaped(item) for item in value]
    return value


#: The `pagefind/` folder of the site a build replaces, when there is one.
PREVIOUS_SEARCH = "SCRAPEDOCS_PREVIOUS_SEARCH"


class ScrapedocsConfig(base.Config):
    input = c.Type(str, default="seeds")  # the folder of scraped pages, relative to mkdocs.yml (read by the CLI)


class ScrapedocsPlugin(BasePlugin[ScrapedocsConfig]):
    def on_config(self, config):
        from ..markdown import site_configs
        from ..strings import default_nav
        from .docs import GENERATED_DIRS

        if offline():
            config.use_directory_urls = False
        config.mdx_configs = site_configs(config.markdown_extensions, config.mdx_configs, config.docs_dir)
        if config.nav is None:
            config.nav = default_nav(config.theme["language"])
        generated = GitIgnoreSpec.from_lines([f"/{folder}/" for folder in GENERATED_DIRS])
        config.not_in_nav = generated + config.not_in_nav if config.not_in_nav else generated
        if config.validation.nav.not_found == logging.WARNING:  # MkDocs' default, not the project's choice
            # The navigation names pages the converter writes; a docs folder made by hand (a first
            # preview, a test) may lack them, which is no reason to stop a strict build.
            config.validation.nav.not_found = logging.INFO
        return config

    def on_page_markdown(self, markdown, *, page, config, files):
        for key, value in list(page.meta.items()):
            page.meta[key] = escaped(value)
        return markdown

    def on_post_build(self, *, config):
        from .search import index_site

        site = Path(config.site_dir)
        previous = Path(os.environ.get(PREVIOUS_SEARCH) or site / "pagefind")  # else a dirty build's own index
        done = index_site(site, offline_bundle=offline(), previous=previous if previous.is_dir() else None)
        self.indexed = {k: v for k, v in done.items() if k != "path"}  # the build's statistics say what was done
