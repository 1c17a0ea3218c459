"""The plain data that flows through the stages.

A `Document` is created by `read`, filled in by each later stage and finally
written by `publish`. Stages never talk to each other except through it, so a
stage can be tested by building a `Document` by hand.
"""
from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

#: The folder under docs/ that the converter owns: every file in it is generated.
GENERATED = "articles"

#: Reasons given to lines outside the article that match no chrome pattern.
BEFORE, AFTER = "before the article", "after the article"

#: Front-matter keys, in the order they are written. A scorer reads them.
META_KEYS = (
    "source_file", "title", "date",
    # An official document's own metadata (文号, 发文机关, 文种, 成文日期, 施行日期, 时效性, 节选).
    "doc_number", "issuer", "doc_type", "written_date", "effective_date", "validity", "excerpt",
    "source", "author", "editor", "url", "retrieved", "lang", "description", "original_script", "tags",
)


@dataclass(slots=True)
class Line:
    """One line of the source text and the cleaner's verdict on it."""

    number: int  # 1-based line number in the source
    text: str
    kept: bool = True
    reason: str = ""  # why the cleaner removed it ("" when kept)
    role: str = ""  # "post": the small line above a thread's reply (its author and time), not text


@dataclass(slots=True)
class Block:
    """A unit of the rendered body: a heading or a paragraph."""

    kind: str  # "heading" | "paragraph" | "table" | "byline" (a thread reply's author and time)
    text: str
    level: int = 0  # heading level (2..6); 0 for paragraphs
    lead: str = ""  # bold lead of a paragraph, e.g. "第一条"
    links: list[Link] = field(default_factory=list)  # spans of `text` that link elsewhere


@dataclass(slots=True)
class Link:
    """A span of a block's text that points to another page of the site."""

    start: int
    end: int
    target: str  # docs-relative path of the page linked to, e.g. "articles/x.md"


@dataclass
class Origin:
    """What the container of a source knows about it: a crawl's record, a mirror's path, a browser's save.

    `container` is set for a record inside an archive or a JSON-lines file (the
    source is then `container#locator`); a plain file has none. Everything but
    `retrieved` shapes the converted document and is part of its cache key;
    `retrieved` changes with every re-crawl of the same page, so it is applied
    after the cache (`provenance`).
    """

    url: str = ""  # where the page was fetched from (a record's target URI, a mirror's path)
    retrieved: str = ""  # when, as the container says it (ISO 8601; checked when applied)
    charset: str = ""  # the HTTP Content-Type's charset: used when the page declares none
    reader: str = ""  # the reader of the bytes, by suffix (".html", ".txt", ".md"); "" = the file's own suffix
    container: str = ""  # relative path of the archive or JSON-lines file holding the source
    fields: str = ""  # a JSON line's documented fields (title, date, …), as JSON text

    @property
    def identity(self) -> str:
        """What, besides the bytes, makes a record convert differently (its cache key; not the fetch time)."""
        return "\0".join(("record", self.reader, self.url, self.charset, self.fields))


