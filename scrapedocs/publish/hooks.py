"""MkDocs hooks of the site build (listed in mkdocs.yml; Zensical does without them).

- `OFFLINE=true` (set by `build_docs.py --offline`) builds the offline bundle: pages link
  to `.html` files and search uses a script index, so the unpacked bundle works from file://;
- pymdownx.snippets includes from the docs folder being built (`--docs DIR`), not from the
  working directory (mkdocs.yml's `base_path: docs` is the default Zensical reads);
- every build ends by indexing the site for search (`search.index_site`): Pagefind for the
  website, the script index for the offline bundle. The index of the site being replaced
  (`PREVIOUS_SEARCH`, set by `site.build_site`) gives the parts whose pages did not change.
"""
from __future__ import annotations

import os
from pathlib import Path


def offline() -> bool:
    return os.environ.get("OFFLINE", "").strip().lower() in ("1", "true", "yes", "on")


def on_config(config):
    if offline():
        config.use_directory_urls = False
    snippets = config.mdx_configs.get("pymdownx.snippets")
    if snippets is not None:
        snippets["base_path"] = [config.docs_dir]
    return config


#: The `pagefind/` folder of the site a build replaces, when there is one.
PREVIOUS_SEARCH = "SCRAPEDOCS_PREVIOUS_SEARCH"


def on_post_build(config):
    from scrapedocs.publish.search import index_site

    site = Path(config.site_dir)
    previous = Path(os.environ.get(PREVIOUS_SEARCH) or site / "pagefind")  # else a dirty build's own index
    index_site(site, offline_bundle=offline(), previous=previous if previous.is_dir() else None)
