"""Which files under the input folder are sources."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

SUFFIXES = (".txt", ".html", ".htm", ".md")


def find_sources(root: Path) -> Iterator[Path]:
    """Every readable source under `root`, sub-folders included, in a stable order."""
    for path in sorted(root.rglob("*"), key=lambda p: p.relative_to(root).as_posix()):
        if path.is_file() and path.suffix.lower() in SUFFIXES and not path.name.startswith("."):
            yield path
