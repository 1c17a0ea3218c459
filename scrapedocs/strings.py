"""The interface's words in the site's language (`theme.language` in mkdocs.yml; Chinese by default).

One table for everything the site prints around the scraped text — the pages the converter
writes (navigation, browse and index pages, 被引用, the home page's table, the PDF), the
metadata and cite blocks of the templates, the scripts' messages: `theme/partials/strings.html`,
a Jinja file the templates import and this module reads (its body is JSON). Scraped text never
goes through it; a page keeps its own `lang`, the words around it are the site's.

>>> words("en")("list.page_of", number=2, total=5)
'Page 2 of 5'
>>> words("zh")("nav.home"), words("zh-Hant").language, words("fr").language
('首页', 'zh', 'en')
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

TABLE = Path(__file__).resolve().parent / "theme" / "partials" / "strings.html"
DEFAULT = "zh"  # the site's language when mkdocs.yml names none
FALLBACK = "en"  # for a language the table does not have


@lru_cache(maxsize=1)
def table() -> dict[str, dict[str, dict[str, str]]]:
    """Language → group → key → text, as the templates see it."""
    text = TABLE.read_text(encoding="utf-8")
    body = re.search(r"\{%-?\s*set strings\s*=\s*(\{.*\})\s*-?%\}", text, re.S)
    if body is None:
        raise ValueError(f"{TABLE}: no `{{% set strings = {{…}} %}}`")
    return json.loads(body[1])


def language_of(language: str | None) -> str:
    """The table's language for a `theme.language` (zh-Hant → zh; one it lacks → en).

    >>> language_of(None), language_of("zh-TW"), language_of("EN"), language_of("de")
    ('zh', 'zh', 'en', 'en')
    """
    languages = table()
    code = (language or DEFAULT).strip().lower()
    if code in languages:
        return code
    base = re.split(r"[-_]", code)[0]
    return base if base in languages else FALLBACK


@dataclass(frozen=True)
class Words:
    """The table of one language: `w("group.key", **values)`."""

    language: str

    def __call__(self, key: str, **values) -> str:
        group, _, name = key.partition(".")
        text = table()[self.language][group][name]
        return text.format(**values) if values else text


@lru_cache(maxsize=None)
def words(language: str | None = None) -> Words:
    return Words(language_of(language))


def of(config) -> Words:
    """The words of a build (`BuildConfig.language`; Chinese for a config without one)."""
    return words(getattr(config, "language", None))


def default_nav(language: str | None = None) -> list:
    """The navigation of a collection, labelled in `language`: home, browse, cited, indexes.

    Articles are never in it (every page would list the whole collection): readers reach them
    from the home table, the browse pages, the indexes, search and links.

    >>> default_nav("en")[:2]
    [{'Home': 'index.md'}, {'Browse': [{'By year': 'browse/year.md'}, {'By issuer': 'browse/issuer.md'}, {'By type': 'browse/type.md'}, {'By source': 'browse/source.md'}]}]
    """
    w = words(language)
    return [
        {w("nav.home"): "index.md"},
        {w("nav.browse"): [{w(f"nav.by_{facet}"): f"browse/{facet}.md"}
                           for facet in ("year", "issuer", "type", "source")]},
        {w("nav.cited"): "cited/index.md"},
        {w("nav.indexes"): [{w(f"nav.{name}"): f"indexes/{name}.md"} for name in ("people", "organisations", "tags")]},
    ]
