"""The website's search index: Pagefind's extended build, fed one record per page, in parts.

Records go in as Pagefind "custom records" rather than as HTML, because the content is
rewritten first (`text.fold`; `text.bigrams` in the title parts, `text.characters` in the
text parts); the browser side (scrapedocs/theme/assets/javascripts/scrapedocs/engines.js)
asks a Han query as the phrase of its character pairs in a title part and of its
characters in a text part, which gives exact substring semantics in both.
Pagefind writes small chunks that the browser fetches per query: nothing grows with the
collection on a page load.

The index is cut into parts (`parts.py`), separate Pagefind bundles (`pagefind/t-…/`,
`pagefind/x-…/`, listed in rank order in `pagefind/shards.json`) that the browser searches
one after the other, showing results as soon as they are final. A part is a function of its
pages' records only, so `update` re-indexes only the parts whose records changed and takes
the others from the previous index as they are: the result is the same, byte for byte, as
a clean build. Pagefind holds a part's index in memory while it writes it (about 1 MB a
page of text): parts are small and at most `INDEXERS` are indexed at once, so the memory is
bounded whatever the size of the collection.
"""
from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import shutil
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..errors import OutputError
from .service import Service, binary  # noqa: F401  (binary: tests, and who checks the install)
from .parts import FORMAT, Page, Part, digest, plan
from .records import SHOWN, Record, page_url, read_page
from .text import BLOCK, bigrams, characters, fold, words

#: Where the index goes, under the site.
FOLDER = "pagefind"
#: The browser reads this to find the parts.
MANIFEST = "shards.json"
#: In each text part: the pages it holds, with the digests `update` compares.
PAGES = "pages.json"
#: Pagefind processes at most at once (two keep both cores busy), and the memory they may
#: hold together: Pagefind holds a part's index in memory while it writes it, about 250
#: bytes a word in a text part (measured: 448 MB for 451 pages, 1.8 million words; 1 MB for
#: a page of 12 KB), so a text part of 250 pages takes 0.25 GB. Pairs (the title parts)
#: take about twice as much a word, but titles are short.
#: A part is started when the estimates of the parts being indexed leave room for its own
#: (a part larger than the budget is indexed alone).
INDEXERS = 2
MEMORY = 1_200_000_000
BYTES_PER_WORD = 250
#: Word positions given to the title at the start of a text part's record; the text follows.
#: A match before this position is a match in the title (the browser lists it from the
#: title parts and skips it in the text parts). Longer titles count their tail as text.
HEAD = 64
#: Pagefind's ready-made UIs, which the site does not use (it keeps Material's search box).
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")
#: "No linguistic content": the content comes already cut into words (`text.words`), so
#: Pagefind must neither segment it (its Chinese dictionary would re-cut the pairs,
#: and takes most of the indexing time) nor stem it (governance would match government).
LANG = "zxx"


def head(record: Record, pairs: bool = True) -> list[str]:
    """The title's words, as many as fit before `HEAD` (one position at least is left for a
    block break, so no phrase runs from the title into the text)."""
    return words(fold(record.title), pairs)[: HEAD - 1]


def content(record: Record, band: str = "text") -> str:
    """What Pagefind indexes for a page: in a title part its title as pairs; in a text part
    its title, padded with block breaks to `HEAD` positions, then its text (folded, Han
    characters one word each: `text` explains why the bands differ)."""
    if band == "title":
        return " ".join(head(record))
    title = head(record, pairs=False)
    return " ".join(title + [BLOCK.strip()] * (HEAD - len(title))) + " " + characters(fold(record.text))


def meta(record: Record) -> dict[str, str]:
    """Shown with a result: the title and the metadata line."""
    return {"title": record.title} | {k: record.meta[k] for k in SHOWN if record.meta.get(k)}


def page_of(record: Record) -> Page:
    """What the plan and the next build need to know of a record."""
    kind = "document" if record.kind == "document" else "page"
    shown = meta(record)  # the content is a function of the title and text (and FORMAT, in the part's digest)
    return Page(url=record.url, kind=kind, date=record.meta.get("date", ""),
                text=digest([record.title, record.text, shown]), title=digest([record.title, shown]),
                source=record.source, shown=shown)


def titled(page: Page) -> Record:
    """The record of an unchanged page as far as a title part needs it (`content(…, "title")`
    and `meta` read its title and shown metadata only), without reading its HTML again.

    >>> r = Record("a/", "专利法", "正文", {"date": "2024-01-01", "lang": "zh"})
    >>> page = page_of(r)
    >>> [content(titled(page), "title"), meta(titled(page))] == [content(r, "title"), meta(r)]
    True
    """
    shown = dict(page.shown)
    return Record(page.url, shown.pop("title", ""), "", shown, source=page.source)


