"""Search for the built site, read from its HTML (any theme, MkDocs or Zensical).

- `records`: what is searchable on each built page (`data-pagefind-*` attributes);
- `text`: the forms search compares (Traditional folded; Han text as overlapping pairs in
  the title parts, as characters in the text parts);
- `parts`: how the website's index is cut (bounded parts in rank order, stable cuts);
- `pagefind`: the website's index, re-indexing only the parts whose pages changed;
- `service`: Pagefind's indexing service (its extended build);
- `offline`: the offline bundle's index (a script that works from file://);
The `scrapedocs` MkDocs plugin (`publish/plugin.py`) runs `index_site` at the end of every build.

`python -m scrapedocs.publish.search SITE_DIR [--offline]` indexes a site built otherwise
(for example with `zensical build`).
"""
from __future__ import annotations

from pathlib import Path

from . import offline, pagefind
from .records import Record, read_records  # noqa: F401


def index_site(site_dir: Path, *, offline_bundle: bool = False, previous: Path | None = None) -> dict:
    """Index the built site in place: Pagefind for the website, a script for the offline bundle.

    `previous`: the `pagefind/` folder of an earlier build of the site (the site being
    replaced, or `site_dir/pagefind` itself): only the parts whose pages changed are
    indexed again (`pagefind.update`); the result is the same as without it.
    """
    site_dir = Path(site_dir)
    if offline_bundle:
        records = read_records(site_dir, directory_urls=False)
        return {"pages": len(records), "path": offline.write_index(records, site_dir)}
    return pagefind.update(site_dir, previous)
