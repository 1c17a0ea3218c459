"""Stage 7: converted documents become files in `docs/`, a report, and a site.

The converter owns one folder, `docs/articles/`: every file there is
generated, so files of sources that disappeared are removed, while pages
outside it (the home page, anything hand-written) are never touched except
that a missing home page gets a starter one.
"""
from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path

from .model import GENERATED, Collection, Document
from .render import escape

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


def differences(files: dict[str, str], docs_dir: Path) -> list[str]:
    """Generated files whose content on disk differs from `files`, or that should not exist."""
    changed = []
    for rel, content in files.items():
        path = docs_dir / rel
        if not path.is_file() or path.read_text(encoding="utf-8") != content:
            changed.append(rel)
    changed += sorted(_existing(docs_dir) - files.keys())
    return sorted(changed)


def write(files: dict[str, str], docs_dir: Path) -> list[str]:
    """Write what changed, remove stale generated pages; return the paths touched."""
    touched = differences(files, docs_dir)
    for rel in touched:
        path = docs_dir / rel
        if rel in files:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(files[rel], encoding="utf-8", newline="\n")
        else:
            path.unlink()
    home = docs_dir / "index.md"
    if not home.exists():
        home.write_text(DEFAULT_HOME, encoding="utf-8")
        touched.append("index.md")
    return touched


def report(collection: Collection) -> dict:
    """What became of each input: its page or why none, removed lines, repairs, warnings."""
    docs, inputs = collection.docs, []
    for doc in docs:
        inputs.append({
            "source": doc.relpath,
            "page": None if doc.error else doc.page,
            "error": doc.error or None,
            "merged_into": doc.merged_into or None,
            "title": doc.meta.get("title"),
            "removed": [{"line": line.number, "reason": line.reason, "text": line.text} for line in doc.removed],
            "repairs": dict(sorted(doc.repairs.items())),
            "warnings": doc.warnings,
        })
    return {
        "summary": {
            "inputs": len(docs),
            "pages": sum(1 for d in docs if not d.error),
            "failed": sum(1 for d in docs if d.error),
        },
        "warnings": collection.warnings,
        "inputs": inputs,
    }


def write_report(collection: Collection, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report(collection), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def source_date_epoch(collection: Collection) -> str:
    """A build timestamp that depends only on the inputs: the newest document date.

    MkDocs stamps sitemaps with the build time unless SOURCE_DATE_EPOCH is set;
    tying it to the corpus keeps the site byte-identical from build to build.
    """
    dates = [d.meta["date"] for d in collection.published if d.meta.get("date")]
    newest = max(dates, default="2000-01-01")
    return str(int(datetime.fromisoformat(newest).replace(tzinfo=timezone.utc).timestamp()))


def _load_config(config_file: Path, docs_dir: Path, site_dir: Path | None = None, strict: bool = True):
    from mkdocs.config import load_config

    kwargs = {"config_file": str(config_file), "docs_dir": str(docs_dir.resolve()), "strict": strict}
    if site_dir is not None:
        kwargs["site_dir"] = str(site_dir.resolve())
    return load_config(**kwargs)


def build_site(config_file: Path, docs_dir: Path, site_dir: Path, epoch: str) -> None:
    """`mkdocs build --strict` of `docs_dir` into `site_dir`."""
    from mkdocs.commands.build import build

    os.environ.setdefault("SOURCE_DATE_EPOCH", epoch)
    config = _load_config(config_file, docs_dir, site_dir)
    build(config)


def serve(config_file: Path, docs_dir: Path) -> None:
    """Live preview: MkDocs' dev server, rebuilding on change."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    mkdocs_serve(config_file=str(config_file), docs_dir=str(docs_dir.resolve()), livereload=True)
