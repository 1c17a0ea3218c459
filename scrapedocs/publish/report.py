"""The build report: what became of every input."""
from __future__ import annotations

import json
from pathlib import Path

from ..model import Collection


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
            **({"extraction": doc.extraction} if doc.extraction else {}),
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
