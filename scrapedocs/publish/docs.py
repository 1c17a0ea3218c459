"""Generated pages become files in `docs/`: only what changed is written, stale pages removed.

The converter owns `docs/articles/` and the other generated folders: every file
there is generated, so files of sources that disappeared are removed, while
pages outside them (the home page, anything hand-written) are never touched
except that a missing home page gets a starter one (`project.home_page`).

Nothing is left half-written: every changed file is first written beside itself
(`.NAME.part`), and only when all of them are on disk are they renamed into place;
a failed write (a full disk, no permission) removes the parts and leaves `docs/` as
it was.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from .. import strings
from ..escape import escape
from ..model import GENERATED, Collection, Document

#: Included into the home page, not a page itself: MkDocs and Zensical both leave dotfiles out of the site.
TABLE = f"{GENERATED}/.table.md"


#: Rows of the home page's table: the newest documents (the browse pages and the filters hold the rest).
NEWEST = 50


def _cell(value) -> str:
    return escape(str(value or "")).replace("\n", " ")


def documents_table(docs: list[Document], newest: int = NEWEST, words: strings.Words | None = None) -> str:
    """The home page's table: the `newest` documents, newest first, and a link to browse them all.

    Columns for policy documents: 标题, 文号, 发文机关 (else the outlet), 文种, 日期. Above the
    table scrapedocs/theme/assets/javascripts/browse.js puts filters (year, issuer, type, outlet)
    over every document, read from browse/documents.js; the `#browse-all` link under the
    table tells it which table, and where the site's root is.
    """
    from ..indexes.listing import newest_first

    w = words or strings.words()
    published = newest_first(doc for doc in docs if not doc.error and not doc.merged_into)
    columns = (w(f"home.{key}") for key in ("title", "doc_number", "issuer", "doc_type", "date"))
    rows = ["| " + " | ".join(columns) + " |", "| --- | --- | --- | --- | --- |"]
    for doc in published[:newest]:
        meta = doc.meta
        rows.append(f"| [{_cell(meta.get('title') or doc.slug)}]({doc.page}) | {_cell(meta.get('doc_number'))} "
                    f"| {_cell(meta.get('issuer') or meta.get('source'))} | {_cell(meta.get('doc_type'))} "
                    f"| {_cell(meta.get('date'))} |")
    shown = min(len(published), newest)
    summary = (w("home.newest", count=len(published), shown=shown) if len(published) > shown
               else w("home.total", count=len(published)))
    rows += ["", f"{summary}{w('home.end')}[{w('home.browse_all')}](browse/index.md){{ #browse-all }}"]
    return "\n".join(rows) + "\n"


def plan(collection: Collection) -> dict[str, str]:
    """Every generated file: path under the docs folder → content."""
    files = {doc.page: doc.markdown for doc in collection.published}
    files |= collection.pages
    files[TABLE] = documents_table(collection.docs, words=strings.of(collection.config))
    return dict(sorted(files.items()))


#: Folders under docs/ the converter owns besides the articles: cited documents, indexes, browse pages.
GENERATED_DIRS = (GENERATED, "cited", "indexes", "browse")


def _existing(docs_dir: Path) -> set[str]:
    found = set()
    for folder in GENERATED_DIRS:
        root = docs_dir / folder
        if root.is_dir():
            found |= {p.relative_to(docs_dir).as_posix() for p in root.rglob("*.md")}
    return found


def _same(path: Path, data: bytes) -> bool:
    """Whether `path` holds exactly `data` (a different size answers without reading the file)."""
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:  # missing, a folder, unreadable
        return False


def differences(files: dict[str, str], docs_dir: Path, on_disk: dict[str, str] | None = None) -> list[str]:
    """Generated files whose bytes on disk differ from `files`, or that should not exist.

    `on_disk`: pages this build read from the docs folder (`Collection.on_disk`); one whose content is
    still the very string read there is known to be the same without reading it again.
    """
    on_disk = on_disk or {}
    changed = [rel for rel, content in files.items()
               if on_disk.get(rel) is not content and not _same(docs_dir / rel, content.encode("utf-8"))]
    changed += sorted(_existing(docs_dir) - files.keys())
    return sorted(changed)


def write(files: dict[str, str], docs_dir: Path, home: str | None = None,
          on_disk: dict[str, str] | None = None) -> list[str]:
    """Write what changed, remove stale generated pages; return the paths touched.

    `home` is the starter home page written when `docs_dir` has none; `on_disk` as for `differences`.
    """
    touched = differences(files, docs_dir, on_disk)
    writes = {rel: files[rel] for rel in touched if rel in files}
    index = docs_dir / "index.md"
    if home is not None and not index.exists():
        writes["index.md"] = home
        touched.append("index.md")
    write_all(docs_dir, writes)
    for rel in touched:
        if rel not in writes:
            (docs_dir / rel).unlink()
    return touched


def write_all(root: Path, writes: dict[str, bytes | str | Iterable[str]]) -> None:
    """Every file of `writes` or none: parts first, renamed into place once all are written. Text is
    written as UTF-8, one file at a time (a cold build writes every page: never all of them encoded at once);
    a file given as pieces of text (an iterable), one piece at a time (`report.report_chunks`).

    On an error (OSError: a full disk, no permission) the parts and the folders made for them
    are removed, and the error raised: the files already there are as they were.
    """
    made: list[Path] = []
    parts: list[tuple[Path, Path]] = []
    try:
        for rel, data in writes.items():
            path = root / rel
            missing = [p for p in [path.parent, *path.parent.parents] if not p.exists()]
            path.parent.mkdir(parents=True, exist_ok=True)
            made += reversed(missing)
            part = path.with_name(f".{path.name}.part")
            parts.append((part, path))
            with open(part, "wb") as f:
                if isinstance(data, (bytes, str)):
                    f.write(data.encode("utf-8") if isinstance(data, str) else data)
                else:
                    for piece in data:
                        f.write(piece.encode("utf-8"))
    except BaseException:
        for part, _ in parts:
            part.unlink(missing_ok=True)
        for folder in reversed(made):
            try:
                folder.rmdir()
            except OSError:
                pass
        raise
    for part, path in parts:
        os.replace(part, path)
