"""A volume of the collection as one HTML page: cover, contents, every page's article, the appendix.

Ids are prefixed per document and links between pages become links inside the
PDF. Chromium prints the running header and footer (CSS `@page` margin boxes)
and the outline (bookmarks, from the headings). Chromium has no `string-set`,
so each document gets a named page (`page: d7`) whose header is its title.
Cited documents the collection does not hold as a page of their own are short:
they are listed together in one appendix, not one page each. A large
collection is cut into volumes of at most N documents (`volumes`), each a PDF
of its own with its own contents and appendix.
"""
from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ...model import GENERATED
from ...strings import Words, words as _words
from ..offline import PageInfo
from .fonts import CJK_FONT

PRINT_CSS = "pdf/print.css"  # in the theme (scrapedocs/theme/pdf/), copied into the site

#: The word (`strings`, pdf.<name>) above a page of each section of the site.
SECTION_NAMES = {GENERATED: "documents", "cited": "cited", "indexes": "indexes"}
#: Elements of the built pages that mean nothing on paper (the copyable citations among them).
DROP = (
    "//a[contains(concat(' ', @class, ' '), ' headerlink ')]"
    " | //details[contains(concat(' ', @class, ' '), ' cite ')]"
    " | //*[contains(concat(' ', @class, ' '), ' md-content__button ')]"
    " | //script | //form"
)


def pdf_pages(pages: list[PageInfo]) -> list[PageInfo]:
    """The pages the PDF holds, in the site's order: every page but the home page, whose table the
    contents replace; the documents newest first, then by title, as the home table and the browse
    pages list them (volumes are then runs of dates)."""
    pages = [p for p in pages if p.src != "index.md"]
    documents = sorted((p for p in pages if _section(p) == GENERATED), key=lambda p: str(p.meta.get("title") or ""))
    documents.sort(key=lambda p: str(p.meta.get("date") or ""), reverse=True)
    order = iter(documents)
    return [next(order) if _section(p) == GENERATED else p for p in pages]


def _section(page: PageInfo) -> str:
    return page.src.split("/", 1)[0] if "/" in page.src else ""


CITED = "cited"


def is_cited_entry(page: PageInfo) -> bool:
    """A cited document's page (cited/<key>.md): one entry of the appendix, not a chapter."""
    return _section(page) == CITED and posixpath.basename(page.src) != "index.md"


@dataclass
class Volume:
    """What one PDF holds: pages in the site's order (`pdf_pages`), then the appendix of cited documents."""

    pages: list[PageInfo]
    appendix: list[PageInfo] = field(default_factory=list)
    number: int = 1
    count: int = 1
    words: Words = field(default_factory=_words)  # the site's language

    @property
    def all_pages(self) -> list[PageInfo]:
        return self.pages + self.appendix


@dataclass
class Unit:
    """A line of the contents and a named page of the PDF: a document, or the appendix."""

    key: str  # data-doc of its section, and its named page
    title: str
    section: str
    date: str = ""

    @property
    def anchor(self) -> str:
        return _fragment_id(self.key)


def units(volume: Volume) -> list[Unit]:
    out = [Unit(str(i), page.title, _section(page), str(page.meta.get("date") or "") if _section(page) == GENERATED else "")
           for i, page in enumerate(volume.pages)]
    if volume.appendix:
        w = volume.words
        out.append(Unit("appendix", w("pdf.appendix_count", title=w("pdf.appendix_title"), count=len(volume.appendix)),
                        "appendix"))
    return out


def _links(site_dir: Path, page: PageInfo) -> set[str]:
    """Site-relative URLs of the pages a built page links to."""
    import lxml.html

    tree = lxml.html.fromstring((site_dir / page.url).read_bytes())
    base = posixpath.dirname(page.url)
    found = set()
    for href in tree.xpath("//article//a/@href"):
        parts = urlsplit(href)
        if not parts.scheme and not parts.netloc and parts.path:
            target = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
            found.add(target + "index.html" if target.endswith("/") else target)
    return found


