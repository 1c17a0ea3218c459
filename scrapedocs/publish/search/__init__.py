"""Search for the built site, read from its HTML (any theme, MkDocs or Zensical).

- `records`: what is searchable on each built page (`data-pagefind-*` attributes);
- `text`: the forms search compares (Traditional folded, Han characters as words);
- `pagefind`: the website's index (Pagefind's extended build);
- `offline`: the offline bundle's index (a script that works from file://);
The `scrapedocs` MkDocs plugin (`publish/plugin.py`) runs `index_site` at the end of every build.

`python -m scrapedocs.publish.search SITE_DIR [--offline]` indexes a site built otherwise
(for example with `zensical build`).
"""
from __future__ import annotations

from pathlib import Path

from . import offline, pagefind
from .records import Record, read_records  # noqa: F401


def index_site(site_dir: Path, *, offline_bundle: bool = False) -> dict:
    """Index the built site in place: Pagefind for the website, a script for the offline bundle."""
    site_dir = Path(site_dir)
    records = read_records(site_dir, directory_urls=not offline_bundle)
    if offline_bundle:
        path = offline.write_index(records, site_dir)
    else:
        path = pagefind.write_index(records, site_dir)
    return {"pages": len(records), "path": path}
