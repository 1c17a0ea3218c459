"""The names the project knows: organisations, people, places and institutions.

`scrapedocs/data/lexicon.yml`, extended by a `lexicon.yml` in the project folder.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent.parent / "data"
LEXICON = DATA / "lexicon.yml"
PROJECT_LEXICON = Path(__file__).resolve().parents[2] / "lexicon.yml"


@dataclass(frozen=True)
class Lexicon:
    organisations: tuple[str, ...]
    people: tuple[str, ...]
    places: tuple[str, ...]
    institutions: tuple[str, ...]


def _names(data: dict, key: str) -> list[str]:
    return [str(x).strip() for x in data.get(key) or [] if str(x).strip()]


@lru_cache(maxsize=1)
def lexicon(paths: tuple[Path, ...] = (LEXICON, PROJECT_LEXICON)) -> Lexicon:
    """The packaged lexicon, extended by the project's `lexicon.yml` when there is one."""
    found = {"organisations": [], "people": [], "places": [], "institutions": []}
    for path in paths:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None
        if isinstance(data, dict):
            for key, names in found.items():
                names += [n for n in _names(data, key) if n not in names]
    return Lexicon(*(tuple(found[k]) for k in ("organisations", "people", "places", "institutions")))
