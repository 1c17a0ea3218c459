"""Other outputs of the same docs/: an offline HTML bundle and a PDF of the whole collection.

Both start from one MkDocs build of `docs/` with Material's offline plugin switched on
(`OFFLINE=true`, read by mkdocs.yml): pages link to `.html` files, the search index is
inlined into a script, and the iframe-worker shim shipped in `overrides/` (listed in
`extra.polyfills`) lets search run from `file://`, where browsers refuse web workers.

- The bundle is that build zipped under one top folder: `dist/<name>-offline.zip`.
- The PDF is printed by headless Chromium from one HTML file composed from the built
  pages, in navigation order, behind a cover and a table of contents: ids are prefixed
  per document and links between pages become links inside the PDF. Chromium prints the
  running header and footer (CSS `@page` margin boxes) and the outline (bookmarks, from
  the headings: `--generate-pdf-document-outline`). Page numbers in the table of contents
  take two passes: the first print tells on which page each document starts (the page of
  the named destination Chromium makes for each title the contents link to), the second
  prints the numbers. The number boxes have a fixed width, so filling them in moves nothing.
- The text is set in Noto Sans CJK SC (Debian's fonts-noto-cjk), named in the CSS: left to
  fontconfig, `lang="zh"` text may get the Japanese face. Chromium embeds that CFF font as
  nameless Type 3 glyphs, so the build subsets it to the characters used and converts the
  outlines to TrueType (fontTools): the PDF then embeds `NotoSansCJKsc-Regular` and `-Bold`.

A missing system dependency (Chromium, the Noto CJK fonts) raises `OutputError`, whose
message names the Debian package to install.
"""
from __future__ import annotations

import html
import os
import posixpath
import re
import shutil
import string
import subprocess
import tempfile
import time
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .model import GENERATED

#: Flags for every Chromium launch: no sandbox (root, containers), no network chatter.
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
#: The CJK face the PDF is set in. Named explicitly: left to fontconfig, `lang="zh"` text
#: may come out in the Japanese face of the same collection.
CJK_FONT = "Noto Sans CJK SC"
PRINT_CSS = "pdf/print.css"  # under the theme's custom_dir (overrides/), copied into the site
PRINT_TIMEOUT = 1800  # seconds for one Chromium print


class OutputError(Exception):
    """An output cannot be made; the message says what to install or fix."""


@dataclass
class PageInfo:
    src: str  # docs-relative source path, e.g. "articles/x.md"
    url: str  # site-relative URL of the built file, e.g. "articles/x.html"
    title: str
    meta: dict = field(default_factory=dict)


# --- system dependencies --------------------------------------------------------------------

def find_chromium() -> str:
    """The Chromium executable: $CHROMIUM, else the first of CHROMIUM_NAMES on PATH."""
    env = os.environ.get("CHROMIUM")
    candidates = [env] if env else [shutil.which(name) for name in CHROMIUM_NAMES]
    for path in candidates:
        if path and os.access(path, os.X_OK):
            return path
    raise OutputError(
        "the PDF is printed by Chromium, which was not found"
        + (f" at CHROMIUM={env}" if env else " on PATH")
        + ": install it (Debian: `sudo apt-get install chromium`) or set CHROMIUM to its path"
    )


def cjk_font_files() -> dict[str, tuple[str, int]]:
    """Font file and index in it of the regular and bold Simplified Chinese faces (fontconfig)."""
    found = {}
    for weight, style in (("400", "Regular"), ("700", "Bold")):
        try:
            out = subprocess.run(
                ["fc-match", "-f", "%{family}\t%{file}\t%{index}", f"{CJK_FONT}:style={style}"],
                capture_output=True, text=True, timeout=60).stdout
        except (OSError, subprocess.SubprocessError):
            out = ""
        family, _, rest = out.partition("\t")
        file, _, index = rest.partition("\t")
        if CJK_FONT not in family.split(",") or not os.path.isfile(file):
            raise OutputError(
                f"the PDF needs the font {CJK_FONT!r}, which fontconfig does not find: "
                "install it (Debian: `sudo apt-get install fonts-noto-cjk`)"
            )
        found[weight] = (file, int(index or 0))
    return found