def _write(part: Part, records: dict[str, Record], out: Path) -> dict[str, bytes]:
    """Index `part` with one Pagefind process and write its bundle to `out`; return the
    files the parts share (the WebAssembly), to be written beside them.

    The files are asked for (GetFiles) and written here: Pagefind's WriteFiles answers
    before its files are on disk, and a service closed then leaves some of them empty.
    Pages come with their place in the part as a sort key: the browser asks for results in
    that order, which is the rank order.
    """
    service = Service(binary())
    try:
        index = service.send({"type": "NewIndex", "config": None})["index_id"]
        for i, page in enumerate(part.pages):
            record = records[page.url]
            service.send({"type": "AddRecord", "index_id": index, "url": record.url,
                          "content": content(record, part.band), "language": LANG, "meta": meta(record),
                          "filters": None, "sort": {"rank": f"{i:07d}"}})
        files = service.send({"type": "GetFiles", "index_id": index})["files"]
    finally:
        service.close()
    contents = {}
    for file in files:
        rel = Path(file["path"])
        if rel.is_absolute() or ".." in rel.parts:
            raise OutputError(f"Pagefind named a file outside its folder: {file['path']}")
        if rel.as_posix() not in UNUSED:
            contents[rel.as_posix()] = base64.b64decode(file["content"])
    shared = {}
    scripts = [name for name in ("pagefind.js", "pagefind-worker.js") if name in contents]
    if scripts and all(_OWN_WASM in contents[name] for name in scripts):
        for name in scripts:
            contents[name] = contents[name].replace(_OWN_WASM, _SHARED_WASM)
        shared = {name: contents.pop(name) for name in list(contents) if name.startswith("wasm.")}
    for name in sorted(contents):
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(contents[name])
    return shared


#: Every part would load its own copy of Pagefind's WebAssembly (68 KB, the same bytes);
#: its loader is pointed at one copy beside the parts, fetched once and cached.
_OWN_WASM = b"const wasm_url=`${this.basePath}wasm.${language}.pagefind`"
_SHARED_WASM = b"const wasm_url=`${this.basePath}../wasm.${language}.pagefind`"


def _previous_pages(folder: Path | None) -> dict[str, Page]:
    """The pages the previous index holds, by URL (nothing when there is none or it is of another format)."""
    pages: dict[str, Page] = {}
    if folder is None or not (folder / MANIFEST).is_file():
        return pages
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        if manifest.get("format") != FORMAT:
            return {}
        for part in manifest["parts"]:
            if part["band"] == "text":
                rows = json.loads((folder / part["path"] / PAGES).read_text(encoding="utf-8"))
                pages.update((row[0], Page(*row)) for row in rows)
    except (OSError, ValueError, KeyError, TypeError):
        return {}  # unreadable: everything is read again
    return pages


def _copy(old: Path, new: Path) -> None:
    """An unchanged part, taken as it is: hard links when the file system allows, else copies.
    (Strings, not `Path`s: a part is thousands of files, and an edit reuses every part but one.)"""
    old, new = str(old), str(new)
    for top, _, files in os.walk(old):
        rel = os.path.relpath(top, old)
        folder = new if rel == "." else os.path.join(new, rel)
        os.makedirs(folder, exist_ok=True)
        for name in files:
            if name == PAGES and rel == ".":
                continue  # written again from the plan
            path, target = os.path.join(top, name), os.path.join(folder, name)
            try:
                os.link(path, target)
            except OSError:
                shutil.copy2(path, target)


def _html_pages(site_dir: Path) -> list[tuple[str, str]]:
    """Every HTML file of the built site: (its path relative to the site, POSIX; its path), in the order
    of `sorted(site_dir.rglob("*.html"))`. The search index's own folder, MkDocs' search and the
    theme's assets are not entered, nor what is hidden at the top."""
    root = str(site_dir)
    found: list[tuple[str, str]] = []
    for top, dirs, files in os.walk(root):
        if top == root:
            dirs[:] = [d for d in dirs if d not in (FOLDER, "search", "assets") and not d.startswith(".")]
            files = [f for f in files if not f.startswith(".")]
            prefix = ""
        else:
            prefix = os.path.relpath(top, root).replace(os.sep, "/") + "/"
        found += [(prefix + name, os.path.join(top, name)) for name in files if name.endswith(".html")]
    found.sort(key=lambda page: page[0].split("/"))  # as paths compare: part by part
    return found


class _Budget:
    """Memory the Pagefind processes hold together: `hold(n)` waits until n fits (or nothing runs)."""

    def __init__(self, total: int):
        self.total, self.used, self.running = total, 0, 0
        self._cond = threading.Condition()

    @contextlib.contextmanager
    def hold(self, size: int):
        with self._cond:
            self._cond.wait_for(lambda: self.running == 0 or self.used + size <= self.total)
            self.used += size
            self.running += 1
        try:
            yield
        finally:
            with self._cond:
                self.used -= size
                self.running -= 1
                self._cond.notify_all()


