"""The `scrapedocs` theme: Material for MkDocs with the templates, scripts and styles of a collection.

Registered as the MkDocs theme `scrapedocs` (entry point `mkdocs.themes`), which both MkDocs
and Zensical resolve to this folder; `mkdocs_theme.yml` says it extends `material` and sets
the options every collection shares (no fonts from another host, the features the partials
rely on, Chinese unless the project says otherwise). A project names it in its `mkdocs.yml`
(`theme: {name: scrapedocs}`), so upgrading the package upgrades every project's site.
What the templates need beyond Material's options lives in the templates themselves
(`partials/strings.html`, the list pages `main.html` leaves out of search): Zensical passes
no unknown theme option to them.
"""
from pathlib import Path

THEME_DIR = Path(__file__).resolve().parent
