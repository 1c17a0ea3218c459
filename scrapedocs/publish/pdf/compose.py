"""The whole collection as one HTML page: cover, contents, every page's article.

Ids are prefixed per document and links between pages become links inside the
PDF. Chromium prints the running header and footer (CSS `@page` margin boxes)
and the outline (bookmarks, from the headings).
"""
from __future__ import annotations

import html
import posixpath
from datetime import date
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ...model import GENERATED
from ..offline import PageInfo
from .fonts import CJK_FONT

PRINT_CSS = "pdf/print.css"  # under the theme's custom_dir (overrides/), copied into the site


SECTION_NAMES = {GENERATED: "文档", "cited": "被引文献", "indexes": "索引"}
#: Elements of the built pages that mean nothing on paper.
DROP = (
    "//a[contains(concat(' ', @class, ' '), ' headerlink ')]"
    " | //*[contains(concat(' ', @class, ' '), ' md-content__button ')]"
    " | //script | //form"
)


def pdf_pages(pages: list[PageInfo]) -> list[PageInfo]:
    """The pages the PDF holds: every page but the home page, whose table the contents replace."""
    return [p for p in pages if p.src != "index.md"]


def _section(page: PageInfo) -> str:
    return page.src.split("/", 1)[0] if "/" in page.src else ""


def _fragment_id(doc: int, frag: str = "") -> str:
    return f"d{doc}" + (f"-{frag}" if frag else "")


def _page_body(site_dir: Path, page: PageInfo, number: int, targets: dict[str, int]) -> str:
    """The built page's article, ids prefixed, links between pages made links inside the PDF."""
    import lxml.html

    tree = lxml.html.fromstring((site_dir / page.url).read_bytes())
    found = tree.xpath("//article[contains(concat(' ', @class, ' '), ' md-content__inner ')]")
    if not found:
        return f"<h1>{html.escape(page.title)}</h1>"
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
    h1 = article.find(".//h1")
    if h1 is not None:
        h1.set("id", _fragment_id(number))
    inner = "".join(lxml.html.tostring(child, encoding="unicode") for child in article)
    anchor = "" if h1 is not None else f'<h1 id="{_fragment_id(number)}">{html.escape(page.title)}</h1>'
    # A line above the title, also because Chromium's outline repeats the first line of a
    # heading that starts a page after a forced break.
    kicker = SECTION_NAMES.get(_section(page), "")
    return (f'<section class="pdf-doc pdf-{_section(page) or "page"}" data-doc="{number}">'
            f'<p class="pdf-kicker">{html.escape(kicker)}</p>{anchor}{inner}</section>')


def _cover(config, documents: int, built: date) -> str:
    description = config.get("site_description") or ""
    return (
        '<section class="pdf-cover">'
        f'<p class="pdf-cover-title">{html.escape(config["site_name"])}</p>'
        + (f'<p class="pdf-cover-description">{html.escape(description)}</p>' if description else "")
        + '<dl class="pdf-cover-facts">'
        f"<div><dt>文档数</dt><dd>{documents}</dd></div>"
        f"<div><dt>构建日期</dt><dd>{built.isoformat()}</dd></div>"
        + (f"<div><dt>网址</dt><dd>{html.escape(config['site_url'])}</dd></div>" if config.get("site_url") else "")
        + "</dl></section>"
    )


def _contents(pages: list[PageInfo], numbers: list[int] | None) -> str:
    rows, current = [], None
    for i, page in enumerate(pages):
        section = _section(page)
        if section != current:
            if current is not None:
                rows.append("</ol>")
            current = section
            name = SECTION_NAMES.get(section, section or "其他")
            rows.append(f'<p class="pdf-toc-section">{html.escape(name)}</p><ol>')
        number = str(numbers[i]) if numbers else "000"
        date_ = page.meta.get("date") if section == GENERATED else ""
        rows.append(
            f'<li><a href="#{_fragment_id(i)}"><span class="pdf-toc-title">{html.escape(page.title)}'
            + (f' <span class="pdf-toc-date">{html.escape(str(date_))}</span>' if date_ else "")
            + f'</span><span class="pdf-toc-leader"></span><span class="pdf-toc-page">{number}</span></a></li>'
        )
    rows.append("</ol>")
    # A <p>, not a heading: the outline lists the documents, not the contents page.
    return '<nav class="pdf-toc"><p class="pdf-toc-heading">目录</p>' + "".join(rows) + "</nav>"


def documents_html(site_dir: Path, pages: list[PageInfo]) -> str:
    """Every page's article, one section each, ready to follow the cover and the contents."""
    targets = {page.url: i for i, page in enumerate(pages)}
    return "".join(_page_body(site_dir, page, i, targets) for i, page in enumerate(pages))


def compose(site_dir: Path, config, pages: list[PageInfo], numbers: list[int] | None, built: date,
            fonts: dict[str, str] | None = None, body: str | None = None) -> str:
    """The whole collection as one HTML page in `site_dir` (its CSS links are relative to it).

    `fonts` maps a font weight to a font file relative to `site_dir`, declared as the CJK face;
    `body` is `documents_html(site_dir, pages)`, when already made.
    """
    documents = sum(1 for p in pages if _section(p) == GENERATED)
    css = sorted(p.relative_to(site_dir).as_posix()
                 for p in (site_dir / "assets" / "stylesheets").glob("main.*.min.css"))
    css += [str(c) for c in config.get("extra_css", [])] + [PRINT_CSS]
    links = "".join(f'<link rel="stylesheet" href="{html.escape(c)}">' for c in css)
    if body is None:
        body = documents_html(site_dir, pages)
    title = html.escape(config["site_name"])
    faces = "".join(f'@font-face {{ font-family: "{CJK_FONT}"; font-weight: {weight}; src: url("{file}"); }}'
                    for weight, file in sorted((fonts or {}).items()))
    header = config["site_name"].replace("\\", "\\\\").replace('"', '\\"')
    return (
        f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title>{links}'
        f'<style>{html.escape(faces, quote=False)}'
        f'@page {{ @top-center {{ content: "{html.escape(header, quote=False)}"; }} }}'
        "@page cover { @top-center { content: none; } }</style></head>"
        f'<body><div class="md-typeset pdf">{_cover(config, documents, built)}'
        f"{_contents(pages, numbers)}{body}</div></body></html>"
    )
