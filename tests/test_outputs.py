"""The PDF, checked the way a reader uses it (issue #5); the offline bundle: tests/test_offline.py.

One module-scoped build of the committed docs/ (offline bundle + PDF, into a temporary
folder) serves every test. The PDF is read with poppler (pdftotext, pdffonts, pdftoppm)
and pypdf (outline, links).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, require_chromium


def _require(tool: str) -> None:
    if shutil.which(tool) is None:
        message = f"{tool} is missing (Debian: apt-get install poppler-utils)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def front_matter(md: Path) -> dict:
    text = md.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return {}
    return yaml.safe_load(text[4:].partition("\n---\n")[0]) or {}


def page_title(md: Path) -> str:
    """A page's title as MkDocs gives it: front matter, else its first `# ` heading."""
    title = front_matter(md).get("title")
    if title:
        return str(title)
    m = re.search(r"^# (.+)$", md.read_text(encoding="utf-8"), re.M)
    return m.group(1).strip() if m else ""


def squeeze(text: str) -> str:
    """Text without whitespace: PDF text extraction breaks lines where the layout did."""
    return re.sub(r"\s+", "", text)


def pdf_pages() -> list[Path]:
    """Every page the PDF must hold, all but the home page: by folder, each folder's index first;
    the documents newest first, then by title, as the home table lists them."""
    docs = ROOT / "docs"
    pages = [p for p in docs.rglob("*.md") if not p.name.startswith((".", "_")) and p != docs / "index.md"]
    pages.sort(key=lambda p: [(part != "index.md", part) for part in p.relative_to(docs).parts])
    newest = sorted((p for p in pages if p.parent == docs / "articles"), key=page_title)
    newest.sort(key=lambda p: str(front_matter(p).get("date") or ""), reverse=True)
    return [newest.pop(0) if p.parent == docs / "articles" else p for p in pages]


def cited_entries() -> list[Path]:
    """The cited documents' pages: entries of the PDF's appendix, not chapters."""
    return [p for p in pdf_pages() if p.parent.name == "cited" and p.name != "index.md"]


def pdf_documents() -> list[Path]:
    """The chapters of the PDF, in order: every page but the home page and the cited documents."""
    return [p for p in pdf_pages() if p not in cited_entries()]


APPENDIX = "附录　被引文献"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """`outputs.publish` of the committed docs/: the zip and the PDF."""
    require_chromium()
    from scrapedocs.publish import dist as outputs

    try:
        outputs.check_pdf_dependencies()
    except outputs.OutputError as e:
        if os.environ.get("CI"):
            pytest.fail(str(e))
        pytest.skip(str(e))
    dist = tmp_path_factory.mktemp("dist")
    files = outputs.publish(ROOT / "mkdocs.yml", ROOT / "docs", dist, offline=True, pdf=True)
    zips = [f for f in files if f.suffix == ".zip"]
    pdfs = [f for f in files if f.suffix == ".pdf"]
    assert len(zips) == 1 and len(pdfs) == 1, files
    return {"zip": zips[0], "pdf": pdfs[0], "dist": dist}


# --- the PDF --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def pdf_text(built) -> list[str]:
    """pdftotext of each page (pdftotext ends each page with a form feed)."""
    _require("pdftotext")
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(built["pdf"]), "-"],
                          capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


def test_pdf_holds_every_document_title(pdf_text):
    text = squeeze("".join(pdf_text))
    documents = pdf_pages()
    assert documents
    missing = [str(p.relative_to(ROOT)) for p in documents if squeeze(page_title(p)) not in text]
    assert not missing, f"titles missing from the PDF: {missing}"


def test_pdf_cover(pdf_text):
    cover = pdf_text[0]
    articles = [p for p in pdf_documents() if p.parent.name == "articles"]
    assert "知识产权政策文库" in cover
    assert re.search(rf"文档数\s*{len(articles)}\b", cover), cover
    assert date.today().isoformat() in cover, cover


def test_pdf_contents_give_the_right_pages(pdf_text):
    """Each line of the contents names a document and the page it starts on; check that page."""
    toc = "\n".join(pdf_text[1:4])
    assert "目录" in toc
    checked, flat, at = 0, squeeze(toc), 0
    for md in pdf_documents():  # in the contents' order
        title = page_title(md)
        m = re.compile(re.escape(squeeze(title)) + r"(?:\d{4}-\d{2}-\d{2})?(\d+)").search(flat, at)
        assert m, f"{title} and its page number are not in the contents"
        at, number = m.end(), int(m.group(1))
        assert 1 < number <= len(pdf_text)
        assert squeeze(title) in squeeze(pdf_text[number - 1]), f"{title} is not on page {number}"
        checked += 1
    assert checked == len(pdf_documents())
    m = re.compile(re.escape(squeeze(APPENDIX)) + rf"（{len(cited_entries())}份）(\d+)").search(flat, at)
    assert m, "the appendix of cited documents is not in the contents"
    assert squeeze(APPENDIX) in squeeze(pdf_text[int(m.group(1)) - 1])


