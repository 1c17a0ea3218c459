"""Builders shared by the tests: documents made by hand, not from the seeds."""
from pathlib import Path

from scrapedocs.model import Document, Line


def make_doc(text: str, name: str = "page.txt") -> Document:
    """A `Document` as the read stage would hand it on, for the text given."""
    doc = Document(path=Path(name), relpath=name, raw=text)
    doc.lines = [Line(number=i, text=t) for i, t in enumerate(text.split("\n"), start=1)]
    return doc


def kept(doc: Document) -> list[str]:
    return [line.text.strip() for line in doc.body]