def volumes(site_dir: Path, pages: list[PageInfo], size: int | None, words: Words | None = None) -> list[Volume]:
    """The collection cut into PDFs of at most `size` documents each (None: one PDF).

    One volume holds every page but the home page, the cited documents in its
    appendix. Several volumes each hold their run of documents, in navigation
    order (newest first), and in their appendix the cited documents those documents link to;
    the collection-wide pages (indexes, the list of cited documents) stay on the
    website, as they describe all volumes at once. `words`: the site's language (`strings`).
    """
    words = words or _words()
    pages = pdf_pages(pages)
    cited = [p for p in pages if is_cited_entry(p)]
    articles = [p for p in pages if _section(p) == GENERATED]
    if not size or len(articles) <= size:
        return [Volume([p for p in pages if not is_cited_entry(p)], cited, words=words)]
    chunks = [articles[i:i + size] for i in range(0, len(articles), size)]
    by_url = {p.url: p for p in cited}
    out = []
    for k, chunk in enumerate(chunks, start=1):
        linked = set().union(*(_links(site_dir, p) for p in chunk))
        out.append(Volume(chunk, [by_url[u] for u in sorted(linked & by_url.keys(), key=list(by_url).index)],
                          k, len(chunks), words))
    return out


def _fragment_id(doc: int | str, frag: str = "") -> str:
    return f"d{doc}" + (f"-{frag}" if frag else "")


#: Latin text inside a Chinese page (an English title or quote): set in a Latin face, so that its
#: quotes are Latin quotes, not the full-width ones of the CJK face.
_LATIN_RUN = re.compile(r"[“‘\"']?[A-Za-z][A-Za-z0-9,.;:!?'’“”\"()%&/ -]*[A-Za-z0-9.)’”\"']")
MIN_LATIN_WORDS = 2


def mark_latin(element) -> None:
    """Wrap runs of Latin words in the text of `element` and its descendants in `<span lang="en">`."""
    import lxml.html

    def split(text: str) -> list:
        parts, pos = [], 0
        for m in _LATIN_RUN.finditer(text):
            if len(m[0].split()) < MIN_LATIN_WORDS:
                continue
            parts.append(text[pos:m.start()])
            span = lxml.html.Element("span", lang="en")
            span.text = m[0]
            parts.append(span)
            pos = m.end()
        parts.append(text[pos:])
        return parts

    for el in list(element.iter()):
        if not isinstance(el.tag, str) or el.tag in ("code", "pre", "script", "style") or el.get("lang"):
            continue
        if el.text and _LATIN_RUN.search(el.text):
            parts = split(el.text)
            el.text = parts[0]
            for k, part in enumerate(parts[1::2]):
                part.tail = parts[2 + 2 * k]
                el.insert(k, part)
        if el.tail and el.getparent() is not None and _LATIN_RUN.search(el.tail):
            parts = split(el.tail)
            el.tail = parts[0]
            parent, at = el.getparent(), el.getparent().index(el)
            for k, part in enumerate(parts[1::2]):
                part.tail = parts[2 + 2 * k]
                parent.insert(at + 1 + k, part)


def _article(site_dir: Path, page: PageInfo, number: int, targets: dict[str, int]):
    """The built page's article element, ids prefixed, links between pages made links inside the PDF."""
    import lxml.html

    tree = lxml.html.fromstring((site_dir / page.url).read_bytes())
    found = tree.xpath("//article[contains(concat(' ', @class, ' '), ' md-content__inner ')]")
    if not found:
        return None
    article = found[0]
    for el in article.xpath(DROP):
        el.drop_tree()
    for el in article.xpath(".//*[@id]"):
        el.set("id", _fragment_id(number, el.get("id")))
    base = posixpath.dirname(page.url)
    for el in article.xpath(".//a[@href]"):
        href = el.get("href")
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            continue  # another site: kept as is
        if not parts.path:
            el.set("href", "#" + _fragment_id(number, unquote(parts.fragment)))
            continue
        target = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
        if target.endswith("/"):
            target += "index.html"
        if target in targets:
            el.set("href", "#" + _fragment_id(targets[target], unquote(parts.fragment)))
        else:  # a page the PDF does not hold (the home page, the tags file): plain text
            el.attrib.pop("href")
    for el in article.xpath(".//img[@src]"):
        src = el.get("src")
        if not urlsplit(src).scheme:
            el.set("src", posixpath.normpath(posixpath.join(base, src)))
    if str(page.meta.get("lang") or "zh") != "en":
        mark_latin(article)
    return article


def _inner(article) -> str:
    import lxml.html

    return "".join(lxml.html.tostring(child, encoding="unicode") for child in article)


def _lang(page: PageInfo) -> str:
    lang = str(page.meta.get("lang") or "")
    return f' lang="{html.escape(lang)}"' if re.fullmatch(r"[a-z]{2}(?:-[A-Za-z]{2,4})?", lang) else ""


