"""Reading and mending the printed PDF: start pages of documents, the outline's titles."""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import OutputError
from .compose import Unit


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


def start_pages(pdf_file: Path, items: list[Unit]) -> list[int]:
    """The page each line of the contents starts on: the named destination Chromium made for its title.

    Chromium names the target of every link inside the document; the contents link to
    every document's title (`#d<i>`) and to the appendix, so each has one.
    """
    from pypdf import PdfReader

    reader = PdfReader(str(pdf_file))
    dests = reader.named_destinations
    missing = [unit for unit in items if f"/{unit.anchor}" not in dests]
    if missing:
        raise OutputError(f"the PDF has no destination for {len(missing)} documents, e.g. {missing[0].title}")
    return [reader.get_destination_page_number(dests[f"/{unit.anchor}"]) + 1 for unit in items]


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