def test_cited_documents_share_one_appendix(pdf_text):
    """Cited documents the collection does not hold are entries of one appendix, not a page each."""
    cited = cited_entries()
    assert len(cited) > 3
    start = next(i for i, page in enumerate(pdf_text) if squeeze(page).startswith(squeeze(APPENDIX)))
    appendix = squeeze("".join(pdf_text[start:]))
    assert all(squeeze(page_title(p)) in appendix for p in cited)
    assert len(pdf_text) - start < len(cited), "as many pages as cited documents: one page each"


def test_running_header_is_the_documents_title(pdf_text):
    """Each page of a document is headed by its title (cut to one line), not the collection's name."""
    from scrapedocs.publish.pdf.compose import _header

    for md in pdf_documents():
        header = squeeze(_header(page_title(md)).rstrip("…"))
        pages = [page for page in pdf_text if squeeze(page).startswith(header)]
        assert pages, f"no page headed {header}"


def test_original_url_is_printed_under_the_metadata(pdf_text):
    text = squeeze("".join(pdf_text))
    urls = [front_matter(p).get("url") for p in pdf_documents() if front_matter(p).get("url")]
    assert urls
    for url in urls:
        assert squeeze(url) in text, f"{url} is not printed"


def test_english_quotes_are_set_in_a_latin_face(built):
    _require("pdffonts")
    out = subprocess.run(["pdffonts", str(built["pdf"])], capture_output=True, text=True, check=True).stdout
    assert re.search(r"LiberationSans|DejaVuSans", out), f"no Latin face in the PDF:\n{out}"