def _page_body(site_dir: Path, page: PageInfo, number: int, targets: dict[str, int], words: Words) -> str:
    """A page as a section of its own, starting on a new page under its own running header."""
    article = _article(site_dir, page, number, targets)
    if article is None:
        return (f'<section class="pdf-doc" data-doc="{number}"><h1 id="{_fragment_id(number)}">'
                f"{html.escape(page.title)}</h1></section>")
    h1 = article.find(".//h1")
    if h1 is not None:
        h1.set("id", _fragment_id(number))
    anchor = "" if h1 is not None else f'<h1 id="{_fragment_id(number)}">{html.escape(page.title)}</h1>'
    # A line above the title, also because Chromium's outline repeats the first line of a
    # heading that starts a page after a forced break.
    kicker = words(f"pdf.{SECTION_NAMES[_section(page)]}") if _section(page) in SECTION_NAMES else ""
    return (f'<section class="pdf-doc pdf-{_section(page) or "page"}" data-doc="{number}"{_lang(page)}>'
            f'<p class="pdf-kicker">{html.escape(kicker)}</p>{anchor}{_inner(article)}</section>')


def _entry(site_dir: Path, page: PageInfo, number: int, targets: dict[str, int]) -> str:
    """A cited document as an entry of the appendix: its headings one level down, no page break."""
    article = _article(site_dir, page, number, targets)
    if article is None:
        return f'<h2 id="{_fragment_id(number)}">{html.escape(page.title)}</h2>'
    for level in range(5, 0, -1):
        for el in article.iter(f"h{level}"):
            el.tag = f"h{level + 1}"
    h2 = article.find(".//h2")
    if h2 is not None:
        h2.set("id", _fragment_id(number))
        return f'<div class="pdf-entry"{_lang(page)}>{_inner(article)}</div>'
    return (f'<div class="pdf-entry"{_lang(page)}><h2 id="{_fragment_id(number)}">{html.escape(page.title)}</h2>'
            f"{_inner(article)}</div>")


def _escaped(words: Words):
    """`words` as HTML text."""
    return lambda key, **values: html.escape(words(key, **values))


def _cover(config, volume: Volume, built: date) -> str:
    w = _escaped(volume.words)
    description = config.get("site_description") or ""
    documents = sum(1 for p in volume.pages if _section(p) == GENERATED)
    volume_of = w("pdf.volume_of", number=volume.number, count=volume.count)
    part = f"<div><dt>{w('pdf.volume')}</dt><dd>{volume_of}</dd></div>" if volume.count > 1 else ""
    return (
        '<section class="pdf-cover">'
        f'<p class="pdf-cover-title">{html.escape(config["site_name"])}</p>'
        + (f'<p class="pdf-cover-description">{html.escape(description)}</p>' if description else "")
        + '<dl class="pdf-cover-facts">'
        + part
        + f"<div><dt>{w('pdf.document_count')}</dt><dd>{documents}</dd></div>"
        f"<div><dt>{w('pdf.built')}</dt><dd>{built.isoformat()}</dd></div>"
        + (f"<div><dt>{w('pdf.url')}</dt><dd>{html.escape(config['site_url'])}</dd></div>"
           if config.get("site_url") else "")
        + "</dl></section>"
    )


def _contents(items: list[Unit], numbers: list[int] | None, words: Words) -> str:
    rows, current = [], None
    for i, unit in enumerate(items):
        if unit.section != current:
            if current is not None:
                rows.append("</ol>")
            current = unit.section
            name = words(f"pdf.{SECTION_NAMES.get(unit.section, 'other')}") if unit.section != "appendix" \
                else words("pdf.appendix")
            rows.append(f'<p class="pdf-toc-section">{html.escape(name)}</p><ol>')
        number = str(numbers[i]) if numbers else "000"
        rows.append(
            f'<li><a href="#{unit.anchor}"><span class="pdf-toc-title">{html.escape(unit.title)}'
            + (f' <span class="pdf-toc-date">{html.escape(unit.date)}</span>' if unit.date else "")
            + f'</span><span class="pdf-toc-leader"></span><span class="pdf-toc-page">{number}</span></a></li>'
        )
    rows.append("</ol>")
    # A <p>, not a heading: the outline lists the documents, not the contents page.
    heading = html.escape(words("pdf.contents"))
    return f'<nav class="pdf-toc"><p class="pdf-toc-heading">{heading}</p>' + "".join(rows) + "</nav>"


