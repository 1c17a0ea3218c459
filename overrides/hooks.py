"""MkDocs hook: front matter of generated pages is scraped text, never markup.

Material prints page titles (navigation, header, footer, <title>, search index)
and the description/author meta tags without escaping. Turning those values into
escaped `Markup` makes every place safe; templates that already apply `| e`
leave `Markup` alone, so nothing is escaped twice.
"""
from markupsafe import Markup, escape

FIELDS = ("title", "description", "author", "source", "editor", "date", "url", "source_file")


def on_page_markdown(markdown, *, page, config, files):
    for key in FIELDS:
        value = page.meta.get(key)
        if isinstance(value, str) and not isinstance(value, Markup):
            page.meta[key] = escape(value)
    return markdown
