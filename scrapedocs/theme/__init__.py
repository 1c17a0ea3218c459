"""The `scrapedocs` theme: Material for MkDocs with the templates, scripts and styles of a collection.

Registered as the MkDocs theme `scrapedocs` (entry point `mkdocs.themes`), which both MkDocs
and Zensical resolve to this folder; `mkdocs_theme.yml` says it extends `material` and sets
the options every collection shares (fonts from the site itself, the features the
partials rely on, the list pages search leaves out). A project names it in its `mkdocs.yml`
(`theme: {name: scrapedocs}`), so upgrading the package upgrades every project's site.
"""
from pathlib import Path

THEME_DIR = Path(__file__).resolve().parent