def embeddable_font(source: tuple[str, int], text: str, out: Path) -> Path:
    """The face subset to the characters of `text`, its CFF outlines turned into TrueType ones.

    Chromium (Skia) embeds CFF-flavoured OpenType fonts, such as the Noto CJK collection,
    as nameless Type 3 fonts; it embeds TrueType outlines as a real (CID TrueType) font
    that PDF readers and `pdffonts` name. Subsetting first keeps this to a second or two.
    """
    from fontTools import subset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable

    font = TTFont(source[0], fontNumber=source[1])
    options = subset.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.desubroutinize = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    if "CFF " in font:
        order = font.getGlyphOrder()
        glyph_set = font.getGlyphSet()
        glyphs = {}
        for name in order:
            pen = TTGlyphPen(glyph_set)
            glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
            glyphs[name] = pen.glyph()
        font["loca"] = newTable("loca")
        glyf = font["glyf"] = newTable("glyf")
        glyf.glyphOrder, glyf.glyphs = order, glyphs
        del font["CFF "]
        if "VORG" in font:
            del font["VORG"]
        glyf.compile(font)
        hmtx = font["hmtx"]
        for name, glyph in glyf.glyphs.items():
            if hasattr(glyph, "xMin"):
                hmtx[name] = (hmtx[name][0], glyph.xMin)
        maxp = font["maxp"] = newTable("maxp")
        maxp.tableVersion = 0x00010000
        maxp.maxZones = 1
        for key in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                    "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
            setattr(maxp, key, 0)
        maxp.compile(font)
        post = font["post"]
        post.formatType, post.extraNames, post.mapping, post.glyphOrder = 2.0, [], {}, order
        font.sfntVersion = "\x00\x01\x00\x00"
    out.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(out))
    return out


def check_pdf_dependencies() -> str:
    """Chromium's path, after checking the CJK font too; OutputError naming the package otherwise."""
    chromium = find_chromium()
    cjk_font_files()
    return chromium


# --- names ----------------------------------------------------------------------------------

def output_name(site_name: str, fallback: str = "site") -> str:
    """File-name slug of the site name: ASCII words kept, Han characters as toneless pinyin.

    >>> output_name("知识产权政策文库")
    'zhishichanquanzhengcewenku'
    >>> output_name("My Docs 2024")
    'my-docs-2024'
    >>> output_name("", "repo")
    'repo'
    """
    from pypinyin import lazy_pinyin

    text = "".join(lazy_pinyin(site_name or ""))
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or re.sub(r"[^a-z0-9]+", "-", fallback.lower()).strip("-") or "site"


# --- the offline build ----------------------------------------------------------------------

@contextmanager
def _env(**values: str):
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def build_offline_site(config_file: Path, docs_dir: Path, site_dir: Path) -> tuple[dict, list[PageInfo]]:
    """`mkdocs build --strict` with the offline plugin on; return the config and the pages in nav order."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.plugins import BasePlugin

    recorded: list = []

    class Recorder(BasePlugin):
        def on_nav(self, nav, config, files):
            recorded[:] = list(nav.pages)
            return nav

    with _env(OFFLINE="true"):
        config = load_config(config_file=str(config_file), docs_dir=str(docs_dir.resolve()),
                             site_dir=str(site_dir.resolve()), strict=True)
        config.plugins["scrapedocs-outputs"] = Recorder()
        build(config)
    pages = [PageInfo(p.file.src_uri, p.file.dest_uri, str(p.title or ""), dict(p.meta or {}))
             for p in recorded]
    return config, pages


def zip_site(site_dir: Path, zip_path: Path, top: str) -> Path:
    """Zip `site_dir` under the folder `top/`, files sorted, one timestamp (SOURCE_DATE_EPOCH or now)."""
    stamp = time.gmtime(int(os.environ.get("SOURCE_DATE_EPOCH") or time.time()))[:6]
    stamp = max(stamp, (1980, 1, 1, 0, 0, 0))
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    partial = zip_path.with_name(zip_path.name + ".part")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{top}/{path.relative_to(site_dir).as_posix()}", stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, path.read_bytes())
    partial.replace(zip_path)
    return zip_path


# --- the PDF --------------------------------------------------------------------------------

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


def print_pdf(chromium: str, html_file: Path, pdf_file: Path) -> None:
    """Chromium's --print-to-pdf: no default header/footer (CSS margin boxes instead), outline on."""
    pdf_file.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="chromium-") as profile:
        cmd = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--no-pdf-header-footer",
               "--generate-pdf-document-outline", f"--print-to-pdf={pdf_file}", html_file.resolve().as_uri()]
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=PRINT_TIMEOUT)
        except subprocess.TimeoutExpired:
            raise OutputError(f"Chromium did not print {html_file} within {PRINT_TIMEOUT} s") from None
    if not pdf_file.is_file() or pdf_file.stat().st_size == 0:
        tail = "\n".join(done.stderr.strip().splitlines()[-5:])
        raise OutputError(f"Chromium printed no PDF (exit {done.returncode}): {tail}")


