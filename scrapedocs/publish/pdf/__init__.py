"""The PDF of the whole collection, printed by headless Chromium from the offline build.

`compose` makes one HTML page of the built pages, in the site's order (`pdf_pages`), behind a cover
and a table of contents; `chromium` prints it (`--print-to-pdf`, with the outline from
the headings); `fonts` makes the CJK face embeddable; `outline` reads and mends the
result. Page numbers in the table of contents take two passes: the first print tells on
which page each document starts (the page of the named destination Chromium makes for
each title the contents link to), the second prints the numbers. The number boxes have
a fixed width, so filling them in moves nothing.

At 10,000 documents one PDF is impractical (1,000 took 195 s and 3,758 pages), so
`--pdf-volume N` cuts the collection into volumes of at most N documents
(default 500), each a PDF with its own cover, contents and appendix.

A missing system dependency (Chromium, the Noto CJK fonts) raises `OutputError`, whose
message names the Debian package to install.
"""
from __future__ import annotations

import html
import string
from datetime import date
from pathlib import Path

from ...strings import words
from ..errors import OutputError  # noqa: F401
from ..offline import PageInfo
from .chromium import find_chromium, print_pdf
from .compose import Volume, compose, documents_html, pdf_pages, units, volumes  # noqa: F401
from .fonts import cjk_font_files, embeddable_font
from .outline import fix_outline, headings, outline, start_pages  # noqa: F401


def site_words(config):
    """The words of the site's language (theme.language) for what the PDF adds: cover, contents, footer."""
    return words(config["theme"]["language"])


def check_pdf_dependencies() -> str:
    """Chromium's path, after checking the CJK font too; OutputError naming the package otherwise."""
    chromium = find_chromium()
    cjk_font_files()
    return chromium


def build_pdf(site_dir: Path, config, pages: list[PageInfo] | Volume, pdf_file: Path, chromium: str,
              built: date | None = None) -> Path:
    """Print a volume (or every page) twice: once to learn the start pages, once with them in the contents."""
    built = built or date.today()
    volume = pages if isinstance(pages, Volume) else volumes(site_dir, pages, None, site_words(config))[0]
    pages = units(volume)
    html_file = site_dir / "_print.html"
    pdf_file.parent.mkdir(parents=True, exist_ok=True)
    partial = pdf_file.with_name(pdf_file.name + ".part")
    try:
        body = documents_html(site_dir, volume)
        first = compose(site_dir, config, volume, None, built, body=body)
        text = html.unescape(first) + string.printable + volume.words("pdf.footer")  # + the running footer's words
        fonts = {weight: embeddable_font(source, text, site_dir / "_pdf" / f"cjk-{weight}.ttf")
                 for weight, source in cjk_font_files().items()}
        fonts = {weight: path.relative_to(site_dir).as_posix() for weight, path in fonts.items()}
        html_file.write_text(compose(site_dir, config, volume, None, built, fonts, body), encoding="utf-8")
        print_pdf(chromium, html_file, partial)
        numbers = start_pages(partial, pages)
        html_file.write_text(compose(site_dir, config, volume, numbers, built, fonts, body), encoding="utf-8")
        print_pdf(chromium, html_file, partial)
        if start_pages(partial, pages) != numbers:
            raise OutputError("the documents moved between the two PDF passes")
        fix_outline(partial, headings(html_file.read_text(encoding="utf-8")))
        partial.replace(pdf_file)
    finally:
        html_file.unlink(missing_ok=True)
        partial.unlink(missing_ok=True)
    return pdf_file
