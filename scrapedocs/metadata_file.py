"""Collection stage: `metadata.yml` sets the fields of many documents at once, keyed by title.

A sidecar speaks for one source; `metadata.yml` (beside `aliases.yml`) speaks
for a whole collection, so that 时效性 (现行有效, 已修改, 已废止), a 文号 the
page does not print or a corrected issuer can be kept in one file:

    documents:
      - title: 国务院关于印发“十四五”国家知识产权保护和运用规划的通知
        doc_number: 国发〔2021〕20号
        validity: 现行有效

Titles match the way citations do (script, width, quotes and dashes folded).
It is applied in a collection stage that only touches `doc.meta`, so editing
the file reruns no per-document stage. A document's own sidecar wins over it.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from .config import BuildConfig
from .link.fold import fold
from .model import Collection
from .schema import validate_fields
from .sidecar import load_sidecar

METADATA_FILE = "metadata.yml"  # in the project folder (`BuildConfig.project_dir`), beside aliases.yml


def load_metadata(path: Path) -> tuple[dict[str, tuple[str, dict]], list[str]]:
    """Folded title → (title, fields), and the problems found (bad entries are skipped, never fatal)."""
    if not path.is_file():
        return {}, []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        return {}, [f"{path.name} ignored: {type(err).__name__}: {err}"]
    items = data.get("documents", []) if isinstance(data, dict) else data
    if isinstance(items, dict):  # also accepted: {title: {field: value}}
        items = [{"title": title, **(fields or {})} for title, fields in items.items() if isinstance(fields, dict)]
    out: dict[str, tuple[str, dict]] = {}
    problems: list[str] = []
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict) or not str(item.get("title") or "").strip():
            problems.append(f"{path.name}: an entry without a title ignored: {item!r}"[:200])
            continue
        # The fields a sidecar may set, checked the same way; `title` names the entry, `slug` is per source.
        where = f"{path.name}: {str(item['title'])[:60]}"
        fields = validate_fields({k: v for k, v in item.items() if k != "title"}, problems, where)
        if fields.pop("slug", None) is not None:
            problems.append(f"{where}: field 'slug' ignored: set a page's slug in its sidecar")
        out[fold(str(item["title"]))] = (str(item["title"]), fields)
    return out, problems


def _sidecar_keys(doc) -> set[str]:
    if doc.sidecar is None:
        return set()
    try:
        return {str(key) for key in load_sidecar(doc.sidecar[1])}
    except ValueError:
        return set()


def apply_metadata_file(collection: Collection, path: Path | None = None) -> Collection:
    """The `metadata` stage: fields from `metadata.yml` for the documents it names."""
    path = path or (collection.config or BuildConfig()).project_file(METADATA_FILE)
    entries, problems = load_metadata(path)
    collection.warnings.extend(problems)
    matched = set()
    for doc in collection.published:
        key = fold(str(doc.meta.get("title") or ""))
        if key not in entries:
            continue
        matched.add(key)
        fields = entries[key][1]
        own = _sidecar_keys(doc)
        for name, value in fields.items():
            if name in own:
                continue  # the document's sidecar is the more specific word
            if value in (None, "", False):
                doc.meta.pop(name, None)  # an empty value removes a wrongly extracted field
            else:
                doc.meta[name] = value
    for key in sorted(entries.keys() - matched):
        collection.warnings.append(f"{path.name}: no document has the title {entries[key][0]!r}")
    return collection