def documents_html(site_dir: Path, volume: Volume) -> str:
    """Every page's article, one section each, then the appendix: ready to follow the cover and contents."""
    pages = volume.all_pages
    targets = {page.url: i for i, page in enumerate(pages)}
    w = volume.words
    body = "".join(_page_body(site_dir, page, i, targets, w) for i, page in enumerate(volume.pages))
    if volume.appendix:
        w = _escaped(w)
        start = len(volume.pages)
        entries = "".join(_entry(site_dir, page, start + k, targets) for k, page in enumerate(volume.appendix))
        body += ('<section class="pdf-doc pdf-appendix" data-doc="appendix">'
                 f'<p class="pdf-kicker">{w("pdf.appendix")}</p>'
                 f'<h1 id="{_fragment_id("appendix")}">{w("pdf.appendix_title")}</h1>'
                 f'<p class="pdf-appendix-note">{w("pdf.appendix_note")}</p>'
                 f"{entries}</section>")
    return body


def css_string(text: str) -> str:
    """`text` as a quoted CSS string, safe inside a <style> element.

    >>> print(css_string('规划"</style>'))
    "规划\\22 \\3c /style\\3e "
    """
    out = []
    for c in text:
        if c in '"\\<>&' or ord(c) < 0x20 or ord(c) == 0x7f:
            out.append(f"\\{ord(c):x} ")
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


MAX_HEADER = 56  # width of the running header, in Latin letters (a Han character counts two)


def _header(title: str) -> str:
    """The title cut to what fits on one line of the running header."""
    width, out = 0, []
    for c in title:
        width += 2 if ord(c) > 0x2e7f else 1
        if width > MAX_HEADER:
            return "".join(out).rstrip() + "…"
        out.append(c)
    return title


def running_headers(items: list[Unit]) -> str:
    """CSS giving each document a named page whose header is its title (Chromium has no string-set)."""
    rules = []
    for unit in items:
        title = _header(unit.title)
        rules.append(f'.pdf-doc[data-doc="{unit.key}"] {{ page: p{unit.key}; }}'
                     f"@page p{unit.key} {{ @top-center {{ content: {css_string(title)}; }} }}")
    return "".join(rules)


#: The `lang` of the composed page, by the site's language.
LANG = {"zh": "zh-CN", "en": "en"}


def footer(words: Words) -> str:
    """The running footer (pdf.footer: page {page} of {pages}) as CSS `content`.

    >>> from scrapedocs.strings import words
    >>> footer(words("en"))
    '"Page " counter(page) " of " counter(pages)'
    """
    parts = re.split(r"(\{page\}|\{pages\})", words("pdf.footer"))
    out = [{"{page}": "counter(page)", "{pages}": "counter(pages)"}.get(p) or css_string(p) for p in parts if p]
    return " ".join(out)


def stylesheets(site_dir: Path) -> list[str]:
    """The stylesheets the site's pages link (the theme's, the project's extra_css), relative to the site."""
    import lxml.html

    home = site_dir / "index.html"
    if not home.is_file():
        return []
    hrefs = lxml.html.fromstring(home.read_bytes()).xpath("//head/link[@rel='stylesheet']/@href")
    return [posixpath.normpath(h) for h in hrefs if not urlsplit(h).scheme and not h.startswith("/")]


def compose(site_dir: Path, config, volume: Volume, numbers: list[int] | None, built: date,
            fonts: dict[str, str] | None = None, body: str | None = None) -> str:
    """A volume as one HTML page in `site_dir` (its CSS links are relative to it).

    `fonts` maps a font weight to a font file relative to `site_dir`, declared as the CJK face;
    `body` is `documents_html(site_dir, volume)`, when already made.
    """
    css = stylesheets(site_dir) + [PRINT_CSS]
    links = "".join(f'<link rel="stylesheet" href="{html.escape(c)}">' for c in css)
    w = volume.words
    if body is None:
        body = documents_html(site_dir, volume)
    items = units(volume)
    title = html.escape(config["site_name"])
    faces = "".join(f'@font-face {{ font-family: "{CJK_FONT}"; font-weight: {weight}; src: url("{file}"); }}'
                    for weight, file in sorted((fonts or {}).items()))
    return (
        f'<!doctype html><html lang="{LANG[w.language]}"><head><meta charset="utf-8"><title>{title}</title>{links}'
        f'<style>{html.escape(faces, quote=False)}'
        f"@page {{ @top-center {{ content: {css_string(config['site_name'])}; }} "
        f"@bottom-center {{ content: {footer(w)}; }} }}"
        f"@page cover {{ @top-center {{ content: none; }} @bottom-center {{ content: none; }} }}"
        f"{running_headers(items)}</style></head>"
        f'<body><div class="md-typeset pdf">{_cover(config, volume, built)}'
        f"{_contents(items, numbers, w)}{body}</div></body></html>"
    )