def outline(pdf_file: Path) -> list[tuple[int, str, int]]:
    """The PDF's outline as (depth, title, 1-based page), in order."""
    from pypdf import PdfReader

    reader = PdfReader(str(pdf_file))
    entries: list[tuple[int, str, int]] = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                entries.append((depth, str(item.title), reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return entries


def start_pages(pdf_file: Path, pages: list[PageInfo]) -> list[int]:
    """The page each document starts on: the named destination Chromium made for its title.

    Chromium names the target of every link inside the document; the contents link to
    every document's title (`#d<i>`), so each has one.
    """
    from pypdf import PdfReader

    reader = PdfReader(str(pdf_file))
    dests = reader.named_destinations
    missing = [i for i in range(len(pages)) if f"/{_fragment_id(i)}" not in dests]
    if missing:
        raise OutputError(f"the PDF has no destination for {len(missing)} documents, "
                          f"e.g. {pages[missing[0]].src}")
    return [reader.get_destination_page_number(dests[f"/{_fragment_id(i)}"]) + 1 for i in range(len(pages))]


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def headings(html_text: str) -> list[str]:
    """The text of every h1–h6 of a composed page, in document order."""
    import lxml.html

    tree = lxml.html.fromstring(html_text)
    return [" ".join(h.text_content().split()) for h in tree.iter("h1", "h2", "h3", "h4", "h5", "h6")]


def fix_outline(pdf_file: Path, texts: list[str]) -> int:
    """Give the outline entries the headings' own text; return how many changed.

    Chromium's outline repeats the first line of a heading that starts a page
    ("（七）…（七）…"), and joins wrapped lines without their space. The entries are the
    headings in document order, so each is matched with its heading and, when it is that
    heading's text with a line repeated or a space lost, replaced by it. The changed
    entries are appended as an incremental update (PDF 1.4, 7.5.6): rewriting a
    3,000-page PDF with pypdf takes longer than printing it.
    """
    from io import BytesIO

    from pypdf import PdfReader
    from pypdf.generic import NameObject, TextStringObject

    reader = PdfReader(str(pdf_file))
    nodes = []

    def walk(ref):
        while ref is not None:
            node = ref.get_object()
            nodes.append((ref, node))
            if "/First" in node:
                walk(node.raw_get("/First"))
            ref = node.raw_get("/Next") if "/Next" in node else None

    outlines = reader.trailer["/Root"].get("/Outlines")
    if outlines is not None and "/First" in outlines.get_object():
        walk(outlines.get_object().raw_get("/First"))
    if len(nodes) != len(texts) or not all(hasattr(ref, "idnum") for ref, _ in nodes):
        return 0  # not the structure expected: leave the outline as Chromium made it
    changed = []
    for (ref, node), text in zip(nodes, texts):
        title, want = str(node.get("/Title", "")), _squeeze(text)
        if title == text or not want:
            continue
        flat = _squeeze(title)
        if flat == want or any(flat[:k] == flat[k:2 * k] and flat[k:] == want for k in range(1, len(flat) // 2 + 1)):
            node[NameObject("/Title")] = TextStringObject(text)
            changed.append((ref, node))
    if not changed:
        return 0
    data = pdf_file.read_bytes()
    previous = int(data[data.rindex(b"startxref") + 9:].split()[0])
    out = BytesIO()
    out.write(b"\n")
    offsets = []
    for ref, node in sorted(changed, key=lambda item: item[0].idnum):
        offsets.append((ref.idnum, ref.generation, len(data) + out.tell()))
        out.write(f"{ref.idnum} {ref.generation} obj\n".encode())
        node.write_to_stream(out)
        out.write(b"\nendobj\n")
    xref = len(data) + out.tell()
    out.write(b"xref\n")
    for idnum, generation, offset in offsets:
        out.write(f"{idnum} 1\n{offset:010d} {generation:05d} n \n".encode())
    trailer = {"/Size": reader.trailer["/Size"], "/Root": reader.trailer.raw_get("/Root")}
    if "/Info" in reader.trailer:
        trailer["/Info"] = reader.trailer.raw_get("/Info")
    out.write(b"trailer\n<< ")
    for key, value in trailer.items():
        out.write(key.encode() + b" ")
        value.write_to_stream(out)
        out.write(b" ")
    out.write(f"/Prev {previous} >>\nstartxref\n{xref}\n%%EOF\n".encode())
    with open(pdf_file, "ab") as f:
        f.write(out.getvalue())
    return len(changed)


def build_pdf(site_dir: Path, config, pages: list[PageInfo], pdf_file: Path, chromium: str,
              built: date | None = None) -> Path:
    """Print the collection twice: once to learn the start pages, once with them in the contents."""
    built = built or date.today()
    pages = pdf_pages(pages)
    html_file = site_dir / "_print.html"
    pdf_file.parent.mkdir(parents=True, exist_ok=True)
    partial = pdf_file.with_name(pdf_file.name + ".part")
    try:
        body = documents_html(site_dir, pages)
        first = compose(site_dir, config, pages, None, built, body=body)
        text = html.unescape(first) + string.printable + "第页共"  # + the running footer's words
        fonts = {weight: embeddable_font(source, text, site_dir / "_pdf" / f"cjk-{weight}.ttf")
                 for weight, source in cjk_font_files().items()}
        fonts = {weight: path.relative_to(site_dir).as_posix() for weight, path in fonts.items()}
        html_file.write_text(compose(site_dir, config, pages, None, built, fonts, body), encoding="utf-8")
        print_pdf(chromium, html_file, partial)
        numbers = start_pages(partial, pages)
        html_file.write_text(compose(site_dir, config, pages, numbers, built, fonts, body), encoding="utf-8")
        print_pdf(chromium, html_file, partial)
        if start_pages(partial, pages) != numbers:
            raise OutputError("the documents moved between the two PDF passes")
        fix_outline(partial, headings(html_file.read_text(encoding="utf-8")))
        partial.replace(pdf_file)
    finally:
        html_file.unlink(missing_ok=True)
        partial.unlink(missing_ok=True)
    return pdf_file


# --- both -----------------------------------------------------------------------------------

def publish(config_file: Path, docs_dir: Path, dist: Path, *, offline: bool, pdf: bool,
            name: str | None = None, epoch: str | None = None) -> list[Path]:
    """Build the offline bundle and/or the PDF of `docs_dir` into `dist`; return the files written.

    `epoch` (SOURCE_DATE_EPOCH unless already set) pins MkDocs' timestamps and the zip's dates.
    """
    chromium = None
    if pdf:  # before any work: a missing dependency should fail fast
        chromium = check_pdf_dependencies()
    if epoch:
        os.environ.setdefault("SOURCE_DATE_EPOCH", epoch)
    written = []
    with tempfile.TemporaryDirectory(prefix="scrapedocs-offline-") as tmp:
        site_dir = Path(tmp) / "site"
        config, pages = build_offline_site(config_file, docs_dir, site_dir)
        name = name or output_name(config["site_name"], Path(config_file).resolve().parent.name)
        if offline:
            written.append(zip_site(site_dir, dist / f"{name}-offline.zip", f"{name}-offline"))
        if pdf:
            written.append(build_pdf(site_dir, config, pages, dist / f"{name}.pdf", chromium))
    return written