@dataclass
class Document:
    """A source as it flows through read → clean → restore → extract → structure → render."""

    path: Path  # the input file (for a record: its container)
    relpath: str  # its path relative to the input folder, with "/" separators (a record: "crawl.warc.gz#URL")
    data: bytes = b""  # the source's bytes, until the read stage decodes them
    sidecar: tuple[str, bytes] | None = None  # (file name, bytes) of the sidecar beside the source
    raw: str = ""  # decoded text
    lines: list[Line] = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)
    slug: str = ""  # page path under the generated folder, without ".md"
    markdown: str = ""
    repairs: Counter = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    error: str = ""  # set when the source yields no page; the reason
    degraded: list[str] = field(default_factory=list)  # how its page departs from the usual form, and why (render)
    rejected: bool = False  # the error is a judgement on the page (a list page, not an article), not a failure
    origin: Origin | None = None  # what a crawl, a mirror or a browser save knew about the page
    appendix: list[str] = field(default_factory=list)  # Markdown sections after the body (backlinks, …)
    kind: str = "text"  # "text" (a dump: clean classifies lines), "html" (lines are the extracted article), "markdown"
    hints: dict = field(default_factory=dict)  # metadata the reader found (HTML <meta>, front matter); extract prefers it
    merged_into: str = ""  # relpath of the document whose page also publishes this reprint
    extraction: dict = field(default_factory=dict)  # which HTML extractor won and why (clean.html.ensemble.explain)
    # Plain, picklable data a document stage prepares for a collection stage, keyed by the collection
    # stage it serves (facts["reprints"]: the MinHash signature; "link": titles cited, folded text;
    # "indexes": terms, people, organisations, topics). Cached with the document.
    facts: dict = field(default_factory=dict)

    @property
    def page(self) -> str:
        """Path of the document's page, relative to the docs folder."""
        return f"{GENERATED}/{self.slug}.md"

    @property
    def body(self) -> list[Line]:
        return [line for line in self.lines if line.kept and line.text.strip()]

    @property
    def removed(self) -> list[Line]:
        return [line for line in self.lines if not line.kept and line.text.strip()]

    def __setstate__(self, state: dict) -> None:
        """A document is unpickled (from a worker, from the cache) once for each of a collection's thousands:
        the short strings that recur from one to the next — metadata keys and values (tags, dates, outlets),
        the terms, names and topics in `facts` — are interned as they arrive, held once for the whole
        collection rather than once per document (a fifth of what a converted document holds).

        >>> import pickle
        >>> a, b = (pickle.loads(pickle.dumps(Document(Path("a.txt"), "a.txt", meta={"tags": ["专利"]}))) for _ in "ab")
        >>> a.meta["tags"][0] is b.meta["tags"][0]
        True
        """
        for key, value in state.items():  # attribute by attribute: the instance keeps its compact layout
            setattr(self, key, value)
        self.meta = shared(self.meta)
        for value in self.facts.values():
            if isinstance(value, dict):
                for key, item in value.items():
                    if isinstance(item, (dict, list)):
                        value[key] = shared(item)

    def shed(self) -> Document:
        """The document as the collection stages and the report read it, once the document stages are done:
        the source's bytes and text go, and of its lines only those removed are kept (the report lists
        them). Half its memory, in a build that holds every document at once.

        >>> doc = Document(Path("a.txt"), "a.txt", data=b"x", raw="x", lines=[Line(1, "x"), Line(2, "y", kept=False)])
        >>> [line.text for line in doc.shed().lines], doc.data, doc.raw
        (['y'], b'', '')
        """
        self.data, self.raw = b"", ""
        self.lines = self.removed
        return self


#: Strings up to this long are interned by `shared`: words, names, dates; not a title or a paragraph.
SHORT = 32


def shared(value: dict | list) -> dict | list:
    """`value` with its short strings interned: a dict's keys and short string values, a list's short items
    (one level down: a list of tags in a dict too). Interned, equal strings are one object.

    >>> shared({"date": "2024-01-02", "tags": ["专利"]}) == {"date": "2024-01-02", "tags": ["专利"]}
    True
    """
    if isinstance(value, list):
        return [sys.intern(item) if type(item) is str and len(item) <= SHORT else item for item in value]
    out = {}
    for key, item in value.items():
        if type(key) is str:
            key = sys.intern(key)
        if type(item) is str:
            out[key] = sys.intern(item) if len(item) <= SHORT else item
        elif type(item) is list:
            out[key] = [sys.intern(x) if type(x) is str and len(x) <= SHORT else x for x in item]
        else:
            out[key] = item
    return out


@dataclass
class Collection:
    """Every document of a build, plus pages that belong to the collection as a whole."""

    docs: list[Document]
    pages: dict[str, str] = field(default_factory=dict)  # docs-relative path → Markdown (indexes, …)
    warnings: list[str] = field(default_factory=list)
    skipped: list = field(default_factory=list)  # read.Skipped: files under the input folder that are not sources
    records: list = field(default_factory=list)  # read.Skipped with a kind: records of archives that are not sources
    config: object = None  # the `config.BuildConfig` of the build (None: the defaults)
    stats: dict = field(default_factory=dict)  # what the engine did: documents converted, cached, seconds per stage
    # Pages read back from the docs folder by the render stage (`render.memo`): docs-relative path → the very
    # Markdown string read there, so that writing the docs folder need not read them once more to compare.
    on_disk: dict[str, str] = field(default_factory=dict)

    @property
    def published(self) -> list[Document]:
        return [doc for doc in self.docs if not doc.error and not doc.merged_into]
