"""MkDocs hook: front matter of generated pages is scraped text, never markup.

Material prints page titles (navigation, header, footer, <title>, search index)
and the description/author meta tags without escaping. The converter already
writes every value inert (`scrapedocs.schema.inert`: no < > & " '), since
Zensical does not run MkDocs hooks; this hook is the second layer, for pages
edited by hand: every text value, in a list too (tags), becomes escaped
`Markup`. Templates that already apply `| e` leave `Markup` alone, so nothing
is escaped twice.
"""
from markupsafe import Markup, escape


def _escaped(value):
    if isinstance(value, str) and not isinstance(value, Markup):
        return escape(value)
    if isinstance(value, list):
        return [_escaped(item) for item in value]
    return value


def on_page_markdown(markdown, *, page, config, files):
    for key, value in list(page.meta.items()):
        page.meta[key] = _escaped(value)
    return markdown
