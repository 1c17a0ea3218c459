"""Generated pages become files in `docs/`: only what changed is written, stale pages removed.

The converter owns `docs/articles/` and the other generated folders: every file
there is generated, so files of sources that disappeared are removed, while
pages outside them (the home page, anything hand-written) are never touched
except that a missing home page gets a starter one.
"""
from __future__ import annotations

from pathlib import Path

from ..escape import escape
from ..model import GENERATED, Collection, Document

TABLE = f"{GENERATED}/_table.md"  # included into the home page, not a page itself

DEFAULT_HOME = """\
# 文库

最新的文档如下；表格上方可以按年份、发文机关、文种和来源筛选全部文档。

--8<-- "articles/_table.md"
"""


#: Rows of the home page's table: the newest documents (the browse pages and the filters hold the rest).
NEWEST = 50


def _cell(value) -> str:
    return escape(str(value or "")).replace("\n", " ")


def documents_table(docs: list[Document], newest: int = NEWEST) -> str:
    """The home page's table: the `newest` documents, newest first, and a link to browse them all.

    Columns for policy documents: 标题, 文号, 发文机关 (else the outlet), 文种, 日期. Above the
    table overrides/assets/javascripts/browse.js puts filters (year, issuer, type, outlet)
    over every document, read from browse/documents.js; the `#browse-all` link under the
    table tells it which table, and where the site's root is.
    """
    from ..indexes.listing import newest_first

    published = newest_first(doc for doc in docs if not doc.error and not doc.merged_into)
    rows = ["| 标题 | 文号 | 发文机关／来源 | 文种 | 日期 |", "| --- | --- | --- | --- | --- |"]
    for doc in published[:newest]:
        meta = doc.meta
        rows.append(f"| [{_cell(meta.get('title') or doc.slug)}]({doc.page}) | {_cell(meta.get('doc_number'))} "
                    f"| {_cell(meta.get('issuer') or meta.get('source'))} | {_cell(meta.get('doc_type'))} "
                    f"| {_cell(meta.get('date'))} |")
    shown = min(len(published), newest)
    summary = f"共 {len(published)} 篇文档" + (f"，表中是最新的 {shown} 篇" if len(published) > shown else "")
    rows += ["", f"{summary}。[按年份、发文机关、文种和来源浏览全部文档](browse/index.md){{ #browse-all }}"]
    return "\n".join(rows) + "\n"


def plan(collection: Collection) -> dict[str, str]:
    """Every generated file: path under the docs folder → content."""
    files = {doc.page: doc.markdown for doc in collection.published}
    files |= collection.pages
    files[TABLE] = documents_table(collection.docs)
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


def differences(files: dict[str, str], docs_dir: Path) -> list[str]:
    """Generated files whose bytes on disk differ from `files`, or that should not exist."""
    changed = [rel for rel, content in files.items() if not _same(docs_dir / rel, content.encode("utf-8"))]
    changed += sorted(_existing(docs_dir) - files.keys())
    return sorted(changed)


def write(files: dict[str, str], docs_dir: Path) -> list[str]:
    """Write what changed, remove stale generated pages; return the paths touched."""
    touched = differences(files, docs_dir)
    for rel in touched:
        path = docs_dir / rel
        if rel in files:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(files[rel].encode("utf-8"))
        else:
            path.unlink()
    home = docs_dir / "index.md"
    if not home.exists():
        home.write_text(DEFAULT_HOME, encoding="utf-8")
        touched.append("index.md")
    return touched