def test_pdf_running_footer_numbers_pages(pdf_text):
    total = len(pdf_text)
    for number in (2, total // 2, total):
        assert f"第 {number} 页 / 共 {total} 页" in pdf_text[number - 1], pdf_text[number - 1][-200:]
    assert "第 1 页" not in pdf_text[0], "the cover has no footer"


def test_pdf_embeds_a_simplified_chinese_font(built):
    _require("pdffonts")
    out = subprocess.run(["pdffonts", str(built["pdf"])], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
    assert rows
    cjk = [row for row in rows if "NotoSansCJKsc" in row[0]]
    assert cjk, out
    for row in rows:  # name, type…, emb, sub, uni, object id, generation
        assert row[-5] == "yes", f"not embedded: {row}"
    assert all("Type 3" not in " ".join(row) for row in rows), f"Type 3 (unnamed) fonts:\n{out}"


def test_pdf_outline_lists_every_document_and_its_headings(built):
    from scrapedocs.publish.pdf import outline

    entries = outline(built["pdf"])
    tops = [squeeze(title) for depth, title, _ in entries if depth == 0]
    titles = [squeeze(page_title(p)) for p in pdf_documents()] + [squeeze(APPENDIX)]
    assert sorted(tops) == sorted(titles)
    cited = {squeeze(title) for depth, title, _ in entries if depth == 1}
    assert {squeeze(page_title(p)) for p in cited_entries()} <= cited, "cited documents not under the appendix"
    assert any(depth > 0 for depth, _, _ in entries), "no heading under any document"
    markdown = {plain(h) for p in pdf_pages()
                for h in re.findall(r"^#{2,6} (.+?)\s*$", p.read_text(encoding="utf-8"), re.M)}
    nested = {squeeze(title) for depth, title, _ in entries if depth > 0}
    assert markdown and not markdown - nested, f"headings missing from the outline: {sorted(markdown - nested)[:5]}"
    doubled = [t for _, t, _ in entries if len(t) % 2 == 0 and t[:len(t) // 2] == t[len(t) // 2:]]
    assert not doubled, f"outline entries with their text repeated: {doubled}"


def plain(markdown: str) -> str:
    """A Markdown heading's text: links, emphasis, attribute lists and escapes removed."""
    text = re.sub(r"\s*\{[^}]*\}\s*$", "", markdown)
    text = re.sub(r"!?\[([^]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*_`]|\\(?=.)", "", text)
    return squeeze(text)


def test_pdf_links_between_documents(built):
    """Links inside the PDF go to the page where their target document starts."""
    from pypdf import PdfReader

    reader = PdfReader(str(built["pdf"]))
    dests = reader.named_destinations
    internal = external = 0
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            if annot.get("/Subtype") != "/Link":
                continue
            if "/Dest" in annot:
                name = str(annot["/Dest"])
                assert name in dests, f"link to a missing destination {name}"
                internal += 1
            elif "/A" in annot and annot["/A"].get("/S") == "/URI":
                external += 1
    # the contents link every document; the articles link cited documents and each other
    assert internal > 2 * len(pdf_documents()), internal
    article_links = [p for p in pdf_documents() if p.parent.name == "articles"]
    assert article_links


def _ink(png: Path) -> float:
    from PIL import Image

    image = Image.open(png).convert("L")
    dark = sum(image.histogram()[:200])
    return dark / (image.width * image.height)


def test_cover_and_a_body_page_are_not_blank(built, pdf_text, tmp_path):
    _require("pdftoppm")
    first = next(i for i, text in enumerate(pdf_text) if i > 0 and "发布日期" in text) + 1
    inks = {}
    for number in (1, first):
        prefix = tmp_path / f"page{number}"
        subprocess.run(["pdftoppm", "-png", "-r", "40", "-singlefile", "-f", str(number), "-l", str(number),
                        str(built["pdf"]), str(prefix)], check=True)
        inks[number] = _ink(prefix.with_suffix(".png"))
    assert inks[1] > 0.003, f"the cover looks blank: {inks}"
    assert inks[first] > 0.02, f"page {first} looks blank: {inks}"


# --- the command line ----------------------------------------------------------

def _run_pdf(tmp_path, **env) -> subprocess.CompletedProcess:
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    cmd = [sys.executable, "build_docs.py", "--no-site", "--pdf", "--docs", str(docs),
           "--report", str(tmp_path / "report.json"), "--dist", str(tmp_path / "dist")]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env={**os.environ, **env}, timeout=300)


def test_missing_chromium_says_what_to_install(tmp_path):
    done = _run_pdf(tmp_path, CHROMIUM=str(tmp_path / "no-such-chromium"))
    assert done.returncode == 3, done.stderr
    assert "apt-get install chromium" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "dist").exists()


def test_missing_font_says_what_to_install(tmp_path):
    if shutil.which("fc-match") is None:
        pytest.skip("fontconfig's fc-match is missing")
    conf = tmp_path / "fonts.conf"
    conf.write_text('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">'
                    f"<fontconfig><dir>{tmp_path / 'none'}</dir><cachedir>{tmp_path / 'cache'}</cachedir>"
                    "</fontconfig>", encoding="utf-8")
    done = _run_pdf(tmp_path, CHROMIUM=sys.executable, FONTCONFIG_FILE=str(conf))
    assert done.returncode == 3, done.stderr
    assert "fonts-noto-cjk" in done.stderr
    assert "Traceback" not in done.stderr


# --- the PDF at scale: volumes ----------------------------------------------------------------

def _fake_site(site: Path, n: int) -> list:
    """n article pages, each linking to one of two cited documents, as a built site would hold them."""
    from scrapedocs.publish.offline import PageInfo

    pages = [PageInfo("index.md", "index.html", "首页")]
    for i in range(n):
        target = "../../cited/a/index.html" if i % 2 else "../../cited/b/index.html"
        page = site / "articles" / f"d{i}" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(f'<article class="md-content__inner"><h1>文档{i}</h1><a href="{target}">引</a></article>',
                        encoding="utf-8")
        pages.append(PageInfo(f"articles/d{i}.md", f"articles/d{i}/index.html", f"文档{i}", {"date": "2021-01-01"}))
    for key in ("a", "b"):
        page = site / "cited" / key / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(f'<article class="md-content__inner"><h1>被引{key}</h1></article>', encoding="utf-8")
        pages.append(PageInfo(f"cited/{key}.md", f"cited/{key}/index.html", f"被引{key}"))
    pages.append(PageInfo("indexes/index.md", "indexes/index.html", "索引"))
    return pages


def test_a_large_collection_is_cut_into_volumes(tmp_path):
    from scrapedocs.publish.pdf.compose import documents_html, units, volumes

    pages = _fake_site(tmp_path, 5)
    one = volumes(tmp_path, pages, 500)
    assert len(one) == 1 and len(one[0].pages) == 6 and [p.title for p in one[0].appendix] == ["被引a", "被引b"]
    parts = volumes(tmp_path, pages, 2)
    assert [len(v.pages) for v in parts] == [2, 2, 1]
    assert all(v.count == 3 for v in parts) and [v.number for v in parts] == [1, 2, 3]
    # each volume's appendix: the cited documents its own documents link to
    assert [[p.title for p in v.appendix] for v in parts] == [["被引a", "被引b"], ["被引a", "被引b"], ["被引b"]]
    html = documents_html(tmp_path, parts[2])
    assert 'href="#d1"' in html, "a link to a cited document goes to its entry in this volume's appendix"
    assert [u.title for u in units(parts[2])] == ["文档4", "附录　被引文献（1 份）"]


def test_pdf_volume_option():
    from scrapedocs.cli.options import _parser

    assert _parser().parse_args(["--pdf", "--pdf-volume", "200"]).pdf_volume == 200
