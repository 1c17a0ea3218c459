"""Generated pages become files in `docs/`: only what changed is written, stale pages removed.

The converter owns `docs/articles/` and the other generated folders: every file
there is generated, so files of sources that disappeared are removed, while
pages outside them (the home page, anything hand-written) are never touched
except that a missing home page gets a starter one.
"""
from __future__ import annotations

from pathlib import Path

from ..model import GENERATED, Collection, Document
from ..render import escape

TABLE = f"{GENERATED}/_table.md"  # included into the home page, not a page itself

DEFAULT_HOME = """\
# 文库

本站收录的文档，按发布日期排列，最新的在前。

--8<-- "articles/_table.md"
"""


def _cell(text: str) -> str:
    return escape(text).replace("\n", " ")


def documents_table(docs: list[Document]) -> str:
    """The home page's table of documents (title, date, source), newest first."""
    published = sorted(
        (doc for doc in docs if not doc.error and not doc.merged_into),
        key=lambda d: (d.meta.get("date") or "", d.meta.get("title", "")),
        reverse=True,
    )
    rows = ["| 标题 | 日期 | 来源 |", "| --- | --- | --- |"]
    for doc in published:
        title = _cell(doc.meta.get("title", doc.slug))
        rows.append(f"| [{title}]({doc.page}) | {doc.meta.get('date', '')} | {_cell(doc.meta.get('source', ''))} |")
    return "\n".join(rows) + "\n"


def plan(collection: Collection) -> dict[str, str]:
    """Every generated file: path under the docs folder → content."""
    files = {doc.page: doc.markdown for doc in collection.published}
    files |= collection.pages
    files[TABLE] = documents_table(collection.docs)
    return dict(sorted(files.items()))


#: Folders under docs/ the converter owns besides the articles: cited documents, indexes.
GENERATED_DIRS = (GENERATED, "cited", "indexes")


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