def write_parts(parts: list[Part], records, out: Path, previous: Path | None = None) -> dict:
    """Write the bundles of `parts` and the manifest into `out` (replaced).

    `records(part)` gives the records of the pages of a part to index (parsed on demand).
    A part whose folder exists in `previous` is taken from there. Returns counts.
    """
    building = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-", dir=out.parent))
    reused = indexed = 0
    try:
        todo: list[tuple[Part, Path]] = []
        for part in parts:
            folder = building / part.name
            if previous is not None and (previous / part.name / "pagefind-entry.json").is_file():
                _copy(previous / part.name, folder)
                reused += 1
            else:
                todo.append((part, folder))
        budget = _Budget(MEMORY)

        def index(job: tuple[Part, Path]) -> dict[str, bytes]:
            part, folder = job
            loaded = records(part)
            size = BYTES_PER_WORD * sum(len(loaded[p.url].title) + (len(loaded[p.url].text) if part.band == "text" else 0)
                                        for p in part.pages)
            with budget.hold(size):
                return _write(part, loaded, folder)
        # One Pagefind process per part, within the memory budget: the peak is bounded by the
        # part size, not by the collection.
        with ThreadPoolExecutor(max_workers=INDEXERS) as pool:
            shared = {name: data for files in pool.map(index, todo) for name, data in files.items()}
        if previous is not None and not shared:
            shared = {p.name: p.read_bytes() for p in previous.glob("wasm.*")}
        for name, data in sorted(shared.items()):
            (building / name).write_bytes(data)
        indexed = len(todo)
        for part in parts:
            if part.band == "text":
                (building / part.name / PAGES).write_text(
                    json.dumps([p.row() for p in part.pages], ensure_ascii=False) + "\n", encoding="utf-8")
        manifest = {"format": FORMAT, "head": HEAD,
                    "parts": [{"path": f"{p.name}/", "kind": p.kind, "band": p.band, "pages": len(p.pages)}
                              for p in parts]}
        (building / MANIFEST).write_text(json.dumps(manifest) + "\n", encoding="utf-8")
        if out.exists():
            shutil.rmtree(out)
        building.rename(out)
    finally:
        shutil.rmtree(building, ignore_errors=True)
    return {"parts": len(parts), "indexed": indexed, "reused": reused}


def write_index(records: list[Record], site_dir: Path, previous: Path | None = None) -> Path:
    """Write `site_dir/pagefind/` for `records`; return its folder. With `previous` (an
    earlier `pagefind/` folder), its unchanged parts are reused."""
    out = Path(site_dir) / FOLDER
    out.parent.mkdir(parents=True, exist_ok=True)
    by_url = {r.url: r for r in records}
    parts = plan([page_of(r) for r in records])
    write_parts(parts, lambda part: by_url, out, previous)
    return out


def update(site_dir: Path, previous: Path | None = None) -> dict:
    """Index the built site `site_dir` into `site_dir/pagefind/`, re-indexing only what changed
    since `previous` (the `pagefind/` folder of an earlier build of the same site, possibly
    `site_dir/pagefind` itself), and return what was done.

    Each built page is read as bytes and compared by digest with the page the previous index
    was made from; only pages whose HTML changed are parsed. The parts are planned from
    every page's rank and digests; a part whose digest is unchanged is reused whole (hard
    links), the others are indexed, reading the HTML of their pages. The result is the
    same, byte for byte, as a clean build (`previous=None`).
    """
    site_dir = Path(site_dir)
    out = site_dir / FOLDER
    if previous is not None and not Path(previous).is_dir():
        previous = None
    moved = None
    if previous is not None and Path(previous).resolve() == out.resolve():
        moved = out.with_name(f".{FOLDER}.previous-{os.getpid()}")  # the index in place: set aside first
        shutil.rmtree(moved, ignore_errors=True)
        out.rename(moved)
        previous = moved
    try:
        known = _previous_pages(previous)
        if not known:
            previous = None  # none, unreadable or of another format: nothing is reused
        paths: dict[str, Path] = {}
        records: dict[str, Record] = {}
        pages: list[Page] = []
        parsed = 0
        for rel, name in _html_pages(site_dir):
            path = Path(name)
            with open(name, "rb") as f:
                data = f.read()
            if b"data-pagefind-body" not in data:
                continue
            url = page_url(rel, True)
            source = hashlib.sha256(data).hexdigest()
            old = known.get(url)
            if old is not None and old.source == source:
                pages.append(old)
                paths[url] = path
                continue
            record = read_page(path, url, data)
            parsed += 1
            if record is not None:
                records[url] = record
                paths[url] = path
                pages.append(page_of(record))

        read: list[str] = []  # unchanged pages read again, to index the part they are in

        def load(part: Part) -> dict[str, Record]:
            loaded = {}
            for page in part.pages:
                record = records.get(page.url)
                if record is None and part.band == "title" and page.shown:
                    record = titled(page)  # unchanged: its title and metadata line are known
                elif record is None:
                    record = read_page(paths[page.url], page.url)
                    read.append(page.url)
                    if record is not None:
                        records[page.url] = record
                if record is not None:
                    loaded[page.url] = record
            return loaded

        done = write_parts(plan(pages), load, out, previous)
    finally:
        if moved is not None:
            if out.exists():
                shutil.rmtree(moved, ignore_errors=True)
            else:  # failed: the previous index stays
                moved.rename(out)
    return done | {"pages": len(pages), "parsed": parsed, "read": len(read), "path": out}
